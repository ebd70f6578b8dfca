import type { PageWords } from '../../schemas/page-words.ts';
import type { Regions } from '../../schemas/scan.ts';
import { FIELD_GAP_EM, lineEm } from './line-text.ts';
import { clampTo, overlap, swallows, unionBox, type Box, type Word } from './model.ts';
import type { OrderedPage } from './reading-order.ts';
import type { ParserText } from './parser-text.ts';

/**
 * Where the items of a page printed from plain text sit on its scan: the text stays the source
 * of the articles (it may be a vendor's, or corrected by hand), and the scan's OCR only says
 * where things are. Each OCR line is given to the item whose text holds most of its character
 * pairs (bigrams of Han characters, letters and digits; punctuation and spaces left out, since
 * OCR misreads them most), and an item's regions are the union of its lines per column (as the
 * reading order found them, or as lines stand over each other when the columns are not known),
 * split where a line of another item would fall inside. Reading order does not matter for the
 * matching, so a page whose columns the engine read out of order aligns as well as any other.
 */

/** One thing on the page, in reading order: a printed line with its text, or a photo. */
export type PageEntry =
  | {
      type: 'line';
      text: string;
      /** The line's boxes (several for a header row put together). */
      boxes: Box[];
      /** Column region id (lines of one column share it), or null when not known. */
      column: number | null;
      band: 'header' | 'body' | 'footer';
    }
  | { type: 'photo'; box: Box; column: number | null };

/** What an item printed: its whole text (headline, byline, body or caption), and whether it is a photo item. */
export interface AlignItem {
  text: string;
  photo: boolean;
}

export interface Alignment {
  /** Per item (in the order given), its regions, or null when no line of the page matched it. */
  regions: Array<Regions | null>;
  /** Per entry, the item it was given to, or -1. */
  owner: number[];
  /** How much of the page and of the items was matched, for the import's summary. */
  stats: AlignStats;
}

export interface AlignStats {
  /** Text lines on the page (body, header and footer). */
  lines: number;
  /** Lines given to an item. */
  matched: number;
  /** Items, and items with at least one line. */
  items: number;
  placed: number;
  /** Characters (Han, letters, digits) of the items' text, and of the lines given to them. */
  itemChars: number;
  matchedChars: number;
}

/**
 * Least share of a line's pairs found in an item's text for the line to be given to it. A line
 * of 15 characters with two misreads keeps about 0.7 of its pairs; a column banner that shares
 * 我们 and 春节 with a caption (我们的节日，春节) has 0.5.
 */
const MIN_SCORE = 0.6;

/** The characters that carry the matching: Han, letters and digits, width-folded, lower case. */
export function matchKey(text: string): string {
  let key = '';
  for (const ch of text) {
    if (!/[\p{L}\p{N}]/u.test(ch)) continue;
    key += ch.normalize('NFKC').toLowerCase();
  }
  return key;
}

function pairs(key: string): string[] {
  const chars = [...key];
  if (chars.length < 2) return chars;
  const out: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i]! + chars[i + 1]!);
  return out;
}

/** The entries of a page put in reading order by src/lib/ocr (the geometry of toParserText). */
export function entriesFromParserText(input: ParserText): PageEntry[] {
  const texts = input.text.split('\n');
  const entries: PageEntry[] = [];
  input.geometry.forEach((entry, index) => {
    if (!entry) return;
    if (entry.type === 'photo') entries.push({ type: 'photo', box: entry.box, column: entry.column });
    else entries.push({ type: 'line', text: texts[index] ?? '', boxes: entry.boxes, column: entry.column, band: entry.band });
  });
  return entries;
}

/**
 * The entries of a page in reading order (orderPage), each line cut where its words stand
 * FIELD_GAP_EM apart or more: headlines printed side by side over their own columns, which
 * Tesseract reads as one line, become one entry each, so that each goes to its own item.
 */
export function entriesFromOrdered(page: OrderedPage): PageEntry[] {
  const entries: PageEntry[] = [];
  for (const item of page.items) {
    if (item.type === 'photo') {
      entries.push({ type: 'photo', box: item.photo.box, column: item.photo.column });
      continue;
    }
    const line = item.line;
    const em = lineEm(line.words, line.box.h);
    let run: Word[] = [];
    const flush = () => {
      if (run.length === 0) return;
      const box = unionBox(run.map((w) => ({ x: w.box.x, y: line.box.y, w: w.box.w, h: line.box.h })))!;
      entries.push({ type: 'line', text: run.map((w) => w.text).join(''), boxes: [box], column: line.column, band: line.band });
      run = [];
    };
    for (const word of line.words) {
      const last = run[run.length - 1];
      if (last && word.box.x - (last.box.x + last.box.w) >= em * FIELD_GAP_EM) flush();
      run.push(word);
    }
    flush();
  }
  return entries;
}

/** The entries of a scan's stored words (src/schemas/page-words.ts): lines only, columns unknown. */
export function entriesFromWords(words: PageWords): PageEntry[] {
  return words.lines.map((line) => ({ type: 'line', text: line.words.map((w) => w.text).join(''), boxes: [line.box], column: null, band: 'body' }));
}

