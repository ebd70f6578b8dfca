import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from '../../src/io/browser.ts';
import { openSearch, resultPaths, settled, typeQuery } from '../support/search-page.ts';
import { searchSite, searchSource } from '../support/search-site.ts';

/**
 * OCR-tolerant search, exact by default, through the real page on the real build: article 04 of
 * the bundled archive prints 村医人户走访, and the importer flagged it (ocr-suspect, suggestion
 * 名村医入户走). A search for 村医入户 lists it apart, labelled; a search for 村医人户 finds it and
 * says what the flag suggests. A hand correction (the flag deleted) takes both away.
 */
describe('search and flagged misreadings', () => {
  const baseUrl = inject('baseUrl');
  const distDir = inject('distDir');
  const FLAGGED = '/zunyi-daily/2023-01-17/03/04/';
  let browser: Browser;
  let corrected: Awaited<ReturnType<typeof searchSite>>;

  beforeAll(async () => {
    browser = await launchBrowser();
    const text = '2022年12月以来，7名村医人户走访600余次。';
    corrected = await searchSite(distDir, [
      // the flag deleted, the text left as printed
      searchSource('/zunyi-daily/2023-01-17/03/04/', [text]),
      // the flag deleted, the text corrected
      searchSource('/zunyi-daily/2023-01-18/03/04/', [text.replace('人户', '入户')]),
    ]);
  });
  afterAll(async () => {
    await browser?.close();
    await corrected?.close();
  });

  it('lists a flagged passage found by its suggested reading apart from the exact results, labelled', async () => {
    const page = await openSearch(browser, baseUrl);
    expect(await typeQuery(page, '村医入户')).toContain('没有找到包含“村医入户”的文章');
    expect(await page.locator('#search-results li').count()).toBe(0);
    const group = page.locator('#search-suspects');
    await expect.poll(() => group.isVisible()).toBe(true);
    expect(await group.locator('#suspects-heading').innerText()).toBe('疑似识别错误');
    expect(await resultPaths(page, '#suspects-results')).toEqual([FLAGGED]);
    expect(await group.locator('.result-note').innerText()).toBe('原文识别为“村医人户”，导入时标记为疑似识别错误，建议读作“村医入户”。');
    expect(await group.locator('.result-excerpt mark').allInnerTexts()).toEqual(['村医入户']);
    // all of them as a list of their own, in the URL, and back
    await group.getByRole('link', { name: /查看全部 1 篇/u }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('ocr')).toBe('1');
    expect(await settled(page)).toContain('按疑似识别错误的建议读法，找到 1 篇包含“村医入户”的文章。');
    expect(await resultPaths(page)).toEqual([FLAGGED]);
    await page.getByRole('link', { name: '返回精确结果（0 篇）' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('ocr')).toBeNull();
    await page.close();
  });

  it('finds the printed misreading exactly and says what the flag suggests', async () => {
    const page = await openSearch(browser, baseUrl);
    const status = await typeQuery(page, '村医人户');
    expect(status).toContain('找到 1 篇');
    expect(status).toContain('其中 1 篇中的“村医人户”被标记为疑似识别错误，可能应为“村医入户”。');
    expect(await resultPaths(page)).toEqual([FLAGGED]);
    expect(await page.locator('#search-results .result-note').innerText()).toBe('此处“村医人户”被标记为疑似识别错误，可能应为“村医入户”。');
    expect(await page.locator('#search-suspects').isVisible()).toBe(false);
    // a word the flag does not touch: an exact result, nothing said
    await typeQuery(page, '敲门行动');
    expect(await resultPaths(page)).toEqual([FLAGGED]);
    expect(await page.locator('#search-results .result-note').count()).toBe(0);
    await page.close();
  });

  it('forgets a misreading once the flag is deleted by hand', async () => {
    const page = await openSearch(browser, corrected.server.url);
    await typeQuery(page, '村医入户');
    expect(await resultPaths(page)).toEqual(['/zunyi-daily/2023-01-18/03/04/']);
    expect(await page.locator('#search-suspects').isVisible()).toBe(false);
    expect(await typeQuery(page, '村医人户')).not.toContain('疑似');
    expect(await page.locator('.result-note').count()).toBe(0);
    await page.close();
  });
});
