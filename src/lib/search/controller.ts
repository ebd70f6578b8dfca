import type { BundleClient } from './client.ts';
import { createEngine, type EngineOptions, type Hit, type SearchOutcome } from './engine.ts';
import { formatQuery } from './query.ts';
import { flaggedReading, KIND_LABEL, resultView, type ResultView } from './results.ts';
import { recordText } from './index-format.ts';
import { FILTER_FIELDS, paramsFromState, type SearchState } from './url-state.ts';
import { formatDate } from '../dates.ts';

/**
 * What happens when a search runs: the engine over the bundles, the page of results loaded and
 * turned into views, the status line, the pager and the title, handed to a view (the DOM in the
 * page, a recorder in tests). A newer search makes an older one's outcome be dropped.
 */

export const PAGE_SIZE = 20;

/**
 * The results shown as soon as they are loaded, before the rest of the page's: those on screen
 * when the results come (four on a desktop, one or two on a phone), and few enough to load in
 * one round of a browser's six connections to a host.
 */
export const PREVIEW_SIZE = 5;

/** Suspected misreadings shown under the exact results (all of them: a page of their own). */
export const SUSPECTS_SHOWN = 3;

/** A link that changes the search (a result page, a filter dropped…). */
export interface PagerLink {
  page: number;
  label: string;
  /** `?…` of the search state it leads to. */
  href: string;
  rel?: 'prev' | 'next';
  /** The page shown now: not a link. */
  current?: boolean;
  /** Pages left out between two numbers: not a link. */
  gap?: boolean;
}

/** The suspected misreadings, shown apart from the exact results. */
export interface SuspectsGroup {
  total: number;
  /** What they are. */
  note: string;
  /** The first few. */
  items: ResultView[];
  /** All of them, as a list of their own. */
  all: PagerLink;
}

/** One page of results, ready to show. */
export interface ResultsPage {
  items: ResultView[];
  /** The number of the first item in the whole list (1-based). */
  start: number;
  status: string;
  pager: PagerLink[];
  /** The document title's query part. */
  title: string;
  /** Under the exact results: the suspected misreadings, if any. */
  suspects: SuspectsGroup | null;
  /** Listing the suspected misreadings: the way back to the exact results. */
  back: PagerLink | null;
  /** Nothing found: the same search without each filter, and without all of them. */
  drop: PagerLink[];
}

/** What a finished search reports (read by `npm run eval:search` as `window.archiveSearchLast`). */
export interface SearchReport {
  query: string;
  ids: string[];
  /** The suspected misreadings' ids (see aliases.ts). */
  suspected: string[];
  /** The exact results whose hits a flag doubts. */
  flagged: string[];
  total: number;
  ms: number;
  /** Until the results were counted (the rest: loading and showing the page of results). */
  searchMs: number;
  /**
   * False when reported as the first page is shown while older tiers are still to be searched
   * (docs/0015); a complete report follows, with the final ids and total, `ms` until then and
   * `shownMs` until the first page was shown.
   */
  complete: boolean;
  shownMs: number;
  /** When the search started (`performance.now()` in the page: since the navigation). */
  startedAt: number;
}

/** The first results of a page, shown while the others load. */
export interface ResultsPreview {
  items: ResultView[];
  start: number;
  /** The status line, as the whole page will have it. */
  status: string;
}

export interface SearchView {
  /** The form shows the state being searched. */
  showState(state: SearchState): void;
  /** No query: nothing to show. */
  clear(): void;
  busy(): void;
  /** The first results of the page, shown as soon as they are loaded; `show` follows with them all. */
  preview?(preview: ResultsPreview): void;
  show(page: ResultsPage): void;
  failed(error: unknown): void;
}

/** A filter of a search in words (作者为张婷), and the search without it. */
export interface FilterPhrase {
  phrase: string;
  without: SearchState;
}

