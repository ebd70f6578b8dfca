import { sourceFilters, type SearchSource } from './records.ts';

/**
 * How one build's articles are split into Pagefind bundles. Pagefind holds a whole index in
 * memory while it writes it (about 0.5 GB per 1,000 articles here), so a large archive is
 * indexed in shards of at most `size` articles, one after another, each its own bundle; the
 * search page merges them with `mergeIndex`. Articles are sorted by date first, so shards hold
 * disjoint date ranges listed oldest first, and within a shard Pagefind returns pages in that
 * order: date order needs no sort key.
 */
export interface ShardPlan {
  /**
   * Names the bundle and is its Pagefind "language" and the prefix of its page ids, so result
   * ids tell their shard. A hash of everything the bundle is made from: it changes whenever the
   * bundle does, and so do the names of all its files.
   */
  key: string;
  /** Bundle path under the site root, ending in `/`. */
  path: string;
  sources: SearchSource[];
}

export function compareSources(a: SearchSource, b: SearchSource): number {
  return a.date.localeCompare(b.date) || a.url.localeCompare(b.url);
}

/**
 * Changes whenever the index format written for the same articles changes (tokens, files), so
 * that bundle keys and file names change with it.
 */
export const INDEX_FORMAT = 'bigram-groups-1';

/** FNV-1a, 32 bit, hex: a short stable name from the shard's contents. */
function fnv(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

/**
 * Plan the bundles: the first at `/pagefind/`, the others at `/pagefind/shards/<key>/` (inside
 * the first, so that Pagefind derives the same base URL for all of them, also when the whole
 * site is served under a sub-path).
 */
export function planShards(sources: readonly SearchSource[], size: number): ShardPlan[] {
  const sorted = [...sources].sort(compareSources);
  const plans: ShardPlan[] = [];
  for (let start = 0; start < sorted.length || plans.length === 0; start += size) {
    const part = sorted.slice(start, start + size);
    const key = `x${fnv(`${INDEX_FORMAT}\n${JSON.stringify(part)}`)}`;
    plans.push({ key, path: plans.length === 0 ? '/pagefind/' : `/pagefind/shards/${key}/`, sources: part });
    if (part.length === 0) break;
  }
  return plans;
}

/** Values of each filter with the number of articles holding them, for the search form. */
export type Facets = Record<string, Record<string, number>>;

export function facetsOf(sources: readonly SearchSource[]): Facets {
  const facets: Facets = {};
  for (const source of sources) {
    for (const [key, values] of Object.entries(sourceFilters(source))) {
      const counts = (facets[key] ??= {});
      for (const value of values) counts[value] = (counts[value] ?? 0) + 1;
    }
  }
  return facets;
}

/** `/search-shards.json`: the bundles a search covers, primary first (the shards contract). */
export interface ShardManifest {
  bundles: string[];
  /** True when the bundles hold disjoint date ranges listed oldest first. */
  ordered?: boolean;
}
