import type { OutputLine, PhotoGeometry, TextLineGeometry } from '../../src/lib/ocr/parser-text.ts';

/**
 * What positioned OCR (hOCR, ALTO) tells the parser beyond the text: for each line of the text,
 * its box, its type size relative to the page's body type, its column, and the photos between
 * lines (src/lib/ocr/parser-text.ts writes it). Plain text has none of it, and every question
 * below then answers "unknown" (null), so that the text rules decide as before: one parser,
 * no switch.
 */
export interface PageGeometry {
  /** Geometry of 1-based source line n, or null (a blank line, or plain text). */
  line(n: number): TextLineGeometry | null;
  /** The photo box written as source line n, or null. */
  photo(n: number): PhotoGeometry | null;
  /** Median height of the page's text lines in pixels. */
  lineHeight: number;
  /** Median box height of the page's text lines (mostly body type) in pixels. */
  bodyHeight: number;
  /** Top and bottom of all text on the page. */
  top: number;
  bottom: number;
}

export function pageGeometry(entries: readonly OutputLine[] | undefined): PageGeometry | null {
  if (!entries || !entries.some((entry) => entry?.type === 'text')) return null;
  const texts = entries.filter((entry): entry is TextLineGeometry => entry?.type === 'text');
  const heights = texts.map((entry) => entry.box.h / Math.max(0.5, entry.size)).sort((a, b) => a - b);
  const boxHeights = texts.map((entry) => entry.box.h).sort((a, b) => a - b);
  return {
    line: (n) => {
      const entry = entries[n - 1];
      return entry?.type === 'text' ? entry : null;
    },
    photo: (n) => {
      const entry = entries[n - 1];
      return entry?.type === 'photo' ? entry : null;
    },
    lineHeight: heights[heights.length >> 1] ?? 1,
    bodyHeight: Math.max(1, boxHeights[boxHeights.length >> 1] ?? 1),
    top: Math.min(...texts.map((entry) => entry.box.y)),
    bottom: Math.max(...texts.map((entry) => entry.box.y + entry.box.h)),
  };
}

/** The largest relative type size among the given source lines, or null when none is known. */
export function sizeOf(geometry: PageGeometry | null, lines: readonly number[]): number | null {
  if (!geometry) return null;
  let size: number | null = null;
  for (const n of lines) {
    const entry = geometry.line(n);
    if (entry) size = Math.max(size ?? 0, entry.size);
  }
  return size;
}

/**
 * The type size of source lines from their boxes: the tallest line's height over the page's
 * body line height. A line of Han characters is as tall as its type (each character fills its
 * em square), so this reads headline type where an engine's own size estimate varies with the
 * words it found. Null when none is known.
 */
export function typeSize(geometry: PageGeometry | null, lines: readonly number[]): number | null {
  if (!geometry) return null;
  let size: number | null = null;
  for (const n of lines) {
    const entry = geometry.line(n);
    if (entry) size = Math.max(size ?? 0, entry.box.h / geometry.bodyHeight);
  }
  return size;
}

/** Do two lines share a row (their boxes overlap by at least half the smaller height)? */
export function sameRow(a: TextLineGeometry, b: TextLineGeometry): boolean {
  const overlap = Math.min(a.box.y + a.box.h, b.box.y + b.box.h) - Math.max(a.box.y, b.box.y);
  return overlap >= Math.min(a.box.h, b.box.h) * 0.5;
}