/** The filters a state sets, in words, each with the state that drops it. */
export function filterPhrases(state: SearchState): FilterPhrase[] {
  const out: FilterPhrase[] = [];
  const drop = (phrase: string, change: Partial<SearchState>) => out.push({ phrase, without: { ...state, ...change, page: 1 } });
  if (state.author) drop(`作者为${state.author}`, { author: '' });
  if (state.paper) drop(`报纸为${state.paper}`, { paper: '' });
  if (state.year) drop(`日期在${state.year}年${state.month ? `${state.month}月` : ''}`, { year: '', month: '' });
  if (state.from || state.to) {
    const { from, to } = state;
    drop(from && to ? `日期在${formatDate(from)}至${formatDate(to)}` : from ? `日期在${formatDate(from)}及以后` : `日期在${formatDate(to)}及以前`, { from: '', to: '' });
  }
  if (state.section) drop(`版名为${state.section}`, { section: '' });
  if (state.kind) drop(`类别为${KIND_LABEL[state.kind] ?? state.kind}`, { kind: '' });
  return out;
}

/**
 * The status line for an outcome shown at `page` of `pages`; `flagged`: how a flag reads a hit,
 * when some are flagged. Nothing found under filters: which filters, and what dropping them finds.
 */
export function statusLine(
  outcome: Pick<SearchOutcome, 'query' | 'total' | 'variants'> & { flagged?: ReadonlySet<string>; unfiltered?: number; complete?: boolean },
  page: number,
  pages: number,
  flagged?: { printed: string; suggested: string } | null,
  state?: SearchState,
): string {
  if (outcome.total === 0) {
    const filters = state ? filterPhrases(state) : [];
    if (filters.length === 0) return `没有找到包含“${formatQuery(outcome.query)}”的文章。`;
    const unfiltered = outcome.unfiltered ?? 0;
    return `${filters.map((filter) => filter.phrase).join('、')}的文章中，没有找到包含“${formatQuery(outcome.query)}”的。` + (unfiltered > 0 ? `去掉筛选可找到 ${unfiltered} 篇。` : '');
  }
  const converted = outcome.variants.filter((forms) => forms.length > 1).map((forms) => forms[1]!);
  const doubted = outcome.flagged?.size ?? 0;
  // older tiers still being searched: the count so far, and the page without a last page
  const found = outcome.complete === false ? `找到 ${outcome.total} 篇（${SEARCHING_OLDER}），第 ${page} 页。` : `找到 ${outcome.total} 篇${pages > 1 ? `，第 ${page}/${pages} 页` : ''}。`;
  return (
    found +
    (converted.length > 0 ? `已同时检索简体字形：${converted.join('、')}。` : '') +
    (doubted > 0 && flagged ? `其中 ${doubted} 篇中的“${flagged.printed}”被标记为疑似识别错误，可能应为“${flagged.suggested}”。` : '')
  );
}

/** The status line's note while older tiers are searched after the first page is shown. */
export const SEARCHING_OLDER = '正在检索更早的报道…';

/** Links that drop the filters of an empty search: each, and all when there are several. */
export function dropLinks(state: SearchState): PagerLink[] {
  const filters = filterPhrases(state);
  const links = filters.map((filter) => linkTo(filter.without, `去掉“${filter.phrase}”`));
  if (filters.length > 1) links.push(linkTo({ ...state, ...Object.fromEntries(FILTER_FIELDS.map((key) => [key, ''])), page: 1 }, '去掉全部筛选'));
  return links;
}

/** The status line when listing the suspected misreadings. */
export function suspectsLine(outcome: Pick<SearchOutcome, 'query' | 'suspected'> & { complete?: boolean }, page: number, pages: number): string {
  const query = formatQuery(outcome.query);
  if (outcome.suspected.total === 0) return `按疑似识别错误的建议读法，没有找到包含“${query}”的文章。`;
  const where = outcome.complete === false ? `（${SEARCHING_OLDER}），第 ${page} 页` : pages > 1 ? `，第 ${page}/${pages} 页` : '';
  return `按疑似识别错误的建议读法，找到 ${outcome.suspected.total} 篇包含“${query}”的文章${where}。这些文章的原文中被标记的字句与检索词不同，以下摘录为建议读法。`;
}

const linkTo = (state: SearchState, label: string): PagerLink => ({ page: state.page, label, href: `?${paramsFromState(state)}` });

/** Page numbers shown around the current one. */
const AROUND = 2;

/**
 * The pager for `page` of `pages`: previous, the first and last page, the pages near the current
 * one (itself not a link), gaps between, next.
 */
