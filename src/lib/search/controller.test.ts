import { describe, expect, it } from 'vitest';
import type { BundleClient } from './client.ts';
import { createSearchController, dropLinks, filterPhrases, pagerLinks, PREVIEW_SIZE, statusLine, type ResultsPage, type ResultsPreview, type SearchReport } from './controller.ts';
import type { PagefindResult } from './engine.ts';
import { ALIAS_BASE, CLASS_STEP, FLAG_BASE, lengthClass, SLOT, termWords } from './tokens.ts';
import { EMPTY_STATE, type SearchState } from './url-state.ts';

describe('status line and pager', () => {
  const outcome = { query: { clauses: [['疫情防控']], excluded: [] }, total: 45, variants: [['疫情防控']] };

  it('says how many were found and which page this is, and what was converted', () => {
    expect(statusLine(outcome, 2, 3)).toBe('找到 45 篇，第 2/3 页。');
    expect(statusLine({ ...outcome, total: 3 }, 1, 1)).toBe('找到 3 篇。');
    expect(statusLine({ query: { clauses: [['張婷']], excluded: [] }, total: 1, variants: [['張婷', '张婷']] }, 1, 1)).toBe('找到 1 篇。已同时检索简体字形：张婷。');
    expect(statusLine({ ...outcome, total: 0 }, 1, 1)).toBe('没有找到包含“疫情防控”的文章。');
  });

  it('numbers the pages around the current one, with the first, the last, gaps, previous and next', () => {
    const state: SearchState = { ...EMPTY_STATE, q: '疫情防控', author: '张婷', page: 6 };
    const links = pagerLinks(state, 6, 12);
    expect(links.map((link) => (link.current ? `[${link.label}]` : link.label))).toEqual(['上一页', '1', '…', '4', '5', '[6]', '7', '8', '…', '12', '下一页']);
    expect(links[0]).toEqual({ page: 5, label: '上一页', href: '?q=%E7%96%AB%E6%83%85%E9%98%B2%E6%8E%A7&author=%E5%BC%A0%E5%A9%B7&page=5', rel: 'prev' });
    expect(links.find((link) => link.label === '1')!.href).toBe('?q=%E7%96%AB%E6%83%85%E9%98%B2%E6%8E%A7&author=%E5%BC%A0%E5%A9%B7');
    expect(pagerLinks(state, 1, 3).map((link) => link.label)).toEqual(['1', '2', '3', '下一页']);
    expect(pagerLinks(state, 4, 4).map((link) => link.label)).toEqual(['上一页', '1', '2', '3', '4']);
    expect(pagerLinks(state, 1, 1)).toEqual([]);
  });

  it('names the filters of an empty search and what dropping them finds', () => {
    const state: SearchState = { ...EMPTY_STATE, q: '疫情防控', author: '张婷', kind: 'photo', year: '2023', month: '1', from: '2023-01-05' };
    expect(filterPhrases(state).map((filter) => filter.phrase)).toEqual(['作者为张婷', '日期在2023年1月', '日期在2023年1月5日及以后', '类别为图片']);
    const empty = { ...outcome, total: 0, unfiltered: 7 };
    expect(statusLine(empty, 1, 1, null, { ...state, year: '', month: '', from: '', kind: '' })).toBe('作者为张婷的文章中，没有找到包含“疫情防控”的。去掉筛选可找到 7 篇。');
    expect(statusLine({ ...empty, unfiltered: 0 }, 1, 1, null, { ...EMPTY_STATE, q: 'x', paper: '遵义日报', to: '2020-12-31' })).toBe('报纸为遵义日报、日期在2020年12月31日及以前的文章中，没有找到包含“疫情防控”的。');
    const links = dropLinks({ ...EMPTY_STATE, q: '疫情防控', author: '张婷', section: '要闻', sort: 'newest', page: 3 });
    expect(links.map((link) => [link.label, link.href])).toEqual([
      ['去掉“作者为张婷”', '?q=%E7%96%AB%E6%83%85%E9%98%B2%E6%8E%A7&section=%E8%A6%81%E9%97%BB&sort=newest'],
      ['去掉“版名为要闻”', '?q=%E7%96%AB%E6%83%85%E9%98%B2%E6%8E%A7&author=%E5%BC%A0%E5%A9%B7&sort=newest'],
      ['去掉全部筛选', '?q=%E7%96%AB%E6%83%85%E9%98%B2%E6%8E%A7&sort=newest'],
    ]);
    expect(dropLinks({ ...EMPTY_STATE, q: 'x', kind: 'photo' }).map((link) => link.label)).toEqual(['去掉“类别为图片”']);
  });
});

