import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from '../../src/io/browser.ts';
import { openSearch, resultPaths, settled, typeQuery } from '../support/search-page.ts';
import { layoutShift } from '../support/layout.ts';
import { searchSite, searchSource } from '../support/search-site.ts';

/**
 * What the search page shows around its results, in Chromium: an empty outcome names the
 * filters that emptied it and offers to drop them; long outcomes have numbered pages; Back from
 * an article returns to the same page of results at the same place; results arrive without
 * moving what is already on screen (cumulative layout shift, measured with a
 * PerformanceObserver).
 */
describe('search result states', () => {
  const baseUrl = inject('baseUrl');
  const distDir = inject('distDir');
  let browser: Browser;
  let many: Awaited<ReturnType<typeof searchSite>>;

  beforeAll(async () => {
    browser = await launchBrowser();
    // 230 articles that hold 春联: 12 pages of 20. Their links lead to the bundled archive's five articles.
    many = await searchSite(
      distDir,
      Array.from({ length: 230 }, (_, i) =>
        searchSource(`/zunyi-daily/2023-01-17/03/0${(i % 5) + 1}/`, [`第${i + 1}篇：各地群众贴春联、挂灯笼，喜迎新春。`, '社区志愿者上门送春联，并与群众交流。'.repeat(1 + (i % 3))], {
          date: `2023-01-${String(1 + (i % 28)).padStart(2, '0')}`,
        }),
      ),
    );
  });
  afterAll(async () => {
    await browser?.close();
    await many?.close();
  });

  it('names the filters of an empty outcome and offers to drop them', async () => {
    const page = await openSearch(browser, baseUrl, '?q=疫情防控&author=张浪&kind=photo');
    const status = await settled(page);
    expect(status).toBe('作者为张浪、类别为图片的文章中，没有找到包含“疫情防控”的。去掉筛选可找到 2 篇。');
    const offers = page.locator('#search-filters a');
    expect(await offers.allInnerTexts()).toEqual(['去掉“作者为张浪”', '去掉“类别为图片”', '去掉全部筛选']);
    await offers.filter({ hasText: '去掉全部筛选' }).click();
    expect(await settled(page)).toContain('找到 2 篇');
    expect(new URL(page.url()).searchParams.get('author')).toBeNull();
    expect(await page.locator('#search-filters a').count()).toBe(0);
    // with no filter, the plain message
    expect(await typeQuery(page, '防控疫情')).toBe('没有找到包含“防控疫情”的文章。');
    await page.close();
  });

  it('numbers the result pages', async () => {
    const page = await openSearch(browser, many.server.url, '?q=春联&page=6');
    expect(await settled(page)).toContain('找到 230 篇，第 6/12 页');
    const pager = page.locator('#search-pager');
    expect(await pager.locator('a, [aria-current]').allInnerTexts()).toEqual(['上一页', '1', '…', '4', '5', '6', '7', '8', '…', '12', '下一页'].filter((label) => label !== '…'));
    expect(await pager.locator('[aria-current="page"]').innerText()).toBe('6');
    // each page number is a target a finger can hit (Lighthouse's target-size: at least 24 px square)
    const sizes = await pager.locator('a').evaluateAll((links) => links.map((a) => a.getBoundingClientRect()).map(({ width, height }) => Math.min(width, height)));
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(24);
    await pager.getByRole('link', { name: '12', exact: true }).click();
    expect(await settled(page)).toContain('第 12/12 页');
    expect(await page.locator('#search-results li').count()).toBe(10);
    expect(await page.locator('#search-results').getAttribute('start')).toBe('221');
    await page.close();
  });

  it('returns from an article to the same page of results, scrolled where it was', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true });
    const page = await context.newPage();
    await page.goto(`${many.server.url}/search/?q=春联`);
    await settled(page);
    await page.locator('#search-pager').getByRole('link', { name: '3', exact: true }).click();
    expect(await settled(page)).toContain('第 3/12 页');
    const target = page.locator('#search-results li').nth(14).locator('h2 a');
    await target.scrollIntoViewIfNeeded();
    const scrolled = await page.evaluate(() => window.scrollY);
    expect(scrolled).toBeGreaterThan(1000);
    const href = new URL((await target.getAttribute('href'))!, many.server.url).pathname;
    await target.click();
    await page.waitForURL((url) => url.pathname === href);
    await page.goBack();
    await expect.poll(() => new URL(page.url()).searchParams.get('page')).toBe('3');
    await settled(page);
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBe(scrolled);
    expect(await resultPaths(page)).toHaveLength(20);
    await context.close();
  });

  it('shows results without moving anything on screen (no layout shift at all)', async () => {
    // scrollbars shown, as on a desktop: the results make the page taller than the window
    const desktop = await launchBrowser({ scrollbars: true });
    try {
      for (const [base, query] of [
        // more results than the first few shown while the others load
        [many.server.url, '?q=春联'],
        [many.server.url, '?q=春联&page=12'],
        [baseUrl, '?q=春联'],
        [baseUrl, '?q=不存在的词'],
      ] as const) {
        for (const viewport of [{ width: 390, height: 844 }, { width: 1280, height: 800 }]) {
          const context = await desktop.newContext({ viewport });
          const page = await context.newPage();
          await page.goto(`${base}/search/${query}`);
          await settled(page);
          expect(await page.locator('#search-results').getAttribute('aria-busy')).toBeNull();
          const shift = await layoutShift(page);
          expect(shift, `${query} at ${viewport.width} px`).toBe(0);
          await context.close();
        }
      }
    } finally {
      await desktop.close();
    }
  });
});
