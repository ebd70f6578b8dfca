import type { AstroIntegration } from 'astro';
import { readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { progress } from '../lib/progress.ts';
import type { SearchSource } from '../lib/search/records.ts';
import { DEFAULT_FIRST_TIER, DEFAULT_SHARD_SIZE, writeSearchBundles } from '../io/search-bundles.ts';
import { countSetting } from '../lib/settings.ts';

/** Where the build writes the articles' search sources before they are indexed (then deleted). */
const SOURCES_DIR = '_search-sources';

export interface SearchIndexOptions {
  /** Articles per bundle (default DEFAULT_SHARD_SIZE, or ARCHIVE_SEARCH_SHARD_SIZE). */
  shardSize?: number;
  /** Articles in the newest bundle (default DEFAULT_FIRST_TIER, or ARCHIVE_SEARCH_FIRST_TIER). */
  firstTier?: number;
}

/**
 * Exact Chinese search, built inside `astro build` and never copied into the source tree.
 *
 * During the build an injected endpoint writes every article's searchable text and filters
 * (see search-records.ts); when the build is done this integration writes Pagefind bundles of
 * at most `shardSize` articles each, indexed by character bigrams (see src/lib/search/tokens.ts
 * and lib/search/bundle-writer.ts), the filter values for the search form, and `/search-shards.json`
 * listing the bundles.
 */
export function searchIndex(options: SearchIndexOptions = {}): AstroIntegration {
  const shardSize = options.shardSize ?? countSetting('ARCHIVE_SEARCH_SHARD_SIZE', process.env.ARCHIVE_SEARCH_SHARD_SIZE, DEFAULT_SHARD_SIZE);
  const firstTier = options.firstTier ?? countSetting('ARCHIVE_SEARCH_FIRST_TIER', process.env.ARCHIVE_SEARCH_FIRST_TIER, DEFAULT_FIRST_TIER);
  return {
    name: 'archive:search-index',
    hooks: {
      'astro:config:setup': ({ injectRoute }) => {
        injectRoute({ pattern: `/${SOURCES_DIR}/[part].json`, entrypoint: new URL('./search-records.ts', import.meta.url), prerender: true });
      },
      'astro:build:done': async ({ dir, logger }) => {
        const site = fileURLToPath(dir);
        const started = performance.now();
        const sources = await readSources(join(site, SOURCES_DIR));
        // the bench measures the build's memory between this line and the last (scripts/lib/bench-stats.ts)
        logger.info(`indexing ${sources.length} articles`);
        const counter = progress({ label: 'writing the search index, files', say: (line) => logger.info(line) });
        const result = await writeSearchBundles(sources, site, { shardSize, firstTier, onFile: () => counter.tick() });
        logger.info(`indexed ${sources.length} articles in ${result.bundles.length} bundle(s) in ${Math.round(performance.now() - started)} ms`);
      },
    },
  };
}

async function readSources(dir: string): Promise<SearchSource[]> {
  const files = (await readdir(dir)).filter((name) => name.endsWith('.json'));
  const sources: SearchSource[] = [];
  for (const file of files) sources.push(...(JSON.parse(await readFile(join(dir, file), 'utf8')) as SearchSource[]));
  if (process.env.ARCHIVE_SEARCH_KEEP_SOURCES !== '1') await rm(dir, { recursive: true, force: true });
  return sources;
}
