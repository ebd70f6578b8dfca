import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { stringify } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { articleToMdx } from '../../scripts/lib/to-mdx.ts';
import { articleSchema } from '../../src/schemas/article.ts';
import { buildSite, ROOT } from '../../src/io/astro-build.ts';
import { launchBrowser } from '../../src/io/browser.ts';
import { serveStatic, type StaticServer } from '../../src/io/static-server.ts';

/**
 * Hostile text in every place a reader sees it: OCR pages with script tags, event handlers,
 * `javascript:` URLs, `</script>`, MDX-looking `{…}` and `<Component>`, comments, entities, RTL
 * and zero-width tricks, imported with the real CLI; an article file whose headline, kicker,
 * byline, credit and review notes carry the same (a hand edit); a page name and a paper name
 * that close their attribute. One small archive, built once, loaded in Chromium: the article
 * pages, the page (版面), the issue, the paper, the home page, search results, `?q=` and `?hl=`
 * with HTML in them. Every payload calls `__pwned(id)` or loads `/__xss/<id>`: no call, no such
 * request, no dialog and no element with an event handler attribute may appear, and the text
 * the importer parsed (its --json) must show as text.
 */
const PAPER = 'xss-daily';
const DATE = '2023-03-05';
const pwn = (id: string) => `window.__pwned('${id}')`;

/** OCR text of page 1: one article per line group; payloads in the headline and the body. */
const PAGE_1 = [
  `2023年3月5日 星期日 第1版`,
  '',
  `市民热议"><svg onload=${pwn('headline')}>新规`,
  '',
  `本报讯（记者 张婷）<script>${pwn('script')}</script>今天，全市各地开展活动。`,
  '',
  `<img src=/__xss/img onerror="${pwn('img')}">群众纷纷点赞，认为活动很有意义。`,
  '',
  `点击javascript:${pwn('js-text')}查看详情，或访问[链接](javascript:${pwn('md-link')})。`,
  '',
  `正文中有</script><script>${pwn('close-script')}</script>字样。`,
  '',
  `表达式{alert('expr')}与{${pwn('expr')}}均应原样显示。`,
  '',
  `<Component prop={${pwn('jsx')}} />组件也应显示为文字。`,
  '',
  `import x from '/__xss/import'`,
  '',
  `export const a = ${pwn('export')}`,
  '',
  '文字\u202e倒序文本\u202c与零宽\u200b字符\u200d混排，不得改变阅读顺序以外的任何东西。',
  '',
  '老城区供水管网改造完工',
  '',
  `本报讯 <iframe src="javascript:${pwn('iframe')}"></iframe>管网改造工程近日完工。`,
  '',
  `<a href="javascript:${pwn('anchor')}">链接</a>居民用水更加稳定。`,
  '',
  '<style>body{display:none}</style>样式标签不得生效。',
  '',
  `<details open ontoggle=${pwn('details')}>细节标签。`,
  '',
  '<!-- 注释 -->注释也是文字。',
  '',
  `&lt;script&gt;${pwn('entity')}&lt;/script&gt;实体保持原样。`,
  '',
  `\${${pwn('template')}}模板字符串。`,
  '',
  `![图](javascript:${pwn('md-image')})图片语法。`,
  '',
  `<svg><script>${pwn('svg-script')}</script></svg>矢量图。`,
  '',
  `<math><mi xlink:href="javascript:${pwn('math')}">数学</mi></math>公式。`,
  '',
  `<noscript><p title="</noscript><img src=/__xss/noscript onerror=${pwn('noscript')}>">变异。`,
  '',
  `<base href="javascript:${pwn('base')}//"><meta http-equiv="refresh" content="0;url=javascript:${pwn('meta')}">元素。`,
  '',
  `<input autofocus onfocus=${pwn('autofocus')}>输入框。`,
].join('\n');

/** Page 2: a photo item whose caption carries a payload. */
const PAGE_2 = [
  '2023年3月5日 星期日 第2版',
  '',
  `图为<img src=/__xss/caption onerror=${pwn('caption')}>群众在广场参加活动。`,
  '',
  '（记者 王芳 摄）',
].join('\n');

/** Written as a hand-edited article: every front matter field a reader sees. */
const HAND_EDITED = articleToMdx(
  articleSchema.parse({
    kind: 'article',
    kicker: `<script>${pwn('kicker')}</script>引题`,
    title: `"><svg onload=${pwn('title')}>'><img src=/__xss/title>标题`,
    subtitle: `javascript:${pwn('subtitle')}`,
    column: `</title><script>${pwn('column')}</script>`,
    dateline: `{${pwn('dateline')}}电`,
    reporters: [`<img src=/__xss/r onerror=__pwned(1)>`],
    correspondents: ['"><b onmouseover=__pwned(2)>'],
    credit: `（<img src=/__xss/credit>摄）`,
    continuation: `下转第<script>${pwn('continuation')}</script>版`,
    problems: [
      {
        code: 'ocr-suspect',
        line: 1,
        message: `<img src=/__xss/problem onerror=${pwn('problem')}>`,
        excerpt: `</script><script>${pwn('excerpt')}</script>`,
        suggestion: `"><svg onload=${pwn('suggestion')}>`,
      },
    ],
  }),
  [`手工编辑的正文<img src=/__xss/body onerror=${pwn('body')}>与{${pwn('body-expr')}}。`, '第二段：全市各地开展活动。'],
);

