import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { kept, markBuildStart, removeStale } from '../io/output-in-place.ts';

/**
 * Build over the previous output instead of emptying it first. Astro empties `outDir` before
 * every build; at 50,000 articles that is 366,000 files, 32 s of a warm build, and the files
 * written next into the emptied folder are slower to create (README, Scale). Here each file of
 * the new build replaces the old one in place, and when every step is done, whatever the
 * previous build left that this one did not write is removed: the output is the same as a build
 * into an empty folder (tests/e2e/in-place-build.test.ts).
 *
 * What this build wrote is told by the file's change time (ctime): writing, renaming or
 * hard-linking a file sets it, and a marker written when the build starts gives the time on
 * the file system's own clock. Listed last in astro.config.mjs: Astro runs `astro:build:done`
 * hooks in order, and the steps before this one (article files, photos, search) write files.
 */
export function outputInPlace(): AstroIntegration {
  let outDir: string | undefined;
  return {
    name: 'archive:output-in-place',
    hooks: {
      'astro:config:setup': ({ command, updateConfig }) => {
        if (command === 'build') updateConfig({ vite: { build: { emptyOutDir: false } } });
      },
      'astro:config:done': ({ config }) => {
        outDir = fileURLToPath(config.outDir);
      },
      'astro:build:start': () => {
        if (outDir) markBuildStart(outDir);
      },
      'astro:build:done': ({ dir, assets, logger }) => {
        const started = performance.now();
        // what Astro and the steps before kept as it was (incremental builds, unchanged bundles)
        const site = fileURLToPath(dir);
        const keep = kept.get(site) ?? new Set<string>();
        for (const urls of assets.values()) for (const url of urls) keep.add(fileURLToPath(url));
        const { removed } = removeStale(site, keep);
        kept.delete(site);
        if (removed > 0) logger.info(`removed ${removed} files of the previous build that this one did not write, in ${Math.round(performance.now() - started)} ms`);
      },
    },
  };
}

