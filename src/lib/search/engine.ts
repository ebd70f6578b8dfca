import { parseQuery } from './query.ts';
import { classLength, GROUP_SIZE, placeOf, termPositions, termWords } from './tokens.ts';
import { filtersOf, type SearchState } from './url-state.ts';

/**
 * Exact search over Pagefind. The index (see tokens.ts and search/bundle-writer.ts) holds the bigrams
 * of every article; Pagefind's pages are groups of GROUP_SIZE articles in date order, and a
 * word's position tells the article (article k of a group at k * SLOT + i). For each term of a
 * query the engine asks Pagefind, unquoted, for each of the term's words, and finds the term
 * where its words occur one after the other, in one article; the terms' articles are
 * intersected, narrowed by the filters, and ordered by relevance (how often each term occurs,
 * rarer terms weighing more) or by date. Results are counted without loading them; only the
 * results of the page shown are loaded. The engine takes Pagefind as an argument, so that it
 * runs the same against the real bundles in the browser and against a stand-in in unit tests.
 */

/** The part of a Pagefind result the engine uses: a group of articles and where the searched words occur in it. */
export interface PagefindResult {
  /** The group's id, `<bundle key>_g<group number, base 36>`. */
  id: string;
  /** Positions of the words found in the group. */
  words: number[];
}

export interface PagefindFragment {
  url: string;
  raw_url?: string;
  content: string;
  filters: Record<string, string[]>;
  meta?: Record<string, string>;
}

export interface PagefindApi {
  search(term: string): Promise<{ results: PagefindResult[] } | null>;
}

/** A matching article. */
export interface Hit {
  /** `<bundle key>_<place in the bundle, base 36>`: also the name of its fragment. */
  id: string;
  bundle: string;
  /** Place in the bundle (date order). */
  index: number;
  /** Relevance. */
  score: number;
}

/** The articles of a bundle that hold one value of a filter, ascending. */
export type FilterArticles = (bundle: string, filter: string, value: string) => Promise<readonly number[]>;

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
  /** The number of articles in all bundles (weighs rare terms up in relevance). */
  articles?: number;
  /** Average words per article (weighs an article's length in relevance). */
  averageWords?: number;
  /** The articles that hold a filter value (needed only for filtered searches). */
  filterArticles?: FilterArticles;
  /** Load a result's fragment (only needed to merge unordered bundles by date). */
  load?: (hit: Hit) => Promise<PagefindFragment>;
}

export interface SearchOutcome {
  /** The query's terms after parsing. */
  terms: string[];
  /** For each term, the forms searched: the term, and its simplified form when it differs. */
  variants: string[][];
  /** Every matching article, in the requested order (date orders may be completed lazily). */
  results: Hit[];
  /** Number of matching articles. */
  total: number;
  /** The results of one page of the list, in order. */
  page(index: number, size: number): Promise<Hit[]>;
}

const DATE_IN_URL = /\/(\d{4}-\d{2}-\d{2})\//u;

/** Words whose Pagefind results are kept for later searches. */
const WORDS_KEPT = 64;

/** BM25's saturation of term frequency (k1) and weight of an article's length (b). */
const SATURATION = 1.2;
const LENGTH_WEIGHT = 0.75;

/** An article that holds a term. */
interface Found {
  bundle: string;
  index: number;
  /** About how many characters the article has. */
  length: number;
  /** How often the term occurs in it. */
  count: number;
}

/** The bundle key and group number of a Pagefind result. */
function groupOf(result: PagefindResult): { bundle: string; group: number } {
  const cut = result.id.lastIndexOf('_');
  return { bundle: result.id.slice(0, cut), group: Number.parseInt(result.id.slice(cut + 2), 36) };
}

