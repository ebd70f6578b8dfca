import { existsSync, lstatSync, mkdirSync, readdirSync, rmdirSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The file-system side of building over the previous output (src/integrations/output-in-place.ts):
 * a marker of when the build started, which files this build wrote, and removing the rest.
 */
const MARKER = '.archive-build-started';

/** Files a step of this build left as they were because they were already right, by output folder. */
export const kept = new Map<string, Set<string>>();

/** Say that these files of the previous build are this build's too (they did not change). */
export function keepFiles(site: string, paths: Iterable<string>): void {
  const set = kept.get(site) ?? new Set<string>();
  for (const path of paths) set.add(path);
  kept.set(site, set);
}

/**
 * Note when the build starts, in the output folder. The file system's clock is coarse (a tick
 * of a few ms): a file written just before the marker, in the same tick, would have the same
 * change time and pass for one of this build. So the marker is written again until its time is
 * on the next tick, later than every file written before the call (at most one tick's wait).
 */
export function markBuildStart(site: string): void {
  mkdirSync(site, { recursive: true });
  const marker = join(site, MARKER);
  const write = () => {
    // a new file, so that its change time is now
    rmSync(marker, { force: true });
    writeFileSync(marker, '');
    return statSync(marker, { bigint: true }).ctimeNs;
  };
  const first = write();
  const pause = new Int32Array(new SharedArrayBuffer(4));
  for (let tries = 0; write() <= first; tries++) {
    if (tries === 1000) throw new Error(`[output-in-place] ${marker}: the file system's change times did not move in 1 s; build onto a local disk whose clock runs (outDir in astro.config.mjs)`);
    Atomics.wait(pause, 0, 0, 1);
  }
}

/** When the build writing into `site` started (ns, the file system's clock); null without a marker. */
export function buildStart(site: string): bigint | null {
  const marker = join(site, MARKER);
  return existsSync(marker) ? statSync(marker, { bigint: true }).ctimeNs : null;
}

/** Was this file written by the build that started at `start`? (Without a marker, any file was.) */
export function writtenThisBuild(path: string, start: bigint | null): boolean {
  return start === null || lstatSync(path, { bigint: true }).ctimeNs >= start;
}

/**
 * Remove every file under `site` that the build did not write, except `keep` (the pages an
 * incremental build kept as they were), then the folders left empty, then the marker. Without
 * a marker (the build did not start here) nothing is removed.
 */
export function removeStale(site: string, keep: ReadonlySet<string> = new Set()): { removed: number } {
  const start = buildStart(site);
  if (start === null) return { removed: 0 };
  let removed = 0;
  const walk = (dir: string): boolean => {
    let empty = true;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (walk(path)) rmdirSync(path);
        else empty = false;
      } else if (dir === site && entry.name === MARKER) {
        empty = false;
      } else if (!keep.has(path) && lstatSync(path, { bigint: true }).ctimeNs < start) {
        unlinkSync(path);
        removed++;
      } else {
        empty = false;
      }
    }
    return empty;
  };
  walk(site);
  rmSync(join(site, MARKER), { force: true });
  return { removed };
}
