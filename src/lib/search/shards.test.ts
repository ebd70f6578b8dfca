import { describe, expect, it } from 'vitest';
import type { SearchSource } from './records.ts';
import { searchSource } from '../../../tests/support/search-site.ts';
import { facetsOf } from './index-format.ts';
import { planShards } from './shards.ts';

const source = (date: string, seq: number, people: string[] = ['张婷']): SearchSource =>
  searchSource(`/p/${date}/01/0${seq}/`, ['文'], { date, headline: 'x', people });

describe('planShards', () => {
  it('splits by date into bundles of at most the size, cut from the newest (the newest full), listed oldest first, the first at /pagefind/', () => {
    const plans = planShards([source('2023-02-01', 1), source('2022-01-01', 1), source('2023-01-01', 2), source('2023-01-01', 1)], 3);
    expect(plans.map((plan) => plan.sources.map((s) => s.url))).toEqual([
      ['/p/2022-01-01/01/01/'],
      ['/p/2023-01-01/01/01/', '/p/2023-01-01/01/02/', '/p/2023-02-01/01/01/'],
    ]);
    expect(planShards([source('2023-02-01', 1), source('2022-01-01', 1), source('2023-01-01', 2)], 3)).toHaveLength(1);
    expect(plans[0]!.path).toBe('/pagefind/');
    expect(plans[1]!.path).toBe(`/pagefind/shards/${plans[1]!.key}/`);
    // a key names the shard's Pagefind "language": never zh/ja/th, which Pagefind would segment
    for (const plan of plans) expect(plan.key).toMatch(/^x[0-9a-f]{8}$/u);
  });

  it('makes the newest bundle smaller when asked, then cuts the older ones at the size', () => {
    const sources = Array.from({ length: 10 }, (_, i) => source(`2023-01-${String(i + 1).padStart(2, '0')}`, 1));
    const days = (first: number) => planShards(sources, 4, first).map((plan) => plan.sources.map((s) => s.date.slice(8)));
    expect(days(2)).toEqual([['01', '02', '03', '04'], ['05', '06', '07', '08'], ['09', '10']]);
    // no larger than the others, and all of it when the archive is small
    expect(days(9).map((days) => days.length)).toEqual([2, 4, 4]);
    expect(planShards(sources.slice(0, 2), 4, 3)).toHaveLength(1);
  });

  it('refuses a size that would never end (0, negative, fractional)', () => {
    const sources = [source('2023-01-01', 1)];
    for (const [size, first] of [[0, 0], [-5, -5], [2.5, 2.5], [4, 0]] as const) expect(() => planShards(sources, size, first)).toThrow(RangeError);
  });

  it('plans one empty bundle for an empty archive', () => {
    expect(planShards([], 10)).toHaveLength(1);
  });
});

describe('facetsOf', () => {
  it('counts each filter value', () => {
    const facets = facetsOf([source('2023-01-01', 1), source('2023-02-01', 1, ['张婷', '一丁'])]);
    expect(facets.author).toEqual({ 张婷: 2, 一丁: 1 });
    expect(facets.month).toEqual({ '2023-01': 1, '2023-02': 1 });
  });
});
