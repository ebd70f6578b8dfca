import { articleId, parseGroupId, placeInUrl, type LoadedFragment } from './index-format.ts';
import { parseQuery, queryTerms, type ParsedQuery } from './query.ts';
import { classLength, GROUP_SIZE, placeOf, readingOf, termCover, termPositions } from './tokens.ts';
import { filtersOf, type SearchState } from './url-state.ts';

/**
 * Exact search over Pagefind. The index (see tokens.ts and search/bundle-writer.ts) holds the bigrams
 * of every article; Pagefind's pages are groups of GROUP_SIZE articles in date order, and a
 * word's position tells the article (article k of a group at k * SLOT + i). For each term of a
 * query the engine asks Pagefind, unquoted, for each of the term's words, and finds the term
 * where its words occur one after the other, in one article; a clause's terms (或) are united,
 * the clauses intersected, the excluded terms' articles removed, the rest narrowed by the
 * filters and ordered by relevance (how often each clause occurs, rarer clauses weighing more)
 * or by date. Results are counted without loading them; only the
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
  /**
   * Pagefind, ready to search for `word` in `bundles` (their word partitions that hold it merged
   * in; every bundle when not given). Its answer may hold other bundles' groups too (those merged
   * before): the engine keeps only those of the bundles it asked for.
   */
  pagefind: (word: string, bundles?: readonly string[]) => Promise<PagefindApi>;
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
  /** Articles in each bundle, in the same order (a query of exclusions only starts from all of them). */
  sizes?: readonly number[];
  /**
   * The first and last date (YYYY-MM-DD) of each bundle, in the same order, where known: a date
   * range or a year filter skips the tiers outside it without reading them.
   */
  spans?: ReadonlyArray<{ from: string; to: string } | null>;
  /** The number of articles in all bundles (weighs rare terms up in relevance). */
  articles?: number;
  /** Average words per article (weighs an article's length in relevance). */
  averageWords?: number;
  /** The articles that hold a filter value (needed only for filtered searches). */
  filterArticles?: FilterArticles;
  /** The articles of a bundle dated from `from` to `to` (YYYY-MM-DD, both included), ascending. */
  dateArticles?: (bundle: string, from: string, to: string) => Promise<readonly number[]>;
  /** Load a result's fragment (only needed to merge unordered bundles by date). */
  load?: (hit: Hit) => Promise<Pick<LoadedFragment, 'raw_url'>>;
  /**
   * Let the page do other work (paint, input) for a moment: called between every
   * GROUPS_PER_PAUSE groups of a term's positions, so that a common word does not hold the
   * page in one long task. None in tests.
   */
  pause?: () => Promise<void>;
}

/** Groups of a term's positions read between two pauses (about 5 ms on a phone). */
export const GROUPS_PER_PAUSE = 8;

/** Matching articles in the requested order. */
export interface ResultList {
  /** Every matching article, in order (date orders across unordered bundles are completed lazily). */
  results: Hit[];
  /** Number of matching articles. */
  total: number;
  /** The results of one page of the list, in order. */
  page(index: number, size: number): Promise<Hit[]>;
}

export interface SearchOutcome extends ResultList {
  /** The query after parsing. */
  query: ParsedQuery;
  /** The terms looked for (not the excluded ones), in order. */
  terms: string[];
  /** For each of `terms`, the forms searched: the term, and its simplified form when it differs. */
  variants: string[][];
  /**
   * The articles that match only when their flagged misreadings read as the importer suggests
   * (村医入户 in a text that reads 村医人户, flagged with suggestion 村医入户); never among the exact results.
   */
  suspected: ResultList;
  /** Exact results in which a term occurs where a flag suggests another reading. */
  flagged: ReadonlySet<string>;
  /** Exact results there would be without the filters and the date range. */
  unfiltered: number;
  /**
   * True when every tier has been searched: the counts are final. Otherwise the results are
   * those of the newest tiers (the oldest for sort=oldest), enough for the page asked for, and
   * `more` searches the next tier(s).
   */
  complete: boolean;
  /** Search the tiers not searched yet (all of them, or only the next one), appending their results after these. */
  more(all?: boolean): Promise<SearchOutcome>;
}