/**
 * One bundle `xa` of articles (one group), searched by a stand-in Pagefind that finds words as
 * prefixes. An article may have a flagged reading: its text as suggested, laid out as the index
 * lays flagged passages (the suggested reading at ALIAS_BASE, the printed one at FLAG_BASE).
 */
function fakeClient(texts: string[], hold?: Promise<void>, suggested: Record<number, { text: string; flag: { excerpt: string; suggestion: string } }> = {}): BundleClient {
  return {
    manifest: async () => ({ paths: ['/pagefind/'], ordered: true }),
    bundles: async () => [{ key: 'xa', articles: texts.length, averageWords: 10, parts: [0], span: null }],
    filterArticles: async () => [],
    dateArticles: async () => [],
    facets: async () => ({}),
    fragment: async (hit) => {
      const index = Number.parseInt(hit.id.split('_')[1]!, 36);
      const flag = suggested[index]?.flag;
      return { url: `/p/2023-01-0${index + 1}/01/01/`, raw_url: `/p/2023-01-0${index + 1}/01/01/`, content: `标题${index}\n\n\n\n\n${texts[index]}`, filters: { paper: ['遵义日报'] }, ...(flag ? { suspects: [flag] } : {}) };
    },
    pagefind: async () => ({
      async search(word) {
        await hold;
        const found: number[] = [];
        texts.forEach((text, slot) => {
          const list = termWords(text);
          const base = slot * SLOT + lengthClass(list.length) * CLASS_STEP;
          list.forEach((w, i) => w.startsWith(word) && found.push(base + i));
          const alias = suggested[slot];
          if (alias) {
            termWords(alias.text).forEach((w, i) => w.startsWith(word) && found.push(base + ALIAS_BASE + i));
            list.forEach((w, i) => w.startsWith(word) && found.push(base + FLAG_BASE + i));
          }
        });
        return { results: found.length > 0 ? [{ id: 'xa_g0', words: found } satisfies PagefindResult] : [] };
      },
    }),
  };
}

function recorder() {
  const shown: Array<ResultsPage | 'clear' | 'busy' | 'failed' | SearchState | { preview: ResultsPreview }> = [];
  return {
    shown,
    view: {
      showState: (state: SearchState) => void shown.push(state),
      clear: () => void shown.push('clear'),
      busy: () => void shown.push('busy'),
      show: (page: ResultsPage) => void shown.push(page),
      preview: (preview: ResultsPreview) => void shown.push({ preview }),
      failed: () => void shown.push('failed'),
    },
  };
}

