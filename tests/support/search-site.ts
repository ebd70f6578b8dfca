import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeSearchBundles } from '../../src/io/search-bundles.ts';
import type { SearchSource } from '../../src/lib/search/records.ts';
import { serveStatic, type StaticServer } from '../../src/io/static-server.ts';

/**
 * The built site (its search page and runtime) with a search index of the given articles
 * instead of the bundled archive's, served on a random port: for browser tests of search cases
 * the bundled archive does not hold; in bundles (recency tiers) of `shardSize` articles when given.
 */
export async function searchSite(distDir: string, sources: readonly SearchSource[], shardSize?: number): Promise<{ server: StaticServer; site: string; close(): Promise<void> }> {
  const work = mkdtempSync(join(tmpdir(), 'search-site-'));
  const site = join(work, 'site');
  cpSync(distDir, site, { recursive: true });
  await writeSearchBundles(sources, site, shardSize ? { shardSize } : {});
  const server = await serveStatic(site);
  return {
    server,
    site,
    async close() {
      await server.close();
      rmSync(work, { recursive: true, force: true });
    },
  };
}

/** A search source with defaults: an article of 遵义日报 page 1 by 张婷. */
export function searchSource(url: string, paragraphs: string[], extra: Partial<SearchSource> = {}): SearchSource {
  const date = /\d{4}-\d{2}-\d{2}/u.exec(url)?.[0] ?? '2023-01-01';
  return {
    url,
    date,
    paper: '遵义日报',
    page: 1,
    pageName: '要闻',
    kind: 'article',
    title: null,
    kicker: null,
    subtitle: null,
    byline: null,
    credit: null,
    headline: paragraphs[0]!.slice(0, 12),
    paragraphs,
    people: ['张婷'],
    ...extra,
  };
}
