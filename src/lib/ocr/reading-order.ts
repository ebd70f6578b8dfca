import type { Problem } from '../../schemas/problem.ts';
import { joinWords, lineEm, spaceThreshold } from './line-text.ts';
import { median, overlap, unionBox, type Box, type Line, type LineKind, type PositionedPage, type Word } from './model.ts';

/**
 * Reading order of a positioned page, decided from the boxes, not from the order the engine
 * printed them (Tesseract reads columns out of order on some pages, and without a resolution
 * it even reads lines straight across the gutters).
 *
 * The method is a recursive XY cut over words and photos, tuned for newspapers:
 * 1. the page header band at the top and the footer band at the bottom are taken off first, by
 *    position (small lines, or lines holding the date, 第N版 or 编辑, above the first clear
 *    horizontal gap in the top 12 % of the page, below the last gap of more than a line's
 *    height in the bottom 10 %), or because the file says so (ALTO TopMargin);
 * 2. a region is cut first at column gutters: vertical gaps free of any word or photo from the
 *    region's top to its bottom (so a headline spanning three columns keeps them together, and
 *    the gutter under it is found one level down, after the headline is cut off);
 *    Columns that a clear band crosses at the same height, with their text starting level above
 *    it, are kept together and cut across at that band first (a row of articles set over
 *    several columns under a headline one column wide is read before the row under it);
 *    A headline narrower than its article (centred over it, or flush over its first column) is
 *    first given the reach of the columns beside it whose text starts level with the text
 *    under it, so that they are read under it; only as far as it stays centred or flush over
 *    them (a column beside two headlines of one row belongs to one of them, not to both);
 * 3. otherwise it is cut across at its widest horizontal gaps (a headline's space below it, a
 *    rule between articles) and each part is read again from step 2;
 * 4. what cannot be cut is read row by row, left to right.
 * Lines that Tesseract read across a gutter are split there, because the cut works on words.
 */

export type Band = 'header' | 'body' | 'footer';

export interface OrderedLine {
  /** The line's text, spaced for Chinese (line-text.ts). */
  text: string;
  box: Box;
  words: Word[];
  /**
   * The block the line belongs to: the file's block id, with `#2`, `#3`... when the block was
   * split over several columns (or by a wide gap inside it).
   */
  block: string;
  /** Column region id: lines in the same column share it; a headline over columns has its own. */
  column: number;
  band: Band;
  kind: LineKind;
  /** Line height over the page's median body line height (1 for body text, 2.3 for a big headline). */
  size: number;
  bold: boolean | null;
  /** The first line of its block in reading order (the converter puts a blank line before it). */
  startsBlock: boolean;
  /** Indented like the first line of a paragraph (at least about one character in, full to the right). */
  indent: boolean;
  /** 1-based line of the line element in the OCR file (split lines share it). */
  sourceLine: number;
}

export interface OrderedPhoto {
  box: Box;
  block: string;
  column: number;
  sourceLine: number;
}

export type OrderedItem = { type: 'line'; line: OrderedLine } | { type: 'photo'; photo: OrderedPhoto };

export interface OrderedPage {
  width: number;
  height: number;
  /** Median height of body lines in pixels (line box height, or Tesseract's x_size when every line has one). */
  bodyLineHeight: number;
  /** Lines and photos in reading order. */
  items: OrderedItem[];
  problems: Problem[];
}

interface SourceLine {
  box: Box;
  words: Word[];
  /** One Han character's advance in pixels (line-text.ts). */
  em: number;
  blockId: string;
  role: 'header' | 'footer' | null;
  kind: LineKind;
  bold: boolean | null;
  measure: number;
  sourceLine: number;
}

interface Atom {
  /** The word's x extent over its line's height, or the photo's box. */
  box: Box;
  /** Index into the source lines, or -1 for a photo. */
  line: number;
  /** The word (a piece of one when a word was cut at a gutter), or null for a photo. */
  word: Word | null;
  /** Position of the word in its line as the file printed it; pieces of a word get fractions. */
  order: number;
  photo: number;
}

interface Leaf {
  atoms: Atom[];
  column: number;
}

/** Order a page for reading. Pure: the page is not changed. */
export function orderPage(page: PositionedPage): OrderedPage {
  const problems: Problem[] = [];
  const textBlocks = page.blocks.filter((b) => b.kind === 'text');
  const everyLineSized = textBlocks.every((b) => b.lines.every((l) => l.fontSizePx !== null));
  const typical = median(textBlocks.flatMap((b) => b.lines.map((l) => l.box.h))) ?? 1;
  const lines: SourceLine[] = textBlocks.flatMap((block) =>
    block.lines.flatMap((line) => (line.box.h > typical * 1.5 ? splitAtWideGaps(line) : [line])).map((line) => ({
      box: line.box,
      words: line.words,
      em: lineEm(line.words, line.box.h),
      blockId: block.id,
      role: block.role,
      kind: line.kind,
      bold: line.bold,
      measure: everyLineSized ? line.fontSizePx! : line.box.h,
      sourceLine: line.sourceLine,
    })),
  );
  const rules = page.blocks.filter((b) => b.kind === 'separator' && b.box.w >= b.box.h * 8).map((b) => b.box);
  const bodyMeasure = median(lines.map((l) => l.measure)) ?? 1;
  const bodyHeight = median(lines.map((l) => l.box.h)) ?? 1;
  const spaceEm = spaceThreshold(lines);
  // Tesseract reports specks and bits of text as photos: a photo is at least two lines high and
  // wide, and mostly free of text; and it stands inside the page's margins: a "photo" that
  // touches the edge of the scan is its dark border, a shadow or a dark corner
  const atEdge = (b: Box) => b.x <= 2 || b.y <= 2 || b.x + b.w >= page.width - 2 || b.y + b.h >= page.height - 2;
  const photos = page.blocks.filter((b) => b.kind === 'photo' && b.box.w >= bodyHeight * 2 && b.box.h >= bodyHeight * 2 && textCover(b.box, lines) < 0.3 && !atEdge(b.box));
  if (lines.length === 0) problems.push({ code: 'ocr-page-empty', line: page.sourceLine, message: 'the page has no text lines.' });

  const atoms: Atom[] = [];
  // a word's atom spans its line's height: Tesseract's word boxes stick out of their lines
  // unevenly, which would open false gaps between rows
  lines.forEach((line, index) => line.words.forEach((word, w) => atoms.push({ box: { x: word.box.x, w: word.box.w, y: line.box.y, h: line.box.h }, line: index, word, order: w, photo: -1 })));
  photos.forEach((photo, index) => atoms.push({ box: photo.box, line: -1, word: null, order: 0, photo: index }));

  const band = findBands(atoms, lines, page, bodyMeasure, bodyHeight);
  const cutter = new Cutter(bodyHeight, bodyMeasure, rules, lines);
  const headerLeaves = band.header.length > 0 ? [{ atoms: band.header, column: cutter.newColumn() }] : [];
  const bodyLeaves = cutter.cut([...band.body, ...headlineReach(band.body, lines, bodyHeight, bodyMeasure)], cutter.newColumn(), 0);
  const footerLeaves = band.footer.length > 0 ? [{ atoms: band.footer, column: cutter.newColumn() }] : [];

  const items: OrderedItem[] = [];
  const emit = (leaves: Leaf[], bandName: Band) => {
    for (const leaf of leaves) {
      for (const fragment of readLeaf(leaf.atoms)) {
        if (fragment.photo >= 0) {
          const photo = photos[fragment.photo]!;
          items.push({ type: 'photo', photo: { box: photo.box, block: photo.id, column: leaf.column, sourceLine: photo.sourceLine } });
          continue;
        }
        const source = lines[fragment.line]!;
        const words = fragment.words;
        const whole = words.length === source.words.length && words.every((w, i) => w === source.words[i]);
        // a line cut at a gutter: its piece spans the words' x and the line's y
        const wordsBox = unionBox(words.map((w) => w.box))!;
        const box = whole ? source.box : { x: wordsBox.x, w: wordsBox.w, y: source.box.y, h: source.box.h };
        items.push({
          type: 'line',
          line: {
            text: joinWords(words, source.em, spaceEm),
            box,
            words,
            block: source.blockId,
            column: leaf.column,
            band: bandName,
            kind: source.kind,
            size: round2(source.measure / bodyMeasure),
            bold: source.bold,
            startsBlock: false,
            indent: false,
            sourceLine: source.sourceLine,
          },
        });
      }
    }
  };
  emit(headerLeaves, 'header');
  emit(bodyLeaves, 'body');
  emit(footerLeaves, 'footer');
  markBlocks(items, bodyHeight);
  markIndents(items, bodyHeight);
  return { width: page.width, height: page.height, bodyLineHeight: bodyHeight, items, problems };
}

