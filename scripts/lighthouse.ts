#!/usr/bin/env node
/**
 * Lighthouse scores of the built site: performance, accessibility, best practices and SEO of
 * each page type (home, year, issue, page, article, search), on a phone and on a desktop, served
 * as a static host serves it (gzip). Not part of `npm test`: it takes minutes and its
 * performance score depends on the machine's load.
 *
 *   npm run lighthouse [-- --dist dist] [--min 95] [--form-factor mobile|desktop] [--out .cache/lighthouse]
 *
 * Drives Debian's Chromium (CHROME_PATH, default /usr/bin/chromium). Prints a table and exits
 * 1 when a score is below --min. The JSON reports go to --out.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { readBuiltCorpus } from '../src/io/corpus-files.ts';
import { CATEGORIES, startLighthouse, type LighthouseRun } from '../src/io/lighthouse.ts';
import { serveStatic } from '../src/io/static-server.ts';
import { reviewPages } from '../src/lib/review-pages.ts';
import { runCommand } from '../src/io/cli.ts';

const ROOT = resolve(import.meta.dirname, '..');
/** The page types the issue asks scores for (src/lib/review-pages.ts names). */
const PAGE_TYPES = ['home', 'year', 'issue', 'page', 'article', 'search'];

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      dist: { type: 'string', default: 'dist' },
      min: { type: 'string', default: '95' },
      'form-factor': { type: 'string' },
      out: { type: 'string', default: '.cache/lighthouse' },
    },
  });
  const dist = resolve(values.dist);
  const min = Number(values.min);
  const formFactors = values['form-factor'] ? [values['form-factor'] as 'mobile' | 'desktop'] : (['mobile', 'desktop'] as const);
  if (!existsSync(join(dist, 'index.html'))) {
    console.error(`[lighthouse] building the site into ${relative(process.cwd(), dist) || '.'}`);
    const built = spawnSync(process.execPath, [join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build', '--outDir', dist], { cwd: ROOT, stdio: 'inherit' });
    if (built.status !== 0) return 1;
  }
  const { manifest, records } = readBuiltCorpus(dist);
  const pages = reviewPages(manifest, records).filter((page) => PAGE_TYPES.includes(page.name));
  const out = resolve(values.out);
  mkdirSync(out, { recursive: true });
  const server = await serveStatic(dist, { compress: true });
  const session = await startLighthouse();
  const runs: Array<LighthouseRun & { name: string }> = [];
  try {
    for (const page of pages) {
      for (const formFactor of formFactors) {
        const run = await session.run(`${server.url}${page.path}`, formFactor);
        writeFileSync(join(out, `${page.name}-${formFactor}.json`), run.json);
        runs.push({ ...run, name: page.name });
        console.error(`[lighthouse] ${page.name} ${formFactor}: ${CATEGORIES.map((c) => run.scores[c]).join(' / ')}`);
      }
    }
  } finally {
    await session.close();
    await server.close();
  }
  const header = `| page | path | form factor | ${CATEGORIES.join(' | ')} |`;
  const rule = `|${' --- |'.repeat(3 + CATEGORIES.length)}`;
  const rows = runs.map((run) => `| ${run.name} | ${new URL(run.url).pathname}${new URL(run.url).search} | ${run.formFactor} | ${CATEGORIES.map((c) => run.scores[c]).join(' | ')} |`);
  console.log([header, rule, ...rows].join('\n'));
  const low = runs.filter((run) => CATEGORIES.some((c) => run.scores[c] < min));
  for (const run of low) console.error(`[lighthouse] ${run.name} (${run.formFactor}) below ${min}: ${run.failing.join(', ')}`);
  console.log(`load average ${loadavg().map((n) => n.toFixed(1)).join(' ')}; reports in ${relative(process.cwd(), out)}`);
  return low.length > 0 ? 1 : 0;
}

if (import.meta.main) runCommand(main);