export function pagerLinks(state: SearchState, page: number, pages: number): PagerLink[] {
  if (pages <= 1) return [];
  const link = (to: number, label: string, rel?: 'prev' | 'next'): PagerLink => ({ ...linkTo({ ...state, page: to }, label), ...(rel ? { rel } : {}) });
  const shown = [...new Set([1, pages, ...Array.from({ length: 2 * AROUND + 1 }, (_, i) => page - AROUND + i)])].filter((n) => n >= 1 && n <= pages).sort((a, b) => a - b);
  const out: PagerLink[] = page > 1 ? [link(page - 1, '上一页', 'prev')] : [];
  shown.forEach((n, i) => {
    if (i > 0 && n > shown[i - 1]! + 1) out.push({ page: 0, label: '…', href: '', gap: true });
    out.push(n === page ? { ...link(n, String(n)), current: true } : link(n, String(n)));
  });
  if (page < pages) out.push(link(page + 1, '下一页', 'next'));
  return out;
}

export interface ControllerOptions {
  client: BundleClient;
  view: SearchView;
  /** Traditional-character handling for the engine (see EngineOptions). */
  mayBeTraditional?: EngineOptions['mayBeTraditional'];
  toSimplified?: EngineOptions['toSimplified'];
  /** Let the page breathe while a common word's positions are read (see EngineOptions). */
  pause?: EngineOptions['pause'];
  /**
   * Before older tiers are searched, once the first page is shown: the page waits for an idle
   * moment (and `npm run eval:search` may hold it, to count what the first page cost). None: at once.
   */
  idle?: () => Promise<void>;
  /** Called with each search shown (complete or not) and with each completed one. */
  onReport?: (report: SearchReport) => void;
  now?: () => number;
}

export interface SearchController {
  /** Search and show the page of results; resolves when it is shown (older tiers may still be searched). */
  run(state: SearchState): Promise<void>;
  /** Resolves when the last search run is complete (every tier searched and the count shown) or dropped. */
  settled(): Promise<void>;
}