/**
 * A headline line read across two articles: Tesseract reads the headlines of two articles set
 * side by side in one row as one line (松桃县民生实事落地见效 … 技能谱新篇, 558 px apart in a
 * line 91 px high). A gap between two of its words more than four times the line's height is no
 * word space (a headline's own, between its two phrases, is about a character): the line is read
 * as two, each as high as the line and as wide as its words. (Body lines read across a gutter
 * are cut where the gutter is found: Cutter.softGutters, cutWords.)
 */
function splitAtWideGaps(line: Line): Line[] {
  const out: Word[][] = [];
  let words: Word[] = [];
  for (const word of line.words) {
    const last = words[words.length - 1];
    if (last && word.box.x - (last.box.x + last.box.w) > line.box.h * 4) {
      out.push(words);
      words = [];
    }
    words.push(word);
  }
  if (out.length === 0) return [line];
  out.push(words);
  return out.map((part) => {
    const across = unionBox(part.map((w) => w.box))!;
    return { ...line, words: part, box: { x: across.x, w: across.w, y: line.box.y, h: line.box.h } };
  });
}

/**
 * A headline narrower than its article: the text under it starts at one height in the columns
 * below it and in the columns beside it that hold nothing higher up (a headline centred over
 * five columns, or set over the first of two). Each such headline gets an atom without a word
 * that spans those columns at the headline's height, so that no gutter is found through it and
 * the columns are read under it; the atom is dropped when the leaf is read. Where two headlines
 * of one row both reach over the columns between them, the left one keeps them.
 */
