#!/usr/bin/env node
/**
 * How well the importer places items on their scans (docs/0014-scans-in-the-importer.md): the
 * pages of `npm run eval:ocr` (same seed, layouts and degradations, so Tesseract's cache is
 * shared), OCR'd, then placed two ways:
 *
 * - text + scan: the page's clean text parsed, its items aligned to the OCR lines (align.ts);
 * - scan only: the OCR's own text in reading order parsed, regions from its lines (regionsFor).
 *
 * Each printed line of an item is looked up in the parsed items by its characters and counted
 * covered (its centre inside that item's regions) or stray (inside another's); see
 * src/lib/ocr-eval/region-score.ts.
 *
 *   node scripts/measure-regions.ts [--pages 10] [--seed 1] [--conditions rendered,degraded]
 */
import { availableParallelism, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { Converter } from 'opencc-js/cn2t';
import { launchBrowser } from '../src/io/browser.ts';
import { runCommand } from '../src/io/cli.ts';
import { degradeImage } from '../src/io/degrade-image.ts';
import { renderPage } from '../src/io/render-page.ts';
import { DEFAULT_TESSERACT_OPTIONS, ocrImage } from '../src/io/tesseract.ts';
import { entriesFromOrdered } from '../src/lib/ocr/align.ts';
import { readHocr } from '../src/lib/ocr/hocr.ts';
import { toParserText } from '../src/lib/ocr/parser-text.ts';
import { regionsOfAligned, regionsOfParsed } from '../src/lib/ocr/positions.ts';
import { orderPage } from '../src/lib/ocr/reading-order.ts';
import { pageToScan } from '../src/lib/ocr-eval/boxes.ts';
import { degradeParams } from '../src/lib/ocr-eval/degrade.ts';
import { layoutPage } from '../src/lib/ocr-eval/page-layout.ts';
import { addRegionScores, emptyRegionScore, scoreRegions, type RegionScore } from '../src/lib/ocr-eval/region-score.ts';
import { SAMPLE_PAGE } from '../src/lib/ocr-eval/sample-page.ts';
import type { ParsedItem } from '../src/schemas/parsed-page.ts';
import { loadLexicon } from './io/lexicon.ts';
import { sourcePageOf, syntheticSourcePages } from './lib/ocr-eval-pages.ts';
import { parsePage } from './lib/parse-page.ts';
import { createRng, hashSeed } from '../src/lib/random.ts';

const ROOT = resolve(import.meta.dirname, '..');
/** The layout prints one page in eight in traditional characters (as page-layout.ts converts them). */
const toTraditional = Converter({ from: 'cn', to: 'tw' });

/** All the text an item prints, as the importer wrote it. */
function itemText(item: ParsedItem): string {
  return [item.column, item.kicker, item.title, item.subtitle, item.dateline, ...item.reporters, ...item.paragraphs, item.caption, item.credit].filter(Boolean).join('');
}

async function main(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      pages: { type: 'string', default: '10' },
      seed: { type: 'string', default: '1' },
      conditions: { type: 'string', default: 'rendered,degraded' },
    },
  });
  const seed = Number(values.seed);
  const count = Number(values.pages);
  const conditions = values.conditions.split(',');
  const sources = [sourcePageOf(SAMPLE_PAGE), ...syntheticSourcePages(seed, Math.max(0, count - 1))].slice(0, count);
  const lexicon = loadLexicon();
  const browser = await launchBrowser();
  const totals = new Map<string, RegionScore>();
  const misses: string[] = [];
  const miss = (key: string, page: string) => (line: string, what: string) => misses.push(`  ${key} ${page} ${what}: ${line}`);
  const add = (key: string, score: RegionScore) => totals.set(key, addRegionScores(totals.get(key) ?? emptyRegionScore(), score));
  const started = performance.now();
  const load = loadavg().map((n) => n.toFixed(1)).join(' ');
  let next = 0;
  const worker = async () => {
    while (next < sources.length) {
      const { input, cleanText } = sources[next++]!;
      const layout = layoutPage(input, createRng(hashSeed(seed, input.key, 'layout')));
      const degrade = degradeParams(createRng(hashSeed(seed, input.key, 'degrade')));
      const { png, truth } = await renderPage(browser, layout);
      const lines = truth.lines.filter((line) => line.item >= 0);
      const meta = { paper: input.paperSlug, date: input.date, page: input.page, paperName: input.paperName };
      for (const condition of conditions) {
        const scan = condition === 'degraded' ? await degradeImage(png, degrade) : { image: png, width: layout.width, height: layout.height };
        const ocr = await ocrImage(scan.image, { ...DEFAULT_TESSERACT_OPTIONS, lang: layout.script === 'traditional' ? 'chi_tra' : 'chi_sim' }, join(ROOT, '.cache', 'ocr'));
        const page = readHocr(ocr.hocr).pages[0]!;
        const frame = { width: ocr.width, height: ocr.height, masterWidth: scan.width, masterHeight: scan.height, rotateDeg: ocr.rotateDeg };
        const transform = condition === 'degraded' ? { pageWidth: layout.width, pageHeight: layout.height, scale: degrade.scale, skewDeg: degrade.skewDeg } : { pageWidth: layout.width, pageHeight: layout.height, scale: 1, skewDeg: 0 };
        const place = (x: number, y: number) => pageToScan(transform, x, y);
        const ordered = orderPage(page);
        const parserText = toParserText(ordered);

        // text + scan: the clean text's items aligned to the OCR (in the script the page is printed in)
        const text = layout.script === 'traditional' ? toTraditional(cleanText) : cleanText;
        const fromText = parsePage(text, meta, { lexicon });
        const aligned = regionsOfAligned(fromText.articles, text, entriesFromOrdered(ordered), frame);
        const textLines = text.split('\n');
        add(`text + scan, ${condition}`, scoreRegions(lines, fromText.articles.map((item) => ({ text: textLines.slice(item.lines[0] - 1, item.lines[1]).join(''), regions: aligned.regions.get(item.id) ?? null })), place, miss(`text + scan, ${condition}`, input.key)));

        // scan only: the OCR's text parsed, its items' own lines
        const fromScan = parsePage(parserText.text, meta, { lexicon, geometry: parserText.geometry });
        const own = regionsOfParsed(fromScan.articles, parserText, frame);
        add(`scan only, ${condition}`, scoreRegions(lines, fromScan.articles.map((item) => ({ text: itemText(item), regions: own.get(item.id) ?? null })), place, miss(`scan only, ${condition}`, input.key)));
      }
      process.stderr.write(`  ${input.key} (${((performance.now() - started) / 1000).toFixed(0)} s)\n`);
    }
  };
  try {
    await Promise.all(Array.from({ length: availableParallelism() }, worker));
  } finally {
    await browser.close();
  }
  const pct = (a: number, b: number) => (b === 0 ? '-' : `${((100 * a) / b).toFixed(1)} %`);
  const rows = [...totals].map(([key, s]) => `| ${key} | ${s.lines} | ${pct(s.owned, s.lines)} | ${pct(s.covered, s.owned)} | ${pct(s.stray, s.owned)} | ${s.placed} / ${s.items} |`);
  process.stdout.write(
    `\n${sources.length} pages, seed ${seed}; load ${load} -> ${loadavg().map((n) => n.toFixed(1)).join(' ')}; ${((performance.now() - started) / 1000).toFixed(0)} s\n\n` +
      '| path, condition | item lines | held by one item | covered | stray | items holding lines placed |\n|---|---|---|---|---|---|\n' +
      `${rows.join('\n')}\n\nLines missed (first 30):\n${misses.slice(0, 30).join('\n')}\n`,
  );
}

if (import.meta.main) runCommand(main, { stack: true });
