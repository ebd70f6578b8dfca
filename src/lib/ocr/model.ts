import type { Problem, ProblemCode } from '../../schemas/problem.ts';
import type { Box } from '../../schemas/scan.ts';

/**
 * The positioned page: what hOCR and ALTO have in common, in page pixels.
 * Readers fill it in the order the file printed things; `orderPage` (reading-order.ts) decides
 * the order a reader of the newspaper would use.
 */

export type { Box };

/** Which reader made the page. */
export type PositionedFormat = 'hocr' | 'alto';

export interface PositionedPage {
  format: PositionedFormat;
  /** Width and height of the scan in pixels; every box lies inside. */
  width: number;
  height: number;
  /** Scan resolution in dots per inch when the file or the caller gives it. */
  dpi: number | null;
  /** The OCR program that wrote the file, when it says (`tesseract 5.3.0`). */
  engine: string | null;
  /** The image file the OCR file names, if any (`page.png`). */
  image: string | null;
  /** 1-based line of the page element in the OCR file. */
  sourceLine: number;
  /** Blocks in the order the file printed them (not reading order). */
  blocks: Block[];
}

/**
 * `text`: lines of text. `photo`: a picture (hOCR `ocr_photo`/`ocr_image`/`ocr_linedrawing`,
 * ALTO `Illustration`, a large ALTO `GraphicalElement`). `separator`: a rule or a frame.
 */
export type BlockKind = 'text' | 'photo' | 'separator';

/**
 * What the file says a block is: the running header or footer of the page (ALTO `TopMargin` /
 * `BottomMargin`, hOCR `ocr_header`/`ocr_footer` floats), or nothing.
 */
export type BlockRole = 'header' | 'footer' | null;

export interface Block {
  /** The id in the file (`par_1_3`, `block_5`), or one made up (`b12`); unique in the page. */
  id: string;
  kind: BlockKind;
  box: Box;
  /** The enclosing area (hOCR `ocr_carea`, ALTO `ComposedBlock`), or null. */
  area: string | null;
  role: BlockRole;
  /** Lines in the order the file printed them; empty for photos and separators. */
  lines: Line[];
  /** 1-based line of the block element in the OCR file. */
  sourceLine: number;
}

/**
 * Tesseract's line classes in hOCR: `heading` (`ocr_header` as a line), `caption`
 * (`ocr_caption`), `float` (`ocr_textfloat`); everything else is `line`.
 */
export type LineKind = 'line' | 'heading' | 'caption' | 'float';

export interface Line {
  box: Box;
  kind: LineKind;
  words: Word[];
  /** Font size in pixels: hOCR `x_size` (Tesseract's row height), ALTO FONTSIZE at a known dpi. */
  fontSizePx: number | null;
  /** Font size in points when the file gives one (ALTO `FONTSIZE`, hOCR `x_fsize`). */
  fontSizePt: number | null;
  /** x-height in pixels (hOCR `x_size - x_ascenders - x_descenders`). */
  xHeightPx: number | null;
  /** True when the file marks the line (or most of its words) bold; null when it says nothing. */
  bold: boolean | null;
  /** A hyphen printed at the line's end (ALTO `HYP`), already part of the last word's text. */
  hyphenated: boolean;
  /** 1-based line of the line element in the OCR file. */
  sourceLine: number;
}

export interface Word {
  text: string;
  box: Box;
  /** The engine's confidence, 0..1 (hOCR `x_wconf` / 100, ALTO `WC`), or null. */
  confidence: number | null;
  bold: boolean | null;
  /** 1-based line of the word element in the OCR file. */
  sourceLine: number;
}

/** What every reader returns: pages (an OCR file can hold several) and problems with lines. */
export interface ReadResult {
  pages: PositionedPage[];
  problems: Problem[];
}

/** Coordinates above this are refused: no scan is a million pixels across. */
export const MAX_COORDINATE = 1_000_000;

export function unionBox(boxes: readonly Box[]): Box | null {
  if (boxes.length === 0) return null;
  let x0 = Number.POSITIVE_INFINITY;
  let y0 = Number.POSITIVE_INFINITY;
  let x1 = Number.NEGATIVE_INFINITY;
  let y1 = Number.NEGATIVE_INFINITY;
  for (const box of boxes) {
    x0 = Math.min(x0, box.x);
    y0 = Math.min(y0, box.y);
    x1 = Math.max(x1, box.x + box.w);
    y1 = Math.max(y1, box.y + box.h);
  }
  return { x: x0, y: y0, w: x1 - x0, h: y1 - y0 };
}

/** The part of `box` inside a `width` x `height` page, or null when nothing of it is. */
export function clipBox(box: Box, width: number, height: number): Box | null {
  const x0 = Math.max(0, box.x);
  const y0 = Math.max(0, box.y);
  const x1 = Math.min(width, box.x + box.w);
  const y1 = Math.min(height, box.y + box.h);
  if (x1 < x0 || y1 < y0 || (x1 === x0 && box.w > 0) || (y1 === y0 && box.h > 0)) return null;
  return { x: x0, y: y0, w: x1 - x0, h: y1 - y0 };
}

export function boxInside(box: Box, width: number, height: number): boolean {
  return box.x >= 0 && box.y >= 0 && box.x + box.w <= width && box.y + box.h <= height;
}