function headlineReach(atoms: Atom[], lines: SourceLine[], bodyHeight: number, bodyMeasure: number): Atom[] {
  const big = (line: SourceLine) => line.box.h > bodyHeight * 1.5 && line.measure > bodyMeasure * 1.3;
  const tolerance = bodyHeight * 0.6;
  const textLines = new Map<number, Box>();
  for (const atom of atoms) {
    if (atom.line < 0) continue;
    const known = textLines.get(atom.line);
    textLines.set(atom.line, known ? unionBox([known, atom.box])! : atom.box);
  }
  const boxes = [...textLines].map(([line, box]) => ({ line, box }));
  const photos = atoms.filter((a) => a.line < 0).map((a) => ({ line: -1, box: a.box }));
  const everything = [...boxes, ...photos];
  // a headline the engine read as two lines side by side (台江县基层社会治 | 理提质增效, or the
  // halves of 义务教育强基础　技能促发展 a word space apart, in the same type) is placed as one;
  // not two headlines of neighbouring articles a gutter apart, set in type of other sizes
  const heads: { line: number; box: Box }[] = [];
  for (const b of boxes.filter((b) => big(lines[b.line]!)).sort((p, q) => p.box.x - q.box.x)) {
    const row = heads.find((hd) => {
      const gap = b.box.x - (hd.box.x + hd.box.w);
      const same = Math.abs(hd.box.h - b.box.h) <= Math.max(hd.box.h, b.box.h) * 0.06;
      return (gap <= Math.min(hd.box.h, b.box.h) * 0.5 || (same && gap <= Math.min(hd.box.h, b.box.h) * 1.3)) && overlap(hd.box.y, hd.box.y + hd.box.h, b.box.y, b.box.y + b.box.h) >= Math.min(hd.box.h, b.box.h) * 0.5;
    });
    if (row) row.box = unionBox([row.box, b.box])!;
    else heads.push({ line: b.line, box: b.box });
  }
  // ...and a headline set on two lines, one under the other (生态环境保护强基础 / 示范促发展)
  heads.sort((p, q) => p.box.y - q.box.y);
  for (let i = 0; i < heads.length; i++) {
    for (let j = i + 1; j < heads.length; j++) {
      const [a, b] = [heads[i]!.box, heads[j]!.box];
      const gap = b.y - (a.y + a.h);
      if (gap < 0 || gap > Math.min(a.h, b.h) * 0.6 || overlap(a.x, a.x + a.w, b.x, b.x + b.w) < Math.min(a.w, b.w) * 0.5) continue;
      heads[i]!.box = unionBox([a, b])!;
      heads.splice(j--, 1);
    }
  }
  const reaches: { head: Box; atom: Atom }[] = [];
  for (const head of heads) {
    const h = head.box;
    // the first text under the headline's span: a body line (a subtitle or a byline may come between)
    const under = everything.filter((b) => b.box.y >= h.y + h.h - 1 && overlap(b.box.x, b.box.x + b.box.w, h.x, h.x + h.w) > 0).sort((a, b) => a.box.y - b.box.y);
    const first = under[0];
    if (!first || first.line < 0 || first.box.y - (h.y + h.h) > bodyHeight * 3) continue;
    // the body starts where lines of body type start side by side (the first row of its
    // columns), not at a subtitle or byline centred alone under the headline; under a headline
    // over one column, at its first line of body type
    const bodyType = (b: { line: number; box: Box }) => b.line >= 0 && !big(lines[b.line]!) && b.box.h <= bodyHeight * 1.5 && lines[b.line]!.measure <= bodyMeasure * 1.3;
    // (within six lines of the headline: a subtitle and a gap may stand between; a line that only
    // grazes the headline's span, the edge of a column beside it, is not under it)
    const near = under.filter((b) => b.box.y - (h.y + h.h) <= bodyHeight * 6 && bodyType(b) && overlap(b.box.x, b.box.x + b.box.w, h.x, h.x + h.w) > bodyHeight * 0.5);
    // (a column goes on under its first line, a line's space lower; a byline stands apart, even
    // one read as two pieces side by side: 本报记者 | 孔瑛悦)
    const goesOn = (b: { box: Box }) => under.some((c) => c.box.y > b.box.y && c.box.y - (b.box.y + b.box.h) <= bodyHeight * 0.8 && overlap(c.box.x, c.box.x + c.box.w, b.box.x, b.box.x + b.box.w) > 0);
    const row = near.find((b) => goesOn(b) && near.some((c) => c !== b && Math.abs(c.box.y - b.box.y) <= tolerance && overlap(c.box.x, c.box.x + c.box.w, b.box.x, b.box.x + b.box.w) <= 0));
    const bodyTop = (row ?? near.find(goesOn) ?? near[0])?.box.y ?? -1;
    if (bodyTop < 0) continue;
    // the text under the headline's span on the row where the body starts
    const row0 = boxes.filter((b) => Math.abs(b.box.y - bodyTop) <= tolerance && overlap(b.box.x, b.box.x + b.box.w, h.x, h.x + h.w) > 0);
    // a column's edges are those of most of its first lines: its first line may be indented or
    // the short end of a paragraph (效。)
    const columnOf = (first: Box): [number, number] => {
      const column = boxes.filter((b) => b.box.y >= bodyTop - tolerance && b.box.y <= bodyTop + bodyHeight * 12 && b.box.h <= bodyHeight * 1.5 && overlap(b.box.x, b.box.x + b.box.w, first.x, first.x + first.w) > 0);
      return [median(column.map((b) => b.box.x)) ?? first.x, median(column.map((b) => b.box.x + b.box.w)) ?? first.x + first.w];
    };
    // where the reach may stop on each side: the edges of the text under the headline, then of
    // each column beside it in turn, so that a stop can be compared with the headline's place
    const lefts = [Math.min(h.x, ...row0.map((b) => columnOf(b.box)[0]))];
    const rights = [Math.max(h.x + h.w, ...row0.map((b) => columnOf(b.box)[1]))];
    let left = h.x;
    let right = h.x + h.w;
    // a column beside: its first line starts level with the body under the headline, and
    // nothing of it stands higher (from the headline's top down)
    const reach = (side: 1 | -1): void => {
      for (;;) {
        const next = boxes
          .filter((b) => Math.abs(b.box.y - bodyTop) <= tolerance && (side > 0 ? b.box.x >= right : b.box.x + b.box.w <= left))
          .sort((a, b) => (side > 0 ? a.box.x - b.box.x : b.box.x + b.box.w - (a.box.x + a.box.w)))[0];
        if (!next || !(lines[next.line]!.box.h <= bodyHeight * 1.5)) return;
        const x0 = side > 0 ? right : next.box.x;
        const x1 = side > 0 ? next.box.x + next.box.w : left;
        if (x1 - x0 > (right - left) * 1.5 + bodyHeight * 2) return;
        const above = everything.filter((b) => b !== next && b.box.y + b.box.h > h.y - bodyHeight && b.box.y < bodyTop - tolerance && overlap(b.box.x, b.box.x + b.box.w, x0, x1) > 0);
        // a byline set over the first column under the headline does not keep it out: one line
        // of body type, set apart from the column's text by more than the space between lines
        const byline = above.length === 1 && above[0]!.line >= 0 && !big(lines[above[0]!.line]!) && above[0]!.box.h <= bodyHeight * 1.5 && above[0]!.box.y + above[0]!.box.h <= next.box.y - bodyHeight * 0.8;
        const blocked = above.length > 0 && !byline;
        // nor a headline soon under it (the line was a kicker over another article)
        const headed = boxes.some((b) => b.line >= 0 && big(lines[b.line]!) && b.box.y >= bodyTop && b.box.y < bodyTop + bodyHeight * 4 && overlap(b.box.x, b.box.x + b.box.w, x0, x1) > 0);
        if (blocked || headed) return;
        if (side > 0) {
          right = x1;
          rights.push(Math.max(x1, columnOf(next.box)[1]));
        } else {
          left = x0;
          lefts.push(Math.min(x0, columnOf(next.box)[0]));
        }
      }
    };
    reach(1);
    reach(-1);
    // a headline is set centred over its article's columns or flush with the first of them: of
    // the stops, keep the widest span the headline sits in so. A column beside a headline
    // centred over one column (or beside the end of one set flush left) belongs to another
    // article, most often to the headline next to it in the same row.
    const centre = h.x + h.w / 2;
    let best: [number, number] | null = null;
    for (const l of lefts) {
      for (const r of rights) {
        const slack = Math.max(bodyHeight * 2, (r - l) * 0.04);
        const aligned = Math.abs((l + r) / 2 - centre) <= slack || Math.abs(h.x - l) <= slack;
        if (aligned && (!best || r - l > best[1] - best[0])) best = [l, r];
      }
    }
    if (!best) continue;
    // a side not reached keeps the headline's own edge
    const from = best[0] === lefts[0] ? h.x : best[0];
    const to = best[1] === rights[0] ? h.x + h.w : best[1];
    if (from < h.x || to > h.x + h.w) reaches.push({ head: h, atom: { box: { x: from, w: to - from, y: h.y, h: h.h }, line: head.line, word: null, order: -1, photo: -1 } });
  }
  // two headlines of one row that both reach over the columns between them (the left one set
  // flush over its columns, the right one centred over a span that takes them in): the columns
  // are the left one's, whose article runs on to the right of it
  for (const left of reaches) {
    for (const right of reaches) {
      const [a, b] = [left.atom.box, right.atom.box];
      if (left === right || right.head.x < left.head.x + left.head.w || overlap(a.y, a.y + a.h, b.y, b.y + b.h) < Math.min(a.h, b.h) * 0.5) continue;
      const end = a.x + a.w;
      if (b.x >= end || end >= right.head.x) continue;
      // (the right one keeps what it reaches on its other side)
      right.atom.box = { ...b, x: right.head.x, w: b.x + b.w - right.head.x };
    }
  }
  return reaches.filter((r) => r.atom.box.x < r.head.x || r.atom.box.x + r.atom.box.w > r.head.x + r.head.w).map((r) => r.atom);
}

