import { describe, expect, it } from 'vitest';
import { createEngine, type PagefindApi, type PagefindResult } from './engine.ts';
import { indexContent, phraseQuery } from './tokens.ts';
import { EMPTY_STATE } from './url-state.ts';

/**
 * A stand-in for Pagefind over a few texts: quoted queries match token phrases exactly, unquoted
 * ones score by how often their tokens occur. Bundles are the id prefixes; pages come back in
 * index order, as Pagefind returns them.
 */
function fakePagefind(pages: Array<{ id: string; url: string; text: string }>, calls: string[] = []): PagefindApi {
  const tokens = pages.map((page) => indexContent([page.text]).toLowerCase().split(' '));
  return {
    async search(term) {
      calls.push(term);
      const quoted = term.startsWith('"');
      const words = term.replaceAll('"', '').split(' ');
      const results: PagefindResult[] = [];
      pages.forEach((page, index) => {
        const t = tokens[index]!;
        const hits = quoted
          ? t.some((_, at) => words.every((word, k) => t[at + k] === word)) ? 1 : 0
          : words.every((word) => t.includes(word)) ? words.reduce((sum, word) => sum + t.filter((x) => x === word).length, 0) : 0;
        if (hits > 0) results.push({ id: page.id, score: quoted ? 1 : hits, data: async () => ({ url: page.url, content: indexContent([page.text]), filters: {} }) });
      });
      return { results: results.sort((a, b) => b.score - a.score) };
    },
  };
}

const PAGES = [
  { id: 'xa_1', url: '/p/2022-01-01/01/01/', text: '疫情防控工作扎实推进。' },
  { id: 'xa_2', url: '/p/2022-06-01/01/01/', text: '张婷报道：疫情防控，疫情防控，再谈疫情防控。' },
  { id: 'xb_1', url: '/q/2021-03-01/01/01/', text: '張婷的疫情防控报道。' },
  { id: 'xb_2', url: '/q/2023-03-01/01/01/', text: '防控疫情不放松。' },
];

describe('search engine', () => {
  it('intersects exact matches of every term', async () => {
    const engine = createEngine({ pagefind: async () => fakePagefind(PAGES) });
    const outcome = await engine.search({ ...EMPTY_STATE, q: '疫情防控 张婷' });
    expect(outcome.results.map((r) => r.id)).toEqual(['xa_2']);
    expect((await engine.search({ ...EMPTY_STATE, q: '防控疫情' })).results.map((r) => r.id)).toEqual(['xb_2']);
  });

  it('orders by relevance: the unquoted score, ties newest first', async () => {
    const engine = createEngine({ pagefind: async () => fakePagefind(PAGES) });
    const outcome = await engine.search({ ...EMPTY_STATE, q: '疫情防控' });
    expect(outcome.results.map((r) => r.id)[0]).toBe('xa_2');
    expect(outcome.total).toBe(3);
  });

  it('also searches the simplified form of a traditional term, loading the converter only then', async () => {
    let loaded = 0;
    const calls: string[] = [];
    const engine = createEngine({
      pagefind: async () => fakePagefind(PAGES, calls),
      mayBeTraditional: (text) => /[張]/u.test(text),
      toSimplified: async () => {
        loaded++;
        return (text) => text.replaceAll('張', '张');
      },
    });
    await engine.search({ ...EMPTY_STATE, q: '疫情防控' });
    expect(loaded).toBe(0);
    const outcome = await engine.search({ ...EMPTY_STATE, q: '張婷', sort: 'oldest' });
    expect(loaded).toBe(1);
    expect(outcome.variants).toEqual([['張婷', '张婷']]);
    expect(calls).toContain(phraseQuery('张婷'));
    // found in both forms: ordered by the dates in the URLs
    expect(outcome.total).toBe(2);
    expect((await outcome.page(0, 10)).map((r) => r.id)).toEqual(['xb_1', 'xa_2']);
  });

  it('merges bundles by date when they are not listed in date order', async () => {
    const engine = createEngine({ pagefind: async () => fakePagefind(PAGES) });
    const newest = await engine.search({ ...EMPTY_STATE, q: '防控', sort: 'newest' });
    expect((await newest.page(0, 2)).map((r) => r.id)).toEqual(['xb_2', 'xa_2']);
    expect((await newest.page(1, 2)).map((r) => r.id)).toEqual(['xa_1', 'xb_1']);
    const oldest = await createEngine({ pagefind: async () => fakePagefind(PAGES) }).search({ ...EMPTY_STATE, q: '防控', sort: 'oldest' });
    expect((await oldest.page(0, 4)).map((r) => r.id)).toEqual(['xb_1', 'xa_1', 'xa_2', 'xb_2']);
  });

  it('trusts the bundle order when the bundles are ordered', async () => {
    const engine = createEngine({ pagefind: async () => fakePagefind(PAGES.slice(0, 2)), ordered: true });
    const outcome = await engine.search({ ...EMPTY_STATE, q: '疫情', sort: 'newest' });
    expect(outcome.results.map((r) => r.id)).toEqual(['xa_2', 'xa_1']);
  });

  it('finds nothing for an empty query without asking Pagefind', async () => {
    const calls: string[] = [];
    const outcome = await createEngine({ pagefind: async () => fakePagefind(PAGES, calls) }).search({ ...EMPTY_STATE, q: ' "" ' });
    expect(outcome.total).toBe(0);
    expect(calls).toEqual([]);
  });
});
