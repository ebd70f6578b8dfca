import type { Browser } from 'playwright-core';
import type { DegradeParams } from '../lib/ocr-eval/degrade.ts';
import { parseTsv, scoreOcr, type OcrScore } from '../lib/ocr-eval/ocr-score.ts';
import type { PageLayout } from '../lib/ocr-eval/page-layout.ts';
import { scorePage, truthEvalItem, type EvalItem, type PageScore } from '../lib/ocr-eval/score.ts';
import type { PageTruth, TruthItem } from '../lib/ocr-eval/truth.ts';
import { launchBrowser } from './browser.ts';
import { degradeImage } from './degrade-image.ts';
import { renderPage } from './render-page.ts';
import { ocrImage, type OcrResult, type TesseractOptions } from './tesseract.ts';

/**
 * The OCR evaluation's runner: for each page, render its layout, degrade it into a scan, OCR it
 * with Tesseract (cached), give the OCR to the importer and score what comes back. Pages run in
 * parallel, `concurrency` at a time, one Tesseract thread each.
 */

/** What an importer is given: the OCR of one page (plain text, and hOCR/TSV when there was a scan). */
export interface ImporterInput {
  text: string;
  hocr: string | null;
  tsv: string | null;
  meta: { paper: string; paperName: string; date: string; page: number };
}

/**
 * An importer under test: OCR in, items out. Today's is the plain-text parser; a positioned
 * (hOCR) one plugs in here with the same signature.
 */
export type Importer = (input: ImporterInput) => EvalItem[] | Promise<EvalItem[]>;

export type Condition = 'clean-text' | 'rendered' | 'degraded';
export const CONDITIONS: readonly Condition[] = ['clean-text', 'rendered', 'degraded'];

export interface EvalPage {
  layout: PageLayout;
  degrade: DegradeParams;
  meta: ImporterInput['meta'];
  /** The page as OCR-like plain text without misreads, and the items it holds (for `clean-text`). */
  cleanText: string;
  cleanItems: TruthItem[];
}

export interface PageResult {
  key: string;
  condition: Condition;
  /** Name of the importer that read it. */
  importer: string;
  score: PageScore;
  /** Tesseract's own scores; absent for `clean-text`. */
  ocr: OcrScore | null;
  seconds: { render: number; degrade: number; preprocess: number; ocr: number; import: number };
  ocrCached: boolean;
  /** The importer's input text and output, for reading failures. */
  text: string;
}

export interface EvalOptions {
  conditions: readonly Condition[];
  /** The importers under test by name; each reads the same OCR. */
  importers: Record<string, Importer>;
  /**
   * Tesseract's settings, or a function of the page: an importer reads a paper printed in
   * traditional characters with `chi_tra` (docs/0001), so the evaluation does too.
   */
  tesseract: TesseractOptions | ((page: EvalPage) => TesseractOptions);
  concurrency: number;
  cacheDir: string | null;
  onResult?: (result: PageResult) => void;
  /**
   * Called with what each importer is given on a page and condition, the truth it is scored
   * against and Tesseract's own scores: `eval:ocr --dump` keeps them so that `--replay` can
   * score a parser change again without Chromium or Tesseract.
   */
  onInput?: (input: ReplayInput) => void;
}

/** One page and condition as the importers saw it, with its truth: enough to score again. */
export interface ReplayInput {
  key: string;
  condition: Condition;
  input: ImporterInput;
  truth: EvalItem[];
  ocr: OcrScore | null;
  script: 'simplified' | 'traditional';
}

/** Score the importers again on inputs kept by `onInput` (no browser, no OCR). */
export async function replayInputs(inputs: readonly ReplayInput[], importers: Record<string, Importer>): Promise<PageResult[]> {
  const results: PageResult[] = [];
  const zero = { render: 0, degrade: 0, preprocess: 0, ocr: 0, import: 0 };
  for (const replay of inputs) {
    for (const [name, importer] of Object.entries(importers)) {
      const run = await runImporter(importer, replay.input);
      results.push({ key: replay.key, condition: replay.condition, importer: name, score: scorePage(replay.truth, run.items), ocr: replay.ocr, seconds: { ...zero, import: run.seconds }, ocrCached: true, text: replay.input.text });
    }
  }
  return results;
}

const since = (t: number) => (performance.now() - t) / 1000;