describe('the search controller', () => {
  it('shows the state, then the page of results with its status, pager and title, and reports', async () => {
    const { shown, view } = recorder();
    const reports: SearchReport[] = [];
    const controller = createSearchController({ client: fakeClient(['疫情防控工作', '防控疫情', '疫情防控']), view, onReport: (report) => reports.push(report) });
    await controller.run({ ...EMPTY_STATE, q: '疫情防控' });
    expect(shown[0]).toMatchObject({ q: '疫情防控' });
    expect(shown[1]).toBe('busy');
    const page = shown[2] as ResultsPage;
    expect(page.status).toBe('找到 2 篇。');
    expect(page.items.map((item) => item.href)).toEqual(expect.arrayContaining(['/p/2023-01-01/01/01/?hl=%E7%96%AB%E6%83%85%E9%98%B2%E6%8E%A7', '/p/2023-01-03/01/01/?hl=%E7%96%AB%E6%83%85%E9%98%B2%E6%8E%A7']));
    expect(page.items[0]!.excerpt.some((segment) => segment.hit && segment.text === '疫情防控')).toBe(true);
    expect(page).toMatchObject({ start: 1, pager: [], title: '疫情防控' });
    expect(reports).toHaveLength(1);
    expect(reports[0]).toMatchObject({ query: '疫情防控', total: 2 });
    expect(reports[0]!.ids.sort()).toEqual(['xa_0', 'xa_2']);
  });

  it('lists the suspected misreadings apart, a few under the exact results and all on a list of their own', async () => {
    const flag = { excerpt: '医人户', suggestion: '医入户' };
    const client = fakeClient(['村医人户走访', '村医入户走访', '村医人户'], undefined, { 0: { text: '村医入户走访', flag } });
    const { shown, view } = recorder();
    const reports: SearchReport[] = [];
    const controller = createSearchController({ client, view, onReport: (report) => reports.push(report) });
    await controller.run({ ...EMPTY_STATE, q: '村医入户' });
    const exact = shown.at(-1) as ResultsPage;
    expect(exact.items.map((item) => item.href)).toEqual(['/p/2023-01-02/01/01/?hl=%E6%9D%91%E5%8C%BB%E5%85%A5%E6%88%B7']);
    expect(exact.suspects).toMatchObject({ total: 1, note: '另有 1 篇文章中被标记为疑似识别错误的字句，按建议读法包含“村医入户”：', all: { href: '?q=%E6%9D%91%E5%8C%BB%E5%85%A5%E6%88%B7&ocr=1' } });
    expect(exact.suspects!.items.map((item) => item.note)).toEqual(['原文识别为“村医人户”，导入时标记为疑似识别错误，建议读作“村医入户”。']);
    expect(exact.back).toBeNull();
    expect(reports[0]).toMatchObject({ ids: ['xa_1'], suspected: ['xa_0'] });

    await controller.run({ ...EMPTY_STATE, q: '村医入户', ocr: true });
    const listed = shown.at(-1) as ResultsPage;
    expect(listed.status).toBe('按疑似识别错误的建议读法，找到 1 篇包含“村医入户”的文章。这些文章的原文中被标记的字句与检索词不同，以下摘录为建议读法。');
    expect(listed.items.map((item) => item.note)).toEqual(['原文识别为“村医人户”，导入时标记为疑似识别错误，建议读作“村医入户”。']);
    expect(listed.suspects).toBeNull();
    expect(listed.back).toMatchObject({ label: '返回精确结果（1 篇）', href: '?q=%E6%9D%91%E5%8C%BB%E5%85%A5%E6%88%B7' });

    // the printed misreading: exact, with what the flag suggests
    await controller.run({ ...EMPTY_STATE, q: '村医人户' });
    const printed = shown.at(-1) as ResultsPage;
    expect(printed.status).toBe('找到 2 篇。其中 1 篇中的“村医人户”被标记为疑似识别错误，可能应为“村医入户”。');
    expect(printed.suspects).toBeNull();
  });

  it('shows the first results while the rest of the page loads, with the status the page will have', async () => {
    const texts = Array.from({ length: PREVIEW_SIZE + 3 }, (_, i) => `疫情${'防控'.repeat(i + 1)}`);
    const base = fakeClient(texts);
    let release!: () => void;
    const rest = new Promise<void>((resolve) => (release = resolve));
    const requested: string[] = [];
    const client: BundleClient = {
      ...base,
      fragment: async (hit) => {
        requested.push(hit.id);
        // the results after the first few come late
        if (requested.length > PREVIEW_SIZE) await rest;
        return base.fragment(hit);
      },
    };
    const { shown, view } = recorder();
    const running = createSearchController({ client, view }).run({ ...EMPTY_STATE, q: '疫情' });
    await expect.poll(() => shown.length).toBe(3);
    const { preview } = shown[2] as { preview: ResultsPreview };
    expect(preview.items).toHaveLength(PREVIEW_SIZE);
    expect(preview).toMatchObject({ start: 1, status: `找到 ${texts.length} 篇。` });
    release();
    await running;
    const page = shown[3] as ResultsPage;
    expect(page.items).toHaveLength(texts.length);
    expect(page.items.slice(0, PREVIEW_SIZE)).toEqual(preview.items);
    expect(page.status).toBe(preview.status);
    expect(shown).toHaveLength(4);

    // a page that fits in the preview: shown once
    const few = recorder();
    await createSearchController({ client: fakeClient(texts.slice(0, PREVIEW_SIZE)), view: few.view }).run({ ...EMPTY_STATE, q: '疫情' });
    expect(few.shown.filter((item) => typeof item === 'object' && 'preview' in item)).toEqual([]);
  });

  it('shows the first page from the newest tier, then searches the older ones when idle and completes the count', async () => {
    // two bundles of one build, oldest first: 25 articles of 2022, 25 of 2023, every one holding 疫情
    const keys = ['xa', 'xb'];
    const merged = new Set<string>();
    const asked: string[][] = [];
    const client: BundleClient = {
      manifest: async () => ({ paths: ['/pagefind/', '/pagefind/shards/xb/'], ordered: true }),
      bundles: async () => keys.map((key, b) => ({ key, articles: 25, averageWords: 10, parts: [0], span: { from: `${2022 + b}-01-01`, to: `${2022 + b}-01-25` } })),
      filterArticles: async () => [],
      dateArticles: async () => [],
      facets: async () => ({}),
      fragment: async (hit) => {
        const index = Number.parseInt(hit.id.split('_')[1]!, 36);
        const url = `/p/${hit.bundle === 'xa' ? 2022 : 2023}-01-${String(index + 1).padStart(2, '0')}/01/01/`;
        return { url, raw_url: url, content: `标题${index}\n\n\n\n\n疫情${index}`, filters: {} };
      },
      pagefind: async (word, bundles) => {
        // without a word: the runtime only, nothing merged
        if (word !== undefined) asked.push([...(bundles ?? keys)]);
        if (word !== undefined) for (const key of bundles ?? keys) merged.add(key);
        return {
          async search(word) {
            const base = lengthClass(termWords('疫情0').length) * CLASS_STEP;
            const words = Array.from({ length: 25 }, (_, slot) => slot * SLOT + base + termWords('疫情0').findIndex((w) => w.startsWith(word))).filter((p) => p % SLOT >= base);
            return { results: [...merged].sort().map((key) => ({ id: `${key}_g0`, words }) satisfies PagefindResult) };
          },
        };
      },
    };
    const { shown, view } = recorder();
    const reports: SearchReport[] = [];
    let release!: () => void;
    const idle = new Promise<void>((resolve) => (release = resolve));
    const controller = createSearchController({ client, view, idle: () => idle, onReport: (report) => reports.push(report) });
    await controller.run({ ...EMPTY_STATE, q: '疫情', sort: 'newest' });
    const first = shown.filter((item): item is ResultsPage => typeof item === 'object' && 'items' in item);
    expect(first).toHaveLength(1);
    expect(asked.flat()).toEqual(['xb']);
    expect(first[0]!.status).toBe('找到 25 篇（正在检索更早的报道…），第 1 页。');
    expect(first[0]!.items.map((item) => item.href.split('?')[0])[0]).toBe('/p/2023-01-25/01/01/');
    expect(first[0]!.pager.map((link) => link.label)).toEqual(['1', '2', '下一页']);
    expect(reports).toMatchObject([{ complete: false, total: 25 }]);
    release();
    await controller.settled();
    const pages = shown.filter((item): item is ResultsPage => typeof item === 'object' && 'items' in item);
    expect(pages).toHaveLength(2);
    expect(asked.at(-1)).toEqual(['xa']);
    expect(pages[1]!.status).toBe('找到 50 篇，第 1/3 页。');
    expect(pages[1]!.items).toEqual(first[0]!.items);
    expect(pages[1]!.pager.map((link) => link.label)).toEqual(['1', '2', '3', '下一页']);
    expect(reports.map((report) => [report.complete, report.total])).toEqual([
      [false, 25],
      [true, 50],
    ]);
    expect(reports[1]!.ids).toHaveLength(50);
  });

  it('clears the results for an empty query without searching', async () => {
    const { shown, view } = recorder();
    await createSearchController({ client: fakeClient(['疫情']), view }).run({ ...EMPTY_STATE, q: '  ' });
    expect(shown.slice(1)).toEqual(['clear']);
  });

  it('shows a page past the last as the last page', async () => {
    const { shown, view } = recorder();
    await createSearchController({ client: fakeClient(['疫情']), view }).run({ ...EMPTY_STATE, q: '疫情', page: 5 });
    expect(shown.at(-1)).toMatchObject({ start: 1, status: '找到 1 篇。' });
  });

  it('drops the outcome of a search overtaken by a newer one', async () => {
    const { shown, view } = recorder();
    let release!: () => void;
    const hold = new Promise<void>((resolve) => (release = resolve));
    const controller = createSearchController({ client: fakeClient(['疫情', '防控'], hold), view });
    const first = controller.run({ ...EMPTY_STATE, q: '疫情' });
    const second = controller.run({ ...EMPTY_STATE, q: '防控' });
    release();
    await Promise.all([first, second]);
    const pages = shown.filter((item): item is ResultsPage => typeof item === 'object' && 'items' in item);
    expect(pages.map((page) => page.title)).toEqual(['防控']);
  });

  it('says so when the index cannot be loaded', async () => {
    const { shown, view } = recorder();
    const client = { ...fakeClient([]), pagefind: async () => Promise.reject(new Error('404')) };
    await createSearchController({ client, view }).run({ ...EMPTY_STATE, q: '疫情' });
    expect(shown.at(-1)).toBe('failed');
  });
});