/** The share of a box covered by text line boxes. */
function textCover(box: Box, lines: SourceLine[]): number {
  let covered = 0;
  for (const line of lines) covered += overlap(box.x, box.x + box.w, line.box.x, line.box.x + line.box.w) * overlap(box.y, box.y + box.h, line.box.y, line.box.y + line.box.h);
  return box.w * box.h === 0 ? 1 : covered / (box.w * box.h);
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

/**
 * The header band: atoms above the first clear horizontal gap, when that gap lies in the top
 * 12 % of the page and every line above it is small; the footer band likewise at the bottom
 * 10 %. Blocks the file marks as header or footer go to their band whatever their place.
 */
function findBands(atoms: Atom[], lines: SourceLine[], page: PositionedPage, bodyMeasure: number, bodyHeight: number): { header: Atom[]; body: Atom[]; footer: Atom[] } {
  const header: Atom[] = [];
  const footer: Atom[] = [];
  let body: Atom[] = [];
  for (const atom of atoms) {
    const role = atom.line >= 0 ? lines[atom.line]!.role : null;
    if (role === 'header') header.push(atom);
    else if (role === 'footer') footer.push(atom);
    else body.push(atom);
  }
  const small = (subset: Atom[]) => subset.every((a) => a.line >= 0 && lines[a.line]!.measure <= bodyMeasure * 1.3);
  const gaps = horizontalGaps(body).filter((g) => g.size >= bodyHeight * 0.5);
  const top = gaps.find((g) => g.at <= page.height * 0.12);
  if (top && header.length === 0) {
    const above = body.filter((a) => a.box.y + a.box.h <= top.at);
    if (above.length > 0 && (small(above) || folio(above, lines)) && gaps[0] === top) {
      header.push(...above);
      body = body.filter((a) => a.box.y + a.box.h > top.at);
    }
  }
  // a footer stands further off than the space between two lines of text: a column's last line
  // a line's space under the rest (its neighbours ended higher) is no footer
  const bottomGaps = horizontalGaps(body).filter((g) => g.size >= bodyHeight);
  const bottom = bottomGaps[bottomGaps.length - 1];
  if (bottom && footer.length === 0 && bottom.at + bottom.size >= page.height * 0.9) {
    const below = body.filter((a) => a.box.y >= bottom.at + bottom.size);
    if (below.length > 0 && small(below)) {
      footer.push(...below);
      body = body.filter((a) => a.box.y < bottom.at + bottom.size);
    }
  }
  return { header, body, footer };
}

const FOLIO = /\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|第\s*(?:\d{1,3}|[一二三四五六七八九十]{1,3})\s*版|编\s*辑|編\s*輯/u;

/**
 * Whether atoms above the top gap hold a page header's fields (the date, 第N版, 责任编辑):
 * a header may set the page's name (版名) larger than body text, which alone would not pass as
 * a header band.
 */
function folio(atoms: Atom[], lines: SourceLine[]): boolean {
  const ids = new Set(atoms.filter((a) => a.line >= 0).map((a) => a.line));
  return [...ids].some((id) => FOLIO.test(lines[id]!.words.map((w) => w.text).join('')));
}

interface Gap {
  /** Where the gap starts (y for a horizontal gap, x for a vertical one). */
  at: number;
  size: number;
}

/** Horizontal gaps between the atoms' vertical extents, top to bottom. */
function horizontalGaps(atoms: Atom[]): Gap[] {
  return gaps(atoms.map((a) => [a.box.y, a.box.y + a.box.h]));
}

/**
 * Gaps between the atoms' x extents. An engine's photo box takes in the blurred edge of the
 * picture and some of the white beside it (a picture one column wide reaching 20 px into a
 * 27 px gutter, 7 px left): a gap that a photo's edge narrows is widened by up to `inset` into
 * the photo. A photo that touches the text beside it (an advertisement's) leaves no gap to widen.
 */
function verticalGaps(atoms: Atom[], inset: number): Gap[] {
  const plain = gaps(atoms.map((a) => [a.box.x, a.box.x + a.box.w]));
  if (inset <= 0 || !atoms.some((a) => a.photo >= 0)) return plain;
  const widened = gaps(atoms.map((a) => (a.photo >= 0 && a.box.w > 4 * inset ? [a.box.x + inset, a.box.x + a.box.w - inset] : [a.box.x, a.box.x + a.box.w])));
  return widened.filter((gap) => plain.some((p) => p.at >= gap.at && p.at + p.size <= gap.at + gap.size));
}

function gaps(intervals: [number, number][]): Gap[] {
  const sorted = intervals.sort((a, b) => a[0] - b[0]);
  const out: Gap[] = [];
  let end = Number.NEGATIVE_INFINITY;
  for (const [start, stop] of sorted) {
    if (end !== Number.NEGATIVE_INFINITY && start > end) out.push({ at: end, size: start - end });
    end = Math.max(end, stop);
  }
  return out;
}

/** Recursive XY cut (see the module comment). Column ids are handed out in reading order. */
class Cutter {
  private readonly bodyHeight: number;
  private readonly bodyMeasure: number;
  private readonly rules: Box[];
  private readonly lines: SourceLine[];
  private columns = 0;
  constructor(bodyHeight: number, bodyMeasure: number, rules: Box[], lines: SourceLine[]) {
    this.bodyHeight = bodyHeight;
    this.bodyMeasure = bodyMeasure;
    this.rules = rules;
    this.lines = lines;
  }

  newColumn(): number {
    return ++this.columns;
  }

  /** How much of a photo box's edge may be margin (verticalGaps). */
  private get photoInset(): number {
    return this.bodyHeight * 0.5;
  }

  cut(atoms: Atom[], column: number, depth: number): Leaf[] {
    if (atoms.length <= 1 || depth > 80) return [{ atoms, column }];
    const extent = unionBox(atoms.map((a) => a.box))!;
    const gutters = this.withoutSlivers(verticalGaps(atoms, this.photoInset).filter((g) => this.isGutter(g, atoms)), atoms);
    if (gutters.length > 0) {
      const parts = aboveFirst(splitAt(atoms, gutters, (a) => a.box.x));
      const modules = this.modules(parts);
      if (modules?.across) return modules.parts.flatMap((part) => this.cut(part, column, depth + 1));
      if (modules) return modules.parts.flatMap((part) => this.cut(part, this.newColumn(), depth + 1));
      return parts.flatMap((part) => this.cut(part, this.newColumn(), depth + 1));
    }
    const soft = this.softGutters(atoms, extent);
    if (soft.length > 0) {
      const parts = splitAt(cutWords(atoms, soft), soft, (a) => a.box.x + a.box.w / 2);
      return parts.flatMap((part) => this.cut(part, this.newColumn(), depth + 1));
    }
    const across = horizontalGaps(atoms).filter((g) => g.size > 0);
    if (across.length === 0) return [{ atoms, column }];
    // a gap holding a rule across most of the region is an article boundary, whatever its size
    const ruled = (g: Gap) => this.rules.some((r) => r.y >= g.at && r.y + r.h <= g.at + g.size && overlap(r.x, r.x + r.w, extent.x, extent.x + extent.w) >= extent.w * 0.6);
    let chosen = across.filter((g) => g.size >= this.bodyHeight * 1.2 || ruled(g));
    if (chosen.length === 0) {
      // nothing stands side by side: a plain stack of lines, read top to bottom
      if (!hasSideBySide(atoms)) return [{ atoms, column }];
      // else cut at the single widest gap (the one under a headline) and look again: cutting
      // at every row gap would read columns under a headline row by row
      const widest = across.reduce((best, g) => (g.size > best.size ? g : best));
      // no more than the space between two rows of text: a headline's reach (headlineReach)
      // hid the gutters this region needs, so read it without; unless a picture standing free
      // across a gutter (an advertisement under two articles) is what hides it: take that off
      // first, and the reaches stay
      if (widest.size < this.bodyHeight * 0.8 && atoms.some((a) => a.line >= 0 && a.word === null)) {
        const peeled = this.peel(atoms, true);
        if (peeled) return peeled.flatMap((part) => this.cut(part, this.newColumn(), depth + 1));
        return this.cut(atoms.filter((a) => !(a.line >= 0 && a.word === null)), column, depth + 1);
      }
      // no more than the space between two lines: cutting there would cut columns of text
      // across; a block that stands free of the rest may be what keeps the rest from being cut
      if (widest.size < this.bodyHeight * 0.8) {
        const peeled = this.peel(atoms);
        if (peeled) return peeled.flatMap((part) => this.cut(part, this.newColumn(), depth + 1));
      }
      chosen = [widest];
    }
    const parts = splitAt(atoms, chosen, (a) => a.box.y);
    if (parts.length <= 1) return [{ atoms, column }];
    return parts.flatMap((part) => this.cut(part, column, depth + 1));
  }

  /**
   * No column is narrower than three characters: a strip of text that narrow beside a gap under
   * a body line wide is the start of its neighbour's lines, which the engine printed as lines of
   * their own (年， | 黄平县落实营商环境服务平, the space after a comma), and the gap next to it
   * is not a gutter. Photos are never slivers.
   */
  private withoutSlivers(gutters: Gap[], atoms: Atom[]): Gap[] {
    let kept = [...gutters].sort((a, b) => a.at - b.at);
    for (;;) {
      const bounds = [Number.NEGATIVE_INFINITY, ...kept.map((g) => g.at + g.size / 2), Number.POSITIVE_INFINITY];
      let drop = -1;
      for (let part = 0; part < bounds.length - 1 && drop < 0; part++) {
        const inside = atoms.filter((a) => a.box.x >= bounds[part]! && a.box.x < bounds[part + 1]!);
        if (inside.length === 0 || inside.some((a) => a.line < 0)) continue;
        const x0 = Math.min(...inside.map((a) => a.box.x));
        const x1 = Math.max(...inside.map((a) => a.box.x + a.box.w));
        if (x1 - x0 >= this.bodyHeight * 3) continue;
        // join it to its neighbour across the narrower gap beside it: a gap under a body line
        // wide, or under one and a half when each of its lines goes on across it in the same row
        const rowsGoOn = (k: number) => {
          const other = atoms.filter((a) => a.line >= 0 && (k < part ? a.box.x + a.box.w <= kept[k]!.at : a.box.x >= kept[k]!.at + kept[k]!.size) && Math.abs(a.box.x + a.box.w / 2 - (k < part ? x0 : x1)) <= this.bodyHeight * 4);
          return inside.every((a) => other.some((b) => overlap(a.box.y, a.box.y + a.box.h, b.box.y, b.box.y + b.box.h) >= Math.min(a.box.h, b.box.h) * 0.5));
        };
        const beside = [part - 1, part].filter((k) => k >= 0 && k < kept.length && (kept[k]!.size < this.bodyHeight || (kept[k]!.size < this.bodyHeight * 1.5 && rowsGoOn(k))));
        if (beside.length > 0) drop = beside.reduce((a, b) => (kept[b]!.size < kept[a]!.size ? b : a));
      }
      if (drop < 0) return kept;
      kept = kept.filter((_, k) => k !== drop);
    }
  }

  /**
   * A region that no gutter or clear band divides, because its articles interlock (an article
   * in an L round another, an advertisement under three columns beside two that run on): find
   * a block of lines (or a photo with what stands on it) whose box holds nothing else, such
   * that without it the rest can be cut; read the rest, and the block where it stands (after
   * the rest when it lies in the lower half, else before). Null when there is none. With
   * `gutterOnly`, the block holds a photo and no headline's reach, and the rest must have a
   * gutter.
   */
  private peel(atoms: Atom[], gutterOnly = false): Atom[][] | null {
    // blocks: lines (and photos) linked when one stands right under another (less than a body
    // line apart, overlapping across) or beside it in the same row (less than half a line apart)
    const keyOf = (a: Atom) => (a.line >= 0 ? a.line : -1 - a.photo);
    const boxes = new Map<number, Box>();
    for (const atom of atoms) {
      const key = keyOf(atom);
      const known = boxes.get(key);
      boxes.set(key, known ? unionBox([known, atom.box])! : atom.box);
    }
    const keys = [...boxes.keys()];
    if (keys.length < 4) return null;
    const parent = new Map(keys.map((k) => [k, k]));
    const find = (k: number): number => {
      let root = k;
      while (parent.get(root) !== root) root = parent.get(root)!;
      parent.set(k, root);
      return root;
    };
    const near = this.bodyHeight;
    for (let i = 0; i < keys.length; i++) {
      for (let j = i + 1; j < keys.length; j++) {
        const a = boxes.get(keys[i]!)!;
        const b = boxes.get(keys[j]!)!;
        const across = overlap(a.x, a.x + a.w, b.x, b.x + b.w);
        const down = overlap(a.y, a.y + a.h, b.y, b.y + b.h);
        const vGap = Math.max(a.y, b.y) - Math.min(a.y + a.h, b.y + b.h);
        const hGap = Math.max(a.x, b.x) - Math.min(a.x + a.w, b.x + b.w);
        if ((across > 0 && vGap < near) || (down > 0 && hGap < near * 0.5) || (across > 0 && down > 0)) parent.set(find(keys[i]!), find(keys[j]!));
      }
    }
    const groups = new Map<number, number[]>();
    for (const key of keys) {
      const root = find(key);
      const members = groups.get(root);
      if (members) members.push(key);
      else groups.set(root, [key]);
    }
    if (groups.size < 2) return null;
    const extent = unionBox([...boxes.values()])!;
    const candidates = [...groups.values()]
      .map((members) => ({ members: new Set(members), box: unionBox(members.map((k) => boxes.get(k)!))! }))
      // free: nothing else inside its box
      .filter((g) => keys.every((k) => g.members.has(k) || overlap(boxes.get(k)!.x, boxes.get(k)!.x + boxes.get(k)!.w, g.box.x, g.box.x + g.box.w) <= 0 || overlap(boxes.get(k)!.y, boxes.get(k)!.y + boxes.get(k)!.h, g.box.y, g.box.y + g.box.h) <= 0))
      .sort((a, b) => b.box.w * b.box.h - a.box.w * a.box.h);
    for (const candidate of candidates) {
      const block = atoms.filter((a) => candidate.members.has(keyOf(a)));
      const rest = atoms.filter((a) => !candidate.members.has(keyOf(a)));
      if (rest.length === 0 || block.length === 0) continue;
      if (gutterOnly && (block.some((a) => a.line >= 0 && a.word === null) || !block.some((a) => a.photo >= 0))) continue;
      const cuttable = verticalGaps(rest, this.photoInset).some((g) => this.isGutter(g, rest)) || (!gutterOnly && horizontalGaps(rest).some((g) => g.size >= this.bodyHeight * 1.2));
      if (!cuttable) continue;
      const below = candidate.box.y + candidate.box.h / 2 > extent.y + extent.h / 2;
      return below ? [rest, block] : [block, rest];
    }
    return null;
  }

  /**
   * A line of body type, by its box's height or by its measure (Tesseract's x-size, which specks
   * read into the line do not stretch as they do its box; a column set in larger type has a
   * larger x-size but a body line's height).
   */
  private bodySize(line: number): boolean {
    const source = this.lines[line]!;
    return source.box.h <= this.bodyHeight * 1.5 || source.measure <= this.bodyMeasure * 1.3;
  }

  /**
   * Columns that belong together: two neighbouring columns are linked when a clear band at
   * least 1.2 body lines high crosses both at the same height (the space between two rows of
   * articles; an article set over several columns under a headline one column wide ends at the
   * same height in each). Linked columns are read as one region first, so that it is cut across
   * at that band and each row of articles is read column by column before the next row; a
   * column linked to none stays a column of its own (read whole, top to bottom). Null when no
   * two columns are linked (plain columns), or when all are but no band crosses them all.
   */
  private modules(parts: Atom[][]): { across: boolean; parts: Atom[][] } | null {
    const min = this.bodyHeight * 1.2;
    const tolerance = this.bodyHeight * 0.6;
    const segments = parts.map((part) => {
      const top = Math.min(...part.map((a) => a.box.y));
      const bands = horizontalGaps(part).filter((g) => g.size >= min);
      return bands.map((band, i) => {
        const from = i === 0 ? top : bands[i - 1]!.at + bands[i - 1]!.size;
        const above = part.filter((a) => a.box.y >= from - 1 && a.box.y < band.at);
        const last = above.reduce((low, a) => (a.box.y + a.box.h > low.box.y + low.box.h ? a : low));
        // the space under a headline is part of its article, not a border between rows of them
        const ends = last.line < 0 || this.bodySize(last.line);
        // rows of body text (or a photo) that start the part or follow more than the usual space
        // between lines (the text under a headline or a byline): a column's regular rows would
        // match any height, and a column beside a headline is not under it
        const bounds = [from, ...gaps(above.map((a) => [a.box.y, a.box.y + a.box.h])).filter((g) => g.size > this.bodyHeight * 0.8).map((g) => g.at + g.size)];
        const starts = bounds.filter((y) => above.some((a) => Math.abs(a.box.y - y) <= 1 && (a.line < 0 || this.bodySize(a.line))));
        return { band, ends, starts };
      });
    });
    // the parts above the band start level too: a column's first text starts where its
    // neighbour has text start (a module's columns start together, under a headline over them
    // or beside one)
    const level = (a: { starts: number[] }, b: { starts: number[] }) => (a.starts.length > 0 && b.starts.some((y) => Math.abs(y - a.starts[0]!) <= tolerance)) || (b.starts.length > 0 && a.starts.some((y) => Math.abs(y - b.starts[0]!) <= tolerance));
    const linked = parts.slice(1).map((_, k) => segments[k]!.some((g) => segments[k + 1]!.some((h) => g.ends && h.ends && overlap(g.band.at, g.band.at + g.band.size, h.band.at, h.band.at + h.band.size) >= min && level(g, h))));
    if (!linked.some(Boolean)) return null;
    const groups: Atom[][] = [[...parts[0]!]];
    linked.forEach((link, k) => (link ? groups[groups.length - 1]!.push(...parts[k + 1]!) : groups.push([...parts[k + 1]!])));
    if (groups.length > 1) return { across: false, parts: groups };
    const atoms = groups[0]!;
    const across = horizontalGaps(atoms).filter((g) => g.size >= min);
    if (across.length === 0) return null;
    return { across: true, parts: splitAt(atoms, across, (a) => a.box.y) };
  }

  /**
   * Gutters that stray marks cross: x ranges, half a body line wide, that at most a tenth of the
   * region's lines touch, with body text on both sides, and either no line or most of the body
   * lines read across (Tesseract without a resolution reads lines across gutters and prints a
   * quote mark or a merged word in them). A line taller than body text across it (a headline)
   * vetoes it; so does a single body line across (a kicker or a byline over two columns).
   */
  softGutters(atoms: Atom[], extent: Box): Gap[] {
    const lineIds = new Set(atoms.filter((a) => a.line >= 0).map((a) => a.line));
    const body = [...lineIds].filter((id) => this.lines[id]!.box.h <= this.bodyHeight * 1.5);
    if (body.length < 4 || extent.w < this.bodyHeight * 6) return [];
    const width = extent.w;
    const diff = new Float64Array(width + 1);
    const seen = new Map<number, [number, number][]>();
    for (const atom of atoms) {
      const x0 = atom.box.x - extent.x;
      const x1 = x0 + atom.box.w;
      if (atom.line < 0) {
        // a photo counts as full coverage
        diff[x0]! += lineIds.size;
        diff[x1]! -= lineIds.size;
        continue;
      }
      const spans = seen.get(atom.line) ?? [];
      spans.push([x0, x1]);
      seen.set(atom.line, spans);
    }
    // a line covers x once however many of its words do
    for (const spans of seen.values()) {
      spans.sort((a, b) => a[0] - b[0]);
      let [start, end] = spans[0]!;
      for (const [s0, s1] of spans.slice(1)) {
        if (s0 > end) {
          diff[start]! += 1;
          diff[end]! -= 1;
          [start, end] = [s0, s1];
        } else end = Math.max(end, s1);
      }
      diff[start]! += 1;
      diff[end]! -= 1;
    }
    const limit = Math.max(1, Math.floor(lineIds.size * 0.1));
    const runs: Gap[] = [];
    let level = 0;
    let runStart = -1;
    for (let x = 0; x <= width; x++) {
      level += diff[x]!;
      const low = x < width && level <= limit;
      if (low && runStart < 0) runStart = x;
      if (!low && runStart >= 0) {
        if (runStart > 0 && x < width && x - runStart >= this.bodyHeight * 0.5) runs.push({ at: extent.x + runStart, size: x - runStart });
        runStart = -1;
      }
    }
    return runs.filter((gap) => {
      const middle = gap.at + gap.size / 2;
      // a column is at least four characters wide
      if (middle - extent.x < this.bodyHeight * 4 || extent.x + extent.w - middle < this.bodyHeight * 4) return false;
      const sides = new Map<number, number>();
      for (const atom of atoms) if (atom.line >= 0) sides.set(atom.line, (sides.get(atom.line) ?? 0) | (atom.box.x + atom.box.w <= middle ? 1 : atom.box.x >= middle ? 2 : 3));
      const across = [...sides].filter(([, side]) => side === 3).map(([line]) => this.lines[line]!);
      const leftLines = [...sides].filter(([, side]) => side & 1).length;
      const rightLines = [...sides].filter(([, side]) => side & 2).length;
      if (leftLines < 3 || rightLines < 3 || !across.every((line) => line.box.h <= this.bodyHeight * 1.5)) return false;
      // none across (a stray mark in the gutter), or most lines (read across by the engine)
      return across.length === 0 || across.length >= Math.max(3, body.length * 0.5);
    });
  }

  /**
   * A vertical gap is a gutter when it is wide enough (half a body line) and no line runs over
   * it, or when the lines that run over it are body lines, at least three of them: Tesseract
   * without a resolution reads straight across the gutters of a page. A headline's word space
   * (志愿服务聚合力　文明实践谱新篇) is never a gutter.
   */
  private isGutter(gap: Gap, atoms: Atom[]): boolean {
    if (gap.size < Math.max(4, this.bodyHeight * 0.5)) return false;
    const middle = gap.at + gap.size / 2;
    const sides = new Map<number, number>();
    for (const atom of atoms) {
      if (atom.line < 0) continue;
      sides.set(atom.line, (sides.get(atom.line) ?? 0) | (atom.box.x < middle ? 1 : 2));
    }
    const crossing = [...sides].filter(([, side]) => side === 3).map(([line]) => this.lines[line]!);
    if (crossing.length === 0) return true;
    if (!crossing.every((line) => line.box.h <= this.bodyHeight * 1.5)) return false;
    return crossing.length >= 3 || crossing.every((line) => this.sandwiched(line, atoms, middle));
  }

  /**
   * A body line across a gap with body text right above and right below it on both sides: a
   * line Tesseract read across a gutter in the middle of two columns, not a kicker or a byline
   * set over them (those have no column text above them).
   */
  private sandwiched(line: SourceLine, atoms: Atom[], middle: number): boolean {
    const reach = this.bodyHeight * 2;
    const found = { leftAbove: false, leftBelow: false, rightAbove: false, rightBelow: false };
    for (const atom of atoms) {
      if (atom.line < 0 || this.lines[atom.line] === line || !this.bodySize(atom.line)) continue;
      const box = atom.box;
      const side = box.x + box.w <= middle ? 'left' : box.x >= middle ? 'right' : null;
      if (!side) continue;
      const centre = box.y + box.h / 2;
      if (centre < line.box.y && centre >= line.box.y - reach) found[`${side}Above`] = true;
      if (centre > line.box.y + line.box.h && centre <= line.box.y + line.box.h + reach) found[`${side}Below`] = true;
    }
    return found.leftAbove && found.leftBelow && found.rightAbove && found.rightBelow;
  }
}

/**
 * Cut the words that straddle a gutter into two, sharing out their characters by width:
 * Tesseract without a resolution reads 新清 | 关党员 across a gutter as one word 清关.
 */
function cutWords(atoms: Atom[], gutters: Gap[]): Atom[] {
  const out: Atom[] = [];
  for (const atom of atoms) {
    const word = atom.word;
    const gutter = gutters.find((g) => atom.box.x < g.at + g.size / 2 && atom.box.x + atom.box.w > g.at + g.size / 2);
    const chars = word ? [...word.text] : [];
    if (!word || !gutter || chars.length < 2) {
      out.push(atom);
      continue;
    }
    const middle = gutter.at + gutter.size / 2;
    const left = Math.round((chars.length * (middle - word.box.x)) / word.box.w);
    if (left <= 0 || left >= chars.length) {
      out.push(atom);
      continue;
    }
    const splitX = Math.round(word.box.x + (word.box.w * left) / chars.length);
    const first: Word = { ...word, text: chars.slice(0, left).join(''), box: { ...word.box, w: Math.max(0, Math.min(splitX, gutter.at) - word.box.x) } };
    const secondX = Math.max(splitX, gutter.at + gutter.size);
    const second: Word = { ...word, text: chars.slice(left).join(''), box: { ...word.box, x: secondX, w: Math.max(0, word.box.x + word.box.w - secondX) } };
    out.push({ ...atom, word: first, box: { ...atom.box, x: first.box.x, w: first.box.w }, order: atom.order });
    out.push({ ...atom, word: second, box: { ...atom.box, x: second.box.x, w: second.box.w }, order: atom.order + 0.5 });
  }
  return out;
}

/** Whether two atoms of different lines (or photos) sit side by side in one row. */
function hasSideBySide(atoms: Atom[]): boolean {
  const extents = new Map<number, Box>();
  for (const atom of atoms) {
    const key = atom.line >= 0 ? atom.line : -1 - atom.photo;
    const known = extents.get(key);
    extents.set(key, known ? unionBox([known, atom.box])! : atom.box);
  }
  const boxes = [...extents.values()].sort((a, b) => a.y - b.y);
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length && boxes[j]!.y < boxes[i]!.y + boxes[i]!.h; j++) {
      const a = boxes[i]!;
      const b = boxes[j]!;
      // rows of two columns need not line up (two captions side by side, set a third of a line apart)
      const vertical = overlap(a.y, a.y + a.h, b.y, b.y + b.h) >= Math.min(a.h, b.h) * 0.2;
      if (vertical && overlap(a.x, a.x + a.w, b.x, b.x + b.w) === 0) return true;
    }
  }
  return false;
}

