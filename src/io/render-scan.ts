import type { Browser } from 'playwright-core';
import type { Box } from '../schemas/scan.ts';

/** A character drawn on the rendered page, with the item it belongs to (-1: page furniture). */
export interface RenderedChar {
  item: number;
  text: string;
  box: Box;
  /** The text element it sits in, numbered in document order: lines never cross elements. */
  block: number;
}

export interface RenderedPage {
  png: Buffer;
  /** Each item's boxes (the blocks it is printed in), by item index. */
  regions: Map<number, Box[]>;
  chars: RenderedChar[];
}

/**
 * Render an HTML page of exactly `width` x `height` pixels in Chromium (fonts loaded) and read
 * back where everything landed: every `section[data-item]`'s box, and every visible
 * character's box with its item (from the nearest `[data-item]`).
 */
export async function renderScan(browser: Browser, html: string, width: number, height: number): Promise<RenderedPage> {
  const context = await browser.newContext({ viewport: { width, height }, deviceScaleFactor: 1 });
  try {
    const page = await context.newPage();
    await page.setContent(html, { waitUntil: 'load' });
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    const read = await page.evaluate(() => {
      const chars: Array<[number, string, number, number, number, number, number]> = [];
      const blocks = new Map<Element, number>();
      const range = document.createRange();
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
        const element = node.parentElement!;
        const owner = element.closest<HTMLElement>('[data-item]');
        if (!owner) continue;
        if (!blocks.has(element)) blocks.set(element, blocks.size);
        let offset = 0;
        for (const ch of node.data) {
          range.setStart(node, offset);
          range.setEnd(node, offset + ch.length);
          offset += ch.length;
          if (/\s/u.test(ch)) continue;
          const rect = range.getClientRects()[0];
          if (!rect || rect.width === 0) continue;
          chars.push([Number(owner.dataset.item), ch, rect.x, rect.y, rect.width, rect.height, blocks.get(element)!]);
        }
      }
      const sections = [...document.querySelectorAll<HTMLElement>('section[data-item]')].map((el) => {
        const r = el.getBoundingClientRect();
        return [Number(el.dataset.item), r.x, r.y, r.width, r.height] as const;
      });
      return { chars, sections };
    });
    const png = await page.screenshot({ type: 'png', clip: { x: 0, y: 0, width, height } });
    const regions = new Map<number, Box[]>();
    for (const [item, x, y, w, h] of read.sections) regions.set(item, [...(regions.get(item) ?? []), pixelBox(x, y, w, h, width, height)]);
    const chars = read.chars.map(([item, text, x, y, w, h, block]) => ({ item, text, box: pixelBox(x, y, w, h, width, height), block }));
    return { png, regions, chars };
  } finally {
    await context.close();
  }
}

/** A DOM rectangle as whole pixels that cover it, clipped to the page. */
export function pixelBox(x: number, y: number, w: number, h: number, width: number, height: number): Box {
  const left = Math.max(0, Math.floor(x));
  const top = Math.max(0, Math.floor(y));
  const right = Math.min(width, Math.ceil(x + w));
  const bottom = Math.min(height, Math.ceil(y + h));
  return { x: left, y: top, w: Math.max(1, right - left), h: Math.max(1, bottom - top) };
}
