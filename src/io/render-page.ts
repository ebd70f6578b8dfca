import type { Browser } from 'playwright-core';
import { groupLines, roundBox, type CharRect } from '../lib/ocr-eval/boxes.ts';
import { renderHtml } from './render-html.ts';
import type { PageLayout } from '../lib/ocr-eval/page-layout.ts';
import type { Box, PageTruth } from '../lib/ocr-eval/truth.ts';

/**
 * Render a laid-out page (src/lib/ocr-eval/page-layout.ts) in Chromium to a PNG of exactly its
 * pixel size, and read the ground truth back from the DOM: every printed character's box,
 * grouped into lines, and each item's boxes (one per block it is printed in: the head with the columns below it, and a
 * part that runs on in another column).
 */
export async function renderPage(browser: Browser, layout: PageLayout): Promise<{ png: Buffer; truth: PageTruth }> {
  const { png, chars, sections } = await renderHtml(browser, layout.html, layout.width, layout.height, '.page');
  const lines = groupLines(chars.filter((c) => c.field !== null).map((c): CharRect => [c.field!.item, c.field!.name as CharRect[1], c.text, c.x, c.y, c.w, c.h]));
  const boxes: Box[][] = layout.items.map((_, index) => sections.filter((section) => section.item === index).map(({ x, y, w, h }) => roundBox({ x, y, w, h })));
  return { png, truth: { key: layout.key, width: layout.width, height: layout.height, items: layout.items, boxes, lines } };
}
