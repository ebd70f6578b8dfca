import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { writeSearchBundles } from '../../src/io/search-bundles.ts';
import type { SearchSource } from '../../src/lib/search/records.ts';
import { launchBrowser } from '../../src/io/browser.ts';
import { serveStatic, type StaticServer } from '../../src/io/static-server.ts';

/**
 * The shards contract: a combined site lists several Pagefind bundles in /search-shards.json,
 * the first primary; one search covers them all. Here the bundled archive's build is combined
 * with a second site served under /shards/other/ whose bundle holds two articles of 2024.
 */
describe('search across several bundles', () => {
  const distDir = inject('distDir');
  let work: string;
  let server: StaticServer;
  let browser: Browser;

  const article = (seq: number, date: string, text: string): SearchSource => ({
    url: `/guizhou-daily/${date}/01/0${seq}/`,
    date,
    paper: '贵州日报',
    page: 1,
    pageName: '要闻',
    kind: 'article',
    title: `春节特稿之${seq}`,
    kicker: null,
    subtitle: null,
    byline: '本报讯（记者 李娜）',
    credit: null,
    headline: `春节特稿之${seq}`,
    paragraphs: [text],
    people: ['李娜'],
  });

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'search-shards-'));
    const site = join(work, 'site');
    cpSync(distDir, site, { recursive: true });
    const other = join(work, 'other');
    await writeSearchBundles(
      [article(1, '2024-02-01', '黔东南州各地群众贴春联、挂灯笼，喜迎新春。'), article(2, '2024-02-03', '遵义市红花岗区开展疫情防控知识宣传。')],
      other,
    );
    cpSync(join(other, 'pagefind'), join(site, 'shards/other/pagefind'), { recursive: true });
    writeFileSync(join(site, 'search-shards.json'), JSON.stringify({ bundles: ['/pagefind/', '/shards/other/pagefind/'] }));
    server = await serveStatic(site);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    rmSync(work, { recursive: true, force: true });
  });

  async function results(query: string): Promise<{ page: Page; hrefs: string[]; status: string }> {
    const page = await browser.newPage();
    await page.goto(`${server.url}/search/${query}`);
    await expect.poll(() => page.locator('#search-status').innerText(), { timeout: 20_000 }).toMatch(/找到|没有找到|无法加载/u);
    const hrefs = await page.locator('#search-results h2 a').evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
    return { page, hrefs, status: await page.locator('#search-status').innerText() };
  }

  it('finds articles of every bundle, with the merged bundle’s URLs under its own path', async () => {
    const { page, hrefs, status } = await results('?q=春联');
    expect(status).toContain('找到 4 篇');
    expect(hrefs).toContain('/shards/other/guizhou-daily/2024-02-01/01/01/');
    expect(hrefs).toContain('/zunyi-daily/2023-01-17/03/05/');
    await page.close();
  });

  it('orders the bundles’ results by date across bundles', async () => {
    const newest = await results('?q=疫情防控&sort=newest');
    expect(newest.hrefs).toEqual(['/shards/other/guizhou-daily/2024-02-03/01/02/', '/zunyi-daily/2023-01-17/03/04/', '/zunyi-daily/2023-01-17/03/01/']);
    await newest.page.close();
    const oldest = await results('?q=疫情防控&sort=oldest');
    expect(oldest.hrefs).toEqual(['/zunyi-daily/2023-01-17/03/01/', '/zunyi-daily/2023-01-17/03/04/', '/shards/other/guizhou-daily/2024-02-03/01/02/']);
    await oldest.page.close();
  });

  it('filters across bundles and offers every bundle’s filter values', async () => {
    const { page, hrefs } = await results('?q=春联&paper=贵州日报');
    expect(hrefs).toEqual(['/shards/other/guizhou-daily/2024-02-01/01/01/']);
    expect(await page.locator('#f-paper option').allInnerTexts()).toEqual(expect.arrayContaining(['遵义日报', '贵州日报']));
    await page.close();
  });

  it('uses /pagefind/ alone without the manifest', async () => {
    rmSync(join(work, 'site/search-shards.json'));
    const { page, status, hrefs } = await results('?q=春联');
    expect(status).toContain('找到 3 篇');
    expect(hrefs.every((href) => href.startsWith('/zunyi-daily/'))).toBe(true);
    await page.close();
  });
});
