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

/** Plan the bundles: sorted by date, cut every `size` articles; one (empty) bundle for no articles. */
export function planShards(sources: readonly SearchSource[], size: number): ShardPlan[] {
  const sorted = [...sources].sort(compareSources);
  const plans: ShardPlan[] = [];
  for (let start = 0; start < sorted.length || plans.length === 0; start += size) {
    const part = sorted.slice(start, start + size);
    const key = bundleKey(part);
    plans.push({ key, path: bundlePath(key, plans.length), sources: part });
    if (part.length === 0) break;
  }
  return plans;
}
