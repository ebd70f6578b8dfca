import type { Browser } from 'playwright-core';
import type { Box } from '../schemas/scan.ts';
import { renderHtml } from './render-html.ts';

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
  const { png, chars, sections } = await renderHtml(browser, html, width, height);
  const regions = new Map<number, Box[]>();
  for (const { item, x, y, w, h } of sections) regions.set(item, [...(regions.get(item) ?? []), pixelBox(x, y, w, h, width, height)]);
  return {
    png,
    regions,
    chars: chars.filter((c) => c.item !== null).map((c) => ({ item: c.item!, text: c.text, box: pixelBox(c.x, c.y, c.w, c.h, width, height), block: c.block! })),
  };
}

/** A DOM rectangle as whole pixels that cover it, clipped to the page. */
export function pixelBox(x: number, y: number, w: number, h: number, width: number, height: number): Box {
  const left = Math.max(0, Math.floor(x));
  const top = Math.max(0, Math.floor(y));
  const right = Math.min(width, Math.ceil(x + w));
  const bottom = Math.min(height, Math.ceil(y + h));
  return { x: left, y: top, w: Math.max(1, right - left), h: Math.max(1, bottom - top) };
}