/**
 * Parts side by side are read left to right, except a part that stands wholly above the one
 * before it (a headline over the right-hand column, its byline lower down on the left): it
 * comes first.
 */
function aboveFirst(parts: Atom[][]): Atom[][] {
  const out = parts.map((part) => ({ part, top: Math.min(...part.map((a) => a.box.y)), bottom: Math.max(...part.map((a) => a.box.y + a.box.h)) }));
  for (let i = 1; i < out.length; i++) {
    for (let k = i; k > 0 && out[k]!.bottom <= out[k - 1]!.top; k--) [out[k - 1], out[k]] = [out[k]!, out[k - 1]!];
  }
  return out.map(({ part }) => part);
}

/** Split atoms into the parts between gaps, in order, by the atom's start coordinate. */
function splitAt(atoms: Atom[], cuts: Gap[], start: (a: Atom) => number): Atom[][] {
  const bounds = cuts.map((g) => g.at + g.size / 2).sort((a, b) => a - b);
  const parts: Atom[][] = bounds.map(() => []);
  parts.push([]);
  for (const atom of atoms) {
    let i = 0;
    while (i < bounds.length && start(atom) >= bounds[i]!) i++;
    parts[i]!.push(atom);
  }
  return parts.filter((p) => p.length > 0);
}

