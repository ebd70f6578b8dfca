import { bundleKey, bundlePath } from './index-format.ts';
import type { SearchSource } from './records.ts';

/**
 * How one build's articles are split into search bundles. The index writer holds a bundle's
 * postings in memory while it writes it, so a large archive is indexed in shards of at most
 * `size` articles, one after another, each its own bundle; the search page merges them with
 * Pagefind's `mergeIndex`. Articles are sorted by date first, so shards hold disjoint date ranges
 * listed oldest first, and within a shard results come back in that order: date order needs no
 * sort key.
 */
export interface ShardPlan {
  /** The bundle's key (see `bundleKey`). */
  key: string;
  /** Bundle path under the site root, ending in `/`. */
  path: string;
  sources: SearchSource[];
}

export function compareSources(a: SearchSource, b: SearchSource): number {
  return a.date.localeCompare(b.date) || a.url.localeCompare(b.url);
}

/**
 * Plan the bundles: sorted by date, cut every `size` articles counted from the newest, so that
 * the newest bundle is full and only the oldest may be smaller (a search reads the newest first:
 * docs/0015-search-recency-tiers.md); listed oldest first; one (empty) bundle for no articles.
 */
export function planShards(sources: readonly SearchSource[], size: number): ShardPlan[] {
  const sorted = [...sources].sort(compareSources);
  const cuts: Array<[number, number]> = [];
  for (let end = sorted.length; end > 0; end -= size) cuts.unshift([Math.max(0, end - size), end]);
  if (cuts.length === 0) cuts.push([0, 0]);
  return cuts.map(([start, end], n) => {
    const part = sorted.slice(start, end);
    const key = bundleKey(part);
    return { key, path: bundlePath(key, n), sources: part };
  });
}
