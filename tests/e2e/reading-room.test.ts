import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, sep } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { axeViolations } from '../support/axe.ts';
import { launchBrowser } from '../../src/io/browser.ts';

/**
 * The reading room on the bundled archive (one real page of 遵义日报), in a real browser: a
 * reader's walk by date, a researcher's citation, downloads and print, and the machine-readable
 * side (feeds, sitemap, link previews). Photos, gaps and 历史上的今天 need more issues than the
 * sample has: reading-room-photos.test.ts builds an archive of its own for them.
 */
const ARTICLE = '/zunyi-daily/2023-01-17/03/01/';
const TITLE = '志愿服务聚合力 文明实践谱新篇';
/**
 * The citation of this article as issue 4 gives it, character for character, with the date and
 * page in square brackets: the sample's issue.yml says an editor estimated them (issue 16).
 */
const GBT = '张婷. 志愿服务聚合力 文明实践谱新篇[N]. 遵义日报, [2023-01-17]([3]).';

describe('reading room on the bundled archive', () => {
  const baseUrl = inject('baseUrl');
  let browser: Browser;
  let context: BrowserContext;

  beforeAll(async () => {
    browser = await launchBrowser();
    context = await browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'], acceptDownloads: true });
  });
  afterAll(async () => {
    await browser?.close();
  });

  async function open(path: string): Promise<{ page: Page; errors: string[] }> {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    await page.goto(`${baseUrl}${path}`);
    return { page, errors };
  }

  it('walks from the home page through the year calendar, issue and page to an article and the next one', async () => {
    const { page, errors } = await open('/');
    await page.getByRole('link', { name: '遵义日报 2023年', exact: true }).click();
    await page.waitForURL(/\/zunyi-daily\/2023\/$/);
    expect(await page.locator('h1').innerText()).toContain('2023年');
    // the calendar's link carries the date and what is held, for screen readers
    const day = page.getByRole('link', { name: /^1月17日 星期二：1 个版面，5 篇$/ });
    expect(await day.innerText()).toBe('17');
    await day.click();
    await page.waitForURL(/\/zunyi-daily\/2023-01-17\/$/);
    expect(await page.locator('h1').innerText()).toContain('2023年1月17日 星期二');

    await page.locator('h2').getByRole('link', { name: '第3版' }).click();
    await page.waitForURL(/\/zunyi-daily\/2023-01-17\/03\/$/);
    expect(await page.locator('h1').innerText()).toBe('第3版');
    // every item of the page, in reading order
    const headlines = await page.locator('.card-list .headline a').allInnerTexts();
    expect(headlines).toHaveLength(5);
    expect(headlines[0]).toBe(TITLE);
    expect(headlines[3]).toBe('扎实抓好疫情防控工作');

    // the list's link (the page's scan names the article too: page-view.test.ts)
    await page.locator('.card-list').getByRole('link', { name: TITLE }).click();
    await page.waitForURL(new RegExp(`${ARTICLE}$`));
    expect(await page.locator('h1').innerText()).toBe(TITLE);
    expect(await page.locator('.byline').innerText()).toBe('本报讯（记者 张婷）');
    const subtitle = page.locator('.subtitle');
    expect(await subtitle.innerText()).toBe('新蒲新区推进新时代文明实践工作走深走实');
    // printed with its dash, as a 副题 is set
    expect(await subtitle.evaluate((el) => getComputedStyle(el, '::before').content)).toBe('"——"');

    const next = page.getByRole('navigation', { name: '前后文章' }).locator('a[rel=next]');
    const nextTitle = (await next.innerText()).replace(/ →$/u, '');
    await next.click();
    await page.waitForURL(/\/zunyi-daily\/2023-01-17\/03\/02\/$/);
    // the next item is a photo item without a printed headline: it is named by what the photo shows
    expect(await page.locator('h1').innerText()).toBe(nextTitle);
    expect(nextTitle).toBe('1月15日，老城街道官井社区工作人员为困难群众送去粮油、春联等慰问品');
    expect(await page.locator('figure figcaption').innerText()).toContain('（记者 向婧 摄影报道）');
    // no image was imported for it: a captioned figure, never a broken image
    expect(await page.locator('figure:not(.original) img').count()).toBe(0);
    expect(await page.getByRole('img', { name: /^图片未收录/u }).count()).toBe(1);
    await page.getByRole('link', { name: '返回第3版' }).click();
    await page.waitForURL(/\/zunyi-daily\/2023-01-17\/03\/$/);
    expect(errors).toEqual([]);
  });

  it('copies the GB/T 7714 citation, its online form with the day of reading, and the permalink', async () => {
    const page = await context.newPage();
    await page.clock.setFixedTime(new Date('2025-06-01T10:00:00+08:00'));
    await page.goto(`${baseUrl}${ARTICLE}`);
    const canonical = await page.locator('link[rel=canonical]').getAttribute('href');
    expect(canonical).toMatch(new RegExp(`^https?://[^/]+${ARTICLE}$`));
    const panel = page.getByRole('region', { name: '引用与下载' });

    await panel.locator('[data-copy="cite-gbt"]').click();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(GBT);
    expect(await panel.getByRole('status').innerText()).toBe('已复制到剪贴板。');

    await panel.locator('[data-copy="cite-gbt-online"]').click();
    await expect
      .poll(() => page.evaluate(() => navigator.clipboard.readText()))
      .toBe(`张婷. 志愿服务聚合力 文明实践谱新篇[N/OL]. 遵义日报, [2023-01-17]([3])[2025-06-01]. ${canonical}.`);

    // the page as built says [引用日期] (the same HTML every day); the browser fills in the date
    const html = await (await page.request.get(`${baseUrl}${ARTICLE}`)).text();
    expect(html).toMatch(/\[N\/OL\]\. 遵义日报, \[2023-01-17\]\(\[3\]\)\[<span data-accessed[^>]*>引用日期<\/span>\]\. /u);
    expect(await panel.locator('#cite-gbt-online').innerText()).toContain('([3])[2025-06-01]. ');

    await panel.getByRole('button', { name: '复制链接' }).click();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(canonical);
  });

  it("downloads the article JSON and the paper's year of the corpus, whose checksum matches the manifest", async () => {
    const { page } = await open(ARTICLE);
    const panel = page.getByRole('region', { name: '引用与下载' });
    const jsonUrl = new URL((await panel.getByRole('link', { name: 'JSON', exact: true }).getAttribute('href'))!, baseUrl).href;
    const response = await page.request.get(jsonUrl);
    expect(response.headers()['content-type']).toContain('application/json');
    const record = await response.json();
    // the record says what the page shows
    expect(record.id).toBe('zunyi-daily/2023-01-17/03/01');
    expect(record.headline).toBe(await page.locator('h1').innerText());
    expect(record.title).toBe(TITLE);
    expect(record.reporters).toEqual(['张婷']);
    expect(record.citation).toBe(GBT);
    const shown = await page.locator('.body p').allTextContents();
    expect(record.text.split('\n')).toEqual(shown);
    expect(record.problems.filter((p: { fixed?: boolean }) => !p.fixed)).toHaveLength(
      Number(/识别存疑 (\d+) 处/u.exec(await page.locator('.ocr-problems summary').innerText())![1]),
    );

    const bib = await (await page.request.get(new URL((await panel.getByRole('link', { name: 'BibTeX' }).getAttribute('href'))!, baseUrl).href)).text();
    expect(bib).toMatch(/^@article\{zunyi-daily-2023-01-17-03-01,/u);
    expect(bib).toContain(`title        = {${TITLE}},`);
    const ris = await (await page.request.get(new URL((await panel.getByRole('link', { name: 'RIS' }).getAttribute('href'))!, baseUrl).href)).text();
    expect(ris.split('\r\n').slice(0, 3)).toEqual(['TY  - NEWS', 'AU  - 张婷', `TI  - ${TITLE}`]);
    const csl = await (await page.request.get(new URL((await panel.getByRole('link', { name: 'CSL-JSON' }).getAttribute('href'))!, baseUrl).href)).json();
    expect(csl[0]).toMatchObject({ type: 'article-newspaper', title: TITLE, 'container-title': '遵义日报', author: [{ literal: '张婷' }] });
    const text = await (await page.request.get(new URL((await panel.getByRole('link', { name: '纯文本' }).getAttribute('href'))!, baseUrl).href)).text();
    expect(text.startsWith(`${TITLE}\n`)).toBe(true);
    expect(text).toContain(`\n\n${shown[0]}\n\n`);
    expect(text).toContain(GBT);

    // the data page: download the paper's year file as a reader would and check it against the manifest
    await page.goto(`${baseUrl}/data/`);
    expect(await page.locator('h1').innerText()).toBe('数据下载');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'zunyi-daily/2023.jsonl' }).click()]);
    const bytes = readFileSync((await download.path())!);
    const manifest = await (await page.request.get(`${baseUrl}/data/manifest.json`)).json();
    expect(manifest.files.map((file: { path: string }) => file.path)).toEqual(['/data/zunyi-daily/2023.jsonl']);
    const entry = manifest.files[0];
    expect(entry.bytes).toBe(bytes.length);
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(entry.sha256);
    const lines = bytes.toString('utf8').trimEnd().split('\n');
    expect(lines).toHaveLength(entry.records);
    expect(lines.map((line) => JSON.parse(line).id)).toContain('zunyi-daily/2023-01-17/03/01');
    expect(JSON.parse(lines[0]!)).toEqual(record);
    // the sha256sum -c list and the wget -i list agree; the page shows the count as built and
    // the size from the manifest
    const sums = await (await page.request.get(`${baseUrl}/data/SHA256SUMS.txt`)).text();
    expect(sums).toBe(`${entry.sha256}  zunyi-daily/2023.jsonl\n`);
    expect(await (await page.request.get(`${baseUrl}/data/urls.txt`)).text()).toBe(`${entry.url}\n`);
    const row = page.locator('#corpus-files tbody tr');
    expect(await row.count()).toBe(1);
    expect(await row.locator('td').nth(2).innerText()).toBe(String(entry.records));
    await expect.poll(() => row.locator('[data-size]').innerText()).toBe(`${(entry.bytes / 1024).toFixed(1)} KB`);
    expect(await row.locator('[data-size]').getAttribute('title')).toBe(`SHA-256 ${entry.sha256}`);
    // the field table documents exactly the fields of a record
    const documented = await page.locator('table.fields').first().locator('tbody tr td:first-child').allInnerTexts();
    expect(documented.sort()).toEqual(Object.keys(record).sort());

    const issue = await (await page.request.get(`${baseUrl}/zunyi-daily/2023-01-17/issue.json`)).json();
    // and the second one every field of an issue's record
    const issueFields = (await page.locator('table.fields').nth(1).locator('tbody tr td:first-child').allInnerTexts()).flatMap((name) => name.split(' / '));
    expect(issueFields).toEqual(expect.arrayContaining(Object.keys(issue)));
    expect(issue.pages.map((p: { number: number }) => p.number)).toEqual([3]);
    expect(issue.pages[0].articles.map((a: { id: string }) => a.id)).toEqual(lines.map((line) => JSON.parse(line).id));
  });

  it('prints an article as a clean clipping with its citation', async () => {
    const { page } = await open(ARTICLE);
    await page.evaluate(() => {
      (window as unknown as { printed: number }).printed = 0;
      window.print = () => void (window as unknown as { printed: number }).printed++;
    });
    await page.getByRole('button', { name: '打印剪报' }).click();
    expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);

    expect(await page.locator('.print-only').isVisible()).toBe(false);
    await page.emulateMedia({ media: 'print' });
    for (const chrome of ['.site-header', '.site-footer', '.breadcrumbs', 'section.cite', '.article-pager', '.ocr-problems']) {
      expect(await page.locator(chrome).isVisible(), chrome).toBe(false);
    }
    expect(await page.locator('h1').isVisible()).toBe(true);
    expect(await page.locator('.body').isVisible()).toBe(true);
    const clipping = page.locator('.print-only');
    expect(await clipping.isVisible()).toBe(true);
    expect(await clipping.innerText()).toContain(GBT);
    expect(await clipping.innerText()).toContain(ARTICLE);
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('shows OCR suspicions on demand and marks them in the text, without changing it', async () => {
    const { page } = await open(ARTICLE);
    const body = page.locator('.body');
    const before = await body.innerText();
    const details = page.locator('details.ocr-problems');
    expect(await details.locator('summary').innerText()).toMatch(/^识别存疑 3 处/u);
    expect(await body.locator('mark.suspect').count()).toBe(0);

    await details.locator('summary').click();
    const excerpts = await details.locator('li[data-excerpt]').evaluateAll((items) => items.map((item) => (item as HTMLElement).dataset.excerpt!));
    expect(excerpts).toHaveLength(3);
    await expect.poll(() => body.locator('mark.suspect').count()).toBeGreaterThan(0);
    // every flagged passage is marked; the two overlapping ones (…一全面建设 / 全面建设一…) as one
    const marked = await body.locator('mark.suspect').allInnerTexts();
    expect(marked).toEqual(['试点探索一全面建设一总结提升', '科学知识普等志']);
    for (const excerpt of excerpts) expect(marked.some((text) => text.includes(excerpt)), excerpt).toBe(true);
    expect(await details.locator('li.not-found').count()).toBe(0);
    expect(await body.innerText()).toBe(before);

    await details.locator('summary').click();
    await expect.poll(() => body.locator('mark.suspect').count()).toBe(0);
    expect(await body.innerText()).toBe(before);
  });

  it('describes articles to search engines and link previews', async () => {
    const { page } = await open(ARTICLE);
    const first = (await page.locator('.body p').first().innerText()).trim();
    expect(await page.locator('meta[property="og:title"]').getAttribute('content')).toContain(TITLE);
    expect(await page.locator('meta[property="og:type"]').getAttribute('content')).toBe('article');
    expect(await page.locator('meta[property="og:description"]').getAttribute('content')).toBe(first);
    expect(await page.locator('meta[name=description]').getAttribute('content')).toBe(first);
    const ld = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent())!);
    expect(ld).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      headline: TITLE,
      alternativeHeadline: '新蒲新区推进新时代文明实践工作走深走实',
      datePublished: '2023-01-17',
      author: [{ '@type': 'Person', name: '张婷' }],
      pageStart: '3',
      isPartOf: { '@type': 'PublicationIssue', isPartOf: { '@type': 'Periodical', name: '遵义日报' } },
    });
    expect(ld.url).toBe(await page.locator('link[rel=canonical]').getAttribute('href'));
  });

  it('publishes an Atom feed per paper and a sitemap whose pages all exist', async () => {
    const { page } = await open('/zunyi-daily/');
    const feedHref = await page.locator('link[rel=alternate][type="application/atom+xml"]').getAttribute('href');
    expect(feedHref).toBe('/zunyi-daily/feed.xml');
    // and the paper's corpus, a file per year
    const year = page.locator('#data-heading + ul').getByRole('link', { name: '2023 年' });
    expect(await year.getAttribute('href')).toBe('/data/zunyi-daily/2023.jsonl');
    expect((await page.request.get(`${baseUrl}/data/zunyi-daily/2023.jsonl`)).ok()).toBe(true);
    const feed = await (await page.request.get(`${baseUrl}${feedHref}`)).text();
    const parsed = await page.evaluate((xml) => {
      const doc = new DOMParser().parseFromString(xml, 'application/xml');
      return {
        error: doc.querySelector('parsererror')?.textContent ?? null,
        entries: [...doc.querySelectorAll('entry')].map((entry) => ({
          title: entry.querySelector('title')?.textContent,
          link: entry.querySelector('link')?.getAttribute('href'),
          updated: entry.querySelector('updated')?.textContent,
        })),
      };
    }, feed);
    expect(parsed.error).toBeNull();
    expect(parsed.entries).toHaveLength(1);
    expect(parsed.entries[0]).toMatchObject({ title: '遵义日报 2023年1月17日 星期二', updated: '2023-01-17T00:00:00+08:00' });
    expect(new URL(parsed.entries[0]!.link!).pathname).toBe('/zunyi-daily/2023-01-17/');

    const robots = await (await page.request.get(`${baseUrl}/robots.txt`)).text();
    expect(robots).toMatch(/^Sitemap: https?:\/\/\S+\/sitemap\.xml$/mu);
    const index = await (await page.request.get(`${baseUrl}/sitemap.xml`)).text();
    const parts = [...index.matchAll(/<loc>([^<]+)<\/loc>/gu)].map((m) => new URL(m[1]!).pathname);
    expect(parts).toEqual(['/sitemaps/1.xml']);
    const urls = [...(await (await page.request.get(`${baseUrl}${parts[0]}`)).text()).matchAll(/<loc>([^<]+)<\/loc>/gu)].map((m) => new URL(m[1]!).pathname);
    expect(urls).toContain(ARTICLE);
    expect(urls).toContain('/zunyi-daily/2023/');
    for (const path of urls) expect((await page.request.get(`${baseUrl}${path}`)).status(), path).toBe(200);
  });

  it('follows the system colour scheme and remembers the reader\'s own choice', async () => {
    const dark = await browser.newContext({ colorScheme: 'dark' });
    const page = await dark.newPage();
    await page.goto(`${baseUrl}${ARTICLE}`);
    const background = () => page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
    const darkBackground = await background();
    const toggle = page.getByRole('button', { name: '深色' });
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    await toggle.click();
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');
    expect(await background()).not.toBe(darkBackground);
    await page.reload();
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('light');
    expect(await page.getByRole('button', { name: '深色' }).getAttribute('aria-pressed')).toBe('false');
    await dark.close();
  });

  it('has no axe-core violations on any page type, light or dark', async () => {
    const pages = ['/', '/zunyi-daily/', '/zunyi-daily/2023/', '/zunyi-daily/2023-01-17/', '/zunyi-daily/2023-01-17/03/', ARTICLE, '/zunyi-daily/2023-01-17/03/03/', '/search/?q=疫情防控', '/data/', '/no-such-page/'];
    const found: Record<string, string[]> = {};
    for (const scheme of ['light', 'dark'] as const) {
      const ctx = await browser.newContext({ colorScheme: scheme });
      for (const path of pages) {
        const page = await ctx.newPage();
        await page.goto(`${baseUrl}${path}`);
        if (path.startsWith('/search/')) await page.locator('#search-results li, #search-status:not(:empty)').first().waitFor({ timeout: 15_000 });
        if (path === ARTICLE) await page.locator('details.ocr-problems summary').click();
        const violations = await axeViolations(page);
        if (violations.length > 0) found[`${scheme} ${path}`] = violations;
        await page.close();
      }
      await ctx.close();
    }
    expect(found).toEqual({});
  });

  it('keeps the article page under 50 KB of HTML, CSS and JavaScript', async () => {
    // the largest article page of the build
    const dist = inject('distDir');
    const articles = readdirSync(dist, { recursive: true, encoding: 'utf8' }).filter((file) => /^[a-z0-9-]+\/\d{4}-\d{2}-\d{2}\/\d{2,3}\/\d{2,3}\/index\.html$/u.test(file.split(sep).join('/')));
    expect(articles.length).toBeGreaterThan(0);
    const largest = articles.sort((a, b) => statSync(join(dist, b)).size - statSync(join(dist, a)).size)[0]!;
    const path = `/${largest.split(sep).slice(0, -1).join('/')}/`;
    const page = await context.newPage();
    const bytes = new Map<string, number>();
    page.on('response', async (response) => {
      const type = response.request().resourceType();
      if (['document', 'stylesheet', 'script'].includes(type)) bytes.set(response.url(), (await response.body()).length);
    });
    await page.goto(`${baseUrl}${path}`, { waitUntil: 'networkidle' });
    const total = [...bytes.values()].reduce((a, b) => a + b, 0);
    expect(bytes.size).toBeGreaterThanOrEqual(2);
    expect(total).toBeLessThan(50 * 1024);
  });
});
