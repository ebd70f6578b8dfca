import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildSite, ROOT } from '../../src/io/astro-build.ts';
import { serveStatic } from '../../src/io/static-server.ts';

/**
 * Build the bundled archive once for all browser tests, into a folder of its own, and serve it
 * on a random port as a static host would.
 */
export default async function setup(project: TestProject) {
  // one folder per run, so that two test runs on one machine never build into each other
  const work = resolve(ROOT, `.cache/e2e/${process.pid}`);
  const outDir = resolve(work, 'dist');
  const { output } = await buildSite({ outDir, astroCache: resolve(work, 'astro'), photoCache: resolve(ROOT, '.cache/e2e/photos') });
  const server = await serveStatic(outDir);
  project.provide('baseUrl', server.url);
  project.provide('distDir', outDir);
  project.provide('buildLog', output);
  return async () => {
    await server.close();
    rmSync(work, { recursive: true, force: true });
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    distDir: string;
    /** What `astro build` printed. */
    buildLog: string;
  }
}
