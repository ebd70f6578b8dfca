#!/usr/bin/env node
/**
 * What a scan-only page costs to import (docs/0014-scans-in-the-importer.md): a full page of
 * `npm run eval:ocr` (2,500 x 3,500 px, laid out from known articles, rendered, degraded as a
 * scan and saved as JPEG) in an issue folder of its own, imported end to end by the CLI with an
 * empty OCR cache; then imported again, with another empty cache and no Tesseract (the scan and
 * its OCR are found in the scan store); then each step timed on its own in this process.
 *
 *   node scripts/measure-scan-import.ts [--page 2] [--seed 1] [--runs 1]
 *
 * Prints wall and CPU seconds (the CLI's CPU includes Tesseract's) and the load average, which
 * on a shared machine decides the wall time more than anything measured here.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, cpSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { launchBrowser } from '../src/io/browser.ts';
import { runCommand } from '../src/io/cli.ts';
import { degradeImage } from '../src/io/degrade-image.ts';
import { prepareScan } from '../src/io/scan-store.ts';
import { DEFAULT_TESSERACT_OPTIONS, ocrImage, tesseractVersion } from '../src/io/tesseract.ts';
import { renderPage } from '../src/io/render-page.ts';
import { readHocr } from '../src/lib/ocr/hocr.ts';
import { toParserText } from '../src/lib/ocr/parser-text.ts';
import { regionsOfParsed, wordsOf } from '../src/lib/ocr/positions.ts';
import { orderPage } from '../src/lib/ocr/reading-order.ts';
import { degradeParams } from '../src/lib/ocr-eval/degrade.ts';
import { layoutPage } from '../src/lib/ocr-eval/page-layout.ts';
import { placesAround } from './io/gazetteer.ts';
import { loadLexicon } from './io/lexicon.ts';
import { syntheticSourcePages } from './lib/ocr-eval-pages.ts';
import { parsePage } from './lib/parse-page.ts';
import { createRng, hashSeed } from '../src/lib/random.ts';

const ROOT = resolve(import.meta.dirname, '..');
const load = () => loadavg().map((n) => n.toFixed(1)).join(' ');

/** CPU seconds of this process and of its children that ended (Tesseract), from /proc. */
function cpu(): { self: number; children: number } {
  const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1]!.split(' ');
  const tick = 100; // USER_HZ on Linux
  return { self: (Number(fields[11]) + Number(fields[12])) / tick, children: (Number(fields[13]) + Number(fields[14])) / tick };
}

async function timed<T>(label: string, rows: string[], work: () => Promise<T> | T): Promise<T> {
  const c0 = cpu();
  const t0 = performance.now();
  const out = await work();
  const c1 = cpu();
  rows.push(`| ${label} | ${((performance.now() - t0) / 1000).toFixed(2)} | ${(c1.self - c0.self + c1.children - c0.children).toFixed(2)} |`);
  return out;
}

