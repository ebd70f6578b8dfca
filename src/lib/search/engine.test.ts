import { describe, expect, it } from 'vitest';
import { createEngine, type PagefindApi, type PagefindResult } from './engine.ts';
import { indexWords, termQuery } from './tokens.ts';
import { EMPTY_STATE } from './url-state.ts';

/**
 * A stand-in for Pagefind over a few texts: a quoted query matches its words at consecutive
 * positions (every hit scored 1, results in index order); an unquoted one matches pages holding
 * a word that starts with each of its words, scored by how many do, best first. Ids are
 * `<bundle>_<place in bundle, base 36>`, as the index writer makes them.
 */
function fakePagefind(pages: Array<{ id: string; url: string; text: string }>, calls: string[] = []): PagefindApi {
  const words = pages.map((page) => indexWords([page.text]));
  return {
    async search(term) {
      calls.push(term);
      const quoted = term.startsWith('"');
      const query = term.replaceAll('"', '').split(' ');
      const results: PagefindResult[] = [];
      pages.forEach((page, index) => {
        const w = words[index]!;
        const hits = quoted
          ? w.some((_, at) => query.every((word, k) => w[at + k] === word))
            ? 1
            : 0
          : query.every((q) => w.some((word) => word.startsWith(q)))
            ? query.reduce((sum, q) => sum + w.filter((word) => word.startsWith(q)).length, 0)
            : 0;
        if (hits > 0) results.push({ id: page.id, score: hits, data: async () => ({ url: page.url, content: page.text, filters: {} }) });
      });
      return { results: quoted ? results : results.sort((a, b) => b.score - a.score) };
    },
  };
}

const PAGES = [
  { id: 'xa_0', url: '/p/2022-01-01/01/01/', text: '疫情防控工作扎实推进。' },
  { id: 'xa_1', url: '/p/2022-06-01/01/01/', text: '张婷报道：疫情防控，疫情防控，再谈疫情防控。' },
  { id: 'xb_0', url: '/q/2021-03-01/01/01/', text: '張婷的疫情防控报道。' },
  { id: 'xb_1', url: '/q/2023-03-01/01/01/', text: '防控疫情不放松。' },
];

describe('search engine', () => {
  it('intersects exact matches of every term', async () => {
    const engine = createEngine({ pagefind: async () => fakePagefind(PAGES) });
    const outcome = await engine.search({ ...EMPTY_STATE, q: '疫情防控 张婷' });
    expect(outcome.results.map((r) => r.id)).toEqual(['xa_1']);
    expect((await engine.search({ ...EMPTY_STATE, q: '防控疫情' })).results.map((r) => r.id)).toEqual(['xb_1']);
  });

  it('orders by relevance: the unquoted score, ties newest first', async () => {
    const engine = createEngine({ pagefind: async () => fakePagefind(PAGES) });
    const outcome = await engine.search({ ...EMPTY_STATE, q: '疫情防控' });
    expect(outcome.results.map((r) => r.id)[0]).toBe('xa_1');
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
    expect(calls).toContain(termQuery('张婷')!.query);
    // found in both forms: ordered by the dates in the URLs
    expect(outcome.total).toBe(2);
    expect((await outcome.page(0, 10)).map((r) => r.id)).toEqual(['xb_0', 'xa_1']);
  });

  it('merges bundles by date when they are not listed in date order', async () => {
    const engine = createEngine({ pagefind: async () => fakePagefind(PAGES) });
    const newest = await engine.search({ ...EMPTY_STATE, q: '防控', sort: 'newest' });
    expect((await newest.page(0, 2)).map((r) => r.id)).toEqual(['xb_1', 'xa_1']);
    expect((await newest.page(1, 2)).map((r) => r.id)).toEqual(['xa_0', 'xb_0']);
    const oldest = await createEngine({ pagefind: async () => fakePagefind(PAGES) }).search({ ...EMPTY_STATE, q: '防控', sort: 'oldest' });
    expect((await oldest.page(0, 4)).map((r) => r.id)).toEqual(['xb_0', 'xa_0', 'xa_1', 'xb_1']);
  });

  it('trusts the bundle order when the bundles are ordered, also for scored (unquoted) searches', async () => {
    const engine = createEngine({ pagefind: async () => fakePagefind(PAGES), ordered: true, bundles: ['xa', 'xb'] });
    const outcome = await engine.search({ ...EMPTY_STATE, q: '疫情', sort: 'newest' });
    expect(outcome.results.map((r) => r.id)).toEqual(['xb_1', 'xb_0', 'xa_1', 'xa_0']);
  });

  it('scores a term of one or two characters with the search that found it, and longer ones with one more search', async () => {
    const calls: string[] = [];
    const engine = createEngine({ pagefind: async () => fakePagefind(PAGES, calls) });
    expect((await engine.search({ ...EMPTY_STATE, q: '防控' })).results.map((r) => r.id)[0]).toBe('xa_1');
    expect(calls).toHaveLength(1);
    await engine.search({ ...EMPTY_STATE, q: '疫情防控' });
    expect(calls).toHaveLength(3);
  });

  it('finds nothing for an empty query without asking Pagefind', async () => {
    const calls: string[] = [];
    const outcome = await createEngine({ pagefind: async () => fakePagefind(PAGES, calls) }).search({ ...EMPTY_STATE, q: ' "" ' });
    expect(outcome.total).toBe(0);
    expect(calls).toEqual([]);
  });
});
