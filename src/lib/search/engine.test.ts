import { describe, expect, it } from 'vitest';
import { createEngine, GROUPS_PER_PAUSE, type Hit, type PagefindApi, type PagefindResult } from './engine.ts';
import { CLASS_STEP, GROUP_SIZE, indexWords, lengthClass, SLOT, termCover } from './tokens.ts';
import { EMPTY_STATE } from './url-state.ts';

interface Article {
  bundle: string;
  url: string;
  text: string;
  paper?: string;
}

/**
 * A stand-in for Pagefind over bundles laid out as the index writer lays them out: pages are
 * groups of GROUP_SIZE articles, article k of a group at k * SLOT + length class * CLASS_STEP.
 * An unquoted word matches every word that starts with it; a result is a group with the
 * positions of those words.
 */
function fakePagefind(articles: readonly Article[], calls: string[] = []): PagefindApi {
  const bundles = [...new Set(articles.map((a) => a.bundle))];
  return {
    async search(term) {
      calls.push(term);
      const results: PagefindResult[] = [];
      for (const bundle of bundles) {
        const inBundle = articles.filter((a) => a.bundle === bundle);
        for (let group = 0; group * GROUP_SIZE < inBundle.length; group++) {
          const words: number[] = [];
          inBundle.slice(group * GROUP_SIZE, (group + 1) * GROUP_SIZE).forEach((article, slot) => {
            const list = indexWords(['', '', '', '', '', article.text]);
            const base = slot * SLOT + lengthClass(list.length) * CLASS_STEP;
            list.forEach((word, position) => word.startsWith(term) && words.push(base + position));
          });
          if (words.length > 0) results.push({ id: `${bundle}_g${group.toString(36)}`, words });
        }
      }
      return { results };
    },
  };
}

const ARTICLES: Article[] = [
  { bundle: 'xa', url: '/p/2022-01-01/01/01/', text: '疫情防控工作扎实推进。', paper: '遵义日报' },
  { bundle: 'xa', url: '/p/2022-06-01/01/01/', text: '张婷报道：疫情防控，疫情防控，再谈疫情防控。', paper: '贵州日报' },
  { bundle: 'xb', url: '/q/2021-03-01/01/01/', text: '張婷的疫情防控报道。', paper: '遵义日报' },
  { bundle: 'xb', url: '/q/2023-03-01/01/01/', text: '防控疫情不放松。', paper: '遵义日报' },
];

function engineOver(articles: readonly Article[], extra: Partial<Parameters<typeof createEngine>[0]> = {}, calls: string[] = []) {
  const place = (hit: Hit) => articles.filter((a) => a.bundle === hit.bundle)[hit.index]!;
  return createEngine({
    pagefind: async () => fakePagefind(articles, calls),
    load: async (hit) => ({ raw_url: place(hit).url }),
    filterArticles: async (bundle, filter, value) =>
      filter === 'paper'
        ? articles
            .filter((a) => a.bundle === bundle)
            .flatMap((a, index) => (a.paper === value ? [index] : []))
        : [],
    dateArticles: async (bundle, from, to) =>
      articles
        .filter((a) => a.bundle === bundle)
        .flatMap((a, index) => {
          const date = /\d{4}-\d{2}-\d{2}/u.exec(a.url)![0];
          return date >= from && date <= to ? [index] : [];
        }),
    bundles: ['xa', 'xb'],
    sizes: [2, 2],
    ...extra,
  });
}

const ids = (hits: Hit[]) => hits.map((hit) => hit.id);

