import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { horizontalOverflow, lineProblems, textLinesOf } from '../support/layout.ts';
import { launchBrowser } from '../../src/io/browser.ts';

/**
 * The reading room on a small phone (320 px), a common one (390 px) and a desktop (1366 px), on
 * the bundled archive: nothing scrolls sideways, headlines break where print breaks them, what
 * an editor estimated says so wherever it is cited, the dark toggle shows its state, and the
 * empty states (a photo item without its image, a year of one issue) are designed, not broken.
 */
const ARTICLE = '/zunyi-daily/2023-01-17/03/01/';
const PHOTO_ITEM = '/zunyi-daily/2023-01-17/03/02/';
const PAGE_TYPES = ['/', '/zunyi-daily/', '/zunyi-daily/2023/', '/zunyi-daily/2023-01-17/', '/zunyi-daily/2023-01-17/03/', ARTICLE, PHOTO_ITEM, '/search/?q=疫情防控', '/data/', '/no-such-page/'];
/** The sample's estimate, as content/zunyi-daily/2023-01-17/issue.yml records it. */
const ESTIMATED = { date: true, pages: true };
const WIDTHS = [320, 390, 1366] as const;

const device = (width: number) =>
  width < 600 ? { viewport: { width, height: 800 }, isMobile: true, hasTouch: true } : { viewport: { width, height: 900 }, isMobile: false, hasTouch: false };

