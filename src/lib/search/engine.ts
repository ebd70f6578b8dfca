import { parseQuery } from './query.ts';
import { rankingQuery, termQuery } from './tokens.ts';
import { filtersOf, type SearchState } from './url-state.ts';

/**
 * Exact search over Pagefind: each term of the query is searched exactly (see tokens.ts: the
 * quoted phrase of its bigrams, or for one or two characters a prefix search that is exact for
 * them), the results of all terms are intersected, and the survivors are ordered by relevance
 * (Pagefind's score for the words of the query, unquoted) or by date. Results are counted
 * without loading them; only the results of the page shown are loaded. The engine takes
 * Pagefind as an argument, so that it runs the same against the real bundles in the browser
 * and against a stand-in in unit tests.
 */

/** The part of a Pagefind result the engine uses. */
export interface PagefindResult {
  /**
   * The page id, `<bundle key>_<number>`: the key names the bundle (shard) it came from, the
   * number (base 36) is its place in the bundle, which holds its articles in date order.
   */
  id: string;
  score: number;
  data(): Promise<PagefindFragment>;
}

export interface PagefindFragment {
  url: string;
  raw_url?: string;
  content: string;
  filters: Record<string, string[]>;
  meta?: Record<string, string>;
}

export interface PagefindApi {
  search(term: string, options?: { filters?: Record<string, string> }): Promise<{ results: PagefindResult[] } | null>;
}

export interface EngineOptions {
  pagefind: () => Promise<PagefindApi>;
  /** Does the text hold a character that traditional-to-simplified conversion may change? */
  mayBeTraditional?: (text: string) => boolean;
  /** Load the traditional-to-simplified converter (only called when a query needs it). */
  toSimplified?: () => Promise<(text: string) => string>;
  /**
   * True when the bundles hold disjoint date ranges listed oldest first (one build's own
   * shards). Otherwise results of different bundles are merged by date when sorting by date.
   */
  ordered?: boolean;
  /** The bundles' keys, in the order they are listed (oldest first when `ordered`). */
  bundles?: readonly string[];
  /** Load a result's fragment (default: Pagefind's `data()`). */
  load?: (result: PagefindResult) => Promise<PagefindFragment>;
}

export interface SearchOutcome {
  /** The query's terms after parsing. */
  terms: string[];
  /** For each term, the forms searched: the term, and its simplified form when it differs. */
  variants: string[][];
  /** Every matching article, in the requested order (date orders may be completed lazily). */
  results: PagefindResult[];
  /** Number of matching articles. */
  total: number;
  /** The results of one page of the list, in order. */
  page(index: number, size: number): Promise<PagefindResult[]>;
}

const DATE_IN_URL = /\/(\d{4}-\d{2}-\d{2})\//u;

/** The bundle key and place in the bundle of a result, from its id. */
function placeOf(result: PagefindResult): { bundle: string; index: number } {
  const cut = result.id.lastIndexOf('_');
  return { bundle: cut < 0 ? '' : result.id.slice(0, cut), index: Number.parseInt(result.id.slice(cut + 1), 36) };
}

