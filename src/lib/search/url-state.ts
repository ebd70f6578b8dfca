import { FILTER_KEYS, type FilterKey } from './records.ts';

/** How results are ordered. */
export const SORTS = ['relevance', 'newest', 'oldest'] as const;
export type SortOrder = (typeof SORTS)[number];

/**
 * Everything a search is: query, filters, order and result page. It lives in the URL, so that a
 * search can be shared, bookmarked and cited, and the back button returns to the last one.
 */
export interface SearchState {
  q: string;
  paper: string;
  year: string;
  /** Month 1-12 as typed in the URL; used only together with a year. */
  month: string;
  section: string;
  kind: string;
  author: string;
  sort: SortOrder;
  /** Result page, from 1. */
  page: number;
}

export const EMPTY_STATE: SearchState = { q: '', paper: '', year: '', month: '', section: '', kind: '', author: '', sort: 'relevance', page: 1 };

export function stateFromParams(params: URLSearchParams): SearchState {
  const text = (key: string) => (params.get(key) ?? '').trim();
  const sort = text('sort');
  const page = Number.parseInt(text('page'), 10);
  const year = /^\d{4}$/u.test(text('year')) ? text('year') : '';
  const month = Number.parseInt(text('month'), 10);
  const kind = text('kind');
  return {
    q: params.get('q') ?? '',
    paper: text('paper'),
    year,
    month: year && month >= 1 && month <= 12 ? String(month) : '',
    section: text('section'),
    kind: kind === 'article' || kind === 'photo' ? kind : '',
    author: text('author'),
    sort: (SORTS as readonly string[]).includes(sort) ? (sort as SortOrder) : 'relevance',
    page: Number.isFinite(page) && page >= 1 ? page : 1,
  };
}

/** The URL parameters of a state, leaving out defaults so that links stay short. */
export function paramsFromState(state: SearchState): URLSearchParams {
  const params = new URLSearchParams();
  if (state.q.trim() !== '') params.set('q', state.q.trim());
  for (const key of ['paper', 'year', 'month', 'section', 'kind', 'author'] as const) {
    if (state[key] !== '') params.set(key, state[key]);
  }
  if (state.sort !== 'relevance') params.set('sort', state.sort);
  if (state.page > 1) params.set('page', String(state.page));
  return params;
}

/** Pagefind filters for a state: only the filters that are set. */
export function filtersOf(state: SearchState): Partial<Record<FilterKey, string>> {
  const filters: Partial<Record<FilterKey, string>> = {};
  if (state.paper) filters.paper = state.paper;
  if (state.year) filters.year = state.year;
  if (state.year && state.month) filters.month = `${state.year}-${state.month.padStart(2, '0')}`;
  if (state.section) filters.section = state.section;
  if (state.kind) filters.kind = state.kind;
  if (state.author) filters.author = state.author;
  return filters;
}

export { FILTER_KEYS };
