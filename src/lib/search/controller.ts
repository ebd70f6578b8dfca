import type { BundleClient } from './client.ts';
import { createEngine, type EngineOptions, type SearchOutcome } from './engine.ts';
import { formatQuery } from './query.ts';
import { resultView, type ResultView } from './results.ts';
import { paramsFromState, type SearchState } from './url-state.ts';

/**
 * What happens when a search runs: the engine over the bundles, the page of results loaded and
 * turned into views, the status line, the pager and the title, handed to a view (the DOM in the
 * page, a recorder in tests). A newer search makes an older one's outcome be dropped.
 */

export const PAGE_SIZE = 20;

/** A link of the pager. */
export interface PagerLink {
  page: number;
  label: string;
  /** `?…` of the search state on that page. */
  href: string;
  rel?: 'prev' | 'next';
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
}

/** What a finished search reports (read by `npm run eval:search` as `window.archiveSearchLast`). */
export interface SearchReport {
  query: string;
  ids: string[];
  total: number;
  ms: number;
  /** Until the results were counted (the rest: loading and showing the page of results). */
  searchMs: number;
}

export interface SearchView {
  /** The form shows the state being searched. */
  showState(state: SearchState): void;
  /** No query: nothing to show. */
  clear(): void;
  busy(): void;
  show(page: ResultsPage): void;
  failed(error: unknown): void;
}

/** The status line for an outcome shown at `page` of `pages`. */
export function statusLine(outcome: Pick<SearchOutcome, 'query' | 'total' | 'variants'>, page: number, pages: number): string {
  if (outcome.total === 0) return `没有找到包含“${formatQuery(outcome.query)}”的文章。`;
  const converted = outcome.variants.filter((forms) => forms.length > 1).map((forms) => forms[1]!);
  return `找到 ${outcome.total} 篇${pages > 1 ? `，第 ${page}/${pages} 页` : ''}。` + (converted.length > 0 ? `已同时检索简体字形：${converted.join('、')}。` : '');
}

/** The pager's links for `page` of `pages`. */
export function pagerLinks(state: SearchState, page: number, pages: number): PagerLink[] {
  const link = (to: number, label: string, rel?: 'prev' | 'next'): PagerLink => ({ page: to, label, href: `?${paramsFromState({ ...state, page: to })}`, ...(rel ? { rel } : {}) });
  return [...(page > 1 ? [link(page - 1, '上一页', 'prev')] : []), ...(page < pages ? [link(page + 1, '下一页', 'next')] : [])];
}

export interface ControllerOptions {
  client: BundleClient;
  view: SearchView;
  /** Traditional-character handling for the engine (see EngineOptions). */
  mayBeTraditional?: EngineOptions['mayBeTraditional'];
  toSimplified?: EngineOptions['toSimplified'];
  /** Called with each finished search. */
  onReport?: (report: SearchReport) => void;
  now?: () => number;
}

export function createSearchController(options: ControllerOptions): { run(state: SearchState): Promise<void> } {
  const { client, view } = options;
  const now = options.now ?? (() => performance.now());
  /** What the engine needs to know of the bundles, once loaded. */
  const loaded = { ordered: false, keys: [] as string[], sizes: [] as number[], articles: 0, averageWords: 0 };
  const engine = createEngine({
    pagefind: client.pagefind,
    mayBeTraditional: options.mayBeTraditional,
    toSimplified: options.toSimplified,
    get ordered() {
      return loaded.ordered;
    },
    get bundles() {
      return loaded.keys;
    },
    get sizes() {
      return loaded.sizes;
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
  async function run(state: SearchState): Promise<void> {
    const mine = ++generation;
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
      loaded.articles = bundles.reduce((sum, bundle) => sum + bundle.articles, 0);
      loaded.averageWords = bundles.reduce((sum, bundle) => sum + bundle.averageWords * bundle.articles, 0) / Math.max(1, loaded.articles);
      const outcome = await engine.search(state);
      const searched = now() - started;
      const pages = Math.max(1, Math.ceil(outcome.total / PAGE_SIZE));
      const page = Math.min(state.page, pages);
      const shown = await outcome.page(page - 1, PAGE_SIZE);
      const marks = outcome.variants.flat();
      const items = await Promise.all(shown.map(async (hit) => resultView(await client.fragment(hit), marks)));
      if (mine !== generation) return;
      view.show({ items, start: (page - 1) * PAGE_SIZE + 1, status: statusLine(outcome, page, pages), pager: pagerLinks(state, page, pages), title: formatQuery(outcome.query) });
      options.onReport?.({ query: state.q, ids: outcome.results.map((result) => result.id), total: outcome.total, ms: now() - started, searchMs: searched });
    } catch (error) {
      if (mine !== generation) return;
      view.failed(error);
    }
  }

  return { run };
}
