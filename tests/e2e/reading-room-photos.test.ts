import { resolve } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from '../support/axe.ts';
import { horizontalOverflow } from '../support/layout.ts';
import { launchBrowser } from '../../src/io/browser.ts';
import { ROOT } from '../../src/io/astro-build.ts';
import { buildFixtureSite, FIXTURE, type FixtureSite } from './reading-room-fixture.ts';

/**
 * What the bundled sample cannot show: photos (responsive sizes, placeholders, lazy loading,
 * the full-size view), jumps between pages, previous/next issue, the gaps of a year and
 * 历史上的今天. reading-room-fixture.ts builds a small archive for them, with the import CLI.
 */
const P = `/${FIXTURE.paper}`;
const PHOTO_ITEM = `${P}/${FIXTURE.rich}/01/02/`;
const LONG_ARTICLE = `${P}/${FIXTURE.rich}/01/03/`;

describe('reading room with photos, gaps and history', () => {
  let site: FixtureSite;
  let browser: Browser;
  let context: BrowserContext;

  beforeAll(async () => {
    site = await buildFixtureSite(resolve(ROOT, `.cache/e2e/reading-room-${process.pid}`));
    browser = await launchBrowser();
    context = await browser.newContext({ timezoneId: 'Asia/Shanghai', viewport: { width: 1280, height: 800 } });
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  async function open(path: string, ctx = context): Promise<Page> {
    const page = await ctx.newPage();
    await page.goto(`${site.url}${path}`);
    return page;
  }

  it('serves AVIF and WebP at responsive sizes with a JPEG fallback and a blurred placeholder, without layout shift', async () => {
    const page = await open(PHOTO_ITEM);
    const img = page.locator('figure.photo img');
    await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth > 0)).toBe(true);
    expect(await img.getAttribute('width')).toBe(String(FIXTURE.photo.width));
    expect(await img.getAttribute('height')).toBe(String(FIXTURE.photo.height));
    expect(await img.getAttribute('loading')).toBe('eager');
    expect(await img.getAttribute('fetchpriority')).toBe('high');
    expect(await img.getAttribute('alt')).toBe('农技人员查看秧苗长势');
    expect(await img.evaluate((el) => el.style.backgroundImage)).toMatch(/^url\("data:image\/webp;base64,/u);

    for (const type of ['avif', 'webp']) {
      const srcset = (await page.locator(`figure.photo source[type="image/${type}"]`).getAttribute('srcset'))!;
      const candidates = srcset.split(', ').map((candidate) => candidate.split(' '));
      expect(candidates.map(([, width]) => width)).toEqual(['480w', '960w', `${FIXTURE.photo.width}w`]);
      for (const [url] of candidates) {
        const response = await page.request.get(`${site.url}${url}`);
        expect(response.status(), url).toBe(200);
        expect(response.headers()['content-type']).toBe(`image/${type}`);
      }
    }
    const fallback = await page.request.get(`${site.url}${await img.getAttribute('src')}`);
    expect(fallback.headers()['content-type']).toBe('image/jpeg');
    // Chromium takes AVIF, at the width the layout needs (38rem at 1 device pixel: 960w)
    expect(await img.evaluate((el: HTMLImageElement) => new URL(el.currentSrc).pathname)).toMatch(/\/960\.avif$/u);
    const shift = await page.evaluate(
      () =>
        new Promise<number>((done) => {
          let total = 0;
          new PerformanceObserver((list) => {
            for (const entry of list.getEntries()) total += (entry as unknown as { value: number }).value;
          }).observe({ type: 'layout-shift', buffered: true });
          setTimeout(() => done(total), 300);
        }),
    );
    expect(shift).toBe(0);

    // a phone takes the smallest size
    const phone = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const small = await open(PHOTO_ITEM, phone);
    const smallImg = small.locator('figure.photo img');
    await expect.poll(() => smallImg.evaluate((el: HTMLImageElement) => el.currentSrc)).toMatch(/\/480\.avif$/u);
    await phone.close();
  });

  it('loads a photo below the fold only when the reader comes near it', async () => {
    site.server.sent.clear();
    const page = await open(LONG_ARTICLE);
    const figures = page.locator('figure.photo');
    expect(await figures.count()).toBe(2);
    // the first photo sits above the text, the second after the long text
    expect(await figures.nth(0).evaluate((el) => el.nextElementSibling?.classList.contains('body'))).toBe(true);
    expect(await figures.nth(1).evaluate((el) => el.previousElementSibling?.classList.contains('body'))).toBe(true);
    const second = figures.nth(1).locator('img');
    expect(await second.getAttribute('loading')).toBe('lazy');
    const folder = (await second.getAttribute('src'))!.replace(/full\.jpg$/u, '');
    const requested = () => [...site.server.sent.keys()].filter((path) => path.startsWith(folder));
    await page.waitForLoadState('networkidle');
    expect(await figures.nth(1).evaluate((el) => el.getBoundingClientRect().top)).toBeGreaterThan(3000);
    expect(requested()).toEqual([]);
    expect(await figures.nth(0).locator('img').evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth > 0)).toBe(true);

    await figures.nth(1).scrollIntoViewIfNeeded();
    await expect.poll(() => second.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth > 0)).toBe(true);
    expect(requested()).toHaveLength(1);
    expect(requested()[0]).toMatch(/\.avif$/u);
  });

  it('opens a photo at full size on tap and returns to it on close', async () => {
    const page = await open(PHOTO_ITEM);
    const link = page.getByRole('link', { name: /^查看大图：/u });
    await link.click();
    const dialog = page.getByRole('dialog', { name: '大图' });
    await dialog.waitFor();
    const big = dialog.locator('img');
    await expect.poll(() => big.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth)).toBe(FIXTURE.photo.width);
    expect(await big.evaluate((el: HTMLImageElement) => new URL(el.currentSrc).pathname)).toMatch(new RegExp(`/${FIXTURE.photo.width}\\.avif$`, 'u'));
    expect(await dialog.innerText()).toContain('图为农技人员查看秧苗长势。');
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.isVisible()).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(await link.getAttribute('aria-label'));
    // without the viewer, the link still leads to the picture
    expect(await link.getAttribute('href')).toMatch(/\/full\.jpg$/u);
  });

  it('links the two ends of an article continued on another page', async () => {
    const page = await open(`${P}/${FIXTURE.rich}/01/01/`);
    const onward = page.locator('.jump-to a');
    expect(await onward.innerText()).toBe('（下转第2版）');
    await onward.click();
    await page.waitForURL(new RegExp(`${P}/${FIXTURE.rich}/02/01/$`, 'u'));
    // printed without a headline: named after where it started
    expect(await page.locator('h1').innerText()).toBe('春耕备耕正当时（接第1版）');
    const back = page.locator('.jump-from a');
    expect(await back.innerText()).toBe('春耕备耕正当时');
    await back.click();
    await page.waitForURL(new RegExp(`${P}/${FIXTURE.rich}/01/01/$`, 'u'));
  });

  it('moves between issues, pages and the year calendar', async () => {
    const page = await open(`${P}/${FIXTURE.rich}/`);
    const pager = page.getByRole('navigation', { name: '前后各期', exact: true });
    expect(await pager.locator('a[rel=prev]').getAttribute('href')).toBe(`${P}/2022-03-04/`);
    expect(await pager.locator('a[rel=next]').getAttribute('href')).toBe(`${P}/2022-03-06/`);
    // the month beside the issue: today's issue marked, the gaps hatched
    const month = page.locator('aside table.calendar');
    expect(await month.locator('a[aria-current=date]').innerText()).toBe('5');
    const missingDays = await month.locator('td.missing').evaluateAll((cells) => cells.map((cell) => Number(cell.firstChild?.textContent)));
    // the two gaps, then every day after the 10th: the archive holds nothing more until 2024
    expect(missingDays).toEqual([3, 8, ...Array.from({ length: 21 }, (_, i) => 11 + i)]);

    await page.getByRole('navigation', { name: '跳转到版面' }).getByRole('link', { name: '第2版 综合新闻' }).click();
    await page.waitForURL(new RegExp(`${P}/${FIXTURE.rich}/#p2$`, 'u'));
    await page.locator('h2').getByRole('link', { name: '第2版' }).click();
    await page.waitForURL(new RegExp(`${P}/${FIXTURE.rich}/02/$`, 'u'));
    expect(await page.locator('.page-jump [aria-current=page]').innerText()).toBe('第2版 综合新闻');
    await page.locator('a[rel=prev]').click();
    await page.waitForURL(new RegExp(`${P}/${FIXTURE.rich}/01/$`, 'u'));
    await page.getByRole('link', { name: /^下一期 2022年3月6日/u }).click();
    await page.waitForURL(new RegExp(`${P}/2022-03-06/01/$`, 'u'));
  });

  it('turns pages and issues with the arrow keys; a page without a scan keeps its list', async () => {
    const page = await open(`${P}/${FIXTURE.rich}/02/`);
    // no scan was imported for this archive: no 版面 image, the items as a list
    expect(await page.locator('[data-scan]').count()).toBe(0);
    expect(await page.locator('.card-list li').count()).toBeGreaterThan(0);
    await page.keyboard.press('ArrowLeft');
    await page.waitForURL(new RegExp(`${P}/${FIXTURE.rich}/01/$`, 'u'));
    await page.keyboard.press('ArrowRight');
    await page.waitForURL(new RegExp(`${P}/${FIXTURE.rich}/02/$`, 'u'));
    // on an issue, the arrows go to the previous and next issue
    await page.goto(`${site.url}${P}/${FIXTURE.rich}/`);
    await page.keyboard.press('ArrowRight');
    await page.waitForURL(new RegExp(`${P}/2022-03-06/$`, 'u'));
  });

  it('shows the gaps of a year and moves through it with the keyboard', async () => {
    const page = await open(`${P}/2022/`);
    const march = page.locator('table#m03');
    const missing = await march.locator('td.missing').evaluateAll((cells) => cells.map((cell) => Number(cell.firstChild?.textContent)));
    expect(missing.filter((day) => day <= 10).map((day) => `2022-03-${String(day).padStart(2, '0')}`)).toEqual([...FIXTURE.gaps]);
    // between the issues held in 2021 and in March 2022 every day is missing, and so after 10 March
    expect(await page.locator('table#m02 td.missing').count()).toBe(28);
    expect(missing.filter((day) => day > 10)).toHaveLength(21);
    const held = await march.locator('a.cal-day').evaluateAll((links) => links.map((link) => (link as HTMLElement).dataset.date));
    expect(held).toEqual(['2022-03-01', '2022-03-02', '2022-03-04', '2022-03-05', '2022-03-06', '2022-03-07', '2022-03-09', '2022-03-10']);
    // the two-page issue is the fullest: darkest; the one-page issues half as dark
    expect(await march.locator(`a[data-date="${FIXTURE.rich}"]`).evaluate((el) => el.parentElement!.className)).toContain('level-4');
    expect(await march.locator('a[data-date="2022-03-04"]').evaluate((el) => el.parentElement!.className)).toContain('level-2');
    const gaps = await page.getByRole('region', { name: '缺期一览' }).innerText();
    expect(gaps).toContain('2022年3月3日');
    expect(gaps).toContain('2022年3月8日');
    expect(gaps).toContain('2022年3月11日至12月31日');

    // one tab stop for the year, arrow keys between issues
    const links = page.locator('[data-roving] a.cal-day');
    expect(await links.evaluateAll((all) => all.filter((link) => (link as HTMLElement).tabIndex === 0).length)).toBe(1);
    await page.locator('#calendar-keys').click();
    await page.keyboard.press('Tab');
    const focused = () => page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.date ?? null);
    expect(await focused()).toBe('2022-03-01');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    expect(await focused()).toBe('2022-03-04');
    await page.keyboard.press('ArrowDown');
    expect(await focused()).toBe('2022-03-04'); // nothing a week later or after in this year
    await page.keyboard.press('End');
    expect(await focused()).toBe('2022-03-10');
    await page.keyboard.press('ArrowUp');
    expect(await focused()).toBe('2022-03-02');
    await page.keyboard.press('Home');
    expect(await focused()).toBe('2022-03-01');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Tab');
    expect(await focused()).toBeNull();
    await page.keyboard.press('Shift+Tab');
    expect(await focused()).toBe('2022-03-02');
    await page.keyboard.press('Enter');
    await page.waitForURL(new RegExp(`${P}/2022-03-02/$`, 'u'));

    // the paper's overview shows the year without any issue as a gap too
    const overview = await open(`${P}/`);
    const rows = await overview.locator('table.holdings tbody th').allInnerTexts();
    expect(rows).toEqual(['2024年', '2023年', '2022年', '2021年']);
    expect(await overview.locator('table.holdings tbody tr').nth(1).locator('a').count()).toBe(0);
  });

  it("shows 历史上的今天 for the reader's own date: earlier years only", async () => {
    const page = await context.newPage();
    await page.clock.setFixedTime(new Date('2024-03-05T09:00:00+08:00'));
    await page.goto(`${site.url}/`);
    const section = page.getByRole('region', { name: /^历史上的今天/u });
    await expect.poll(() => section.isVisible()).toBe(true);
    expect(await section.locator('h2').innerText()).toContain('3月5日');
    const issues = await section.locator('.history-issue a').allInnerTexts();
    expect(issues).toEqual(['2022年3月5日', '2021年3月5日']);
    const headlines = await section.locator('.history-list ul a').allInnerTexts();
    expect(headlines.slice(0, 3)).toEqual(['春耕备耕正当时', '城市书房开到家门口', '老旧小区改造惠民生']);
    expect(await section.innerText()).toContain('（2 年前）');
    // the latest issue is that day's own, on the front of the home page
    expect(await page.locator('.latest-title').innerText()).toContain('2024年3月5日');

    const quiet = await context.newPage();
    await quiet.clock.setFixedTime(new Date('2024-07-01T09:00:00+08:00'));
    await quiet.goto(`${site.url}/`);
    await quiet.waitForLoadState('networkidle');
    expect(await quiet.locator('[data-on-this-day]').isVisible()).toBe(false);
  });

  it('lists new issues in the Atom feed, newest first', async () => {
    const page = await open(`${P}/`);
    const feed = await (await page.request.get(`${site.url}${P}/feed.xml`)).text();
    const updated = [...feed.matchAll(/<entry>[\s\S]*?<updated>([^<]+)<\/updated>/gu)].map((m) => m[1]!.slice(0, 10));
    expect(updated).toEqual([FIXTURE.rich, ...FIXTURE.plain].sort().reverse());
  });

  it('keeps the long article with photos under 50 KB of HTML, CSS and JavaScript', async () => {
    const page = await context.newPage();
    const bytes = new Map<string, number>();
    page.on('response', async (response) => {
      if (['document', 'stylesheet', 'script'].includes(response.request().resourceType())) bytes.set(response.url(), (await response.body()).length);
    });
    await page.goto(`${site.url}${LONG_ARTICLE}`, { waitUntil: 'networkidle' });
    const total = [...bytes.values()].reduce((a, b) => a + b, 0);
    expect(total).toBeGreaterThan(10 * 1024);
    expect(total).toBeLessThan(50 * 1024);
  });

  it('says on the page of a paper without issues what to import, lists no feed for it, and explains it on the home page', async () => {
    const empty = `/${FIXTURE.empty.paper}/`;
    const page = await open(empty);
    const state = page.getByRole('region', { name: '尚未收录任何一期' });
    expect(await state.innerText()).toContain('npm run import');
    expect(await state.innerText()).toContain(`paper: ${FIXTURE.empty.paper}`);
    expect(await page.locator('table.holdings').count()).toBe(0);
    expect(await page.locator('link[rel=alternate][type="application/atom+xml"]').count()).toBe(0);
    expect((await page.request.get(`${site.url}/${FIXTURE.empty.paper}/feed.xml`)).status()).toBe(404);
    // no feed anywhere is dated from nothing
    const feed = await (await page.request.get(`${site.url}${P}/feed.xml`)).text();
    expect(feed).not.toContain('1970');
    const home = await open('/');
    const card = home.locator('aside .card-list li').filter({ hasText: FIXTURE.empty.name });
    expect(await card.innerText()).toContain('尚未收录任何一期');
    expect(await home.locator(`link[href="/${FIXTURE.empty.paper}/feed.xml"]`).count()).toBe(0);
  });

  it("names where the paper's original can be seen in the footer of its pages", async () => {
    const page = await open(PHOTO_ITEM);
    expect(await page.locator('.site-footer').innerText()).toContain(`《${FIXTURE.name}》原版可在${FIXTURE.original}查阅`);
    const home = await open('/');
    expect(await home.locator('.site-footer').innerText()).not.toContain(FIXTURE.original);
  });

  it('keeps the pages of a long issue in reach while scrolling, and the photo pages within a phone', async () => {
    const phone = await browser.newContext({ viewport: { width: 320, height: 640 }, isMobile: true, hasTouch: true });
    const page = await open(`${P}/${FIXTURE.rich}/`, phone);
    const bar = page.getByRole('navigation', { name: '跳转到版面' });
    const start = (await bar.boundingBox())!.y;
    // scrolled far down, to where page 2 starts just under the bar
    await page.locator('#p2').evaluate((el) => window.scrollTo(0, el.getBoundingClientRect().top + window.scrollY - 60));
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(start + 500);
    // the bar sits at the top of the screen, in view, and marks the page being read
    expect((await bar.boundingBox())!.y).toBe(0);
    await expect.poll(() => bar.locator('[aria-current=location]').innerText()).toBe('第2版 综合新闻');
    await bar.getByRole('link', { name: '第1版 要闻' }).click();
    await expect.poll(() => page.locator('#p1').evaluate((el) => Math.round(el.getBoundingClientRect().top))).toBeGreaterThanOrEqual(Math.round((await bar.boundingBox())!.height));
    // an issue of twelve pages: its bar scrolls sideways inside the screen, the page does not
    const wide = `/${FIXTURE.wide.paper}/${FIXTURE.wide.date}/`;
    for (const path of [`${P}/${FIXTURE.rich}/`, wide, `${P}/${FIXTURE.rich}/01/`, PHOTO_ITEM, LONG_ARTICLE, `${P}/`, `/${FIXTURE.empty.paper}/`, `${P}/2022/`, '/']) {
      const view = await open(path, phone);
      const found = await horizontalOverflow(view);
      expect(found.outside, path).toEqual([]);
      expect(found.scrollWidth, path).toBeLessThanOrEqual(found.width);
    }
    const strip = (await open(wide, phone)).locator('.page-jump-bar ol');
    expect(await strip.locator('a').count()).toBe(FIXTURE.wide.pages.length);
    expect(await strip.evaluate((el) => el.scrollWidth > el.clientWidth && el.getBoundingClientRect().right <= window.innerWidth)).toBe(true);
    // the viewer's link to the original has an address before any photo is opened
    const photo = await open(PHOTO_ITEM, phone);
    expect(await photo.locator('a.photo-viewer-original').getAttribute('href')).toMatch(/\/full\.jpg$/u);
    await phone.close();
  });

  it('has no axe-core violations with photos, heat map and history, light or dark', async () => {
    const found: Record<string, string[]> = {};
    for (const colorScheme of ['light', 'dark'] as const) {
      const ctx = await browser.newContext({ colorScheme, timezoneId: 'Asia/Shanghai' });
      for (const path of ['/', `${P}/`, `/${FIXTURE.empty.paper}/`, `${P}/2022/`, `${P}/${FIXTURE.rich}/`, `${P}/${FIXTURE.rich}/02/`, PHOTO_ITEM, LONG_ARTICLE, `${P}/${FIXTURE.rich}/02/01/`]) {
        const page = await ctx.newPage();
        await page.clock.setFixedTime(new Date('2024-03-05T09:00:00+08:00'));
        await page.goto(`${site.url}${path}`, { waitUntil: 'networkidle' });
        if (path === PHOTO_ITEM) {
          await page.getByRole('link', { name: /^查看大图：/u }).click();
          await page.getByRole('dialog').waitFor();
        }
        const violations = await axeViolations(page);
        if (violations.length > 0) found[`${colorScheme} ${path}`] = violations;
        await page.close();
      }
      await ctx.close();
    }
    expect(found).toEqual({});
  });
});