/**
 * Give each line of the page to the item it belongs to, and make each item's regions. `width`
 * and `height` are the size of the frame the entries' boxes are in; every region lies inside.
 */
export function alignItems(items: readonly AlignItem[], entries: readonly PageEntry[], width: number, height: number): Alignment {
  const grams = items.map((item) => new Set(pairs(matchKey(item.text))));
  const chars = items.map((item) => new Set([...matchKey(item.text)]));
  const owner = entries.map(() => -1);
  const keys = entries.map((entry) => (entry.type === 'line' ? matchKey(entry.text) : ''));

  // first the lines whose text decides: at least two pairs, one item clearly best
  const weak: number[] = [];
  entries.forEach((entry, index) => {
    if (entry.type !== 'line') return;
    const key = keys[index]!;
    if (key.length === 0) return;
    const linePairs = pairs(key);
    if (linePairs.length < 2) {
      weak.push(index);
      return;
    }
    let best = -1;
    let bestScore = 0;
    let second = 0;
    grams.forEach((set, item) => {
      let hit = 0;
      for (const pair of linePairs) if (set.has(pair)) hit++;
      const score = hit / linePairs.length;
      if (score > bestScore) {
        second = bestScore;
        bestScore = score;
        best = item;
      } else if (score > second) second = score;
    });
    if (best >= 0 && bestScore >= MIN_SCORE && bestScore - second >= 0.15) owner[index] = best;
    else if (best >= 0 && bestScore >= MIN_SCORE) weak.push(index);
  });

  // then the short and the ambiguous lines (a paragraph's last two characters, a line two items
  // share): the item of the nearest decided line before or after in the same column, when its
  // text holds the line's characters
  for (const index of weak) {
    const key = keys[index]!;
    const entry = entries[index]!;
    const column = entry.column;
    const candidates: number[] = [];
    for (const step of [-1, 1]) {
      for (let j = index + step; j >= 0 && j < entries.length; j += step) {
        const other = entries[j]!;
        if (other.type !== 'line' || (column !== null && other.column !== column)) continue;
        if (owner[j]! >= 0) {
          candidates.push(owner[j]!);
          break;
        }
        if (keys[j] !== '' && !weak.includes(j)) break;
      }
    }
    const fits = candidates.filter((item) => [...key].every((ch) => chars[item]!.has(ch)));
    if (fits.length > 0) owner[index] = fits[0]!;
  }

  const regions = items.map((item, i) => regionsOf(entries, owner, i, item.photo, width, height));
  const matchedLines = owner.filter((o, index) => o >= 0 && entries[index]!.type === 'line');
  return {
    regions,
    owner,
    stats: {
      lines: entries.filter((e) => e.type === 'line' && matchKey(e.text) !== '').length,
      matched: matchedLines.length,
      items: items.length,
      placed: regions.filter((r) => r !== null).length,
      itemChars: items.reduce((sum, item) => sum + [...matchKey(item.text)].length, 0),
      matchedChars: entries.reduce((sum, entry, index) => sum + (owner[index]! >= 0 && entry.type === 'line' ? [...keys[index]!].length : 0), 0),
    },
  };
}

/**
 * An item's regions from the entries given to it: the union of its boxes per column, a new box
 * where the union would take in the middle of another item's line; a photo item also takes the
 * photo printed just before its first line (nothing but unmatched lines between).
 */
function regionsOf(entries: readonly PageEntry[], owner: number[], item: number, photo: boolean, width: number, height: number): Regions | null {
  const own: { box: Box; column: number | null }[] = [];
  const foreign: Box[] = [];
  entries.forEach((entry, index) => {
    if (entry.type !== 'line') return;
    if (owner[index] === item) for (const box of entry.boxes) own.push({ box, column: entry.column });
    else if (owner[index]! >= 0) foreign.push(...entry.boxes);
  });
  if (own.length === 0) return null;
  if (photo) {
    const first = owner.indexOf(item);
    for (let j = first - 1; j >= 0; j--) {
      const entry = entries[j]!;
      if (entry.type === 'photo') {
        own.unshift({ box: entry.box, column: entry.column });
        break;
      }
      if (owner[j]! >= 0) break;
    }
  }
  const groups: { column: number | null; box: Box }[] = [];
  for (const { box, column } of own) {
    // lines without a known column join a group they stand under or over (half their width or
    // more in common), so that an article that runs on into another column gets a box there
    const sameColumn = (g: { column: number | null; box: Box }) =>
      column === null ? g.column === null && overlap(g.box.x, g.box.x + g.box.w, box.x, box.x + box.w) >= Math.min(g.box.w, box.w) * 0.5 : g.column === column;
    const group = groups.find((g) => sameColumn(g) && !swallows(unionBox([g.box, box])!, foreign));
    if (group) group.box = unionBox([group.box, box])!;
    else groups.push({ column, box });
  }
  return groups.map((g) => clampTo(g.box, width, height));
}
