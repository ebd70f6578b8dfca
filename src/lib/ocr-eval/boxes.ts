import type { Box, TextField, TruthLine } from './truth.ts';

/**
 * Geometry of the evaluation's ground truth: printed characters (read from the rendered page)
 * grouped into lines, and the mapping
 * of points between the page and a degraded scan of it (scaled and turned about its centre).
 */

/** One printed character as the browser placed it: [item, field, char, x, y, w, h]. */
export type CharRect = [item: number, field: TextField, char: string, x: number, y: number, w: number, h: number];

/**
 * Group characters (in document order) into printed lines: a line ends where the item or the
 * role changes, where the text wraps (the next character starts left of this one or on another
 * baseline) or where it jumps to the next column.
 */
export function groupLines(chars: CharRect[]): TruthLine[] {
  const lines: TruthLine[] = [];
  let current: { item: number; field: TextField; text: string; x0: number; y0: number; x1: number; y1: number } | null = null;
  const flush = () => {
    if (current) lines.push({ item: current.item, field: current.field, text: current.text, box: { x: current.x0, y: current.y0, w: current.x1 - current.x0, h: current.y1 - current.y0 } });
    current = null;
  };
  for (const [item, field, char, x, y, w, h] of chars) {
    if (current !== null) {
      const c: { item: number; field: TextField; x1: number; y0: number; y1: number } = current;
      const sameRow = Math.abs(y + h / 2 - (c.y0 + c.y1) / 2) < Math.max(h, c.y1 - c.y0) * 0.5;
      const adjacent = x >= c.x1 - w * 0.5 && x - c.x1 < w * 2.5;
      if (c.item !== item || c.field !== field || !sameRow || !adjacent) flush();
    }
    if (current === null) current = { item, field, text: char, x0: x, y0: y, x1: x + w, y1: y + h };
    else {
      const c: { text: string; x0: number; y0: number; x1: number; y1: number } = current;
      c.text += char;
      c.x0 = Math.min(c.x0, x);
      c.y0 = Math.min(c.y0, y);
      c.x1 = Math.max(c.x1, x + w);
      c.y1 = Math.max(c.y1, y + h);
    }
  }
  flush();
  return lines.map((line) => ({ ...line, box: roundBox(line.box) }));
}

export function roundBox(box: Box): Box {
  const x = Math.floor(box.x);
  const y = Math.floor(box.y);
  return { x, y, w: Math.ceil(box.x + box.w) - x, h: Math.ceil(box.y + box.h) - y };
}

export function union(a: Box, b: Box): Box {
  const x = Math.min(a.x, b.x);
  const y = Math.min(a.y, b.y);
  return { x, y, w: Math.max(a.x + a.w, b.x + b.w) - x, h: Math.max(a.y + a.h, b.y + b.h) - y };
}

export function contains(outer: Box, inner: Box, slack = 0): boolean {
  return inner.x >= outer.x - slack && inner.y >= outer.y - slack && inner.x + inner.w <= outer.x + outer.w + slack && inner.y + inner.h <= outer.y + outer.h + slack;
}

export function containsPoint(box: Box, x: number, y: number, slack = 0): boolean {
  return x >= box.x - slack && x <= box.x + box.w + slack && y >= box.y - slack && y <= box.y + box.h + slack;
}

/** A scan's geometry relative to the page it shows: scaled by `scale`, turned by `skewDeg` about its centre (clockwise, y down). */
export interface ScanTransform {
  pageWidth: number;
  pageHeight: number;
  scale: number;
  skewDeg: number;
}

/** Where a page point lands on the scan. */
export function pageToScan(t: ScanTransform, x: number, y: number): [number, number] {
  const cx = (t.pageWidth * t.scale) / 2;
  const cy = (t.pageHeight * t.scale) / 2;
  const a = (t.skewDeg * Math.PI) / 180;
  const dx = x * t.scale - cx;
  const dy = y * t.scale - cy;
  return [cx + dx * Math.cos(a) - dy * Math.sin(a), cy + dx * Math.sin(a) + dy * Math.cos(a)];
}

/** Where a scan point shows on the page (the inverse of pageToScan). */
export function scanToPage(t: ScanTransform, x: number, y: number): [number, number] {
  const cx = (t.pageWidth * t.scale) / 2;
  const cy = (t.pageHeight * t.scale) / 2;
  const a = (-t.skewDeg * Math.PI) / 180;
  const dx = x - cx;
  const dy = y - cy;
  return [(cx + dx * Math.cos(a) - dy * Math.sin(a)) / t.scale, (cy + dx * Math.sin(a) + dy * Math.cos(a)) / t.scale];
}
