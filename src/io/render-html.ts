import type { Browser } from 'playwright-core';

/** A character drawn on the page, as the browser laid it out (CSS pixels, not rounded). */
export interface DrawnChar {
  text: string;
  x: number;
  y: number;
  w: number;
  h: number;
  /** `data-item` of the nearest element that has one; null outside every item. */
  item: number | null;
  /** The nearest `[data-field]` element's field and its own `data-item` (-1 when it has none). */
  field: { name: string; item: number } | null;
  /** The element the text sits in, numbered in document order among those inside an item (null outside). */
  block: number | null;
}

/** The box of a `section[data-item]`: an item, or a part of it printed in another column. */
export interface DrawnSection {
  item: number;
  x: number;
  y: number;
  w: number;
  h: number;
}

/**
 * Render HTML in Chromium at exactly `width` x `height` pixels, fonts loaded, and read back
 * where everything landed: every visible character under `root` with its item, field and text
 * element, and every `section[data-item]`'s box; then the screenshot. The OCR evaluation's pages
 * (render-page.ts) and the sample's scan (render-scan.ts) are both drawn with it.
 */
export async function renderHtml(browser: Browser, html: string, width: number, height: number, root = 'body'): Promise<{ png: Buffer; chars: DrawnChar[]; sections: DrawnSection[] }> {
  const context = await browser.newContext({ viewport: { width, height }, deviceScaleFactor: 1 });
  try {
    const page = await context.newPage();
    await page.setContent(html, { waitUntil: 'load' });
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    const read = await page.evaluate(readLayout, root);
    const png = await page.screenshot({ type: 'png', clip: { x: 0, y: 0, width, height } });
    return { png, ...read };
  } finally {
    await context.close();
  }
}

/** Runs in the page (so it may use nothing from outside itself). */
function readLayout(rootSelector: string): { chars: DrawnChar[]; sections: DrawnSection[] } {
  const chars: DrawnChar[] = [];
  const root = document.querySelector(rootSelector)!;
  const blocks = new Map<Element, number>();
  const range = document.createRange();
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    const element = node.parentElement;
    if (!element) continue;
    const fieldElement = element.closest<HTMLElement>('[data-field]');
    const itemElement = element.closest<HTMLElement>('[data-item]');
    if (!fieldElement && !itemElement) continue;
    if (itemElement && !blocks.has(element)) blocks.set(element, blocks.size);
    const field = fieldElement ? { name: fieldElement.dataset.field!, item: Number(fieldElement.dataset.item ?? '-1') } : null;
    const item = itemElement ? Number(itemElement.dataset.item) : null;
    const block = itemElement ? blocks.get(element)! : null;
    let offset = 0;
    for (const ch of node.data) {
      range.setStart(node, offset);
      range.setEnd(node, offset + ch.length);
      offset += ch.length;
      if (/\s/u.test(ch)) continue;
      const rect = range.getClientRects()[0];
      if (!rect || rect.width === 0) continue;
      chars.push({ text: ch, x: rect.x, y: rect.y, w: rect.width, h: rect.height, item, field, block });
    }
  }
  const sections = [...root.querySelectorAll<HTMLElement>('section[data-item]')].map((el) => {
    const r = el.getBoundingClientRect();
    return { item: Number(el.dataset.item), x: r.x, y: r.y, w: r.width, h: r.height };
  });
  return { chars, sections };
}
