import { existsSync, mkdirSync, readdirSync, readFileSync, rmdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { ownsPath, type Shard } from '../lib/shard-plan.ts';

/**
 * The file-system side of a shard build (src/integrations/shard-output.ts): drop the output that
 * other builds own, and the search sources of articles this build does not own.
 */

/** Shared by every build, identical in each (content-hashed names). */
const SHARED = /^\/_astro\//;
/** The search helper's build-time article sources (src/integrations/search-records.ts). */
const SEARCH_SOURCES = /^\/_search-sources\//;

export function pruneOutput(site: string, shard: Shard): { removed: number; kept: number } {
  let removed = 0;
  let kept = 0;
  const walk = (dir: string): boolean => {
    let empty = true;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      const url = `/${relative(site, path).split(sep).join('/')}${entry.isDirectory() ? '/' : ''}`;
      if (entry.isDirectory()) {
        if (walk(path)) rmdirSync(path);
        else empty = false;
      } else if (SHARED.test(url) || SEARCH_SOURCES.test(url) || ownsPath(shard, url)) {
        kept++;
        empty = false;
      } else {
        rmSync(path);
        removed++;
      }
    }
    return empty;
  };
  walk(site);
  return { removed, kept };
}

/** Keep the search sources of the articles this shard owns; returns how many are left. */
export function filterSearchSources(site: string, shard: Shard): number {
  const dir = join(site, '_search-sources');
  if (!existsSync(dir)) {
    // the index build skipped them; the search step still expects the folder
    mkdirSync(dir, { recursive: true });
    return 0;
  }
  let left = 0;
  for (const file of readdirSync(dir)) {
    if (!file.endsWith('.json')) continue;
    const path = join(dir, file);
    const sources = JSON.parse(readFileSync(path, 'utf8')) as Array<{ url: string }>;
    const owned = sources.filter((source) => ownsPath(shard, source.url));
    left += owned.length;
    writeFileSync(path, JSON.stringify(owned));
  }
  return left;
}
