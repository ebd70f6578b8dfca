import { createHash } from 'node:crypto';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from '../../src/io/browser.ts';
import { axeViolations } from '../support/axe.ts';

/**
 * The 版面 view on the bundled archive, whose sample page (遵义日报 2023-01-17, page 3) has a scan
 * rendered from its text with the true boxes of its five items: a reader's way from the issue's
 * page thumbnails to the page, its hotspots and an article, the clipping back to the page, zoom,
 * search hits marked on the page; the budgets; and the researcher's side (IIIF, article.json).
 */
const ISSUE = '/zunyi-daily/2023-01-17/';
const PAGE = '/zunyi-daily/2023-01-17/03/';

interface Region {
  x: number;
  y: number;
  w: number;
  h: number;
}

describe('版面 view on the bundled archive', () => {
  const baseUrl = inject('baseUrl');
  let browser: Browser;
  let context: BrowserContext;

  beforeAll(async () => {
    browser = await launchBrowser();
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  });
  afterAll(async () => {
    await browser?.close();
  });

  async function open(path: string, ctx = context): Promise<{ page: Page; errors: string[]; requests: string[] }> {
    const page = await ctx.newPage();
    const errors: string[] = [];
    const requests: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    page.on('request', (request) => requests.push(new URL(request.url()).pathname));
    await page.goto(`${baseUrl}${path}`);
    return { page, errors, requests };
  }

  /** The page's records as researchers download them (article.json), in reading order. */
  async function records(page: Page): Promise<Array<{ seq: number; headline: string; title: string | null; kicker: string | null; subtitle: string | null; text: string; regions: Region[] | null; scan: { width: number; height: number; sha256: string; image: string; download: string } | null }>> {
    const issue = await (await page.request.get(`${baseUrl}${ISSUE}issue.json`)).json();
    const articles = issue.pages.find((p: { number: number }) => p.number === 3).articles as Array<{ json: string }>;
    return Promise.all(articles.map(async (article) => (await page.request.get(`${baseUrl}${new URL(article.json).pathname}`)).json()));
  }

  const zoomLevel = async (page: Page) => Number((await page.locator('.scan-level').innerText()).replace('%', ''));
  const tileRequests = (requests: string[]) => requests.filter((path) => /^\/scans\/[0-9a-f]{16}\/(?:\d+,){3}\d+\//u.test(path) || /\/full\/\d+,\d+\/0\/default\.jpg$/u.test(path));

  it('opens an issue, a page from its thumbnails, outlines an item on hover with the list, and opens it from the page', async () => {
    const { page, errors } = await open(ISSUE);
    const strip = page.getByRole('navigation', { name: '版面导航' });
    const thumb = strip.getByRole('link', { name: /第3版/u });
    expect(await thumb.locator('img').evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
    await thumb.click();
    await page.waitForURL(new RegExp(`${PAGE}$`, 'u'));
    await page.locator('.scan-image').evaluate((img: HTMLImageElement) => img.decode());

    // every item is a region of the page, in reading order, named as the list names it
    const list = await page.locator('.card-list .headline a').allInnerTexts();
    const regions = page.locator('svg.scan-regions a');
    expect((await regions.evaluateAll((links) => links.map((a) => a.getAttribute('aria-label')!.replace(/^图片：/u, ''))))).toEqual(list);
    expect(await regions.evaluateAll((links) => links.map((a) => Number(a.getAttribute('data-seq'))))).toEqual([1, 2, 3, 4, 5]);

    // hovering the fourth item on the page outlines it, names it and marks it in the list
    const fourth = regions.nth(3);
    await fourth.hover();
    const tip = page.locator('.scan-tip');
    await expect.poll(() => tip.isVisible()).toBe(true);
    expect(await tip.innerText()).toBe(list[3]);
    expect(await fourth.locator('rect').first().evaluate((rect) => getComputedStyle(rect).stroke)).not.toBe('none');
    expect(await page.locator('.card-list li[data-seq="4"]').getAttribute('class')).toContain('is-active');
    // and hovering an item in the list marks it on the page
    await page.locator('.card-list li[data-seq="2"]').hover();
    expect(await regions.nth(1).getAttribute('class')).toContain('is-active');
    expect(await fourth.getAttribute('class')).not.toContain('is-active');

    await regions.first().click();
    await page.waitForURL(/\/zunyi-daily\/2023-01-17\/03\/01\/$/u);
    expect(await page.locator('h1').innerText()).toBe(list[0]);
    expect(errors).toEqual([]);
  });

  it('walks the regions with Tab in reading order and opens one with Enter', async () => {
    const { page } = await open(PAGE);
    await page.locator('.scan-download').focus();
    const order: string[] = [];
    for (let i = 0; i < 5; i++) {
      await page.keyboard.press('Tab');
      order.push(await page.evaluate(() => document.activeElement?.getAttribute('data-seq') ?? document.activeElement?.tagName ?? ''));
    }
    expect(order).toEqual(['1', '2', '3', '4', '5']);
    // the focused item is named on the page
    expect(await page.locator('.scan-tip').innerText()).toBe(`图片：${await page.locator('.card-list li[data-seq="5"] .headline a').innerText()}`);
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/zunyi-daily\/2023-01-17\/03\/03\/$/u);
  });

  it('zooms in and out with keys, loading only the tiles in view, and keeps the view in its address', async () => {
    const { page, requests } = await open(PAGE);
    await page.waitForLoadState('networkidle');
    // the first view is one image: no tiles
    expect(tileRequests(requests)).toHaveLength(1);
    const frame = page.locator('.scan-frame');
    const frameBox = (await frame.boundingBox())!;

    await page.keyboard.press('+');
    await page.keyboard.press('+');
    await page.keyboard.press('+');
    await expect.poll(() => zoomLevel(page)).toBeGreaterThan(300);
    await page.waitForLoadState('networkidle');
    const stageBox = (await page.locator('.scan-stage').boundingBox())!;
    expect(stageBox.width / frameBox.width).toBeCloseTo((await zoomLevel(page)) / 100, 1);
    const tiles = tileRequests(requests).slice(1);
    expect(tiles.length).toBeGreaterThan(0);
    // only what is in view: fewer than the full-resolution level holds (3 x 4 tiles)
    expect(tiles.filter((path) => /\/1024,1024\/0\/default\.jpg$/u.test(path) && !/,2048\/|^\/scans\/[0-9a-f]+\/0,0,2048/u.test(path)).length).toBeLessThan(12);
    // every tile fetched is drawn (decoding may finish after the network is idle, on a loaded machine)
    const drawn = () => page.locator('.scan-tile').evaluateAll((imgs) => imgs.filter((img) => (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth > 0).length);
    await expect.poll(drawn).toBe(tiles.length);

    await expect.poll(() => new URL(page.url()).hash).toMatch(/^#xywh=\d+,\d+,\d+,\d+$/u);
    const permalink = page.url();
    const level = await zoomLevel(page);
    // the arrows move about a zoomed page, not to another page
    const before = new URL(permalink).hash;
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => new URL(page.url()).hash).not.toBe(before);
    expect(new URL(page.url()).pathname).toBe(PAGE);

    const again = (await open(new URL(permalink).pathname + new URL(permalink).hash)).page;
    await expect.poll(() => zoomLevel(again)).toBeGreaterThan(level - 2);
    expect(await zoomLevel(again)).toBeLessThan(level + 2);

    await page.keyboard.press('-');
    await expect.poll(() => zoomLevel(page)).toBeLessThan(level);
    await page.keyboard.press('0');
    await expect.poll(() => zoomLevel(page)).toBe(100);
    await expect.poll(() => new URL(page.url()).hash).toBe('');
  });

  it("shows an article's clipping of the page, which opens the page zoomed to it", async () => {
    const { page, errors } = await open('/zunyi-daily/2023-01-17/03/02/');
    const [record] = (await records(page)).filter((r) => r.seq === 2);
    const region = record!.regions![0]!;
    const link = page.locator('figure.original a');
    expect(await link.innerText()).toContain('原版');
    const img = link.locator('img');
    await img.evaluate((el: HTMLImageElement) => el.decode());
    // the part of the page in the clipping is the item's region (give or take its margin)
    const [clip, picture] = [(await link.locator('.clip').boundingBox())!, (await img.boundingBox())!];
    const scale = record!.scan!.width / picture.width;
    const shown = { x: (clip.x - picture.x) * scale, y: (clip.y - picture.y) * scale, w: clip.width * scale, h: clip.height * scale };
    expect(Math.abs(shown.x - region.x)).toBeLessThan(region.w * 0.05);
    expect(Math.abs(shown.y - region.y)).toBeLessThan(region.h * 0.05);
    expect(Math.abs(shown.w - region.w)).toBeLessThan(region.w * 0.1);

    await link.click();
    await page.waitForURL(/\/zunyi-daily\/2023-01-17\/03\/#xywh=\d+,\d+,\d+,\d+$/u);
    await expect.poll(() => zoomLevel(page)).toBeGreaterThan(150);
    const frame = (await page.locator('.scan-frame').boundingBox())!;
    const item = (await page.locator('svg.scan-regions a[data-seq="2"]').boundingBox())!;
    expect(item.x).toBeGreaterThanOrEqual(frame.x - 1);
    expect(item.y).toBeGreaterThanOrEqual(frame.y - 1);
    expect(item.x + item.width).toBeLessThanOrEqual(frame.x + frame.width + 1);
    expect(item.y + item.height).toBeLessThanOrEqual(frame.y + frame.height + 1);
    expect(errors).toEqual([]);
  });

  it('follows a search result to its page with the words of the hits marked', async () => {
    const { page, errors } = await open(`/search/?q=${encodeURIComponent('疫情防控')}`);
    await page.locator('#search-results li').first().waitFor({ timeout: 15_000 });
    await page.locator('#search-results a.result-page').first().click();
    await page.waitForURL(/\/zunyi-daily\/2023-01-17\/03\/\?hl=/u);
    const status = page.locator('.scan-status');
    await expect.poll(() => status.innerText()).toMatch(/^版面上标出“疫情防控” \d+ 处。$/u);
    // as many as the page's text holds, counted here from the open data
    const all = await records(page);
    const printed = all.map((r) => [r.kicker, r.title, r.subtitle, r.text.replace(/\n/gu, '')].join('\n'));
    const expected = printed.reduce((n, text) => n + text.split('疫情防控').length - 1, 0);
    expect(expected).toBeGreaterThan(2);
    expect(Number(/(\d+) 处/u.exec(await status.innerText())![1])).toBe(expected);
    // each mark lies in the region of an item whose text holds the term
    const marks = await page.locator('.scan-hits rect').evaluateAll((rects) => rects.map((r) => ['x', 'y', 'width', 'height'].map((name) => Number(r.getAttribute(name)))));
    expect(marks.length).toBeGreaterThanOrEqual(expected);
    const holders = all.filter((_, i) => printed[i]!.includes('疫情防控')).flatMap((r) => r.regions!);
    for (const [x, y, w, h] of marks) {
      expect(holders.some((box) => x! >= box.x && y! >= box.y && x! + w! <= box.x + box.w && y! + h! <= box.y + box.h)).toBe(true);
    }
    expect(errors).toEqual([]);
  });

  it('keeps the 版面 route under 60 KB of HTML, CSS and JavaScript, and its first image under 250 KB on a phone', async () => {
    const weigh = async (ctx: BrowserContext) => {
      const page = await ctx.newPage();
      const bytes: Array<{ type: string; size: number }> = [];
      page.on('response', async (response) => {
        try {
          bytes.push({ type: response.request().resourceType(), size: (await response.body()).length });
        } catch {
          // redirects have no body
        }
      });
      await page.goto(`${baseUrl}${PAGE}`, { waitUntil: 'networkidle' });
      await page.close();
      const sum = (...types: string[]) => bytes.filter((b) => types.includes(b.type)).reduce((n, b) => n + b.size, 0);
      return { core: sum('document', 'stylesheet', 'script'), images: sum('image'), count: bytes.length };
    };
    const desktop = await weigh(context);
    expect(desktop.core).toBeLessThan(60 * 1024);
    for (const deviceScaleFactor of [2, 3]) {
      const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor, isMobile: true, hasTouch: true });
      const weighed = await weigh(phone);
      expect(weighed.images).toBeGreaterThan(20 * 1024);
      expect(weighed.images).toBeLessThan(250 * 1024);
      expect(weighed.core).toBeLessThan(60 * 1024);
      await phone.close();
    }
  });

  it('tells a touch screen about gestures and a desktop about keys', async () => {
    const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const onPhone = (await open(PAGE, phone)).page;
    await expect(onPhone.locator('.scan-help').innerText()).resolves.toMatch(/双指/u);
    await expect(onPhone.locator('.scan-help').innerText()).resolves.not.toMatch(/键/u);
    await phone.close();
    const onDesk = (await open(PAGE)).page;
    await expect(onDesk.locator('.scan-help').innerText()).resolves.toMatch(/\+、- 键缩放/u);
    await expect(onDesk.locator('.scan-help').innerText()).resolves.not.toMatch(/双指/u);
    await onDesk.close();
  });

  it('has no axe-core violations on the 版面 view and the zoomed view, light and dark', async () => {
    const found: Record<string, string[]> = {};
    for (const scheme of ['light', 'dark'] as const) {
      const ctx = await browser.newContext({ colorScheme: scheme, viewport: { width: 1280, height: 900 } });
      const page = await ctx.newPage();
      await page.goto(`${baseUrl}${PAGE}?hl=${encodeURIComponent('文明实践')}`, { waitUntil: 'networkidle' });
      await page.locator('.scan-hits rect').first().waitFor();
      let violations = await axeViolations(page);
      if (violations.length > 0) found[`${scheme} page`] = violations;
      await page.locator('.scan-in').click();
      await page.locator('.scan-in').click();
      await page.locator('svg.scan-regions a').nth(1).hover();
      await page.waitForLoadState('networkidle');
      violations = await axeViolations(page);
      if (violations.length > 0) found[`${scheme} zoomed`] = violations;
      await ctx.close();
    }
    expect(found).toEqual({});
  });

  it('serves researchers the IIIF manifest, its level-0 images, the master with its checksum and the regions', async () => {
    const page = await context.newPage();
    const get = (url: string) => page.request.get(`${baseUrl}${new URL(url, baseUrl).pathname}`);
    const issue = await (await page.request.get(`${baseUrl}${ISSUE}issue.json`)).json();
    expect(issue.manifest).toMatch(/\/zunyi-daily\/2023-01-17\/manifest\.json$/u);
    const manifest = await (await get(issue.manifest)).json();
    expect(manifest.type).toBe('Manifest');
    const canvas = manifest.items[0];
    const service = canvas.items[0].items[0].body.service[0];
    const info = await (await get(`${service.id}/info.json`)).json();
    expect(info).toMatchObject({ id: service.id, type: 'ImageService3', profile: 'level0', width: canvas.width, height: canvas.height });
    // every size it lists and every tile of its pyramid is there, at its size
    for (const size of info.sizes) {
      const response = await get(`${service.id}/full/${size.width},${size.height}/0/default.jpg`);
      expect(response.status()).toBe(200);
      const meta = await sharp(await response.body()).metadata();
      expect([meta.width, meta.height]).toEqual([size.width, size.height]);
    }
    const [tile] = info.tiles;
    for (const scale of tile.scaleFactors) {
      const span = tile.width * scale;
      if (span >= Math.max(info.width, info.height)) continue;
      const w = Math.min(span, info.width - span);
      const h = Math.min(span, info.height);
      const response = await get(`${service.id}/${span},0,${w},${h}/${Math.ceil(w / scale)},${Math.ceil(h / scale)}/0/default.jpg`);
      expect(response.status()).toBe(200);
    }
    // the download is the master, whose checksum the manifest and the open data give
    const master = await (await get(canvas.rendering[0].id)).body();
    const sha = createHash('sha256').update(master).digest('hex');
    expect(canvas.metadata[0].value.none).toEqual([sha]);
    expect(issue.pages[0].scan).toMatchObject({ sha256: sha, width: canvas.width, height: canvas.height, bytes: master.length });
    // article.json and the issue JSON carry the regions, on the scan's pixels
    const all = await records(page);
    expect(all.map((r) => r.regions!.length)).toEqual([1, 1, 1, 1, 1]);
    expect(issue.pages[0].articles.map((a: { regions: Region[] }) => a.regions)).toEqual(all.map((r) => r.regions));
    for (const region of all.flatMap((r) => r.regions!)) {
      expect(region.x + region.w).toBeLessThanOrEqual(canvas.width);
      expect(region.y + region.h).toBeLessThanOrEqual(canvas.height);
    }
    // and the manifest's annotations say the same
    expect(canvas.annotations[0].items.map((a: { target: string }) => a.target.replace(/^.*#xywh=/u, ''))).toEqual(all.map((r) => Object.values(r.regions![0]!).join(',')));
    await page.close();
  });
});
