import type { AstroIntegration } from 'astro';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ARTICLE_FILE_BUNDLE } from '../lib/article-files.ts';
import { CORPUS_PARTS } from '../lib/corpus.ts';
import { progress } from '../lib/progress.ts';
import { parseShard } from '../lib/shard-plan.ts';
import { unpackArticleFiles } from '../io/article-files.ts';
import { assembleCorpus } from '../io/corpus-files.ts';

/** The route of the bundles, one per issue; src/integrations/shard-output.ts filters it too. */
export const ARTICLE_FILE_BUNDLE_PATTERN = `/[paper]/[date]/${ARTICLE_FILE_BUNDLE}`;

/**
 * The JSON, text and citation files of every article, written by the build without an Astro
 * route per file: Astro spends about 0.6 ms on each route output, more than the files take to
 * make (README, Citations and open data). An injected endpoint (article-file-bundle.ts) renders
 * one bundle per issue with the bodies from src/lib/article-files.ts, which the endpoints under
 * `src/pages/[paper]/[date]/[page]/[seq]/` also serve in `astro dev`; when the build is done
 * this writes each file of each bundle and deletes the bundle, one issue at a time. Listed after
 * `shardOutput()` in astro.config.mjs, so that a shard build has dropped the bundles of the
 * issues it does not own.
 *
 * Each bundle also carries its issue's lines of the corpus: they are kept as the part
 * (corpus.ts), and a whole build then assembles the corpus downloads from the parts; a shard
 * build leaves its parts to `npm run shard -- combine`.
 */
export function articleFileBundles(): AstroIntegration {
  let record: string | undefined;
  return {
    name: 'archive:article-files',
    hooks: {
      'astro:config:setup': ({ command, injectRoute, updateConfig }) => {
        if (command !== 'build') return;
        injectRoute({ pattern: ARTICLE_FILE_BUNDLE_PATTERN, entrypoint: new URL('../integrations/article-file-bundle.ts', import.meta.url), prerender: true });
        injectRoute({ pattern: `/${CORPUS_PARTS}/papers.json`, entrypoint: new URL('../integrations/corpus-index.ts', import.meta.url), prerender: true });
        // and the endpoints of the single files render nothing (src/lib/route-params.ts)
        updateConfig({ vite: { define: { 'import.meta.env.ARCHIVE_ARTICLE_FILE_BUNDLES': 'true' } } });
      },
      'astro:config:done': ({ config }) => {
        record = join(fileURLToPath(config.cacheDir), 'article-files.json');
      },
      'astro:build:done': ({ dir, logger }) => {
        const started = performance.now();
        const site = fileURLToPath(dir);
        const counter = progress({ label: 'writing article files, issues', say: (line) => logger.info(line) });
        const { bundles, files, unchanged } = unpackArticleFiles(site, { record, onBundle: () => counter.tick() });
        logger.info(`wrote ${files} article files from ${bundles - unchanged} issue bundles (${unchanged} unchanged) in ${Math.round(performance.now() - started)} ms`);
        if (parseShard(process.env.ARCHIVE_SHARD)) return;
        const assembled = performance.now();
        const corpus = assembleCorpus(site);
        logger.info(`wrote ${corpus.files} corpus files of ${corpus.records} articles in ${Math.round(performance.now() - assembled)} ms`);
      },
    },
  };
}

