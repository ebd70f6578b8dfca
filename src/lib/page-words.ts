import type { PageLine, PageWords } from '../schemas/page-words.ts';
import type { Box, Scan } from '../schemas/scan.ts';
import type { PositionedPage } from './ocr/model.ts';
import { findRuns } from './search/matches.ts';

/**
 * Page words for marking search hits on the page image: made from characters with boxes (a
 * page rendered from its text, or an OCR engine's character boxes), shipped to the browser in a
 * compact form, and searched there with the same matching rules as the search itself.
 */

export interface BoxedChar {
  text: string;
  box: Box;
  /** Characters of different blocks (paragraphs, headlines) never share a line. */
  block: number;
}

export function union(boxes: readonly Box[]): Box {
  const x = Math.min(...boxes.map((b) => b.x));
  const y = Math.min(...boxes.map((b) => b.y));
  const right = Math.max(...boxes.map((b) => b.x + b.w));
  const bottom = Math.max(...boxes.map((b) => b.y + b.h));
  return { x, y, w: right - x, h: bottom - y };
}

/**
 * Characters grouped into printed lines (same block, overlapping vertically, in order) and each
 * line into words at gaps wider than half a character (CJK text prints no spaces; a gap is a
 * space between Latin words or figures).
 */
export function linesFromChars(chars: readonly BoxedChar[]): PageLine[] {
  const lines: BoxedChar[][] = [];
  for (const ch of chars) {
    const line = lines[lines.length - 1];
    const last = line?.[line.length - 1];
    const sameLine = last && last.block === ch.block && ch.box.y < last.box.y + last.box.h * 0.6 && last.box.y < ch.box.y + ch.box.h * 0.6 && ch.box.x >= last.box.x;
    if (sameLine) line!.push(ch);
    else lines.push([ch]);
  }
  return lines.map((line) => {
    const words: BoxedChar[][] = [];
    for (const ch of line) {
      const word = words[words.length - 1];
      const last = word?.[word.length - 1];
      if (last && ch.box.x - (last.box.x + last.box.w) <= Math.max(last.box.h, ch.box.h) * 0.5) word!.push(ch);
      else words.push([ch]);
    }
    return {
      box: union(line.map((ch) => ch.box)),
      words: words.map((word) => ({ text: word.map((ch) => ch.text).join(''), box: union(word.map((ch) => ch.box)), chars: word.map((ch) => ch.box) })),
    };
  });
}

/**
 * The words of a page as an OCR file gives them (hOCR or ALTO, read by src/lib/ocr/), for the
 * scan they were read from: text lines in the order the file prints them (Tesseract prints a
 * paragraph's lines in order, which is what finds a hit broken across lines), boxes scaled to the
 * scan's master when the OCR ran on another size, and clipped to it (Tesseract's word boxes can
 * stick out of their lines and, at the edge, out of the page).
 */
export function pageWordsFromPositioned(page: PositionedPage, scan: Pick<Scan, 'sha256' | 'width' | 'height'>): PageWords {
  const sx = scan.width / page.width;
  const sy = scan.height / page.height;
  const fit = (box: Box): Box | null => {
    const x0 = Math.max(0, Math.round(box.x * sx));
    const y0 = Math.max(0, Math.round(box.y * sy));
    const x1 = Math.min(scan.width, Math.round((box.x + box.w) * sx));
    const y1 = Math.min(scan.height, Math.round((box.y + box.h) * sy));
    return x1 - x0 >= 1 && y1 - y0 >= 1 ? { x: x0, y: y0, w: x1 - x0, h: y1 - y0 } : null;
  };
  const lines: PageLine[] = [];
  for (const block of page.blocks) {
    if (block.kind !== 'text') continue;
    for (const line of block.lines) {
      const words = line.words.flatMap((word) => {
        const text = word.text.replace(/\s+/gu, '');
        const box = fit(word.box);
        return text !== '' && box ? [{ text, box, ...(word.confidence !== null ? { confidence: Math.round(word.confidence * 1000) / 10 } : {}) }] : [];
      });
      const box = fit(line.box);
      if (words.length > 0 && box) lines.push({ box: union([box, ...words.map((word) => word.box)]), words });
    }
  }
  return { sha256: scan.sha256, width: scan.width, height: scan.height, engine: page.engine ? `${page.engine} ${page.format}` : page.format, lines };
}

/**
 * What the browser gets to mark hits (`/scans/<key>/words.json`): per line its top, height and
 * text, and per character of the text its left edge and width, flat. Words are joined with a
 * space, which search matching ignores between Chinese characters, as it does in the text.
 */
export interface ClientWords {
  width: number;
  height: number;
  /** [y, h, text, [x0, w0, x1, w1, ...] one pair per code point of text] */
  lines: Array<[number, number, string, number[]]>;
}

export function clientWords(words: PageWords): ClientWords {
  return {
    width: words.width,
    height: words.height,
    lines: words.lines.map((line) => {
      const text: string[] = [];
      const xs: number[] = [];
      line.words.forEach((word, index) => {
        if (index > 0) {
          const previous = line.words[index - 1]!.box;
          text.push(' ');
          xs.push(previous.x + previous.w, Math.max(0, word.box.x - previous.x - previous.w));
        }
        const characters = [...word.text];
        characters.forEach((ch, i) => {
          text.push(ch);
          // without character boxes, a character's share of the word's width
          const left = Math.round(word.box.x + (word.box.w * i) / characters.length);
          const right = Math.round(word.box.x + (word.box.w * (i + 1)) / characters.length);
          const box = word.chars?.[i] ?? { x: left, w: Math.max(1, right - left) };
          xs.push(box.x, box.w);
        });
      });
      return [line.box.y, line.box.h, text.join(''), xs];
    }),
  };
}

/**
 * Where the search terms are printed: one entry per occurrence, each the boxes to mark (one per
 * line it runs over), with the search's own matching (src/lib/search/matches.ts). Lines are
 * searched as one text joined by line breaks, which matching ignores between Chinese
 * characters, so a hit broken across two lines is found.
 */
export function findHits(words: ClientWords, terms: readonly string[]): Box[][] {
  // every UTF-16 offset of the joined text -> [line, code point in the line]; -1 for the breaks
  const where: Array<[number, number]> = [];
  const texts: string[] = [];
  words.lines.forEach(([, , text], line) => {
    if (line > 0) where.push([-1, -1]);
    let point = 0;
    for (const ch of text) {
      for (let k = 0; k < ch.length; k++) where.push([line, point]);
      point++;
    }
    texts.push(text);
  });
  return findRuns(texts.join('\n'), terms).map(([start, end]) => {
    // the run's characters, line by line
    const spans = new Map<number, [number, number]>();
    for (let offset = start; offset < end; offset++) {
      const [line, point] = where[offset]!;
      if (line < 0) continue;
      const span = spans.get(line);
      spans.set(line, span ? [span[0], point] : [point, point]);
    }
    return [...spans].map(([line, [first, last]]) => {
      const [y, h, , xs] = words.lines[line]!;
      const left = xs[first * 2]!;
      const right = xs[last * 2]! + xs[last * 2 + 1]!;
      return { x: left, y, w: Math.max(1, right - left), h };
    });
  });
}