export function createEngine(options: EngineOptions) {
  let converter: Promise<(text: string) => string> | null = null;
  const searches = new Map<string, Promise<PagefindResult[]>>();

  async function variantsOf(term: string): Promise<string[]> {
    if (!options.toSimplified || !options.mayBeTraditional?.(term)) return [term];
    converter ??= options.toSimplified();
    const simplified = (await converter)(term);
    return simplified === term ? [term] : [term, simplified];
  }

  /**
   * Pagefind's results for one word, unquoted. A word's postings do not change while the page is
   * open, so the last WORDS_KEPT words' results are kept (a common word's are tens of thousands
   * of positions).
   */
  function wordResults(word: string): Promise<PagefindResult[]> {
    let found = searches.get(word);
    if (found) {
      searches.delete(word);
      searches.set(word, found);
    } else {
      if (searches.size >= WORDS_KEPT) searches.delete(searches.keys().next().value!);
      found = options
        .pagefind()
        .then((pagefind) => pagefind.search(word))
        .then((response) => response?.results ?? []);
      found.catch(() => searches.delete(word));
      searches.set(word, found);
    }
    return found;
  }

  /** The articles that hold a term: article id -> where, how long, and how often. */
  async function termArticles(term: string): Promise<Map<string, Found>> {
    const words = termWords(term);
    const found = new Map<string, Found>();
    if (words.length === 0) return found;
    const distinct = [...new Set(words)];
    const lists = await Promise.all(distinct.map(wordResults));
    // positions of each word in each group it occurs in
    const byGroup = lists.map((list) => new Map(list.map((result) => [result.id, result])));
    for (const result of lists[0]!) {
      const inGroup = byGroup.map((map) => map.get(result.id));
      if (inGroup.some((r) => r === undefined)) continue;
      const positions = termPositions(words, (word) => inGroup[distinct.indexOf(word)]!.words);
      const { bundle, group } = groupOf(result);
      for (const position of positions) {
        const place = placeOf(position);
        const index = group * GROUP_SIZE + place.slot;
        const id = `${bundle}_${index.toString(36)}`;
        const entry = found.get(id);
        if (entry) entry.count++;
        else found.set(id, { bundle, index, length: classLength(place.lengthClass), count: 1 });
      }
    }
    return found;
  }

  /** The articles (ids) the filters of a state allow, or null when no filter is set. */
  async function allowed(state: SearchState, bundles: Set<string>): Promise<Set<string> | null> {
    const filters = Object.entries(filtersOf(state)).filter((entry): entry is [string, string] => entry[1] !== undefined);
    const load = options.filterArticles;
    if (filters.length === 0 || !load) return null;
    const sets = await Promise.all(
      filters.map(async ([filter, value]) => {
        const ids = new Set<string>();
        for (const bundle of bundles) for (const index of await load(bundle, filter, value)) ids.add(`${bundle}_${index.toString(36)}`);
        return ids;
      }),
    );
    const [first, ...rest] = sets;
    return new Set([...first!].filter((id) => rest.every((set) => set.has(id))));
  }

  /** Hits in index order: by bundle as listed, then by place in the bundle (oldest first when ordered). */
  function indexOrder(hits: Hit[]): Hit[] {
    const rank = new Map((options.bundles ?? []).map((key, index) => [key, index]));
    const rankOf = (hit: Hit) => rank.get(hit.bundle) ?? rank.size;
    return hits.sort((a, b) => rankOf(a) - rankOf(b) || (a.bundle < b.bundle ? -1 : a.bundle > b.bundle ? 1 : 0) || a.index - b.index);
  }

  async function search(state: SearchState): Promise<SearchOutcome> {
    const { terms } = parseQuery(state.q);
    if (terms.length === 0) return outcome(terms, [], []);
    const variants = await Promise.all(terms.map(variantsOf));

    // each term: the union of its forms' articles, with how often the term occurs in each
    const perTerm = await Promise.all(
      variants.map(async (forms) => {
        const union = new Map<string, Found>();
        for (const found of await Promise.all(forms.map(termArticles))) {
          for (const [id, entry] of found) {
            const known = union.get(id);
            if (known) known.count += entry.count;
            else union.set(id, { ...entry });
          }
        }
        return union;
      }),
    );

    // intersect the terms, then apply the filters
    const [first, ...rest] = perTerm.sort((a, b) => a.size - b.size);
    let ids = [...first!.keys()].filter((id) => rest.every((map) => map.has(id)));
    const filter = await allowed(state, new Set(ids.map((id) => first!.get(id)!.bundle)));
    if (filter) ids = ids.filter((id) => filter.has(id));

    // relevance: BM25, each term weighed by how rare it is, an article by how long it is
    const articles = Math.max(options.articles ?? 0, ...perTerm.map((map) => map.size));
    const weights = perTerm.map((map) => Math.log(1 + (articles - map.size + 0.5) / (map.size + 0.5)));
    const hits = indexOrder(
      ids.map((id) => {
        const { bundle, index, length } = first!.get(id)!;
        const norm = SATURATION * (1 - LENGTH_WEIGHT + (LENGTH_WEIGHT * length) / (options.averageWords || length));
        const score = perTerm.reduce((sum, map, t) => {
          const count = map.get(id)!.count;
          return sum + (weights[t]! * count * (SATURATION + 1)) / (count + norm);
        }, 0);
        return { id, bundle, index, score };
      }),
    );

    if (state.sort === 'relevance') {
      const position = new Map(hits.map((hit, index) => [hit.id, index]));
      // ties: newer first
      const ranked = [...hits].sort((a, b) => b.score - a.score || position.get(b.id)! - position.get(a.id)!);
      return outcome(terms, variants, ranked);
    }
    return dateOutcome(terms, variants, hits, state.sort === 'oldest' ? 'asc' : 'desc');
  }

  /**
   * Hits in index order are oldest first within each bundle. Within one bundle, or across
   * bundles listed in date order, that is date order; otherwise bundles are merged by the dates
   * in their URLs, reading only as many results as the requested page needs.
   */
  function dateOutcome(terms: string[], variants: string[][], hits: Hit[], direction: 'asc' | 'desc'): SearchOutcome {
    const groups = new Map<string, Hit[]>();
    for (const hit of hits) {
      const group = groups.get(hit.bundle);
      if (group) group.push(hit);
      else groups.set(hit.bundle, [hit]);
    }
    if (groups.size <= 1 || options.ordered || !options.load) {
      return outcome(terms, variants, direction === 'asc' ? hits : [...hits].reverse());
    }
    const queues = [...groups.values()].map((list) => (direction === 'asc' ? list : [...list].reverse()));
    const merged: Hit[] = [];
    const dates = new Map<Hit, Promise<string>>();
    const dateOf = (hit: Hit) => {
      if (!dates.has(hit)) dates.set(hit, options.load!(hit).then((data) => DATE_IN_URL.exec(data.raw_url ?? data.url)?.[1] ?? ''));
      return dates.get(hit)!;
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
      total: hits.length,
      async page(index, size) {
        await fill((index + 1) * size);
        return merged.slice(index * size, (index + 1) * size);
      },
    };
  }

  return { search };
}

function outcome(terms: string[], variants: string[][], results: Hit[]): SearchOutcome {
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
