import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from '../../src/io/browser.ts';
import { openSearch, resultPaths, settled, typeQuery } from '../support/search-page.ts';
import { searchSite, searchSource } from '../support/search-site.ts';

/**
 * The query language through the real page: alternatives (或, OR, |), exclusions (-词), quoted
 * phrases, and a date range, all kept in the URL. The bundled archive is one issue: articles 01
 * and 04 hold 疫情防控, 02, 03 and 05 hold 春联, only 05 holds 仁怀市.
 */
describe('search query language', () => {
  const baseUrl = inject('baseUrl');
  const distDir = inject('distDir');
  let browser: Browser;
  let dated: Awaited<ReturnType<typeof searchSite>>;

  beforeAll(async () => {
    browser = await launchBrowser();
    dated = await searchSite(distDir, [
      searchSource('/zunyi-daily/2023-02-28/01/01/', ['春节过后，社区开展疫情防控宣传。']),
      searchSource('/zunyi-daily/2023-03-01/01/01/', ['社区开展疫情防控检查。']),
      searchSource('/zunyi-daily/2023-03-15/01/01/', ['疫情防控措施调整。']),
      searchSource('/zunyi-daily/2023-04-01/01/01/', ['疫情防控进入新阶段。']),
    ]);
  });
  afterAll(async () => {
    await browser?.close();
    await dated?.close();
  });

  const ALL = ['01', '02', '03', '04', '05'].map((n) => `/zunyi-daily/2023-01-17/03/${n}/`);

  it('finds either word of 或, OR and |', async () => {
    const page = await openSearch(browser, baseUrl);
    for (const query of ['疫情防控 或 春联', '疫情防控 OR 春联', '疫情防控|春联']) {
      expect(await typeQuery(page, query), query).toContain('找到 5 篇');
      expect((await resultPaths(page)).sort()).toEqual(ALL);
    }
    // both words are marked
    expect(new Set(await page.locator('#search-results .result-excerpt mark').allInnerTexts())).toEqual(new Set(['疫情防控', '春联']));
    await page.close();
  });

  it('leaves out the articles that hold an excluded word, also with no other word', async () => {
    const page = await openSearch(browser, baseUrl);
    await typeQuery(page, '春联 -仁怀市');
    expect((await resultPaths(page)).sort()).toEqual([ALL[1], ALL[2]]);
    expect(new URL(page.url()).searchParams.get('q')).toBe('春联 -仁怀市');
    await typeQuery(page, '-疫情防控');
    expect((await resultPaths(page)).sort()).toEqual([ALL[1], ALL[2], ALL[4]]);
    await typeQuery(page, '"春联" -"仁怀市" 或 困难');
    expect((await resultPaths(page)).sort()).toEqual([ALL[1], ALL[2]]);
    await page.close();
  });

  it('explains the syntax in the help line', async () => {
    const page = await openSearch(browser, baseUrl);
    const help = await page.locator('#search-help').innerText();
    for (const part of ['或', 'OR', '|', '-张婷', '"New York"']) expect(help).toContain(part);
    await page.close();
  });

  it('narrows to a date range from the form, to the day, in the URL', async () => {
    const page = await openSearch(browser, dated.server.url, '?q=疫情防控');
    expect(await settled(page)).toContain('找到 4 篇');
    await page.getByText('筛选', { exact: true }).click();
    await page.getByLabel('起始日期').fill('2023-03-01');
    await page.getByLabel('截止日期').fill('2023-03-15');
    await page.getByRole('button', { name: '应用' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('to')).toBe('2023-03-15');
    expect(await settled(page)).toContain('找到 2 篇');
    expect((await resultPaths(page)).sort()).toEqual(['/zunyi-daily/2023-03-01/01/01/', '/zunyi-daily/2023-03-15/01/01/']);
    expect(new URL(page.url()).searchParams.get('from')).toBe('2023-03-01');
    await page.close();
    // opened from the URL, one end alone
    const shared = await openSearch(browser, dated.server.url, '?q=疫情防控&to=2023-02-28');
    await settled(shared);
    expect(await resultPaths(shared)).toEqual(['/zunyi-daily/2023-02-28/01/01/']);
    expect(await shared.getByLabel('截止日期').inputValue()).toBe('2023-02-28');
    await shared.close();
  });
});
