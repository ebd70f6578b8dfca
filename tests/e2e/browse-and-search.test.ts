import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from '../../src/io/browser.ts';

/**
 * A reader's first visit, in a real browser against the real build: from the home page through
 * the issue to an article, then the same article found by search.
 */
describe('browse and search the bundled archive', () => {
  const baseUrl = inject('baseUrl');
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('walks from the home page through the issue to an article', async () => {
    page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${baseUrl}/`);
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
    await page.getByRole('link', { name: /2023年1月17日/ }).first().click();
    await page.waitForURL(/\/zunyi-daily\/2023-01-17\/$/);
    expect(await page.locator('h1').innerText()).toContain('遵义日报');
    await expect.poll(() => page.getByRole('heading', { name: '第3版' }).count()).toBe(1);

    await page.getByRole('link', { name: '志愿服务聚合力 文明实践谱新篇' }).click();
    await page.waitForURL(/\/zunyi-daily\/2023-01-17\/03\/01\/$/);
    expect(await page.locator('h1').innerText()).toBe('志愿服务聚合力 文明实践谱新篇');
    const byline = await page.locator('.byline').innerText();
    expect(byline).toContain('本报讯');
    expect(byline).toContain('张婷');
    expect(await page.locator('.subtitle').innerText()).toContain('新蒲新区推进新时代文明实践工作走深走实');
    expect(await page.locator('.body p').count()).toBe(6);
    expect(errors).toEqual([]);
  });

  it('finds articles by Chinese words and names on the search page', async () => {
    page = await browser.newPage();
    await page.goto(`${baseUrl}/search/`);
    await page.getByRole('searchbox').fill('疫情防控');
    await page.getByRole('button', { name: '检索' }).click();
    await expect.poll(() => page.locator('#search-results li').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    const titles = await page.locator('#search-results li a').allInnerTexts();
    expect(titles).toContain('扎实抓好疫情防控工作');
    expect(page.url()).toContain('q=%E7%96%AB%E6%83%85%E9%98%B2%E6%8E%A7');

    await page.getByRole('searchbox').fill('张婷');
    await page.getByRole('button', { name: '检索' }).click();
    await expect.poll(() => page.locator('#search-results li a').allInnerTexts(), { timeout: 15_000 }).toContain('志愿服务聚合力 文明实践谱新篇');

    await page.getByRole('link', { name: '志愿服务聚合力 文明实践谱新篇' }).click();
    // the result link carries the terms, which the article page marks
    await page.waitForURL(/\/zunyi-daily\/2023-01-17\/03\/01\/\?hl=/u);
  });
});
