#!/usr/bin/env node
/**
 * What a reader downloads: loads pages of a built site in Chromium and adds up the bytes of
 * each kind (HTML, CSS, JavaScript, images, other), raw and gzipped. By default it measures the
 * home page, a year, an issue, a page view and the largest article page of dist/.
 *
 *   node scripts/page-weight.ts [--dist dist] [path ...]
 *
 * The article budget (HTML + CSS + JS under 50 KB before photos) is asserted by the e2e tests;
 * this prints the numbers behind it.
 */
import { readdirSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { launchBrowser } from '../src/io/browser.ts';
import { serveStatic } from '../src/io/static-server.ts';
import { runCommand } from '../src/io/cli.ts';

type Kind = 'html' | 'css' | 'js' | 'image' | 'other';

function kindOf(resourceType: string): Kind {
  if (resourceType === 'document') return 'html';
  if (resourceType === 'stylesheet') return 'css';
  if (resourceType === 'script') return 'js';
  if (resourceType === 'image') return 'image';
  return 'other';
}

/** The largest index.html at the depth of article pages (/paper/date/page/nn/). */
function largestArticle(dist: string): string | undefined {
  let best: { path: string; size: number } | undefined;
  const walk = (dir: string, depth: number) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory() && depth < 4 && !entry.name.startsWith('_') && entry.name !== 'photos' && entry.name !== 'pagefind') walk(path, depth + 1);
      else if (entry.name === 'index.html' && depth === 4) {
        const size = statSync(path).size;
        if (!best || size > best.size) best = { path, size };
      }
    }
  };
  walk(dist, 0);
  return best && `/${relative(dist, best.path).split(sep).slice(0, -1).join('/')}/`;
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({ options: { dist: { type: 'string', default: 'dist' } }, allowPositionals: true });
  const dist = resolve(values.dist);
  let paths = positionals;
  if (paths.length === 0) {
    const article = largestArticle(dist);
    if (!article) throw new Error(`[page-weight] no article pages in ${dist}: build the site first`);
    const [, paper, date, page] = article.split('/');
    paths = ['/', `/${paper}/${date!.slice(0, 4)}/`, `/${paper}/${date}/`, `/${paper}/${date}/${page}/`, article];
  }
  const server = await serveStatic(dist);
  const browser = await launchBrowser();
  const kinds: Kind[] = ['html', 'css', 'js', 'image', 'other'];
  console.log(['page', ...kinds.map((k) => `${k} KB (gz)`), 'html+css+js KB'].join('\t'));
  try {
    for (const path of paths) {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      const bodies: Array<{ kind: Kind; body: Buffer }> = [];
      page.on('response', async (response) => {
        try {
          bodies.push({ kind: kindOf(response.request().resourceType()), body: await response.body() });
        } catch {
          // redirects have no body
        }
      });
      await page.goto(`${server.url}${path}`, { waitUntil: 'networkidle' });
      await page.close();
      const sum = (kind: Kind, zip: boolean) => bodies.filter((b) => b.kind === kind).reduce((n, b) => n + (zip ? gzipSync(b.body).length : b.body.length), 0);
      const kb = (n: number) => (n / 1024).toFixed(1);
      const core = sum('html', false) + sum('css', false) + sum('js', false);
      console.log([path, ...kinds.map((k) => `${kb(sum(k, false))} (${kb(sum(k, true))})`), kb(core)].join('\t'));
    }
  } finally {
    await browser.close();
    await server.close();
  }
}

if (import.meta.main) runCommand(main);