/** Length of the overlap of [a0, a1) and [b0, b1). */
export function overlap(a0: number, a1: number, b0: number, b1: number): number {
  return Math.max(0, Math.min(a1, b1) - Math.max(a0, b0));
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * Ids for the blocks of a page as they are added: the file's own id when it has a usable one,
 * else `<fallback><n>` (n counting the page's blocks); a repeated id gets `~2`, `~3` ….
 */
export function blockIds(page: { blocks: readonly unknown[] }): (wanted: string | undefined, fallback: string) => string {
  const ids = new Set<string>();
  return (wanted, fallback) => {
    let id = wanted && wanted.length <= 100 ? wanted : `${fallback}${page.blocks.length + 1}`;
    for (let n = 2; ids.has(id); n++) id = `${wanted ?? fallback}~${n}`;
    ids.add(id);
    return id;
  };
}

/**
 * Collects problems, at most `perCode` of each code, then one line saying how many more there
 * were: a file with ten thousand bad boxes should not print ten thousand lines.
 */
export class ProblemList {
  readonly problems: Problem[] = [];
  private readonly counts = new Map<ProblemCode, number>();
  private readonly perCode: number;
  constructor(perCode = 20) {
    this.perCode = perCode;
  }
  add(problem: Problem): void {
    const count = (this.counts.get(problem.code) ?? 0) + 1;
    this.counts.set(problem.code, count);
    if (count <= this.perCode) this.problems.push(problem);
  }
  addAll(problems: readonly Problem[]): void {
    for (const problem of problems) this.add(problem);
  }
  /** The problems, with a summary for each code that went over the limit. */
  finish(): Problem[] {
    const out = [...this.problems];
    for (const [code, count] of this.counts) {
      if (count <= this.perCode) continue;
      const last = [...this.problems].reverse().find((p) => p.code === code)!;
      out.push({ code, line: last.line, message: `${count - this.perCode} more problems of this kind (${code}) are not listed.` });
    }
    return out;
  }
}

/**
 * A number from the file, or null with a problem when it is not a finite number within
 * ±MAX_COORDINATE (a "1e308" or a 400-digit coordinate is refused, not rounded to Infinity).
 */
export function readNumber(raw: string | undefined, what: string, line: number, problems: ProblemList): number | null {
  if (raw === undefined) return null;
  const trimmed = raw.trim();
  if (!/^[-+]?(?:\d{1,12}(?:\.\d*)?|\.\d+)$/u.test(trimmed)) {
    problems.add({ code: 'bad-number', line, message: `${what} is "${truncate(trimmed)}", not a number of at most 12 digits; the element is skipped.`, excerpt: truncate(trimmed) });
    return null;
  }
  const value = Number(trimmed);
  if (Math.abs(value) > MAX_COORDINATE) {
    problems.add({ code: 'number-out-of-range', line, message: `${what} is ${trimmed}, beyond ${MAX_COORDINATE}; no page is that large, so the element is skipped.`, excerpt: trimmed });
    return null;
  }
  return value;
}

export function truncate(text: string, max = 40): string {
  return text.length <= max ? text : `${text.slice(0, max)}…`;
}

/**
 * Turn a box read from the file (in page pixels, possibly fractional) into an integer box inside
 * the page; a box that sticks out is clipped with a problem, one wholly outside is dropped.
 */
export function fitBox(raw: { x0: number; y0: number; x1: number; y1: number }, page: { width: number; height: number }, line: number, problems: ProblemList): Box | null {
  if (raw.x1 < raw.x0 || raw.y1 < raw.y0) {
    problems.add({ code: 'box-inverted', line, message: `a box ends before it starts (${raw.x0},${raw.y0} to ${raw.x1},${raw.y1}); the element is skipped.` });
    return null;
  }
  // outward to whole pixels, forgiving the float error of a unit conversion (381 mm10 at 300 dpi is 450, not 449.99...)
  const EPSILON = 1e-6;
  const x0 = Math.floor(raw.x0 + EPSILON);
  const y0 = Math.floor(raw.y0 + EPSILON);
  const x1 = Math.ceil(raw.x1 - EPSILON);
  const y1 = Math.ceil(raw.y1 - EPSILON);
  const box = { x: x0, y: y0, w: x1 - x0, h: y1 - y0 };
  if (boxInside(box, page.width, page.height)) return box;
  const clipped = clipBox(box, page.width, page.height);
  if (!clipped) {
    problems.add({ code: 'box-outside-page', line, message: `a box (${x0},${y0} ${box.w}x${box.h}) lies outside the ${page.width}x${page.height} page; the element is skipped.` });
    return null;
  }
  problems.add({ code: 'box-clipped', line, message: `a box (${x0},${y0} ${box.w}x${box.h}) sticks out of the ${page.width}x${page.height} page; it is cut to the page.` });
  return clipped;
}

/** Whether a box made by a union would take in the middle (the centre) of another item's box. */
export function swallows(box: Box, foreign: readonly Box[]): boolean {
  return foreign.some((f) => {
    const cx = f.x + f.w / 2;
    const cy = f.y + f.h / 2;
    return cx > box.x && cx < box.x + box.w && cy > box.y && cy < box.y + box.h;
  });
}

/** The box inside a page of `width` x `height` and at least one pixel each way (as a region's boxes are). */
export function clampTo(box: Box, width: number, height: number): Box {
  const x = Math.min(Math.max(0, box.x), width - 1);
  const y = Math.min(Math.max(0, box.y), height - 1);
  return { x, y, w: Math.max(1, Math.min(box.w, width - x)), h: Math.max(1, Math.min(box.h, height - y)) };
}
