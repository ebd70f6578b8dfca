import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from '../../src/io/browser.ts';

/**
 * The search page in a real browser against the real build of the bundled archive (five items
 * of one page): exact matches, AND of terms, filters, sorts, traditional queries, URL state,
 * keyboard use, highlighting on the article, and the page without JavaScript.
 */
describe('exact Chinese search', () => {
  const baseUrl = inject('baseUrl');
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  async function open(query = ''): Promise<Page> {
    const page = await browser.newPage();
    page.on('pageerror', (error) => {
      throw error;
    });
    await page.goto(`${baseUrl}/search/${query}`);
    return page;
  }

  async function search(page: Page, query: string): Promise<void> {
    await page.getByRole('searchbox').fill(query);
    await page.getByRole('searchbox').press('Enter');
    await settled(page);
  }

  /** Wait until the status line reports an outcome, then read it. */
  async function settled(page: Page): Promise<string> {
    await expect.poll(() => page.locator('#search-status').innerText(), { timeout: 20_000 }).toMatch(/找到|没有找到|无法加载/u);
    return page.locator('#search-status').innerText();
  }

  const titles = (page: Page) => page.locator('#search-results h2 a').allInnerTexts();
  const hrefs = async (page: Page) => (await page.locator('#search-results h2 a').evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname)));

  it('finds every article that contains the words, marks them, and keeps the query in the URL', async () => {
    const page = await open();
    await search(page, '疫情防控');
    expect(await titles(page)).toEqual(expect.arrayContaining(['扎实抓好疫情防控工作', '志愿服务聚合力 文明实践谱新篇']));
    expect(await page.locator('#search-status').innerText()).toContain('找到 2 篇');
    const marks = await page.locator('#search-results .result-excerpt mark').allInnerTexts();
    expect(marks.length).toBeGreaterThan(0);
    expect(new Set(marks)).toEqual(new Set(['疫情防控']));
    expect(new URL(page.url()).searchParams.get('q')).toBe('疫情防控');
    // excerpts are clean text: no index tokens, no spaces between characters
    expect(await page.locator('#search-results .result-excerpt').first().innerText()).not.toMatch(/q[0-9a-f]{2}|[\u4e00-\u9fff] [\u4e00-\u9fff]/u);
    await page.close();
  });

  it('matches strings across word boundaries exactly, and nothing else', async () => {
    const page = await open();
    await search(page, '实践工作');
    expect(await titles(page)).toEqual(['志愿服务聚合力 文明实践谱新篇']);
    await search(page, '防控疫情');
    expect(await page.locator('#search-status').innerText()).toContain('没有找到');
    expect(await page.locator('#search-results li').count()).toBe(0);
    await search(page, '7.6万');
    expect(await titles(page)).toEqual(['志愿服务聚合力 文明实践谱新篇']);
    await search(page, '76万');
    expect(await page.locator('#search-status').innerText()).toContain('没有找到');
    await page.close();
  });

  it('requires every term (AND), a quoted term as one phrase', async () => {
    const page = await open();
    await search(page, '春联 困难');
    expect((await hrefs(page)).sort()).toEqual(['/zunyi-daily/2023-01-17/03/02/', '/zunyi-daily/2023-01-17/03/05/']);
    await search(page, '春联 仁怀市');
    expect(await hrefs(page)).toEqual(['/zunyi-daily/2023-01-17/03/05/']);
    await search(page, '"困难 老人"');
    expect(await hrefs(page)).toEqual(['/zunyi-daily/2023-01-17/03/05/']);
    await page.close();
  });

  it('filters by kind and author from the form, in the URL', async () => {
    const page = await open();
    await page.getByRole('searchbox').fill('春联');
    await page.getByText('筛选', { exact: true }).click();
    await page.getByLabel('类别').selectOption('photo');
    await page.getByRole('button', { name: '应用' }).click();
    await settled(page);
    expect(await page.locator('#search-status').innerText()).toContain('找到 3 篇');
    expect(new URL(page.url()).searchParams.get('kind')).toBe('photo');
    await expect.poll(() => page.locator('#l-author option').count()).toBeGreaterThan(0);
    await page.getByLabel('作者').fill('一丁');
    await page.getByRole('button', { name: '应用' }).click();
    await settled(page);
    expect(await hrefs(page)).toEqual(['/zunyi-daily/2023-01-17/03/05/']);
    expect(await page.locator('#search-results .result-meta').innerText()).toContain('图片');
    await page.close();
  });

  it('sorts by date both ways', async () => {
    const page = await open('?q=春联&sort=oldest');
    await settled(page);
    expect(await hrefs(page)).toEqual(['/zunyi-daily/2023-01-17/03/02/', '/zunyi-daily/2023-01-17/03/03/', '/zunyi-daily/2023-01-17/03/05/']);
    // changing the order applies it at once
    await page.getByLabel('排序').selectOption('newest');
    await expect.poll(() => new URL(page.url()).searchParams.get('sort')).toBe('newest');
    await settled(page);
    expect(await hrefs(page)).toEqual(['/zunyi-daily/2023-01-17/03/05/', '/zunyi-daily/2023-01-17/03/03/', '/zunyi-daily/2023-01-17/03/02/']);
    expect(new URL(page.url()).searchParams.get('sort')).toBe('newest');
    await page.close();
  });

  it('finds simplified text from a traditional query, loading the converter only then', async () => {
    const page = await open();
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    await search(page, '张婷');
    const before = requests.length;
    await search(page, '誌願服務');
    expect(await page.locator('#search-status').innerText()).toContain('志愿服务');
    expect((await hrefs(page)).sort()).toEqual(['/zunyi-daily/2023-01-17/03/01/', '/zunyi-daily/2023-01-17/03/03/']);
    expect(await page.locator('#search-results mark').first().innerText()).toBe('志愿服务');
    await search(page, '張婷');
    expect(await titles(page)).toEqual(['志愿服务聚合力 文明实践谱新篇']);
    // the first (simplified) search fetched no converter; the traditional one fetched one script more
    expect(requests.slice(0, before).some((url) => url.includes('t2cn'))).toBe(false);
    await page.close();
  });

  it('starts Pagefind when the page is idle, so that the first query loads only its own words', async () => {
    const page = await browser.newPage();
    const fetched: string[] = [];
    page.on('request', (request) => fetched.push(new URL(request.url()).pathname));
    await page.goto(`${baseUrl}/search/`);
    // nothing focused, nothing typed: the runtime, its worker and WebAssembly, and the bundle files come anyway
    await expect.poll(() => fetched.filter((path) => /\/pagefind\/(pagefind\.js|pagefind-worker\.js|wasm\.[^/]+|bundle\.json)$/u.test(path)).length, { timeout: 20_000 }).toBe(4);
    expect(await page.evaluate(() => document.activeElement?.id ?? '')).not.toBe('q');
    await page.waitForLoadState('networkidle');
    const before = fetched.length;
    await search(page, '疫情防控');
    const after = fetched.slice(before);
    // the search itself fetched its word partitions and chunks, and the fragments of its results
    expect(after.some((path) => path.endsWith('.pf_index'))).toBe(true);
    expect(after.some((path) => path.endsWith('.pf_fragment'))).toBe(true);
    expect(after.filter((path) => /pagefind(-worker)?\.js$|\/wasm\./u.test(path))).toEqual([]);
    await page.close();
  });

  it('restores the previous search with the back button', async () => {
    const page = await open();
    await search(page, '疫情防控');
    await search(page, '仁怀市');
    expect(await titles(page)).toHaveLength(1);
    await page.goBack();
    await expect.poll(() => page.getByRole('searchbox').inputValue()).toBe('疫情防控');
    await expect.poll(() => titles(page)).toContain('扎实抓好疫情防控工作');
    await page.goForward();
    await expect.poll(() => page.getByRole('searchbox').inputValue()).toBe('仁怀市');
    await page.close();
  });

  it('works from the keyboard alone and highlights the hits on the article', async () => {
    const page = await open();
    await page.getByRole('searchbox').focus();
    await page.keyboard.type('新蒲有约');
    await page.keyboard.press('Enter');
    await settled(page);
    // tab from the search box to the first result's link
    const link = page.locator('#search-results h2 a').first();
    for (let i = 0; i < 20 && !(await link.evaluate((a) => a === document.activeElement)); i++) await page.keyboard.press('Tab');
    expect(await link.evaluate((a) => a === document.activeElement)).toBe(true);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/zunyi-daily\/2023-01-17\/03\/01\/\?hl=/u);
    await expect.poll(() => page.locator('article mark.search-hit').count()).toBeGreaterThan(0);
    expect(new Set(await page.locator('article mark.search-hit').allInnerTexts())).toEqual(new Set(['新蒲有约']));
    await page.close();
  });

  it('without JavaScript, offers the browse pages', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/search/?q=疫情防控`);
    expect(await page.locator('noscript, body').first().innerText()).toBeDefined();
    const browse = page.getByRole('link', { name: '按报纸和日期浏览' });
    expect(await browse.count()).toBe(1);
    expect(await browse.getAttribute('href')).toBe('/');
    await context.close();
  });
});
