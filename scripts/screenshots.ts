#!/usr/bin/env node
/**
 * Screenshots of the built site for review: every page type and every state the reading room
 * designs for (a two-part headline, an estimated date, a photo item without its image, a year
 * of one issue, a paper without issues, the dark toggle off and on), on a small phone (320 px),
 * a common phone (390 px) and a desktop (1366 px), light, and the article, its page (the 版面
 * view when the page has a scan) and the home page dark.
 * They are build outputs (screenshots/ is ignored by git), made from dist/ with Debian's Chromium.
 *
 *   npm run screenshots [-- --dist dist] [--out screenshots] [--article /paper/date/page/nn/] [--build]
 *
 * The pages are picked from the build's corpus (src/lib/review-pages.ts); a state the archive
 * lacks is skipped (the e2e fixture archive has them all). The site is built first when dist/
 * has no index.html, or with --build.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Page } from 'playwright-core';
import { readBuiltCorpus } from '../src/io/corpus-files.ts';
import { reviewPages } from '../src/lib/review-pages.ts';
import { launchBrowser } from '../src/io/browser.ts';
import { serveStatic } from '../src/io/static-server.ts';
import { runCommand } from '../src/io/cli.ts';

const ROOT = resolve(import.meta.dirname, '..');

const VIEWPORTS = {
  'phone-320': { viewport: { width: 320, height: 640 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true },
  phone: { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true },
  desktop: { viewport: { width: 1366, height: 900 }, deviceScaleFactor: 1, isMobile: false, hasTouch: false },
} as const;
type Viewport = keyof typeof VIEWPORTS;

interface Shot {
  name: string;
  path: string;
  viewport: Viewport;
  scheme: 'light' | 'dark';
  /** Only the site's header, after clicking the dark toggle this many times. */
  toggle?: number;
}

/** Scroll through once so that lazy images below the fold show in a full-page shot. */
async function loadLazyImages(page: Page): Promise<void> {
  await page.evaluate(async () => {
    for (let y = 0; y < document.body.scrollHeight; y += window.innerHeight) {
      window.scrollTo(0, y);
      await new Promise((done) => setTimeout(done, 50));
    }
    window.scrollTo(0, 0);
  });
  await page.waitForLoadState('networkidle');
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
  const { manifest, records } = readBuiltCorpus(dist);
  if (records.length === 0) console.error(`[screenshots] the corpus of ${relative(process.cwd(), dist) || '.'} holds no article: only the pages without one are shown`);
  const pages = reviewPages(manifest, records, { article: values.article });
  const shots: Shot[] = [
    ...pages.flatMap((page) => (['phone-320', 'phone', 'desktop'] as const).map((viewport): Shot => ({ name: page.name, path: page.path, viewport, scheme: 'light' }))),
    ...pages
      .filter((page) => ['article', 'page', 'home'].includes(page.name))
      .flatMap((page) => (['phone', 'desktop'] as const).map((viewport): Shot => ({ name: page.name, path: page.path, viewport, scheme: 'dark' }))),
    { name: 'toggle-off', path: '/', viewport: 'phone', scheme: 'light', toggle: 0 },
    { name: 'toggle-on', path: '/', viewport: 'phone', scheme: 'light', toggle: 1 },
  ];

  mkdirSync(out, { recursive: true });
  const server = await serveStatic(dist);
  const browser = await launchBrowser();
  try {
    for (const page of pages) console.log(`${page.name.padEnd(18)} ${page.path}  ${page.what}`);
    for (const shot of shots) {
      const context = await browser.newContext({ ...VIEWPORTS[shot.viewport], colorScheme: shot.scheme });
      const page = await context.newPage();
      const response = await page.goto(`${server.url}${shot.path}`, { waitUntil: 'networkidle' });
      if (!response?.ok()) throw new Error(`[screenshots] ${shot.path} answered ${response?.status()}: is it part of the build?`);
      if (shot.path.startsWith('/search/')) await page.locator('#search-results li, #search-status:not(:empty)').first().waitFor({ timeout: 15_000 });
      const file = join(out, `${shot.name}-${shot.viewport}${shot.scheme === 'dark' ? '-dark' : ''}.png`);
      if (shot.toggle !== undefined) {
        for (let i = 0; i < shot.toggle; i++) await page.locator('.theme-toggle').click();
        await page.locator('.site-header').screenshot({ path: file });
      } else {
        await loadLazyImages(page);
        await page.screenshot({ path: file, fullPage: true });
      }
      console.log(`${relative(process.cwd(), file)}  ${shot.path}  ${Math.round(statSync(file).size / 1024)} KB`);
      await context.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
}

if (import.meta.main) runCommand(main);