interface Fragment {
  line: number;
  words: Word[];
  orders: number[];
  photo: number;
  box: Box;
}

/** A leaf's atoms as line fragments and photos, row by row, left to right. */
function readLeaf(atoms: Atom[]): Fragment[] {
  const byLine = new Map<number, Fragment>();
  const fragments: Fragment[] = [];
  for (const atom of atoms) {
    if (atom.line >= 0 && atom.word === null) continue; // a headline's reach (headlineReach)
    if (atom.photo >= 0) {
      fragments.push({ line: -1, words: [], orders: [], photo: atom.photo, box: atom.box });
      continue;
    }
    let fragment = byLine.get(atom.line);
    if (!fragment) {
      fragment = { line: atom.line, words: [], orders: [], photo: -1, box: atom.box };
      byLine.set(atom.line, fragment);
      fragments.push(fragment);
    }
    fragment.words.push(atom.word!);
    fragment.orders.push(atom.order);
    fragment.box = unionBox([fragment.box, atom.box])!;
  }
  for (const fragment of fragments) {
    const order = fragment.words.map((word, i) => ({ word, key: fragment.orders[i]! })).sort((a, b) => a.key - b.key);
    fragment.words = order.map((o) => o.word);
  }
  // rows: a fragment joins a row when it overlaps the row vertically by half its height
  const sorted = [...fragments].sort((a, b) => a.box.y - b.box.y || a.box.x - b.box.x);
  const rows: Fragment[][] = [];
  for (const fragment of sorted) {
    const row = rows[rows.length - 1];
    const rowBox = row ? unionBox(row.map((f) => f.box))! : null;
    if (rowBox && overlap(rowBox.y, rowBox.y + rowBox.h, fragment.box.y, fragment.box.y + fragment.box.h) >= Math.min(rowBox.h, fragment.box.h) * 0.5) row!.push(fragment);
    else rows.push([fragment]);
  }
  return rows.flatMap((row) => row.sort((a, b) => a.box.x - b.box.x));
}

