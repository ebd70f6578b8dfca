import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../../src/io/browser.ts';
import { scoreScan } from '../../src/io/ocr-eval.ts';
import { renderPage } from '../../src/io/render-page.ts';
import { ocrImage, DEFAULT_TESSERACT_OPTIONS } from '../../src/io/tesseract.ts';
import { contains } from '../../src/lib/ocr-eval/boxes.ts';
import { layoutPage } from '../../src/lib/ocr-eval/page-layout.ts';
import { SAMPLE_PAGE } from '../../src/lib/ocr-eval/sample-page.ts';
import { scorePage, summarize, truthEvalItem } from '../../src/lib/ocr-eval/score.ts';
import { createRng } from '../../src/lib/random.ts';
import { parsePage } from '../../scripts/lib/parse-page.ts';

/**
 * The OCR evaluation end to end on one small page (three columns, the sample's short items):
 * lay out, render in Chromium, OCR with Tesseract, import, score. The truth boxes must lie on
 * the page and cover every printed line of their item.
 */
const small = { ...SAMPLE_PAGE, key: 'test/small', items: SAMPLE_PAGE.items.slice(1, 4).map((item) => (item.kind === 'article' ? { ...item, paragraphs: item.paragraphs.slice(0, 2) } : item)) };
const layout = layoutPage(small, createRng(3), { width: 1100, height: 1500, columns: 3, script: 'simplified' });

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('eval:ocr on a small rendered page', () => {
  it('renders at the exact size, with truth boxes on the page that cover their text', async () => {
    const { png, truth } = await renderPage(browser, layout);
    expect(png.readUInt32BE(16)).toBe(1100);
    expect(png.readUInt32BE(20)).toBe(1500);
    expect(truth.items.length).toBe(3);
    // the article runs on into another column: two boxes
    expect(truth.boxes.map((b) => b.length)).toEqual([1, 1, 2]);
    const page = { x: 0, y: 0, w: truth.width, h: truth.height };
    truth.items.forEach((item, i) => {
      const boxes = truth.boxes[i]!;
      expect(boxes.length).toBeGreaterThan(0);
      for (const box of boxes) expect(contains(page, box)).toBe(true);
      const lines = truth.lines.filter((l) => l.item === i);
      // every printed line of the item lies inside one of its boxes
      for (const line of lines) expect(boxes.some((box) => contains(box, line.box, 1)), `${line.text} outside its item's boxes`).toBe(true);
      // and the lines hold the item's body text, in order
      const body = lines.filter((l) => l.field === 'body' || l.field === 'caption').map((l) => l.text).join('');
      expect(body).toBe(item.paragraphs.join('').replace(/\s/g, ''));
    });
    // no line of one item lies in another item's box
    for (const line of truth.lines.filter((l) => l.item >= 0)) {
      truth.boxes.forEach((boxes, i) => {
        if (i !== line.item) expect(boxes.some((box) => contains(box, line.box))).toBe(false);
      });
    }
  });

  it('OCRs it with Tesseract and scores the importer against what was printed', async () => {
    const { png, truth } = await renderPage(browser, layout);
    const ocr = await ocrImage(png, DEFAULT_TESSERACT_OPTIONS, null);
    expect(ocr.text).toMatch(/[\u4e00-\u9fff]{4}/u);
    const own = scoreScan(truth, ocr, { scale: 1, skewDeg: 0 });
    // a clean rendering: Tesseract reads most characters, and its words map back onto the printed lines
    expect(own.body.chars).toBeGreaterThan(100);
    expect(own.body.edits / own.body.chars).toBeLessThan(0.2);
    const parsed = parsePage(ocr.text, { paper: 'zunyi-daily', date: small.date, page: small.page, paperName: small.paperName });
    const score = scorePage(truth.items.map(truthEvalItem), parsed.articles.map((a) => ({ ...a, body: a.kind === 'photo' ? (a.caption ?? '') : a.paragraphs.join('') })));
    const summary = summarize([score]);
    expect(summary.truthItems).toBe(truth.items.length);
    expect(summary.recall).toBeGreaterThan(0);
    expect(summary.bodyCer).toBeGreaterThanOrEqual(0);
  });
});
