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
 * Plan the bundles: sorted by date, the newest `first` articles (default `size`), then every
 * `size` articles counted back from there, so that the newest bundles are full and only the
 * oldest may be smaller (a search reads the newest first, and a small newest tier answers a
 * first search sooner: docs/0015-search-recency-tiers.md); listed oldest first; one (empty)
 * bundle for no articles.
 */
export function planShards(sources: readonly SearchSource[], size: number, first = size): ShardPlan[] {
  if (!Number.isSafeInteger(size) || size < 1 || !Number.isSafeInteger(first) || first < 1) throw new RangeError(`search bundles of ${size} articles, the newest of ${first}: both must be whole numbers above 0`);
  const sorted = [...sources].sort(compareSources);
  const cuts: Array<[number, number]> = [];
  for (let end = sorted.length, take = Math.min(first, size); end > 0; end -= take, take = size) cuts.unshift([Math.max(0, end - take), end]);
  if (cuts.length === 0) cuts.push([0, 0]);
  return cuts.map(([start, end], n) => {
    const part = sorted.slice(start, end);
    const key = bundleKey(part);
    return { key, path: bundlePath(key, n), sources: part };
  });
}