/**
 * A line starts a block when the block before it in reading order was another, when a photo
 * came between, when it sits in another column, or when a gap of more than a line's height
 * opens above it inside one engine block (Tesseract's blocks read across gutters are cut this way).
 * Blocks met again after another block get a `#n` suffix so that every block id names one run.
 */
function markBlocks(items: OrderedItem[], bodyHeight: number): void {
  let previous: OrderedLine | null = null;
  // the engine's block of the previous line (its own id is rewritten below to the run's)
  let previousBase = '';
  let afterPhoto = false;
  const runs = new Map<string, number>();
  let currentKey = '';
  for (const item of items) {
    if (item.type === 'photo') {
      afterPhoto = true;
      continue;
    }
    const line = item.line;
    const gap = previous ? line.box.y - (previous.box.y + previous.box.h) : 0;
    const starts =
      previous === null ||
      afterPhoto ||
      previousBase !== line.block ||
      previous.column !== line.column ||
      previous.band !== line.band ||
      gap > Math.max(bodyHeight, previous.box.h) * 1.0;
    const base = line.block;
    if (starts) {
      const n = (runs.get(base) ?? 0) + 1;
      runs.set(base, n);
      currentKey = n === 1 ? base : `${base}#${n}`;
    }
    previous = line;
    previousBase = base;
    line.block = currentKey;
    line.startsBlock = starts;
    afterPhoto = false;
  }
}