async function main(argv: string[]): Promise<void> {
  const { values } = parseArgs({ args: argv, options: { page: { type: 'string', default: '2' }, seed: { type: 'string', default: '1' }, runs: { type: 'string', default: '1' } } });
  const seed = Number(values.seed);
  const sources = syntheticSourcePages(seed, Number(values.page) + 1);
  const { input } = sources[Number(values.page)]!;
  const layout = layoutPage(input, createRng(hashSeed(seed, input.key, 'layout')), { script: 'simplified', width: 2500, height: 3500 });
  const degrade = { ...degradeParams(createRng(hashSeed(seed, input.key, 'degrade'))), scale: 1, jpegQuality: 85 };
  const browser = await launchBrowser();
  let scan: Buffer;
  try {
    const { png } = await renderPage(browser, layout);
    scan = (await degradeImage(png, degrade)).image;
  } finally {
    await browser.close();
  }
  const work = mkdtempSync(join(tmpdir(), 'measure-scan-import-'));
  try {
    const folder = join(work, 'issue');
    mkdirSync(join(folder, 'scans'), { recursive: true });
    writeFileSync(join(folder, 'scans', '03.jpg'), scan);
    writeFileSync(join(folder, 'issue.yml'), `paper: zunyi-daily\ndate: ${input.date}\npages:\n  - number: 3\n`);
    process.stdout.write(
      `Page ${input.key}: ${layout.columns} columns, ${layout.items.length} items, body ${layout.bodySize} px; ${layout.width} x ${layout.height} JPEG ${(scan.length / 1024).toFixed(0)} KB, skew ${degrade.skewDeg.toFixed(2)}°\n` +
        `${cpus().length} cores; ${await tesseractVersion()}; load average ${load()} at the start\n\n`,
    );

    const cli: string[] = [];
    const importOnce = (label: string, content: string, env: Record<string, string>) => {
      const before = load();
      const result = spawnSync('/usr/bin/time', ['-f', '%e %U %S %M', process.execPath, join(ROOT, 'scripts/import.ts'), folder, '--content', content], {
        encoding: 'utf8',
        env: { ...process.env, ...env },
      });
      if (result.status !== 0) throw new Error(`the import failed:\n${result.stderr}`);
      const [wall, user, sys, rss] = result.stderr.trim().split('\n').at(-1)!.split(' ').map(Number) as [number, number, number, number];
      const summary = result.stderr.split('\n').find((line) => line.startsWith('page 3:')) ?? '';
      const written = /(\d+) files written/u.exec(result.stderr)?.[1] ?? '?';
      cli.push(`| ${label} | ${wall.toFixed(1)} | ${(user + sys).toFixed(1)} | ${(rss / 1024).toFixed(0)} MB | ${written} | ${before} -> ${load()} |`);
      process.stdout.write(`${label}: ${summary}\n`);
    };
    let store = '';
    for (let run = 1; run <= Number(values.runs); run++) {
      const content = join(work, `run-${run}`, 'content');
      mkdirSync(join(content, 'papers'), { recursive: true });
      cpSync(join(ROOT, 'content/papers/zunyi-daily.yml'), join(content, 'papers/zunyi-daily.yml'));
      importOnce(`run ${run}, first import`, content, { ARCHIVE_OCR_CACHE: join(work, `cache-${run}`) });
      // the same folder again, as on another machine: no OCR cache, no Tesseract
      importOnce(`run ${run}, re-import`, content, { ARCHIVE_OCR_CACHE: join(work, `cache-${run}-again`), TESSERACT_PATH: join(work, 'no-tesseract') });
      store = join(work, `run-${run}`, 'scans');
    }
    process.stdout.write(
      `\nnpm run import of the folder (first: OCR cache empty; re-import: another empty cache and no Tesseract):\n\n| run | wall s | CPU s (with Tesseract) | peak RSS | files written | load before -> after |\n|---|---|---|---|---|---|\n${cli.join('\n')}\n\n`,
    );
    const files = readdirSync(store, { recursive: true, encoding: 'utf8' }).filter((name) => statSync(join(store, name)).isFile());
    const size = (end: string) => files.filter((name) => name.endsWith(end)).reduce((sum, name) => sum + statSync(join(store, name)).size, 0);
    process.stdout.write(
      `The scan store after the import: master ${(size('.jpg') / 1024).toFixed(0)} KB, words ${(size('.words.json.gz') / 1024).toFixed(0)} KB, OCR as read ${(size('.ocr.json.gz') / 1024).toFixed(0)} KB, index ${size('.json')} bytes\n\n`,
    );

    // the steps one by one, in this process (Tesseract's CPU counted when it ends)
    const rows: string[] = [];
    const prepared = await timed('store the scan (normalise: an upright JPEG is only stripped)', rows, () => prepareScan(scan, { source: 'scans/03.jpg', store: join(work, 'scans') }));
    const lexicon = await timed('load the lexicon (jieba, once per process)', rows, () => loadLexicon());
    const places = await timed("the country's places around the paper (once per paper)", rows, () => placesAround('贵州省遵义市'));
    const preprocess = { ...DEFAULT_TESSERACT_OPTIONS };
    const ocr = await timed('Tesseract with preprocessing (grey, deskew; psm 3, chi_sim, 1 thread)', rows, () => ocrImage(prepared.master, preprocess, null));
    rows.push(`| … of which preprocessing (grey, skew estimate, rotation, PNG) | ${ocr.seconds.preprocess.toFixed(2)} | |`);
    rows.push(`| … of which the tesseract program | ${ocr.seconds.ocr.toFixed(2)} | |`);
    if (ocr.reread) rows.push(`| … … of which reading ${ocr.reread.lines} byline lines again (${ocr.reread.changed} changed) | ${ocr.reread.seconds.toFixed(2)} | |`);
    const text = await timed('read the hOCR, reading order, parser text', rows, () => toParserText(orderPage(readHocr(ocr.hocr).pages[0]!)));
    const parsed = await timed('parse the page', rows, () => parsePage(text.text, { paper: 'zunyi-daily', date: input.date, page: 3, paperName: input.paperName }, { lexicon, places, geometry: text.geometry }));
    const frame = { width: ocr.width, height: ocr.height, masterWidth: prepared.scan.width, masterHeight: prepared.scan.height, rotateDeg: ocr.rotateDeg };
    await timed('regions of the items', rows, () => regionsOfParsed(parsed.articles, text, frame));
    await timed('page words (mapped to the master, gzipped)', rows, () => gzipSync(JSON.stringify(wordsOf({ page: readHocr(ocr.hocr).pages[0]!, frame, engine: 'x', problems: [] }, prepared.scan)), { level: 9 }));
    process.stdout.write(`Steps on their own (${parsed.articles.length} items parsed):\n\n| step | wall s | CPU s |\n|---|---|---|\n${rows.join('\n')}\n\nload average ${load()} at the end\n`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (import.meta.main) runCommand(main, { stack: true });

