import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from '../../src/io/browser.ts';
import { searchSite, searchSource } from '../support/search-site.ts';

/**
 * Queries typed as a Chinese IME types them: full-width letters, digits and punctuation find
 * their half-width forms in the text and the reverse, through the real search page in
 * Chromium, on the bundled archive and on a few articles written for the case.
 */
describe('search folds width', () => {
  const baseUrl = inject('baseUrl');
  const distDir = inject('distDir');
  let browser: Browser;
  let custom: Awaited<ReturnType<typeof searchSite>>;

  beforeAll(async () => {
    browser = await launchBrowser();
    custom = await searchSite(distDir, [
      searchSource('/zunyi-daily/2023-03-01/01/01/', ['今日空气质量良，PM2.5浓度为35微克每立方米。']),
      searchSource('/zunyi-daily/2023-03-02/01/01/', ['ＰＭ２．５指数回落，ＡＰＰ同步发布。']),
      searchSource('/zunyi-daily/2023-03-03/01/01/', ['PM25是另一种写法，PM 2.5也不同。']),
    ]);
  });
  afterAll(async () => {
    await browser?.close();
    await custom?.close();
  });

  async function search(base: string, query: string): Promise<Page> {
    const page = await browser.newPage();
    page.on('pageerror', (error) => {
      throw error;
    });
    await page.goto(`${base}/search/`);
    await page.getByRole('searchbox').fill(query);
    await page.getByRole('searchbox').press('Enter');
    await expect.poll(() => page.locator('#search-status').innerText(), { timeout: 20_000 }).toMatch(/找到|没有找到|无法加载/u);
    return page;
  }
  const hrefs = (page: Page) => page.locator('#search-results h2 a').evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));

  it('finds PM2.5 from ＰＭ２．５, ＰＭ２．５ from PM2.5, and mixed widths, and nothing else', async () => {
    for (const query of ['ＰＭ２．５', 'PM2.5', 'pm２.５', 'Ｐm2．5']) {
      const page = await search(custom.server.url, query);
      expect((await hrefs(page)).sort(), query).toEqual(['/zunyi-daily/2023-03-01/01/01/', '/zunyi-daily/2023-03-02/01/01/']);
      // the excerpt shows the text as printed, the hit marked in its own width
      expect((await page.locator('#search-results .result-excerpt mark').allInnerTexts()).sort()).toEqual(['PM2.5', 'ＰＭ２．５']);
      await page.close();
    }
  });

  it('folds full-width digits and punctuation in the bundled archive’s queries', async () => {
    const page = await search(baseUrl, '７．６万');
    expect(await hrefs(page)).toEqual(['/zunyi-daily/2023-01-17/03/01/']);
    expect(await page.locator('#search-results .result-excerpt mark').allInnerTexts()).toEqual(['7.6万']);
    await page.close();
    // half-width brackets and per cent find the full-width ones the text prints, and the reverse
    for (const query of ['(滨湖中学)', '９０％以上']) {
      const other = await search(baseUrl, query);
      expect(await hrefs(other), query).toEqual(['/zunyi-daily/2023-01-17/03/01/']);
      await other.close();
    }
    const none = await search(baseUrl, '７６万');
    expect(await none.locator('#search-status').innerText()).toContain('没有找到');
    await none.close();
  });
});
