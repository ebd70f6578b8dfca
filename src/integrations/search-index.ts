import type { AstroIntegration } from 'astro';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';
import { searchRecord, type SearchSource } from '../lib/search/records.ts';
import { facetsOf, planShards, type ShardManifest } from '../lib/search/shards.ts';

/** Where the build writes the articles' search sources before they are indexed (then deleted). */
const SOURCES_DIR = '_search-sources';

/** Articles per Pagefind bundle: Pagefind needs about 0.5 GB per 1,000 articles while writing. */
export const DEFAULT_SHARD_SIZE = 4000;

export interface SearchIndexOptions {
  /** Articles per bundle (default 4000, or ARCHIVE_SEARCH_SHARD_SIZE). */
  shardSize?: number;
}

/**
 * Exact Chinese search, built inside `astro build` and never copied into the source tree.
 *
 * During the build an injected endpoint writes every article's searchable text and filters
 * (see search-records.ts); when the build is done this integration turns them into Pagefind
 * custom records with one token per character (see src/lib/search/tokens.ts), writes one
 * bundle per shard of at most `shardSize` articles, the filter values for the search form, and
 * `/search-shards.json` listing the bundles.
 */
export function searchIndex(options: SearchIndexOptions = {}): AstroIntegration {
  const shardSize = options.shardSize ?? (Number(process.env.ARCHIVE_SEARCH_SHARD_SIZE) || DEFAULT_SHARD_SIZE);
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
        const result = await writeSearchBundles(sources, site, { shardSize });
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

/**
 * Write the search bundles of a site: `<site>/pagefind/` and, for a large archive, more bundles
 * under `<site>/pagefind/shards/`. Each shard is indexed by a fresh Pagefind service that is
 * closed afterwards, so that memory stays bounded by the largest shard. Used by the build and
 * by `npm run eval:search`.
 */
export async function writeSearchBundles(
  sources: readonly SearchSource[],
  site: string,
  { shardSize = DEFAULT_SHARD_SIZE, onShard }: { shardSize?: number; onShard?: (index: number) => void } = {},
): Promise<{ bundles: string[] }> {
  const plans = planShards(sources, shardSize);
  await rm(join(site, 'pagefind'), { recursive: true, force: true });
  for (const [index, plan] of plans.entries()) {
    const { index: pfIndex, errors } = await pagefind.createIndex({ writePlayground: false });
    if (!pfIndex) throw new Error(`[search-index] Pagefind could not start: ${errors.join('; ')}`);
    onShard?.(index);
    for (const source of plan.sources) {
      const added = await pfIndex.addCustomRecord(searchRecord(source, plan.key));
      if (added.errors.length > 0) throw new Error(`[search-index] ${source.url}: ${added.errors.join('; ')}`);
    }
    if (plan.sources.length === 0) {
      // an archive without articles still gets a bundle, so that the search page works (and finds nothing)
      await pfIndex.addCustomRecord({ url: '/', content: '', language: plan.key });
    }
    const written = await pfIndex.writeFiles({ outputPath: join(site, plan.path) });
    if (written.errors.length > 0) throw new Error(`[search-index] ${written.errors.join('; ')}`);
    await pagefind.close();
  }
  const bundles = plans.map((plan) => plan.path);
  await mkdir(join(site, 'pagefind'), { recursive: true });
  await writeFile(join(site, 'pagefind', 'archive-facets.json'), JSON.stringify(facetsOf(sources)));
  // written also for one bundle, so that the search page never asks for a missing file
  await writeFile(join(site, 'search-shards.json'), JSON.stringify({ bundles, ordered: true } satisfies ShardManifest));
  return { bundles };
}
