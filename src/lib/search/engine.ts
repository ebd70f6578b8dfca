import { parseQuery } from './query.ts';
import { phraseQuery, rankingQuery } from './tokens.ts';
import { filtersOf, type SearchState } from './url-state.ts';

/**
 * Exact search over Pagefind: each term of the query is searched as a quoted phrase of
 * single-character tokens (see tokens.ts), the results of all terms are intersected, and the
 * survivors are ordered by relevance (Pagefind's score for the query's characters unquoted) or
 * by date. The engine takes Pagefind as an argument, so that it runs the same against the real
 * bundle in the browser and against a stand-in in unit tests.
 */

/** The part of a Pagefind result the engine uses. */
export interface PagefindResult {
  /** The page hash, `<language>_<hash>`; the language names the bundle (shard) it came from. */
  id: string;
  score: number;
  data(): Promise<PagefindFragment>;
}

export interface PagefindFragment {
  url: string;
  raw_url?: string;
  content: string;
  filters: Record<string, string[]>;
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

function bundleOf(result: PagefindResult): string {
  const cut = result.id.lastIndexOf('_');
  return cut < 0 ? '' : result.id.slice(0, cut);
}

export function createEngine(options: EngineOptions) {
  let converter: Promise<(text: string) => string> | null = null;

  async function variantsOf(term: string): Promise<string[]> {
    if (!options.toSimplified || !options.mayBeTraditional?.(term)) return [term];
    converter ??= options.toSimplified();
    const simplified = (await converter)(term);
    return simplified === term ? [term] : [term, simplified];
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
            const phrase = phraseQuery(form);
            return phrase === '' ? [] : ((await pagefind.search(phrase, { filters }))?.results ?? []);
          }),
        );
        const best = lists.reduce((a, b) => (b.length > a.length ? b : a), [] as PagefindResult[]);
        return { lists, best: forms[lists.indexOf(best)] ?? forms[0]! };
      }),
    );

    // intersect: keep the first term's order (bundle order, then date order within a bundle)
    const byTerm = perTerm.map(({ lists }) => {
      const union = new Map<string, PagefindResult>();
      for (const list of lists) for (const result of list) if (!union.has(result.id)) union.set(result.id, result);
      return union;
    });
    const [first, ...rest] = byTerm;
    let results = [...first!.values()].filter((result) => rest.every((map) => map.has(result.id)));
    // a term found in two forms (traditional text in the archive too): the union is no longer in
    // index order, so date orders read the dates of all results
    const mixed = perTerm.some(({ lists }) => lists.filter((list) => list.length > 0).length > 1);

    if (state.sort === 'relevance' && results.length > 1) {
      const ranking = rankingQuery(perTerm.map(({ best }) => best));
      const scored = ranking === '' ? null : await pagefind.search(ranking, { filters });
      const score = new Map((scored?.results ?? []).map((result) => [result.id, result.score]));
      const position = new Map(results.map((result, index) => [result.id, index]));
      // ties: newer first
      results = [...results].sort((a, b) => (score.get(b.id) ?? 0) - (score.get(a.id) ?? 0) || position.get(b.id)! - position.get(a.id)!);
      return outcome(terms, variants, results);
    }
    return dateOutcome(terms, variants, results, state.sort === 'oldest' ? 'asc' : 'desc', mixed);
  }

  /**
   * Results come from each bundle oldest first. Within one bundle, or across bundles listed in
   * date order, the list is already in date order; otherwise bundles are merged by the dates in
   * their URLs, reading only as many results as the requested page needs.
   */
  function dateOutcome(terms: string[], variants: string[][], results: PagefindResult[], direction: 'asc' | 'desc', mixed: boolean): SearchOutcome {
    const groups = new Map<string, PagefindResult[]>();
    if (mixed) results.forEach((result, index) => groups.set(String(index), [result]));
    else {
      for (const result of results) {
        const key = bundleOf(result);
        const group = groups.get(key);
        if (group) group.push(result);
        else groups.set(key, [result]);
      }
    }
    if (groups.size <= 1 || (options.ordered && !mixed)) {
      return outcome(terms, variants, direction === 'asc' ? results : [...results].reverse());
    }
    const queues = [...groups.values()].map((list) => (direction === 'asc' ? list : [...list].reverse()));
    const merged: PagefindResult[] = [];
    const dates = new Map<PagefindResult, Promise<string>>();
    const dateOf = (result: PagefindResult) => {
      if (!dates.has(result)) dates.set(result, result.data().then((data) => DATE_IN_URL.exec(data.raw_url ?? data.url)?.[1] ?? ''));
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