describe('reading room on phones and desktops', () => {
  const baseUrl = inject('baseUrl');
  let browser: Browser;
  const contexts = new Map<number, BrowserContext>();
  /** Measured once per page type and width, asserted by the tests below. */
  const measured: Array<{ width: number; path: string; overflow: Awaited<ReturnType<typeof horizontalOverflow>>; headings: string[][]; title: string[]; cards: string[][] }> = [];

  beforeAll(async () => {
    browser = await launchBrowser();
    for (const width of WIDTHS) contexts.set(width, await browser.newContext(device(width)));
    for (const width of WIDTHS) {
      const page = await contexts.get(width)!.newPage();
      for (const path of PAGE_TYPES) {
        await page.goto(`${baseUrl}${path}`);
        if (path.startsWith('/search/')) await page.locator('#search-results li').first().waitFor({ timeout: 15_000 });
        measured.push({
          width,
          path,
          overflow: await horizontalOverflow(page),
          headings: await textLinesOf(page, 'main :is(h1, h2, h3, .headline, .subtitle, .card-list p)'),
          title: path === ARTICLE ? ((await textLinesOf(page, 'h1'))[0] ?? []) : [],
          cards: await textLinesOf(page, '.card-list .headline a'),
        });
      }
      await page.close();
    }
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
  });

  async function open(width: number, path: string): Promise<Page> {
    const page = await contexts.get(width)!.newPage();
    await page.goto(`${baseUrl}${path}`);
    return page;
  }

  it('fits every page type into 320, 390 and 1366 px without sideways scrolling', () => {
    expect(measured).toHaveLength(WIDTHS.length * PAGE_TYPES.length);
    const overflow = measured.filter(({ overflow }) => overflow.scrollWidth > overflow.width || overflow.outside.length > 0).map(({ width, path, overflow }) => ({ viewport: width, path, ...overflow }));
    expect(overflow).toEqual([]);
  });

  it('sets headings and cards without a lone last character or a line starting with closing punctuation or a middle dot', () => {
    const problems = measured.flatMap(({ width, path, headings }) => headings.flatMap(lineProblems).map((problem) => `${width} ${path}: ${problem}`));
    expect(problems).toEqual([]);
    expect(measured.every(({ headings }) => headings.length > 0)).toBe(true);
  });

  it('breaks the two-part headline at its printed space, on the article and on the cards of its page', () => {
    for (const width of WIDTHS) {
      const { title } = measured.find((m) => m.width === width && m.path === ARTICLE)!;
      expect(title, `${width} px`).toEqual(width < 600 ? ['志愿服务聚合力', '文明实践谱新篇'] : ['志愿服务聚合力 文明实践谱新篇']);
      // a card breaks it at the space too, if it breaks at all
      const card = measured.find((m) => m.width === width && m.path === '/zunyi-daily/2023-01-17/03/')!.cards[0]!;
      for (const line of card) expect(['志愿服务聚合力', '文明实践谱新篇', '志愿服务聚合力 文明实践谱新篇'], `${width} px`).toContain(line);
    }
  });

  it('keeps the headline text as printed, whatever the spans that set it', async () => {
    const page = await open(320, ARTICLE);
    expect(await page.locator('h1').textContent()).toBe('志愿服务聚合力 文明实践谱新篇');
    await page.close();
  });

  it('says on the article and its page that the date and page are estimated, and marks them in the citation and the files', async () => {
    const page = await open(1366, ARTICLE);
    const note = page.locator('article [role=note][data-estimated]');
    expect(await note.getAttribute('data-estimated')).toBe('date pages');
    expect(await note.innerText()).toContain('出版日期和版次系编者推定');
    expect(await page.locator('.article-header .source').innerText()).toMatch(/星期二（推定）[\s\S]*第3版（推定）/u);

    const panel = page.getByRole('region', { name: '引用与下载' });
    const cited = '张婷. 志愿服务聚合力 文明实践谱新篇[N]. 遵义日报, [2023-01-17]([3]).';
    expect(await panel.locator('#cite-gbt').innerText()).toBe(cited);
    expect(await panel.locator('#cite-gbt-online').innerText()).toMatch(/遵义日报, \[2023-01-17\]\(\[3\]\)\[\d{4}-\d{2}-\d{2}\]\. /u);
    expect(await panel.locator('.cite-note').innerText()).toContain('出版日期和版次系编者推定');

    const file = async (name: string) => page.request.get(new URL((await panel.getByRole('link', { name, exact: true }).getAttribute('href'))!, baseUrl).href);
    const record = await (await file('JSON')).json();
    expect(record.estimated).toMatchObject(ESTIMATED);
    expect(record.estimated.note).toMatch(/\S/u);
    expect(record.citation).toBe(cited);
    expect(record.rights.text).toContain('遵义日报社');
    const csl = await (await file('CSL-JSON')).json();
    expect(csl[0].issued).toEqual({ 'date-parts': [[2023, 1, 17]], circa: true });
    expect(csl[0].note).toContain('编者推定');
    expect(await (await file('BibTeX')).text()).toMatch(/note\s+= \{出版日期和版次系编者推定/u);
    expect((await (await file('RIS')).text()).split('\r\n')).toContain('N1  - 出版日期和版次系编者推定，原件未印出或未能识别。');
    expect(await (await file('纯文本')).text()).toContain(`${cited}\n出版日期和版次系编者推定`);
    // the rights of the text, on the page and in the record alike
    expect(await panel.locator('.rights').innerText()).toContain(record.rights.text);

    // the page (版面) and the corpus line say it too
    const pageView = await open(1366, '/zunyi-daily/2023-01-17/03/');
    expect(await pageView.locator('[role=note][data-estimated]').getAttribute('data-estimated')).toBe('date pages');
    const corpus = await (await page.request.get(`${baseUrl}/data/zunyi-daily/2023.jsonl`)).text();
    const line = corpus.split('\n').map((text) => (text ? JSON.parse(text) : null)).find((entry) => entry?.id === record.id);
    expect(line.estimated).toEqual(record.estimated);
    await page.close();
    await pageView.close();
  });

  it('shows the dark toggle state in its label and aria-pressed, its name unchanged', async () => {
    const page = await open(390, '/');
    const toggle = page.getByRole('button', { name: '深色', exact: true });
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');
    expect(await toggle.innerText()).toBe('深色：关');
    await toggle.click();
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    expect(await toggle.innerText()).toBe('深色：开');
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    await toggle.click();
    expect(await toggle.innerText()).toBe('深色：关');
    await page.close();
  });

  it('shows a photo item without its image as its caption with a small mark, not an empty box', async () => {
    const page = await open(390, PHOTO_ITEM);
    const figure = page.locator('figure.photo');
    expect(await figure.locator('img').count()).toBe(0);
    const mark = figure.getByRole('img', { name: /^图片未收录：/u });
    expect(await mark.innerText()).toBe('图片未收录');
    const box = (await mark.boundingBox())!;
    expect(box.height).toBeLessThan(32);
    expect(await figure.locator('figcaption').innerText()).toContain('图为1月15日');
    const dashed = await figure.evaluate((el) => [el, ...el.querySelectorAll('*')].some((node) => getComputedStyle(node).borderTopStyle === 'dashed'));
    expect(dashed).toBe(false);
    await page.close();
  });

  it('draws only the months that hold something of a one-issue year on a phone, all twelve on a desktop; no keyboard help for touch', async () => {
    const phone = await open(390, '/zunyi-daily/2023/');
    const visible = (page: Page) => page.locator('table.calendar').evaluateAll((tables) => tables.filter((table) => (table as HTMLElement).offsetParent !== null).length);
    expect(await visible(phone)).toBe(1);
    expect(await phone.locator('.empty-months').innerText()).toContain('其余 11 个月');
    expect(await phone.locator('#calendar-keys').isVisible()).toBe(false);
    const desktop = await open(1366, '/zunyi-daily/2023/');
    expect(await visible(desktop)).toBe(12);
    expect(await desktop.locator('.empty-months').isVisible()).toBe(false);
    expect(await desktop.locator('#calendar-keys').isVisible()).toBe(true);
    await phone.close();
    await desktop.close();
  });

  it('has a home heading of its own, and links the rest of a page from the latest issue', async () => {
    const page = await open(390, '/');
    expect(await page.locator('h1').innerText()).not.toBe(await page.locator('.site-title').innerText());
    const more = page.locator('.latest-pages').getByRole('link', { name: /^等 5 篇/u });
    expect(await more.getAttribute('href')).toBe('/zunyi-daily/2023-01-17/03/');
    await page.close();
  });
});