export function createEngine(options: EngineOptions) {
  let converter: Promise<(text: string) => string> | null = null;

  async function variantsOf(term: string): Promise<string[]> {
    if (!options.toSimplified || !options.mayBeTraditional?.(term)) return [term];
    converter ??= options.toSimplified();
    const simplified = (await converter)(term);
    return simplified === term ? [term] : [term, simplified];
  }

  /** Results in index order: by bundle as listed, then by place in the bundle (oldest first when ordered). */
  function indexOrder(results: PagefindResult[]): PagefindResult[] {
    const rank = new Map((options.bundles ?? []).map((key, index) => [key, index]));
    const keyed = results.map((result) => {
      const place = placeOf(result);
      return { result, rank: rank.get(place.bundle) ?? rank.size, bundle: place.bundle, index: place.index };
    });
    keyed.sort((a, b) => a.rank - b.rank || (a.bundle < b.bundle ? -1 : a.bundle > b.bundle ? 1 : 0) || a.index - b.index);
    return keyed.map(({ result }) => result);
  }

  async function search(state: SearchState): Promise<SearchOutcome> {
    const { terms } = parseQuery(state.q);
    if (terms.length === 0) return empty(terms);
    const pagefind = await options.pagefind();
    const filters = filtersOf(state) as Record<string, string>;
    const variants = await Promise.all(terms.map(variantsOf));

    // one exact search per form of each term, all at once
    const perTerm = await Promise.all(
      variants.map(async (forms) => {
        const lists = await Promise.all(
          forms.map(async (form) => {
            const query = termQuery(form);
            return { query, results: query ? ((await pagefind.search(query.query, { filters }))?.results ?? []) : [] };
          }),
        );
        const best = lists.reduce((a, b) => (b.results.length > a.results.length ? b : a), lists[0]!);
        return { lists, best: forms[lists.indexOf(best)] ?? forms[0]! };
      }),
    );

    // intersect the terms (each the union of its forms), then put the survivors in index order
    const byTerm = perTerm.map(({ lists }) => {
      const union = new Map<string, PagefindResult>();
      for (const { results } of lists) for (const result of results) if (!union.has(result.id)) union.set(result.id, result);
      return union;
    });
    const [first, ...rest] = byTerm;
    const results = indexOrder([...first!.values()].filter((result) => rest.every((map) => map.has(result.id))));

    if (state.sort === 'relevance' && results.length > 1) {
      // one term searched unquoted in one form was scored already; otherwise score all words unquoted
      const only = perTerm.length === 1 && perTerm[0]!.lists.length === 1 ? perTerm[0]!.lists[0]! : null;
      const scored =
        only && only.query && !only.query.exact ? only.results : ((await pagefind.search(rankingQuery(perTerm.map(({ best }) => best)), { filters }))?.results ?? []);
      const score = new Map(scored.map((result) => [result.id, result.score]));
      const position = new Map(results.map((result, index) => [result.id, index]));
      // ties: newer first
      const ranked = [...results].sort((a, b) => (score.get(b.id) ?? 0) - (score.get(a.id) ?? 0) || position.get(b.id)! - position.get(a.id)!);
      return outcome(terms, variants, ranked);
    }
    return dateOutcome(terms, variants, results, state.sort === 'oldest' ? 'asc' : 'desc');
  }

  /**
   * Results in index order are oldest first within each bundle. Within one bundle, or across
   * bundles listed in date order, that is date order; otherwise bundles are merged by the dates
   * in their URLs, reading only as many results as the requested page needs.
   */
  function dateOutcome(terms: string[], variants: string[][], results: PagefindResult[], direction: 'asc' | 'desc'): SearchOutcome {
    const groups = new Map<string, PagefindResult[]>();
    for (const result of results) {
      const key = placeOf(result).bundle;
      const group = groups.get(key);
      if (group) group.push(result);
      else groups.set(key, [result]);
    }
    if (groups.size <= 1 || options.ordered) {
      return outcome(terms, variants, direction === 'asc' ? results : [...results].reverse());
    }
    const queues = [...groups.values()].map((list) => (direction === 'asc' ? list : [...list].reverse()));
    const merged: PagefindResult[] = [];
    const dates = new Map<PagefindResult, Promise<string>>();
    const dateOf = (result: PagefindResult) => {
      if (!dates.has(result)) dates.set(result, (options.load ?? ((r: PagefindResult) => r.data()))(result).then((data) => DATE_IN_URL.exec(data.raw_url ?? data.url)?.[1] ?? ''));
      return dates.get(result)!;
    };
    async function fill(count: number): Promise<void> {
      while (merged.length < count && queues.some((queue) => queue.length > 0)) {
        const heads = queues.filter((queue) => queue.length > 0);
        const headDates = await Promise.all(heads.map((queue) => dateOf(queue[0]!)));
        let pick = 0;
        for (let i = 1; i < heads.length; i++) {
          const better = direction === 'asc' ? headDates[i]! < headDates[pick]! : headDates[i]! > headDates[pick]!;
          if (better) pick = i;
        }
        merged.push(heads[pick]!.shift()!);
      }
    }
    return {
      terms,
      variants,
      results: merged,
      total: results.length,
      async page(index, size) {
        await fill((index + 1) * size);
        return merged.slice(index * size, (index + 1) * size);
      },
    };
  }

  return { search };
}

function empty(terms: string[]): SearchOutcome {
  return outcome(terms, [], []);
}

function outcome(terms: string[], variants: string[][], results: PagefindResult[]): SearchOutcome {
  return {
    terms,
    variants,
    results,
    total: results.length,
    async page(index, size) {
      return results.slice(index * size, (index + 1) * size);
    },
  };
}
