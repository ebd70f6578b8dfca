import type { Regions } from '../../schemas/scan.ts';
import { clampTo, overlap, swallows, unionBox, type Box, type LineKind } from './model.ts';
import type { Band, OrderedPage } from './reading-order.ts';

/**
 * From a page in reading order to the plain text the parser reads today (one printed line per
 * line, a blank line between blocks), with what the text loses kept beside it, line for line:
 * the geometry of every output line and the photos between them. A later parser change can read
 * `geometry[n - 1]` for output line n (sizes, bold, columns) without a second format; the
 * importer can give each parsed item its regions with `regionsFor`.
 */

/** What is known of output line n, at `geometry[n - 1]`. */
export type OutputLine = TextLineGeometry | PhotoGeometry | null;

export interface TextLineGeometry {
  type: 'text';
  /** The union of `boxes`. */
  box: Box;
  /** The source boxes the line was made of: one, or several for a page-header row put together. */
  boxes: Box[];
  /** Line height over the page's median body line height (the largest of its parts). */
  size: number;
  bold: boolean | null;
  /** Block id (a blank line in the text precedes each new one). */
  block: string;
  /** Column region id: lines of one column share it; a headline over columns has its own. */
  column: number;
  band: Band;
  kind: LineKind;
  /** Written with a two-character indent (U+3000 x 2) because the print indents it. */
  indent: boolean;
  /** 1-based lines in the OCR file the output line came from. */
  sourceLines: number[];
}

/** A photo box, written to the text as a blank line where it sits in reading order. */
export interface PhotoGeometry {
  type: 'photo';
  box: Box;
  block: string;
  column: number;
  sourceLines: number[];
}

export interface ParserText {
  /** The text for the parser, lines joined with `\n`. */
  text: string;
  /** One entry per output line; null for a plain blank line between blocks. */
  geometry: OutputLine[];
  width: number;
  height: number;
}

export interface ParserTextOptions {
  /**
   * Write lines the print indents with two ideographic spaces, which the parser reads as the
   * start of a paragraph (layout.ts). Default true.
   */
  indent?: boolean;
}

const INDENT = '\u3000\u3000';

export function toParserText(page: OrderedPage, options: ParserTextOptions = {}): ParserText {
  const indent = options.indent ?? true;
  const texts: string[] = [];
  const geometry: OutputLine[] = [];
  const blank = () => {
    if (texts.length > 0 && texts[texts.length - 1] !== '') {
      texts.push('');
      geometry.push(null);
    }
  };
  for (let i = 0; i < page.items.length; i++) {
    const item = page.items[i]!;
    if (item.type === 'photo') {
      // a photo stands between blocks: a blank line, then a line for the photo itself (blank too)
      blank();
      texts.push('');
      geometry.push({ type: 'photo', box: item.photo.box, block: item.photo.block, column: item.photo.column, sourceLines: [item.photo.sourceLine] });
      continue;
    }
    const line = item.line;
    if (line.startsBlock) blank();
    // the page header's fields, printed on one row, are one line for the parser
    const row = [line];
    if (line.band === 'header') {
      while (i + 1 < page.items.length) {
        const next = page.items[i + 1]!;
        if (next.type !== 'line' || next.line.band !== 'header' || !sameRow(row[row.length - 1]!.box, next.line.box)) break;
        row.push(next.line);
        i++;
      }
    }
    const text = row.map((l) => l.text).join('  ');
    const written = indent && line.indent ? INDENT + text : text;
    texts.push(written);
    geometry.push({
      type: 'text',
      box: unionBox(row.map((l) => l.box))!,
      boxes: row.map((l) => l.box),
      size: Math.max(...row.map((l) => l.size)),
      bold: row.every((l) => l.bold === null) ? null : row.some((l) => l.bold === true),
      block: line.block,
      column: line.column,
      band: line.band,
      kind: line.kind,
      indent: indent && line.indent,
      sourceLines: [...new Set(row.map((l) => l.sourceLine))],
    });
  }
  return { text: texts.join('\n') + '\n', geometry, width: page.width, height: page.height };
}

function sameRow(a: Box, b: Box): boolean {
  return overlap(a.y, a.y + a.h, b.y, b.y + b.h) >= Math.min(a.h, b.h) * 0.5;
}

export interface RegionOptions {
  /**
   * A photo item: also take the photo printed just before its first line (only blank lines
   * between), since the parser's item starts at the caption.
   */
  photo?: boolean;
}

/**
 * The regions of an item that spans output lines `first`..`last` (1-based, inclusive, as the
 * parser reports them), for its front matter (`regions`, src/schemas/scan.ts): the union of its
 * lines' boxes per column, split where a line of another item would fall inside the union, in
 * reading order. Photos inside the range count. Every box lies inside the page and is at least
 * 1 x 1. Null when the range holds no positioned line (a page imported from plain text).
 */
export function regionsFor(input: ParserText, first: number, last: number, options: RegionOptions = {}): Regions | null {
  let from = first;
  if (options.photo) {
    for (let n = first - 1; n >= 1; n--) {
      const entry = input.geometry[n - 1];
      if (entry === null || entry === undefined) continue;
      if (entry.type === 'photo') from = n;
      break;
    }
  }
  const inRange = (n: number) => n >= from && n <= last;
  const own: { box: Box; column: number }[] = [];
  const foreign: Box[] = [];
  input.geometry.forEach((entry, index) => {
    if (!entry) return;
    const boxes = entry.type === 'text' ? entry.boxes : [entry.box];
    if (inRange(index + 1)) for (const box of boxes) own.push({ box, column: entry.column });
    else if (entry.type === 'text' && entry.band === 'body') foreign.push(...boxes);
  });
  if (own.length === 0) return null;
  const groups: { column: number; box: Box }[] = [];
  for (const { box, column } of own) {
    const group = groups.find((g) => g.column === column && !swallows(unionBox([g.box, box])!, foreign));
    if (group) group.box = unionBox([group.box, box])!;
    else groups.push({ column, box });
  }
  return groups.map((g) => clampTo(g.box, input.width, input.height));
}