interface ParsedItem {
  id: string;
  title: string | null;
  paragraphs: string[];
  caption: string | null;
}

/** Whitespace as the browser's innerText may lay it out: compared without it. */
const squash = (text: string) => text.replace(/\s+/gu, '');

describe('hostile text shows as text and runs nowhere', () => {
  const work = resolve(ROOT, `.cache/e2e/injection-${process.pid}`);
  let server: StaticServer;
  let browser: Browser;
  let context: BrowserContext;
  let items: ParsedItem[];
  /** Everything a payload did: calls of __pwned, dialogs, requests for /__xss/. */
  const hits: string[] = [];

  beforeAll(async () => {
    rmSync(work, { recursive: true, force: true });
    const content = join(work, 'content');
    mkdirSync(join(content, 'papers'), { recursive: true });
    writeFileSync(join(content, 'papers', `${PAPER}.yml`), stringify({ name: `测试日报</title><script>${pwn('paper')}</script>`, place: `"><img src=/__xss/place>某市` }));
    const folder = join(work, 'import');
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, '01.txt'), PAGE_1);
    writeFileSync(join(folder, '02.txt'), PAGE_2);
    writeFileSync(
      join(folder, 'issue.yml'),
      stringify({ paper: PAPER, date: DATE, pages: [{ number: 1, name: `"><svg onload=${pwn('page-name')}>要闻` }, { number: 2, name: `<script>${pwn('page-2')}</script>` }] }),
    );
    const imported = spawnSync(process.execPath, [resolve(ROOT, 'scripts/import.ts'), folder, '--content', content, '--json'], { cwd: ROOT, encoding: 'utf8' });
    if (imported.status !== 0) throw new Error(`import failed (${imported.status}):\n${imported.stderr}`);
    items = (JSON.parse(imported.stdout) as { pages: Array<{ articles: ParsedItem[] }> }).pages.flatMap((page) => page.articles);
    // page 3 is not in issue.yml: the site lists a page that holds articles anyway
    mkdirSync(join(content, PAPER, DATE, '03'), { recursive: true });
    writeFileSync(join(content, PAPER, DATE, '03', '01.mdx'), HAND_EDITED);

    await buildSite({ contentDir: content, outDir: join(work, 'dist'), astroCache: join(work, 'astro'), photoCache: resolve(ROOT, '.cache/e2e/photos') });
    server = await serveStatic(join(work, 'dist'));
    browser = await launchBrowser();
    context = await browser.newContext();
    await context.exposeFunction('__pwned', (id: string) => hits.push(`call ${id}`));
    context.on('request', (request) => {
      // in the path: a query string of ?q= or ?hl= may name /__xss/ as text
      if (new URL(request.url()).pathname.includes('__xss')) hits.push(`request ${request.url()}`);
    });
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    rmSync(work, { recursive: true, force: true });
  });

  /** Open a page, let its scripts run, and return it with what the payloads did there. */
  async function open(path: string, ready?: (page: Page) => Promise<void>): Promise<Page> {
    // each page answers for itself (pages are opened one at a time)
    hits.length = 0;
    const page = await context.newPage();
    page.on('dialog', (dialog) => {
      hits.push(`dialog ${dialog.message()}`);
      void dialog.dismiss();
    });
    const response = await page.goto(`${server.url}${path}`);
    expect(response?.status(), path).toBe(200);
    await page.waitForLoadState('load');
    await ready?.(page);
    return page;
  }

  /** Elements that only markup could make: event handler attributes, javascript: URLs, frames. */
  async function injected(page: Page): Promise<string[]> {
    return page.evaluate(() => {
      const found: string[] = [];
      for (const element of document.querySelectorAll('*')) {
        for (const attribute of element.attributes) {
          if (/^on/iu.test(attribute.name)) found.push(`${element.localName}[${attribute.name}]`);
          if (/^\s*javascript:/iu.test(attribute.value)) found.push(`${element.localName}[${attribute.name}=${attribute.value}]`);
        }
      }
      // elements of the payloads that the site itself never uses
      for (const selector of ['iframe', 'base', 'meta[http-equiv]', 'details[open][ontoggle]', 'math', 'noscript img', 'input[onfocus]', 'svg[onload]', 'img[src*="__xss"]']) {
        if (document.querySelector(selector)) found.push(selector);
      }
      for (const script of document.querySelectorAll('script')) {
        if (!script.textContent?.includes('__pwned')) continue;
        // the article's structured data holds its headline: as JSON that did not break out of its element
        if (script.type === 'application/ld+json') {
          try {
            JSON.parse(script.textContent);
            continue;
          } catch {
            found.push('structured data broken by a payload');
          }
        } else found.push('script with a payload');
      }
      return found;
    });
  }

  async function expectInert(page: Page): Promise<void> {
    // a payload could run late (onload of an image, a timer): the page is idle once the network is
    await page.waitForLoadState('networkidle');
    expect(await injected(page), page.url()).toEqual([]);
    expect(hits, page.url()).toEqual([]);
  }

  const articlePath = (id: string) => `/${id}/`;

  it('imported the payloads as text (the importer kept them, so the site is what is tested)', () => {
    const text = items.flatMap((item) => [item.title ?? '', item.caption ?? '', ...item.paragraphs]).join('\n');
    // (zero-width characters are dropped by the importer, as the README says; RTL marks are kept)
    for (const payload of ['<script>', '</script><script>', '<img src=/__xss/img onerror=', '{alert(', '<Component prop={', 'javascript:', '<iframe', '\u202e', '<svg onload=', '<!--']) {
      expect(text).toContain(payload);
    }
    expect(items.length).toBeGreaterThanOrEqual(3);
  });

  it('article pages show every payload as text and run none', async () => {
    for (const item of items) {
      const page = await open(articlePath(item.id));
      const body = squash(await page.locator('[data-pagefind-body]').innerText());
      for (const text of [item.title, item.caption, ...item.paragraphs]) if (text) expect(body, item.id).toContain(squash(text));
      await expectInert(page);
      await page.close();
    }
  });

  it('a hand-edited article with payloads in every front matter field runs none and shows them as text', async () => {
    const page = await open(`/${PAPER}/${DATE}/03/01/`);
    const body = await page.locator('main').innerText();
    expect(body).toContain(`"><svg onload=${pwn('title')}>'><img src=/__xss/title>标题`);
    expect(body).toContain(`<script>${pwn('kicker')}</script>引题`);
    expect(body).toContain(`手工编辑的正文<img src=/__xss/body onerror=${pwn('body')}>与{${pwn('body-expr')}}。`);
    expect(await page.title()).toContain(`"><svg onload=${pwn('title')}>`);
    await expectInert(page);
    await page.close();
  });

  it('the page (版面), the issue, the paper and the home page list the headlines as text', async () => {
    for (const path of [`/${PAPER}/${DATE}/01/`, `/${PAPER}/${DATE}/02/`, `/${PAPER}/${DATE}/03/`, `/${PAPER}/${DATE}/`, `/${PAPER}/`, '/']) {
      const page = await open(path);
      await expectInert(page);
      if (path.endsWith('/01/')) {
        const text = squash(await page.locator('main').innerText());
        for (const item of items.filter((i) => i.id.includes('/01/') && i.title)) expect(text).toContain(squash(item.title!));
        expect(text).toContain(squash(`"><svg onload=${pwn('page-name')}>要闻`));
      }
      await page.close();
    }
  });

  it('search results show payload headlines and excerpts as text', async () => {
    const settled = async (page: Page) => {
      await expect.poll(() => page.locator('#search-status').innerText(), { timeout: 20_000 }).toMatch(/找到|没有找到|无法加载/u);
    };
    const page = await open(`/search/?q=${encodeURIComponent('全市各地开展活动')}`, settled);
    expect(await page.locator('#search-status').innerText()).toContain('找到');
    const titles = await page.locator('#search-results h2 a').allInnerTexts();
    expect(titles).toEqual(expect.arrayContaining([items[0]!.title]));
    expect(titles.some((title) => title.includes(`"><svg onload=${pwn('title')}>`))).toBe(true);
    await expectInert(page);
    // following a result opens the article with ?hl=: the marks wrap text, nothing else
    await page.locator('#search-results h2 a').first().click();
    await page.waitForLoadState('networkidle');
    expect(await page.locator('mark.search-hit').count()).toBeGreaterThan(0);
    await expectInert(page);
    await page.close();

    // a query that is HTML: shown in the box as typed, run nowhere
    const query = `<img src=/__xss/q onerror=${pwn('q')}>"><script>${pwn('q2')}</script>`;
    const html = await open(`/search/?q=${encodeURIComponent(query)}`, settled);
    expect(await html.getByRole('searchbox').inputValue()).toBe(query);
    await expectInert(html);
    await html.close();
  });

  it('?hl= with HTML marks the matching text and runs nothing', async () => {
    const first = items[0]!;
    const scriptText = first.paragraphs.find((p) => p.includes('<script>'))!;
    const term = /<script>[^<]*<\/script>/u.exec(scriptText)![0];
    for (const hl of [term, `<img src=/__xss/hl onerror=${pwn('hl')}>`, `"><svg onload=${pwn('hl-svg')}>`]) {
      const page = await open(`${articlePath(first.id)}?hl=${encodeURIComponent(hl)}`);
      if (hl === term) expect(await page.locator('mark.search-hit').allInnerTexts()).toEqual([term]);
      await expectInert(page);
      await page.close();
    }
  });
});
