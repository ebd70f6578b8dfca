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
      filter === 'paper' || filter === 'year'
        ? articles
            .filter((a) => a.bundle === bundle)
            .flatMap((a, index) => ((filter === 'paper' ? a.paper === value : a.url.includes(`/${value}-`)) ? [index] : []))
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

/**
 * Recency tiers (docs/0015): three bundles of one build in date order, oldest first (2020, 2021,
 * 2022), searched by a stand-in Pagefind that answers only for the bundles whose partitions were
 * merged (as the runtime does) and records which bundles each word was asked in.
 */
describe('search engine over recency tiers', () => {
  const YEARS = ['2020', '2021', '2022'];
  const KEYS = ['xt0', 'xt1', 'xt2'];
  // 30 articles a tier: every one holds 防控, every third 疫情防控, every fifth 张婷; 村医 only in the oldest tier
  const tiered: Article[] = KEYS.flatMap((bundle, t) =>
    Array.from({ length: 30 }, (_, i) => ({
      bundle,
      url: `/p/${YEARS[t]}-01-${String(i + 1).padStart(2, '0')}/01/01/`,
      text: `${i % 3 === 0 ? '疫情' : '工作'}防控${i % 5 === 0 ? '，张婷' : ''}${t === 0 && i < 2 ? '，村医' : ''}。`,
      paper: i % 2 === 0 ? '遵义日报' : '贵州日报',
    })),
  );

  function tieredEngine() {
    const asked: string[][] = [];
    const merged = new Set<string>();
    const engine = engineOver(tiered, {
      ordered: true,
      bundles: KEYS,
      sizes: [30, 30, 30],
      articles: 90,
      spans: YEARS.map((year) => ({ from: `${year}-01-01`, to: `${year}-01-30` })),
      pagefind: async (_word, bundles) => {
        asked.push([...(bundles ?? KEYS)]);
        for (const key of bundles ?? KEYS) merged.add(key);
        return fakePagefind(tiered.filter((a) => merged.has(a.bundle)));
      },
    });
    const bundlesAsked = () => [...new Set(asked.flat())].sort();
    return { engine, asked, bundlesAsked };
  }
  const expectedIds = (match: (a: Article) => boolean) =>
    tiered.flatMap((a) => (match(a) ? [`${a.bundle}_${tiered.filter((b) => b.bundle === a.bundle).indexOf(a).toString(36)}`] : [])).sort();

  it('reads only the newest tier when it fills the page, then the older ones, appending their results', async () => {
    const { engine, asked, bundlesAsked } = tieredEngine();
    const first = await engine.search({ ...EMPTY_STATE, q: '防控' }, 20);
    expect(bundlesAsked()).toEqual(['xt2']);
    expect(first.complete).toBe(false);
    expect(first.total).toBe(30);
    expect(first.results.every((hit) => hit.bundle === 'xt2')).toBe(true);
    const shown = ids(await first.page(0, 20));
    const whole = await first.more(true);
    expect(whole.complete).toBe(true);
    // the older tiers' words asked for in one search
    expect(asked.at(-1)).toEqual(['xt1', 'xt0']);
    expect(ids(whole.results).sort()).toEqual(expectedIds((a) => a.text.includes('防控')));
    // nothing shown moves: the first page stays, newer tiers first
    expect(ids(await whole.page(0, 20))).toEqual(shown);
    expect([...new Set(whole.results.map((hit) => hit.bundle))]).toEqual(['xt2', 'xt1', 'xt0']);
  });

  it('reads as many tiers as the page asked for needs, and searches oldest first for sort=oldest', async () => {
    const { engine, bundlesAsked } = tieredEngine();
    const third = await engine.search({ ...EMPTY_STATE, q: '疫情防控', page: 2 }, 20);
    // 10 a tier: the page of 20 takes two tiers
    expect(bundlesAsked()).toEqual(['xt1', 'xt2']);
    expect(third.total).toBe(20);
    const oldest = tieredEngine();
    const found = await oldest.engine.search({ ...EMPTY_STATE, q: '防控', sort: 'oldest' }, 20);
    expect(oldest.bundlesAsked()).toEqual(['xt0']);
    expect(ids(found.results).slice(0, 3)).toEqual(['xt0_0', 'xt0_1', 'xt0_2']);
    const whole = await found.more(true);
    // by date: exact across tiers
    expect(ids(whole.results)).toEqual(KEYS.flatMap((key) => Array.from({ length: 30 }, (_, i) => `${key}_${i.toString(36)}`)));
  });

  it('reads every tier when the matches are few, and is then complete', async () => {
    const { engine, bundlesAsked } = tieredEngine();
    const found = await engine.search({ ...EMPTY_STATE, q: '村医' }, 20);
    expect(bundlesAsked()).toEqual(KEYS);
    expect(found.complete).toBe(true);
    expect(ids(found.results).sort()).toEqual(['xt0_0', 'xt0_1']);
  });

  it('skips the tiers outside a date range or year without reading them', async () => {
    const { engine, bundlesAsked } = tieredEngine();
    const found = await engine.search({ ...EMPTY_STATE, q: '疫情防控', from: '2021-01-05', to: '2021-01-20' }, 20);
    expect(bundlesAsked()).toEqual(['xt1']);
    expect(found.complete).toBe(true);
    expect(ids(found.results).sort()).toEqual(expectedIds((a) => a.bundle === 'xt1' && a.text.includes('疫情防控') && a.url >= '/p/2021-01-05' && a.url < '/p/2021-01-21'));
    const year = tieredEngine();
    await year.engine.search({ ...EMPTY_STATE, q: '防控', year: '2020' }, 20);
    expect(year.bundlesAsked()).toEqual(['xt0']);
  });

  it('counts what dropping the filters finds in the skipped tiers too, when nothing matches', async () => {
    const { engine } = tieredEngine();
    const found = await engine.search({ ...EMPTY_STATE, q: '村医', year: '2022' }, 20);
    expect(found.total).toBe(0);
    expect(found.complete).toBe(true);
    expect(found.unfiltered).toBe(2);
    // matches without the filter both in the tiers read and in those skipped: all counted
    const both = await tieredEngine().engine.search({ ...EMPTY_STATE, q: '张婷', year: '2022', paper: '无此报' }, 20);
    expect(both.total).toBe(0);
    expect(both.unfiltered).toBe(18);
  });

  it('applies exclusions, alternatives and filters in every tier: once complete, exactly the matching articles', async () => {
    for (const [q, match] of [
      ['防控 -张婷', (a: Article) => a.text.includes('防控') && !a.text.includes('张婷')],
      ['张婷 OR 村医', (a: Article) => a.text.includes('张婷') || a.text.includes('村医')],
      ['-疫情', (a: Article) => !a.text.includes('疫情')],
    ] as const) {
      const { engine } = tieredEngine();
      const first = await engine.search({ ...EMPTY_STATE, q }, 20);
      const whole = await first.more(true);
      expect(ids(whole.results).sort()).toEqual(expectedIds(match));
      expect(whole.total).toBe(whole.results.length);
    }
    const { engine } = tieredEngine();
    const filtered = await (await engine.search({ ...EMPTY_STATE, q: '疫情防控', paper: '遵义日报' }, 20)).more(true);
    expect(ids(filtered.results).sort()).toEqual(expectedIds((a) => a.text.includes('疫情防控') && a.paper === '遵义日报'));
  });

  it('reads the remaining tiers one at a time with more()', async () => {
    const { engine, bundlesAsked } = tieredEngine();
    const first = await engine.search({ ...EMPTY_STATE, q: '防控' }, 20);
    const second = await first.more();
    expect(bundlesAsked()).toEqual(['xt1', 'xt2']);
    expect(second.complete).toBe(false);
    expect(second.total).toBe(60);
    expect((await second.more()).complete).toBe(true);
  });
});