/**
 * Recency tiers (docs/0015-search-recency-tiers.md). When the bundles are one build's, in date
 * order, each is a tier: a search reads the newest tier first (the oldest for sort=oldest), and
 * older ones only as long as the page asked for is not filled; the rest are read by `more`.
 * Relevance orders within a tier, newer tiers first; date orders are exact.
 */

/** Words whose Pagefind results are kept for later searches. */
const WORDS_KEPT = 256;

/** BM25's saturation of term frequency (k1) and weight of an article's length (b). */
const SATURATION = 1.2;
const LENGTH_WEIGHT = 0.75;

/** An article that holds a term. */
interface Found {
  bundle: string;
  index: number;
  /** About how many characters the article has. */
  length: number;
  /** How often the term occurs in its text. */
  count: number;
  /** How often it occurs only in the reading its flags suggest (overlapping a suspected misread). */
  suggested: number;
  /** How often it occurs in the text where a flag suggests another reading. */
  flagged: number;
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
   * Pagefind's results for one word, unquoted, in each of `bundles` (null: every bundle, as one).
   * A word's postings do not change while the page is open, so the last WORDS_KEPT answers (per
   * word and bundle) are kept (a common word's are tens of thousands of positions). The bundles
   * not known yet are asked for in one search.
   */
  function wordResults(word: string, bundles: readonly string[] | null): Promise<PagefindResult[]> {
    const keys = bundles ?? ['*'];
    const missing = keys.filter((key) => !searches.has(`${key}\u0000${word}`));
    if (missing.length > 0) {
      const asked = options
        .pagefind(word, bundles ? missing : undefined)
        .then((pagefind) => pagefind.search(word))
        .then((response) => response?.results ?? []);
      for (const key of missing) {
        const name = `${key}\u0000${word}`;
        const prefix = `${key}_g`;
        const found = bundles ? asked.then((results) => results.filter((result) => result.id.startsWith(prefix))) : asked;
        found.catch(() => searches.delete(name));
        searches.set(name, found);
      }
    }
    const lists = keys.map((key) => {
      const name = `${key}\u0000${word}`;
      const found = searches.get(name)!;
      searches.delete(name);
      searches.set(name, found);
      return found;
    });
    while (searches.size > Math.max(WORDS_KEPT, keys.length)) searches.delete(searches.keys().next().value!);
    return lists.length === 1 ? lists[0]! : Promise.all(lists).then((all) => all.flat());
  }

  /** The articles that hold a term: article id -> where, how long, and how often. */
  async function termArticles(term: string, bundles: readonly string[] | null): Promise<Map<string, Found>> {
    const cover = termCover(term);
    const found = new Map<string, Found>();
    if (cover.length === 0) return found;
    const distinct = [...new Set(cover.map((part) => part.word))];
    const lists = await Promise.all(distinct.map((word) => wordResults(word, bundles)));
    // positions of each word in each group it occurs in
    const byGroup = lists.map((list) => new Map(list.map((result) => [result.id, result])));
    let read = 0;
    for (const result of lists[0]!) {
      if (options.pause && ++read % GROUPS_PER_PAUSE === 0) await options.pause();
      const inGroup = byGroup.map((map) => map.get(result.id));
      if (inGroup.some((r) => r === undefined)) continue;
      const positions = termPositions(cover, (word) => inGroup[distinct.indexOf(word)]!.words);
      const { bundle, group } = parseGroupId(result.id);
      // per article: where the term occurs in the text, in the suggested and in the printed reading of flagged passages
      const readings = new Map<number, { text: Set<number>; suggested: Set<number>; printed: Set<number>; lengthClass: number }>();
      for (const position of positions) {
        const place = placeOf(position);
        let article = readings.get(place.slot);
        if (!article) readings.set(place.slot, (article = { text: new Set(), suggested: new Set(), printed: new Set(), lengthClass: place.lengthClass }));
        const { reading, at } = readingOf(place.offset);
        article[reading].add(at);
      }
      for (const [slot, article] of readings) {
        let suggested = 0;
        for (const at of article.suggested) if (!article.text.has(at)) suggested++;
        let flagged = 0;
        for (const at of article.printed) if (!article.suggested.has(at)) flagged++;
        if (article.text.size === 0 && suggested === 0) continue;
        const index = group * GROUP_SIZE + slot;
        found.set(articleId(bundle, index), { bundle, index, length: classLength(article.lengthClass), count: article.text.size, suggested, flagged });
      }
    }
    return found;
  }

  /** The articles (ids) the filters and the date range of a state allow, or null when none is set. */
  async function allowed(state: SearchState, bundles: Set<string>): Promise<Set<string> | null> {
    const filters = Object.entries(filtersOf(state)).filter((entry): entry is [string, string] => entry[1] !== undefined);
    const lists: Array<(bundle: string) => Promise<readonly number[]>> = [];
    const load = options.filterArticles;
    if (load) for (const [filter, value] of filters) lists.push((bundle) => load(bundle, filter, value));
    const dates = options.dateArticles;
    if (dates && (state.from || state.to)) lists.push((bundle) => dates(bundle, state.from || '0000-01-01', state.to || '9999-12-31'));
    if (lists.length === 0) return null;
    const sets = await Promise.all(
      lists.map(async (list) => {
        const ids = new Set<string>();
        for (const bundle of bundles) for (const index of await list(bundle)) ids.add(articleId(bundle, index));
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

  /** Every article of every bundle (for a query of exclusions only), as found with no occurrences. */
  function everyArticle(bundles: readonly string[] | null): Map<string, Found> {
    const all = new Map<string, Found>();
    (options.bundles ?? []).forEach((bundle, b) => {
      if (bundles && !bundles.includes(bundle)) return;
      for (let index = 0; index < (options.sizes?.[b] ?? 0); index++) all.set(articleId(bundle, index), { bundle, index, length: options.averageWords ?? 1, count: 0, suggested: 0, flagged: 0 });
    });
    return all;
  }

  /** What one tier (a set of bundles searched as one) answers. */
  interface TierAnswer {
    exact: ResultList;
    suspected: ResultList;
    flagged: Set<string>;
    unfiltered: number;
  }

  /** Search one tier: `bundles` (null: every bundle as one, when they are not in date order). */
  async function searchTier(state: SearchState, query: ParsedQuery, forms: ReadonlyMap<string, string[]>, bundles: readonly string[] | null): Promise<TierAnswer> {
    // each term: the union of its forms' articles, with how often the term occurs in each
    const termFound = new Map<string, Promise<Map<string, Found>>>();
    const articlesOf = (term: string) => {
      let found = termFound.get(term);
      if (!found) termFound.set(term, (found = Promise.all(forms.get(term)!.map((form) => termArticles(form, bundles))).then(unite)));
      return found;
    };
    // each clause: the union of its terms'; the excluded terms' articles (in this tier: exact, as ids are a bundle's own)
    const perClause = await Promise.all(query.clauses.map(async (clause) => unite(await Promise.all(clause.map(articlesOf)))));
    const excluded = await Promise.all(query.excluded.map(articlesOf));
    let filter: Promise<Set<string> | null> | null = null;
    const allowedIds = () => (filter ??= allowed(state, new Set(bundles ?? options.bundles ?? perClause.flatMap((map) => [...map.values()].map((found) => found.bundle)))));
    const tierArticles = bundles ? bundles.reduce((sum, key) => sum + (options.sizes?.[options.bundles?.indexOf(key) ?? -1] ?? 0), 0) : (options.articles ?? 0);

    /**
     * The articles that match when a term counts where `countOf` is above 0: intersect the
     * clauses (or start from every article), drop the excluded, apply the filters; relevance is
     * BM25, each clause weighed by how rare it is, an article by how long it is.
     */
    let unfiltered = 0;
    async function select(countOf: (found: Found) => number, skip?: ReadonlySet<string>): Promise<Hit[]> {
      const clauses = perClause.map((map) => new Map([...map].filter(([, found]) => countOf(found) > 0)));
      const [first, ...rest] = clauses.length > 0 ? [...clauses].sort((a, b) => a.size - b.size) : [everyArticle(bundles)];
      let ids = [...first!.keys()].filter((id) => !skip?.has(id) && rest.every((map) => map.has(id)) && !excluded.some((map) => map.has(id) && countOf(map.get(id)!) > 0));
      if (!skip) unfiltered = ids.length;
      const only = await allowedIds();
      if (only) ids = ids.filter((id) => only.has(id));
      const articles = Math.max(tierArticles, ...clauses.map((map) => map.size));
      const weights = clauses.map((map) => Math.log(1 + (articles - map.size + 0.5) / (map.size + 0.5)));
      return indexOrder(
        ids.map((id) => {
          const { bundle, index, length } = first!.get(id)!;
          const norm = SATURATION * (1 - LENGTH_WEIGHT + (LENGTH_WEIGHT * length) / (options.averageWords || length));
          const score = clauses.reduce((sum, map, t) => {
            const count = countOf(map.get(id)!);
            return sum + (weights[t]! * count * (SATURATION + 1)) / (count + norm);
          }, 0);
          return { id, bundle, index, score };
        }),
      );
    }

    const exact = await select((found) => found.count);
    const exactIds = new Set(exact.map((hit) => hit.id));
    // the suspected misreadings: articles that match only when flagged passages read as suggested
    const anySuggested = perClause.some((map) => [...map.values()].some((found) => found.suggested > 0));
    const suspected = anySuggested ? await select((found) => found.count + found.suggested, exactIds) : [];
    const flagged = new Set(exact.filter((hit) => perClause.some((map) => (map.get(hit.id)?.flagged ?? 0) > 0)).map((hit) => hit.id));
    return { exact: ordered(exact, state.sort), suspected: ordered(suspected, state.sort), flagged, unfiltered };
  }

  /** The date span a state's date range and year (and month) filter allow, or null for any date. */
  function dateSpan(state: SearchState): { from: string; to: string } | null {
    let from = state.from || '0000-01-01';
    let to = state.to || '9999-12-31';
    if (state.year) {
      const month = state.month ? state.month.padStart(2, '0') : '';
      const first = month ? `${state.year}-${month}-01` : `${state.year}-01-01`;
      const last = month ? `${state.year}-${month}-31` : `${state.year}-12-31`;
      if (first > from) from = first;
      if (last < to) to = last;
    }
    return state.from || state.to || state.year ? { from, to } : null;
  }

  /**
   * Search newest tier first (oldest first for sort=oldest), reading tiers until `wanted` results
   * of the list shown (the exact results, or the suspected misreadings when `state.ocr`) are
   * found or every tier is read. Bundles not in date order are one tier.
   */
  async function search(state: SearchState, wanted = Number.POSITIVE_INFINITY): Promise<SearchOutcome> {
    const query = parseQuery(state.q);
    const terms = queryTerms(query);
    if (terms.length === 0 && query.excluded.length === 0) return outcome(query, [], list([]), list([]), new Set(), 0, true, null);
    const forms = new Map(await Promise.all([...new Set([...terms, ...query.excluded])].map(async (term) => [term, await variantsOf(term)] as const)));
    const variants = terms.map((term) => forms.get(term)!);

    const keys = options.bundles ?? [];
    if (!options.ordered || keys.length <= 1) {
      const answer = await searchTier(state, query, forms, null);
      return outcome(query, variants, answer.exact, answer.suspected, answer.flagged, answer.unfiltered, true, null);
    }
    // the tiers in the order read; those outside the date range are skipped (their matches count only for `unfiltered`)
    const span = dateSpan(state);
    const order = keys.map((key, b) => ({ key, span: options.spans?.[b] ?? null }));
    if (state.sort !== 'oldest') order.reverse();
    const tiers = order.filter((tier) => !span || !tier.span || (tier.span.to >= span.from && tier.span.from <= span.to)).map((tier) => tier.key);
    const skipped = order.map((tier) => tier.key).filter((key) => !tiers.includes(key));

    const exact: Hit[] = [];
    const suspected: Hit[] = [];
    const flagged = new Set<string>();
    let unfiltered = 0;
    let next = 0;
    /** Whether the skipped tiers' unfiltered matches have been counted (once, for an empty filtered search). */
    let counted = false;
    /** Read the tiers from `next` on, `count` at a time, until `want` are found (or one batch only). */
    async function read(want: number, count = 1, once = false): Promise<void> {
      const shown = state.ocr ? suspected : exact;
      for (let batches = 0; next < tiers.length && shown.length < want && !(once && batches > 0); batches++) {
        const batch = tiers.slice(next, next + count);
        // the batch's words in one search each (their partitions merged together), then each tier on its own
        if (batch.length > 1) for (const term of forms.values()) for (const form of term) for (const word of new Set(termCover(form).map((part) => part.word))) void wordResults(word, batch).catch(() => undefined);
        for (const key of batch) {
          const answer = await searchTier(state, query, forms, [key]);
          exact.push(...answer.exact.results);
          suspected.push(...answer.suspected.results);
          for (const id of answer.flagged) flagged.add(id);
          unfiltered += answer.unfiltered;
        }
        next += batch.length;
      }
      // nothing found under the filters: what dropping them would find, in the tiers the date range skipped too
      if (next >= tiers.length && exact.length === 0 && skipped.length > 0 && !counted) {
        counted = true;
        const bare = { ...state, paper: '', year: '', month: '', section: '', kind: '', author: '', from: '', to: '' };
        for (const key of skipped) unfiltered += (await searchTier(bare, query, forms, [key])).unfiltered;
      }
    }
    const snapshot = (): SearchOutcome =>
      outcome(query, variants, list([...exact]), list([...suspected]), new Set(flagged), unfiltered, next >= tiers.length, async (all) => {
        await read(Number.POSITIVE_INFINITY, all ? tiers.length : 1, true);
        return snapshot();
      });
    await read(wanted);
    return snapshot();
  }

  /** Hits (in index order) in the requested order: relevance, ties newer first; or date. */
  function ordered(hits: Hit[], sort: SearchState['sort']): ResultList {
    if (sort === 'relevance') {
      const position = new Map(hits.map((hit, index) => [hit.id, index]));
      return list([...hits].sort((a, b) => b.score - a.score || position.get(b.id)! - position.get(a.id)!));
    }
    return dateList(hits, sort === 'oldest' ? 'asc' : 'desc');
  }

  /**
   * Hits in index order are oldest first within each bundle. Within one bundle, or across
   * bundles listed in date order, that is date order; otherwise bundles are merged by the dates
   * in their URLs, reading only as many results as the requested page needs.
   */
  function dateList(hits: Hit[], direction: 'asc' | 'desc'): ResultList {
    const groups = new Map<string, Hit[]>();
    for (const hit of hits) {
      const group = groups.get(hit.bundle);
      if (group) group.push(hit);
      else groups.set(hit.bundle, [hit]);
    }
    if (groups.size <= 1 || options.ordered || !options.load) {
      return list(direction === 'asc' ? hits : [...hits].reverse());
    }
    const queues = [...groups.values()].map((group) => (direction === 'asc' ? group : [...group].reverse()));
    const merged: Hit[] = [];
    const dates = new Map<Hit, Promise<string>>();
    const dateOf = (hit: Hit) => {
      if (!dates.has(hit)) dates.set(hit, options.load!(hit).then((data) => placeInUrl(data.raw_url).date));
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

/** Articles found for each of several terms (or forms), as one: counts add up. */
function unite(maps: ReadonlyArray<Map<string, Found>>): Map<string, Found> {
  if (maps.length === 1) return maps[0]!;
  const union = new Map<string, Found>();
  for (const found of maps) {
    for (const [id, entry] of found) {
      const known = union.get(id);
      if (known) {
        known.count += entry.count;
        known.suggested += entry.suggested;
        known.flagged += entry.flagged;
      } else union.set(id, { ...entry });
    }
  }
  return union;
}

function list(results: Hit[]): ResultList {
  return {
    results,
    total: results.length,
    async page(index, size) {
      return results.slice(index * size, (index + 1) * size);
    },
  };
}

function outcome(
  query: ParsedQuery,
  variants: string[][],
  exact: ResultList,
  suspected: ResultList,
  flagged: ReadonlySet<string>,
  unfiltered: number,
  complete: boolean,
  more: ((all?: boolean) => Promise<SearchOutcome>) | null,
): SearchOutcome {
  const self: SearchOutcome = { query, terms: queryTerms(query), variants, ...exact, page: exact.page, suspected, flagged, unfiltered, complete, more: more ?? (async () => self) };
  return self;
}