export function createSearchController(options: ControllerOptions): SearchController {
  const { client, view } = options;
  const now = options.now ?? (() => performance.now());
  /** What the engine needs to know of the bundles, once loaded. */
  const loaded = { ordered: false, keys: [] as string[], sizes: [] as number[], spans: [] as Array<{ from: string; to: string } | null>, articles: 0, averageWords: 0 };
  const engine = createEngine({
    pagefind: client.pagefind,
    mayBeTraditional: options.mayBeTraditional,
    toSimplified: options.toSimplified,
    pause: options.pause,
    get ordered() {
      return loaded.ordered;
    },
    get bundles() {
      return loaded.keys;
    },
    get sizes() {
      return loaded.sizes;
    },
    get spans() {
      return loaded.spans;
    },
    get articles() {
      return loaded.articles;
    },
    get averageWords() {
      return loaded.averageWords;
    },
    filterArticles: client.filterArticles,
    dateArticles: client.dateArticles,
    load: client.fragment,
  });

  let generation = 0;
  let completing: Promise<void> = Promise.resolve();
  async function run(state: SearchState): Promise<void> {
    const mine = ++generation;
    completing = Promise.resolve();
    const started = now();
    view.showState(state);
    if (state.q.trim() === '') {
      view.clear();
      return;
    }
    view.busy();
    try {
      void client.pagefind().catch(() => undefined);
      const [found, bundles] = await Promise.all([client.manifest(), client.bundles()]);
      loaded.ordered = found.ordered;
      loaded.keys = bundles.map((bundle) => bundle.key);
      loaded.sizes = bundles.map((bundle) => bundle.articles);
      loaded.spans = bundles.map((bundle) => bundle.span ?? null);
      loaded.articles = bundles.reduce((sum, bundle) => sum + bundle.articles, 0);
      loaded.averageWords = bundles.reduce((sum, bundle) => sum + bundle.averageWords * bundle.articles, 0) / Math.max(1, loaded.articles);
      // enough tiers for the page asked for (and the suspected misreadings shown under it)
      const outcome = await engine.search(state, Math.max(1, state.page) * PAGE_SIZE);
      const searched = now() - started;
      const marks = outcome.variants.flat();
      const list = state.ocr ? outcome.suspected : outcome;
      const pages = Math.max(1, Math.ceil(list.total / PAGE_SIZE));
      const page = Math.min(state.page, pages);
      const reading = state.ocr ? 'suggested' : 'printed';
      const viewOf = async (hit: Hit) => resultView(await client.fragment(hit), marks, reading);
      // the page's results first (the browser fetches in the order asked), then the others
      const loading = (await list.page(page - 1, PAGE_SIZE)).map(viewOf);
      const start = (page - 1) * PAGE_SIZE + 1;
      const shownOf = (outcome: SearchOutcome) => {
        const list = state.ocr ? outcome.suspected : outcome;
        const pages = Math.max(1, Math.ceil(list.total / PAGE_SIZE));
        const suspectsLoading = !state.ocr && outcome.suspected.total > 0 ? outcome.suspected.page(0, SUSPECTS_SHOWN).then((hits) => Promise.all(hits.map(async (hit) => resultView(await client.fragment(hit), marks, 'suggested')))) : null;
        // how a flag reads the first doubted hit, for the status line
        const flaggedLoading =
          !state.ocr && outcome.flagged.size > 0
            ? client.fragment(outcome.results.find((hit) => outcome.flagged.has(hit.id))!).then((fragment) => flaggedReading(recordText(fragment.content), fragment.suspects ?? [], marks, 'printed'))
            : null;
        const status = (flagged: Awaited<typeof flaggedLoading>) => (state.ocr ? suspectsLine(outcome, page, pages) : statusLine(outcome, page, pages, flagged, state));
        // while older tiers are searched, the pager offers the pages found so far and the next
        const pagerPages = outcome.complete ? pages : Math.max(pages, page + 1);
        const rest = async (items: ResultView[]): Promise<ResultsPage> => {
          const [suspects, flagged] = await Promise.all([suspectsLoading, flaggedLoading]);
          return {
            items,
            start,
            status: status(flagged),
            pager: pagerLinks(state, page, pagerPages),
            title: formatQuery(outcome.query),
            suspects: suspects
              ? {
                  total: outcome.suspected.total,
                  note: `另有 ${outcome.suspected.total} 篇文章中被标记为疑似识别错误的字句，按建议读法包含“${formatQuery(outcome.query)}”：`,
                  items: suspects,
                  all: linkTo({ ...state, ocr: true, page: 1 }, `查看全部 ${outcome.suspected.total} 篇疑似识别错误的结果`),
                }
              : null,
            back: state.ocr ? linkTo({ ...state, ocr: false, page: 1 }, `返回精确结果（${outcome.total}${outcome.complete ? '' : '+'} 篇）`) : null,
            drop: list.total === 0 && outcome.complete ? dropLinks(state) : [],
          };
        };
        return { flaggedLoading, status, rest };
      };
      const first = shownOf(outcome);
      let shown = false;
      if (view.preview && loading.length > PREVIEW_SIZE) {
        Promise.all([Promise.all(loading.slice(0, PREVIEW_SIZE)), first.flaggedLoading]).then(
          ([items, flagged]) => {
            if (mine === generation && !shown) view.preview!({ items, start, status: first.status(flagged) });
          },
          () => undefined,
        );
      }
      const items = await Promise.all(loading);
      const shownPage = await first.rest(items);
      if (mine !== generation) return;
      shown = true;
      view.show(shownPage);
      const shownMs = now() - started;
      const report = (outcome: SearchOutcome): SearchReport => ({
        query: state.q,
        ids: outcome.results.map((result) => result.id),
        suspected: outcome.suspected.results.map((result) => result.id),
        flagged: [...outcome.flagged],
        total: outcome.total,
        ms: now() - started,
        searchMs: searched,
        complete: outcome.complete,
        shownMs,
        startedAt: started,
      });
      options.onReport?.(report(outcome));
      if (!outcome.complete) {
        // the older tiers, once the page is painted: their results go after those listed (nothing on screen moves); the count and the pager follow
        completing = (async () => {
          await (options.idle ?? (async () => undefined))();
          if (mine !== generation) return;
          const whole = await outcome.more(true);
          const page = await shownOf(whole).rest(items);
          if (mine !== generation) return;
          view.show(page);
          options.onReport?.(report(whole));
        })().catch((error: unknown) => {
          if (mine === generation) view.failed(error);
        });
      }
    } catch (error) {
      if (mine !== generation) return;
      view.failed(error);
    }
  }

  return { run, settled: () => completing };
}
