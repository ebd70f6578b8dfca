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
  /** First day of a date range, YYYY-MM-DD (included), or ''. */
  from: string;
  /** Last day of a date range, YYYY-MM-DD (included), or ''. */
  to: string;
  sort: SortOrder;
  /** List the suspected misreadings (see aliases.ts) instead of the exact results. */
  ocr: boolean;
  /** Result page, from 1. */
  page: number;
}

export const EMPTY_STATE: SearchState = { q: '', paper: '', year: '', month: '', section: '', kind: '', author: '', from: '', to: '', sort: 'relevance', ocr: false, page: 1 };

/** The filters a state can set, in the order the URL lists them. */
export const FILTER_FIELDS = ['paper', 'year', 'month', 'section', 'kind', 'author', 'from', 'to'] as const;
export type FilterField = (typeof FILTER_FIELDS)[number];

/** A calendar date written YYYY-MM-DD, or '' for anything else. */
function day(text: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/u.exec(text);
  if (!match) return '';
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toISOString().slice(0, 10) === text ? text : '';
}

export function stateFromParams(params: URLSearchParams): SearchState {
  const text = (key: string) => (params.get(key) ?? '').trim();
  const sort = text('sort');
  const page = Number.parseInt(text('page'), 10);
  const year = /^\d{4}$/u.test(text('year')) ? text('year') : '';
  const month = Number.parseInt(text('month'), 10);
  const kind = text('kind');
  let from = day(text('from'));
  let to = day(text('to'));
  if (from && to && from > to) [from, to] = [to, from];
  return {
    q: params.get('q') ?? '',
    paper: text('paper'),
    year,
    month: year && month >= 1 && month <= 12 ? String(month) : '',
    section: text('section'),
    kind: kind === 'article' || kind === 'photo' ? kind : '',
    author: text('author'),
    from,
    to,
    sort: (SORTS as readonly string[]).includes(sort) ? (sort as SortOrder) : 'relevance',
    ocr: text('ocr') === '1',
    page: Number.isFinite(page) && page >= 1 ? page : 1,
  };
}

/** The URL parameters of a state, leaving out defaults so that links stay short. */
export function paramsFromState(state: SearchState): URLSearchParams {
  const params = new URLSearchParams();
  if (state.q.trim() !== '') params.set('q', state.q.trim());
  for (const key of FILTER_FIELDS) {
    if (state[key] !== '') params.set(key, state[key]);
  }
  if (state.sort !== 'relevance') params.set('sort', state.sort);
  if (state.ocr) params.set('ocr', '1');
  if (state.page > 1) params.set('page', String(state.page));
  return params;
}

/** Does the state narrow the search by anything but its query? */
export function hasFilters(state: SearchState): boolean {
  return FILTER_FIELDS.some((key) => state[key] !== '');
}

/** The index's filters for a state (the date range is not one of them): only the filters that are set. */
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
