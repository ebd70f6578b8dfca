import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '..', '..');

export interface BuildOptions {
  /** The archive to build (default: the committed content/). */
  contentDir?: string;
  outDir: string;
  /** Astro's cache for this archive; keep one per archive so builds do not invalidate each other. */
  astroCache: string;
  /** Cache of encoded photo sizes. */
  photoCache?: string;
  env?: Record<string, string>;
}

/** Run `astro build` as a user would, and fail with its output when it fails. */
export async function buildSite(options: BuildOptions): Promise<{ output: string; ms: number }> {
  mkdirSync(options.outDir, { recursive: true });
  const started = performance.now();
  const env = {
    ...process.env,
    ARCHIVE_CONTENT_DIR: options.contentDir ?? resolve(ROOT, 'content'),
    ARCHIVE_ASTRO_CACHE: options.astroCache,
    ...(options.photoCache ? { ARCHIVE_CACHE_DIR: options.photoCache } : {}),
    ASTRO_TELEMETRY_DISABLED: '1',
    ...options.env,
  };
  const child = spawn(process.execPath, [resolve(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build', '--outDir', options.outDir], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const code = await new Promise<number | null>((done) => child.on('close', done));
  if (code !== 0) throw new Error(`astro build failed (exit ${code}):\n${output.slice(-6000)}`);
  return { output, ms: performance.now() - started };
}
