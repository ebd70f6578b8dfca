import type { Browser, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from '../../src/io/browser.ts';
import { planShards } from '../../src/lib/search/shards.ts';
import { openSearch, resultPaths, settled, shown } from '../support/search-page.ts';
import { layoutShift } from '../support/layout.ts';
import { searchSite, searchSource } from '../support/search-site.ts';

/**
 * Recency tiers in Chromium (docs/0015): a build's articles in bundles of 40, cut from the
 * newest (2021: 20 articles, 2022 and 2023: 40 each), each holding 春联. A first search reads
 * the newest tier's word partitions and chunks only, shows its first page and says the older
 * reports are still searched; then it searches the older tiers and completes the count. The
 * older tiers' index files, and the page's search of them (its `archiveSearchHold` hook), are
 * held back by the test until the first page is shown, so the page cannot have used them.
 */
describe('search in recency tiers', () => {
  const distDir = inject('distDir');
  let browser: Browser;
  let site: Awaited<ReturnType<typeof searchSite>>;
  const YEARS = [2021, 2022, 2023];
  const sources = YEARS.flatMap((year, t) =>
    Array.from({ length: t === 0 ? 20 : 40 }, (_, i) =>
      searchSource(`/zunyi-daily/${year}-01-17/03/0${(i % 5) + 1}/`, [`${year}年第${i + 1}篇：各地群众贴春联、挂灯笼，喜迎新春。`], { date: `${year}-${String(1 + (i % 12)).padStart(2, '0')}-17` }),
    ),
  );
  // the bundles' folders, oldest first (the oldest at /pagefind/, the others under it)
  const folders = planShards(sources, 40).map((plan) => plan.path);

  beforeAll(async () => {
    browser = await launchBrowser();
    site = await searchSite(distDir, sources, 40);
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  /** The tier an index file belongs to (0 oldest), or -1 for other files. */
  const tierOf = (url: string): number => {
    const path = new URL(url).pathname;
    if (!/\/w\/[0-9a-z]+\//u.test(path)) return -1;
    let tier = -1;
    folders.forEach((folder, t) => {
      if (path.startsWith(folder) && (tier < 0 || folder.length > folders[tier]!.length)) tier = t;
    });
    return tier;
  };

  it('shows the first page from the newest tier alone, then completes the count from the older ones', async () => {
    expect(folders).toHaveLength(3);
    const context = await browser.newContext();
    const requested: Array<{ tier: number; url: string; before: boolean }> = [];
    let firstShown = false;
    let release!: () => void;
    const older = new Promise<void>((resolve) => (release = resolve));
    // every index file of a word partition, noted; the older tiers' held until the first page is seen
    await context.route(/\/w\/[0-9a-z]+\//u, async (route: Route) => {
      const tier = tierOf(route.request().url());
      requested.push({ tier, url: route.request().url(), before: !firstShown });
      if (tier >= 0 && tier < folders.length - 1) await older;
      await route.continue();
    });
    // the page's hook (as eval:search uses it): the older tiers wait until the test lets them go
    await context.addInitScript('window.archiveSearchHold = () => new Promise((resolve) => { window.archiveSearchRelease = resolve; });');
    const tab = await context.newPage();
    tab.on('pageerror', (error) => {
      throw error;
    });
    await tab.goto(`${site.server.url}/search/?q=春联&sort=newest`);
    const first = await shown(tab);
    firstShown = true;
    expect(first).toBe('找到 40 篇（正在检索更早的报道…），第 1 页。');
    const paths = await resultPaths(tab);
    expect(paths).toHaveLength(20);
    expect(paths.every((path) => path.includes('/2023-01-17/'))).toBe(true);
    // before the first page: only the newest tier's partitions and chunks were fetched
    const before = requested.filter((request) => request.before);
    expect(before.length).toBeGreaterThan(0);
    expect(before.every((request) => request.tier === folders.length - 1)).toBe(true);
    expect(before.some((request) => request.url.endsWith('.pf_index'))).toBe(true);
    release();
    await tab.evaluate(() => (window as unknown as { archiveSearchRelease?: () => void }).archiveSearchRelease?.());
    expect(await settled(tab)).toBe('找到 100 篇，第 1/5 页。');
    // the page shown stays as it was; the older tiers' files were read after it
    expect(await resultPaths(tab)).toEqual(paths);
    expect(new Set(requested.filter((request) => !request.before).map((request) => request.tier))).toEqual(new Set([0, 1]));
    expect(await tab.locator('#search-pager [aria-current="page"]').innerText()).toBe('1');
    await context.close();
  });

  it('waits for the tiers a later page needs, and keeps date order across tiers', async () => {
    const page = await openSearch(browser, site.server.url, '?q=春联&sort=newest&page=3');
    expect(await settled(page)).toBe('找到 100 篇，第 3/5 页。');
    const paths = await resultPaths(page);
    // results 41-60: the 2022 tier, newest first
    expect(paths.every((path) => path.includes('/2022-01-17/'))).toBe(true);
    await page.close();
  });

  it('reads only the tiers a date range reaches', async () => {
    const context = await browser.newContext();
    const tiers = new Set<number>();
    await context.route(/\/w\/[0-9a-z]+\//u, async (route: Route) => {
      tiers.add(tierOf(route.request().url()));
      await route.continue();
    });
    const page = await context.newPage();
    await page.goto(`${site.server.url}/search/?q=春联&from=2021-01-01&to=2021-12-31`);
    expect(await settled(page)).toBe('找到 20 篇。');
    expect([...tiers]).toEqual([0]);
    await context.close();
  });

  it('completes the count without moving anything on screen (no layout shift at all)', async () => {
    // scrollbars shown, as on a desktop; the pager and the status change when the older tiers come in
    const desktop = await launchBrowser({ scrollbars: true });
    try {
      for (const query of ['?q=春联', '?q=春联&page=2']) {
        for (const viewport of [{ width: 390, height: 844 }, { width: 1280, height: 800 }]) {
          const context = await desktop.newContext({ viewport });
          const page = await context.newPage();
          await page.goto(`${site.server.url}/search/${query}`);
          expect(await settled(page)).toContain('找到 100 篇');
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
