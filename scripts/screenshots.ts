#!/usr/bin/env node
/**
 * Screenshots of the built site for review: the article page on a phone and on a desktop, in
 * light and dark, the article's page (its 版面 view when the page has a scan), and the other page types. They are build outputs (screenshots/ is ignored by
 * git), made from dist/ with Debian's Chromium.
 *
 *   npm run screenshots [-- --dist dist] [--out screenshots] [--article /paper/date/page/nn/] [--build]
 *
 * Without --article, the first article with a photo is shown (else the longest one). The site
 * is built first when dist/ has no index.html, or with --build.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { readBuiltCorpus } from '../src/io/corpus-files.ts';
import type { ArticleRecord } from '../src/lib/open-data.ts';
import { paths } from '../src/lib/paths.ts';
import { launchBrowser } from '../src/io/browser.ts';
import { serveStatic } from '../src/io/static-server.ts';
import { runCommand } from '../src/io/cli.ts';

const ROOT = resolve(import.meta.dirname, '..');

const VIEWPORTS = {
  phone: { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true },
  desktop: { viewport: { width: 1280, height: 900 }, deviceScaleFactor: 1, isMobile: false, hasTouch: false },
} as const;

/** The article to show: the one given, else the first with a photo, else the longest. */
function pickArticle(dist: string, given: string | undefined): { article: string; record: ArticleRecord | undefined } {
  const { records } = readBuiltCorpus(dist);
  if (given) return { article: given, record: records.find((r) => new URL(r.url).pathname === given) };
  const record = records.find((r) => r.photos.length > 0) ?? [...records].sort((a, b) => b.text.length - a.text.length)[0];
  if (!record) throw new Error(`[screenshots] the corpus of ${relative(process.cwd(), dist) || '.'} holds no article: import an issue and build first`);
  return { article: new URL(record.url).pathname, record };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      dist: { type: 'string', default: 'dist' },
      out: { type: 'string', default: 'screenshots' },
      article: { type: 'string' },
      build: { type: 'boolean', default: false },
    },
  });
  const dist = resolve(values.dist);
  const out = resolve(values.out);
  if (values.build || !existsSync(join(dist, 'index.html'))) {
    console.error(`[screenshots] building the site into ${relative(process.cwd(), dist) || '.'}`);
    const built = spawnSync(process.execPath, [join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build', '--outDir', dist], { cwd: ROOT, stdio: 'inherit' });
    if (built.status !== 0) throw new Error('[screenshots] astro build failed');
  }
  const fonts = spawnSync('fc-list', [':lang=zh', 'family'], { encoding: 'utf8' });
  if (fonts.status === 0 && fonts.stdout.trim() === '') {
    console.error('[screenshots] no Chinese font is installed: text will show as boxes. On Debian: apt-get install fonts-noto-cjk');
  }
  const { article, record } = pickArticle(dist, values.article);
  const shots: Array<{ name: string; path: string; viewport: keyof typeof VIEWPORTS; scheme: 'light' | 'dark' }> = [
    { name: 'article', path: article, viewport: 'phone', scheme: 'light' },
    { name: 'article', path: article, viewport: 'desktop', scheme: 'light' },
    { name: 'article', path: article, viewport: 'phone', scheme: 'dark' },
    { name: 'article', path: article, viewport: 'desktop', scheme: 'dark' },
    { name: 'home', path: '/', viewport: 'desktop', scheme: 'light' },
    { name: 'home', path: '/', viewport: 'phone', scheme: 'light' },
    ...(record
      ? [
          { name: 'year', path: `/${record.paper}/${record.date.slice(0, 4)}/`, viewport: 'desktop' as const, scheme: 'light' as const },
          { name: 'issue', path: `/${record.paper}/${record.date}/`, viewport: 'desktop' as const, scheme: 'light' as const },
          { name: 'issue', path: `/${record.paper}/${record.date}/`, viewport: 'phone' as const, scheme: 'light' as const },
          // the 版面 view (the page's scan beside or above its items, when it has one)
          { name: 'page', path: paths.page(record.paper, record.date, record.page), viewport: 'desktop' as const, scheme: 'light' as const },
          { name: 'page', path: paths.page(record.paper, record.date, record.page), viewport: 'phone' as const, scheme: 'light' as const },
          { name: 'page', path: paths.page(record.paper, record.date, record.page), viewport: 'desktop' as const, scheme: 'dark' as const },
        ]
      : []),
    { name: 'data', path: '/data/', viewport: 'desktop', scheme: 'light' },
  ];

  mkdirSync(out, { recursive: true });
  const server = await serveStatic(dist);
  const browser = await launchBrowser();
  try {
    for (const shot of shots) {
      const context = await browser.newContext({ ...VIEWPORTS[shot.viewport], colorScheme: shot.scheme });
      const page = await context.newPage();
      const response = await page.goto(`${server.url}${shot.path}`, { waitUntil: 'networkidle' });
      if (!response?.ok()) throw new Error(`[screenshots] ${shot.path} answered ${response?.status()}: is it part of the build?`);
      // lazy images below the fold: scroll through once so that the full page shows them
      await page.evaluate(async () => {
        for (let y = 0; y < document.body.scrollHeight; y += window.innerHeight) {
          window.scrollTo(0, y);
          await new Promise((done) => setTimeout(done, 50));
        }
        window.scrollTo(0, 0);
      });
      await page.waitForLoadState('networkidle');
      const file = join(out, `${shot.name}-${shot.viewport}${shot.scheme === 'dark' ? '-dark' : ''}.png`);
      await page.screenshot({ path: file, fullPage: true });
      console.log(`${relative(process.cwd(), file)}  ${shot.path}  ${Math.round(statSync(file).size / 1024)} KB`);
      await context.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
}

if (import.meta.main) runCommand(main);