describe('search engine', () => {
  it('finds the articles that hold every term, exactly', async () => {
    const engine = engineOver(ARTICLES);
    expect(ids((await engine.search({ ...EMPTY_STATE, q: '疫情防控 张婷' })).results)).toEqual(['xa_1']);
    expect(ids((await engine.search({ ...EMPTY_STATE, q: '防控疫情' })).results)).toEqual(['xb_1']);
    expect((await engine.search({ ...EMPTY_STATE, q: '疫情防控' })).total).toBe(3);
    expect((await engine.search({ ...EMPTY_STATE, q: '婷' })).total).toBe(2);
  });

  it('tells the articles of a group apart by their positions', async () => {
    const many = Array.from({ length: GROUP_SIZE + 3 }, (_, i) => ({ bundle: 'xc', url: `/c/2020-01-${String((i % 28) + 1).padStart(2, '0')}/01/${i}/`, text: i % 5 === 0 ? `第${i}篇：新蒲新区` : `第${i}篇：新蒲区` }));
    const found = await engineOver(many).search({ ...EMPTY_STATE, q: '新蒲新区', sort: 'oldest' });
    expect(ids(found.results)).toEqual(many.flatMap((_, i) => (i % 5 === 0 ? [`xc_${i.toString(36)}`] : [])));
  });

  it('pauses between groups of a common word\'s positions, with the same answer', async () => {
    const many = Array.from({ length: GROUP_SIZE * (GROUPS_PER_PAUSE * 2 + 1) }, (_, i) => ({ bundle: 'xc', url: `/c/2020-01-01/01/${i}/`, text: i % 3 === 0 ? '新蒲新区' : '新蒲区' }));
    let pauses = 0;
    const paused = await engineOver(many, { pause: async () => void pauses++ }).search({ ...EMPTY_STATE, q: '新蒲', sort: 'oldest' });
    expect(pauses).toBe(2);
    expect(ids(paused.results)).toEqual(ids((await engineOver(many).search({ ...EMPTY_STATE, q: '新蒲', sort: 'oldest' })).results));
    expect(paused.total).toBe(many.length);
  });

  it('orders by relevance: how often, in how long an article; ties newest first', async () => {
    const outcome = await engineOver(ARTICLES).search({ ...EMPTY_STATE, q: '疫情防控' });
    expect(ids(outcome.results)[0]).toBe('xa_1');
    const ties = await engineOver(ARTICLES).search({ ...EMPTY_STATE, q: '防控疫情 不放松' });
    expect(ids(ties.results)).toEqual(['xb_1']);
  });

  it('asks Pagefind once per word, and remembers the answers', async () => {
    const calls: string[] = [];
    const engine = engineOver(ARTICLES, {}, calls);
    await engine.search({ ...EMPTY_STATE, q: '疫情防控' });
    expect(calls).toEqual(termCover('疫情防控').map((part) => part.word));
    await engine.search({ ...EMPTY_STATE, q: '防控' });
    expect(calls).toHaveLength(2);
  });

  it('takes either term of a clause of alternatives (或), and counts both for relevance', async () => {
    const engine = engineOver(ARTICLES);
    expect(ids((await engine.search({ ...EMPTY_STATE, q: '扎实 或 不放松' })).results).sort()).toEqual(['xa_0', 'xb_1']);
    expect(ids((await engine.search({ ...EMPTY_STATE, q: '防控 扎实|不放松' })).results).sort()).toEqual(['xa_0', 'xb_1']);
    const outcome = await engine.search({ ...EMPTY_STATE, q: '张婷 OR 报道' });
    expect(ids(outcome.results).sort()).toEqual(['xa_1', 'xb_0']);
    expect(outcome.terms).toEqual(['张婷', '报道']);
  });

  it('drops the articles that hold an excluded term, in any of its forms', async () => {
    const engine = engineOver(ARTICLES, {
      mayBeTraditional: (text) => /[張]/u.test(text),
      toSimplified: async () => (text) => text.replaceAll('張', '张'),
    });
    // as a term, a simplified one finds only itself, a traditional one also its simplified form
    expect(ids((await engine.search({ ...EMPTY_STATE, q: '疫情防控 -张婷' })).results).sort()).toEqual(['xa_0', 'xb_0']);
    expect(ids((await engine.search({ ...EMPTY_STATE, q: '疫情防控 -張婷' })).results)).toEqual(['xa_0']);
    // exclusions only: every article without them, newest first by date
    const without = await engine.search({ ...EMPTY_STATE, q: '-疫情防控', sort: 'newest' });
    expect(without.total).toBe(1);
    expect(ids(without.results)).toEqual(['xb_1']);
    expect(without.terms).toEqual([]);
  });

  it('narrows by a date range, both ends included', async () => {
    const engine = engineOver(ARTICLES);
    expect(ids((await engine.search({ ...EMPTY_STATE, q: '防控', from: '2022-01-01', to: '2022-06-01' })).results).sort()).toEqual(['xa_0', 'xa_1']);
    expect(ids((await engine.search({ ...EMPTY_STATE, q: '防控', from: '2022-06-02' })).results)).toEqual(['xb_1']);
    expect(ids((await engine.search({ ...EMPTY_STATE, q: '防控', to: '2021-12-31' })).results)).toEqual(['xb_0']);
  });

  it('narrows by a filter, read per article', async () => {
    const outcome = await engineOver(ARTICLES).search({ ...EMPTY_STATE, q: '疫情防控', paper: '遵义日报' });
    expect(ids(outcome.results).sort()).toEqual(['xa_0', 'xb_0']);
  });

  it('also searches the simplified form of a traditional term, loading the converter only then', async () => {
    let loaded = 0;
    const engine = engineOver(ARTICLES, {
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
    // found in both forms, in bundles not known to be in date order: merged by the dates in the URLs
    expect(outcome.total).toBe(2);
    expect(ids(await outcome.page(0, 10))).toEqual(['xb_0', 'xa_1']);
  });

  it('merges bundles by date when they are not listed in date order', async () => {
    const newest = await engineOver(ARTICLES).search({ ...EMPTY_STATE, q: '防控', sort: 'newest' });
    expect(ids(await newest.page(0, 2))).toEqual(['xb_1', 'xa_1']);
    expect(ids(await newest.page(1, 2))).toEqual(['xa_0', 'xb_0']);
    const oldest = await engineOver(ARTICLES).search({ ...EMPTY_STATE, q: '防控', sort: 'oldest' });
    expect(ids(await oldest.page(0, 4))).toEqual(['xb_0', 'xa_0', 'xa_1', 'xb_1']);
  });

  it('trusts the bundle order when the bundles are ordered', async () => {
    const outcome = await engineOver(ARTICLES, { ordered: true, bundles: ['xa', 'xb'] }).search({ ...EMPTY_STATE, q: '疫情', sort: 'newest' });
    expect(ids(outcome.results)).toEqual(['xb_1', 'xb_0', 'xa_1', 'xa_0']);
  });

  it('finds nothing for an empty query without asking Pagefind', async () => {
    const calls: string[] = [];
    const outcome = await engineOver(ARTICLES, {}, calls).search({ ...EMPTY_STATE, q: ' "" ' });
    expect(outcome.total).toBe(0);
    expect(calls).toEqual([]);
  });
});