/**
 * A body-size line is indented when it starts one and a half characters to four body heights
 * right of the left edge of its column's other lines and still runs to the column's right edge
 * (a centred or a right-aligned line, such as a credit, is not). Print indents two characters;
 * a line whose first character OCR lost or set late (毒宣传… read 宣传…, a 。 at the start)
 * starts one in, and had opened a paragraph mid-sentence (on 41 pages of seed 4, indented lines
 * start 1.7-2.8 body heights in, those 0.9-1.5). A character is measured along the column's
 * full lines, not as the line's height: an engine's line box can be taller than its type.
 */
function markIndents(items: OrderedItem[], bodyHeight: number): void {
  const byColumn = new Map<number, OrderedLine[]>();
  for (const item of items) {
    if (item.type !== 'line' || item.line.band !== 'body' || Math.abs(item.line.size - 1) > 0.2) continue;
    const list = byColumn.get(item.line.column) ?? [];
    list.push(item.line);
    byColumn.set(item.line.column, list);
  }
  for (const list of byColumn.values()) {
    if (list.length < 2) continue;
    const left = median(list.map((l) => l.box.x))!;
    const right = Math.max(...list.map((l) => l.box.x + l.box.w));
    const chars = (l: OrderedLine) => [...l.text.replace(/\s+/gu, '')].length;
    const pitch = median(list.filter((l) => chars(l) >= 6).map((l) => l.box.w / chars(l))) ?? bodyHeight;
    for (const line of list) {
      const inset = line.box.x - left;
      line.indent = inset >= pitch * 1.5 && inset <= bodyHeight * 4 && line.box.x + line.box.w >= right - bodyHeight * 1.5;
    }
  }
}
