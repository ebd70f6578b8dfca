import type { Browser } from 'playwright-core';
import { groupLines, roundBox, type CharRect } from '../lib/ocr-eval/boxes.ts';
import type { PageLayout } from '../lib/ocr-eval/page-layout.ts';
import type { Box, PageTruth } from '../lib/ocr-eval/truth.ts';

/**
 * Render a laid-out page (src/lib/ocr-eval/page-layout.ts) in Chromium to a PNG of exactly its
 * pixel size, and read the ground truth back from the DOM: every printed character's box,
 * grouped into lines, and each item's boxes (one per block it is printed in: the head with the columns below it, and a
 * part that runs on in another column).
 */
export async function renderPage(browser: Browser, layout: PageLayout): Promise<{ png: Buffer; truth: PageTruth }> {
  const context = await browser.newContext({ viewport: { width: layout.width, height: layout.height }, deviceScaleFactor: 1 });
  try {
    const page = await context.newPage();
    await page.setContent(layout.html, { waitUntil: 'load' });
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    const read = await page.evaluate(readPage);
    const png = await page.screenshot({ type: 'png', clip: { x: 0, y: 0, width: layout.width, height: layout.height } });
    const lines = groupLines(read.chars as CharRect[]);
    const boxes: Box[][] = layout.items.map((_, index) => read.sections.filter(([item]) => item === index).map(([, x, y, w, h]) => roundBox({ x, y, w, h })));
    return { png, truth: { key: layout.key, width: layout.width, height: layout.height, items: layout.items, boxes, lines } };
  } finally {
    await context.close();
  }
}

/** Runs in the page: every visible character with its item, role and box; every item block's box. */
function readPage(): { chars: Array<[number, string, string, number, number, number, number]>; sections: Array<[number, number, number, number, number]> } {
  const chars: Array<[number, string, string, number, number, number, number]> = [];
  const root = document.querySelector('.page')!;
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    const el = node.parentElement?.closest<HTMLElement>('[data-field]');
    if (!el) continue;
    const item = Number(el.dataset.item ?? '-1');
    const field = el.dataset.field!;
    const text = node.data;
    let offset = 0;
    for (const ch of text) {
      range.setStart(node, offset);
      range.setEnd(node, offset + ch.length);
      offset += ch.length;
      if (/\s/u.test(ch)) continue;
      const rect = range.getClientRects()[0];
      if (!rect || rect.width === 0) continue;
      chars.push([item, field, ch, rect.x, rect.y, rect.width, rect.height]);
    }
  }
  const sections = [...root.querySelectorAll<HTMLElement>('section[data-item]')].map((el) => {
    const r = el.getBoundingClientRect();
    return [Number(el.dataset.item), r.x, r.y, r.width, r.height] as [number, number, number, number, number];
  });
  return { chars, sections };
}
