import { describe, expect, it } from 'vitest';
import { EMPTY_STATE, filtersOf, hasFilters, paramsFromState, stateFromParams } from './url-state.ts';

describe('search state in the URL', () => {
  it('round-trips and leaves out defaults', () => {
    const state = { ...EMPTY_STATE, q: '疫情防控 张婷', paper: '遵义日报', year: '2023', month: '1', kind: 'photo', from: '2023-01-02', to: '2023-03-31', sort: 'newest' as const, ocr: true, page: 2 };
    const params = paramsFromState(state);
    expect(params.toString()).not.toContain('section');
    expect(stateFromParams(params)).toEqual(state);
    expect(paramsFromState(EMPTY_STATE).toString()).toBe('');
  });

  it('ignores what it does not understand', () => {
    const state = stateFromParams(new URLSearchParams('q=a&sort=random&page=-3&year=23&month=13&kind=video&from=2023-02-30&to=yesterday'));
    expect(state).toEqual({ ...EMPTY_STATE, q: 'a' });
  });

  it('takes a date range either way round, and one end alone', () => {
    expect(stateFromParams(new URLSearchParams('from=2023-03-01&to=2023-01-01'))).toMatchObject({ from: '2023-01-01', to: '2023-03-01' });
    expect(stateFromParams(new URLSearchParams('to=2023-01-01'))).toMatchObject({ from: '', to: '2023-01-01' });
    expect(hasFilters(stateFromParams(new URLSearchParams('q=a&to=2023-01-01')))).toBe(true);
    expect(hasFilters(stateFromParams(new URLSearchParams('q=a&sort=newest')))).toBe(false);
  });

  it('makes Pagefind filters; a month needs its year', () => {
    expect(filtersOf({ ...EMPTY_STATE, year: '2023', month: '1', author: '张婷' })).toEqual({ year: '2023', month: '2023-01', author: '张婷' });
    expect(filtersOf({ ...EMPTY_STATE, month: '1' })).toEqual({});
  });
});