export async function evaluatePages(pages: EvalPage[], options: EvalOptions): Promise<PageResult[]> {
  const needsBrowser = options.conditions.some((c) => c !== 'clean-text');
  const browser = needsBrowser ? await launchBrowser() : null;
  const results: PageResult[] = [];
  let next = 0;
  const worker = async () => {
    while (next < pages.length) {
      const page = pages[next++]!;
      for (const result of await evaluatePage(browser, page, options)) {
        results.push(result);
        options.onResult?.(result);
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.max(1, options.concurrency) }, worker));
  } finally {
    await browser?.close();
  }
  const order = new Map(pages.map((p, i) => [p.layout.key, i]));
  const names = Object.keys(options.importers);
  return results.sort((a, b) => order.get(a.key)! - order.get(b.key)! || options.conditions.indexOf(a.condition) - options.conditions.indexOf(b.condition) || names.indexOf(a.importer) - names.indexOf(b.importer));
}

async function runImporter(importer: Importer, input: ImporterInput): Promise<{ items: EvalItem[]; seconds: number }> {
  const t = performance.now();
  const items = await importer(input);
  return { items, seconds: since(t) };
}

/** All conditions of one page. */
export async function evaluatePage(browser: Browser | null, page: EvalPage, options: EvalOptions): Promise<PageResult[]> {
  const results: PageResult[] = [];
  const key = page.layout.key;
  const zero = { render: 0, degrade: 0, preprocess: 0, ocr: 0, import: 0 };
  if (options.conditions.includes('clean-text')) {
    const input: ImporterInput = { text: page.cleanText, hocr: null, tsv: null, meta: page.meta };
    options.onInput?.({ key, condition: 'clean-text', input, truth: page.cleanItems.map(truthEvalItem), ocr: null, script: page.layout.script });
    for (const [name, importer] of Object.entries(options.importers)) {
      const run = await runImporter(importer, input);
      results.push({ key, condition: 'clean-text', importer: name, score: scorePage(page.cleanItems.map(truthEvalItem), run.items), ocr: null, seconds: { ...zero, import: run.seconds }, ocrCached: false, text: page.cleanText });
    }
  }
  const scanned = options.conditions.filter((c): c is 'rendered' | 'degraded' => c !== 'clean-text');
  if (scanned.length === 0) return results;
  if (!browser) throw new Error('a browser is needed to render pages');
  let t = performance.now();
  const { png, truth } = await renderPage(browser, page.layout);
  const render = since(t);
  for (const condition of scanned) {
    t = performance.now();
    const scan = condition === 'rendered' ? { image: png, width: page.layout.width, height: page.layout.height } : await degradeImage(png, page.degrade);
    const degrade = condition === 'rendered' ? 0 : since(t);
    const tesseract = typeof options.tesseract === 'function' ? options.tesseract(page) : options.tesseract;
    const ocr = await ocrImage(scan.image, tesseract, options.cacheDir);
    const geometry = condition === 'rendered' ? { scale: 1, skewDeg: 0 } : { scale: page.degrade.scale, skewDeg: page.degrade.skewDeg };
    const own = scoreScan(truth, ocr, geometry);
    const input: ImporterInput = { text: ocr.text, hocr: ocr.hocr, tsv: ocr.tsv, meta: page.meta };
    options.onInput?.({ key, condition, input, truth: truth.items.map(truthEvalItem), ocr: own, script: page.layout.script });
    for (const [name, importer] of Object.entries(options.importers)) {
      const run = await runImporter(importer, input);
      results.push({
        key,
        condition,
        importer: name,
        score: scorePage(truth.items.map(truthEvalItem), run.items),
        ocr: own,
        seconds: { render, degrade, preprocess: ocr.seconds.preprocess, ocr: ocr.seconds.ocr, import: run.seconds },
        ocrCached: ocr.cached,
        text: ocr.text,
      });
    }
  }
  return results;
}

/** Tesseract's own scores, mapping its boxes back through preprocessing and degradation. */
export function scoreScan(truth: PageTruth, ocr: OcrResult, scan: { scale: number; skewDeg: number }): OcrScore {
  const scanWidth = Math.round(truth.width * scan.scale);
  const scanHeight = Math.round(truth.height * scan.scale);
  return scoreOcr(truth, parseTsv(ocr.tsv), ocr.text, [
    { pageWidth: scanWidth, pageHeight: scanHeight, scale: ocr.scale, skewDeg: ocr.rotateDeg },
    { pageWidth: truth.width, pageHeight: truth.height, scale: scan.scale, skewDeg: scan.skewDeg },
  ]);
}
