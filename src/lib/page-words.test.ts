import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pageWordsSchema, type PageWords } from '../schemas/page-words.ts';
import { readHocr } from './ocr/hocr.ts';
import { clientWords, findHits, linesFromChars, pageWordsFromPositioned, type BoxedChar } from './page-words.ts';

/** Characters of 40-px type set from (x, y), one per 40 px, in block `block`. */
function set(text: string, x: number, y: number, block: number): BoxedChar[] {
  return [...text].map((ch, i) => ({ text: ch, box: { x: x + i * 40, y, w: 40, h: 40 }, block }));
}

describe('page words', () => {
  const chars = [...set('扎实抓好疫情', 100, 100, 0), ...set('防控工作', 100, 160, 0), ...set('2022年', 600, 100, 1)];

  it('groups characters into lines by block and height, and lines into words at gaps', () => {
    const spaced = [...set('Covid', 100, 400, 2), ...set('19', 360, 400, 2)];
    const lines = linesFromChars([...chars, ...spaced]);
    expect(lines.map((line) => line.words.map((word) => word.text))).toEqual([['扎实抓好疫情'], ['防控工作'], ['2022年'], ['Covid', '19']]);
    expect(lines[0]!.box).toEqual({ x: 100, y: 100, w: 240, h: 40 });
    expect(lines[3]!.words[1]!.chars).toEqual([{ x: 360, y: 400, w: 40, h: 40 }, { x: 400, y: 400, w: 40, h: 40 }]);
  });

  it('marks a hit on each line it is printed on, and only where it is', () => {
    const words: PageWords = { sha256: 'a'.repeat(64), width: 1000, height: 1000, engine: 'rendered', lines: linesFromChars(chars) };
    const client = clientWords(words);
    // 疫情防控 runs from the end of the first line into the second
    expect(findHits(client, ['疫情防控'])).toEqual([
      [
        { x: 260, y: 100, w: 80, h: 40 },
        { x: 100, y: 160, w: 80, h: 40 },
      ],
    ]);
    expect(findHits(client, ['工作'])).toEqual([[{ x: 180, y: 160, w: 80, h: 40 }]]);
    // full-width digits fold as the search folds them
    expect(findHits(client, ['２０２２年'])).toEqual([[{ x: 600, y: 100, w: 200, h: 40 }]]);
    expect(findHits(client, ['防疫'])).toEqual([]);
  });

  it('gives a character without its own box its share of the word', () => {
    const words: PageWords = {
      sha256: 'a'.repeat(64),
      width: 1000,
      height: 1000,
      engine: 'tesseract',
      lines: [{ box: { x: 0, y: 10, w: 400, h: 30 }, words: [{ text: '文明实践', box: { x: 0, y: 10, w: 200, h: 30 } }, { text: '新篇', box: { x: 300, y: 10, w: 100, h: 30 } }] }],
    };
    const client = clientWords(words);
    expect(client.lines[0]![2]).toBe('文明实践 新篇');
    expect(findHits(client, ['实践', '新篇'])).toEqual([[{ x: 100, y: 10, w: 100, h: 30 }], [{ x: 300, y: 10, w: 100, h: 30 }]]);
    // a hit across two words is one box over the gap between them
    expect(findHits(client, ['实践新'])).toEqual([[{ x: 100, y: 10, w: 250, h: 30 }]]);
  });
});

describe('page words from OCR', () => {
  // Tesseract 5's hOCR of a page rendered at 1600 x 1900 (tests/fixtures/ocr-positioned)
  const hocr = readFileSync(resolve(import.meta.dirname, '../../tests/fixtures/ocr-positioned/sample-page.tesseract.hocr'), 'utf8');
  const [page] = readHocr(hocr).pages;

  it('keeps every word the engine boxed, inside the scan, and finds printed text with its box', () => {
    const words = pageWordsFromPositioned(page!, { sha256: 'a'.repeat(64), width: 1600, height: 1900 });
    expect(() => pageWordsSchema.parse(words)).not.toThrow();
    expect(words.engine).toBe('tesseract 5.3.0 hocr');
    const boxed = page!.blocks.flatMap((b) => (b.kind === 'text' ? b.lines.flatMap((l) => l.words) : [])).filter((w) => w.text.trim() !== '');
    expect(words.lines.flatMap((l) => l.words)).toHaveLength(boxed.length);
    // the header's date, as Tesseract boxed it (word_1_2, bbox 105 46 203 68), over its line's height
    const year = page!.blocks[0]!.lines[0]!.words[1]!;
    expect([year.text, year.box.x]).toEqual(['2023', 105]);
    const [first] = findHits(clientWords(words), ['2023']);
    expect(first).toEqual([{ x: year.box.x, y: words.lines[0]!.box.y, w: year.box.w, h: words.lines[0]!.box.h }]);
  });

  it('scales the boxes to a master of another size', () => {
    const words = pageWordsFromPositioned(page!, { sha256: 'a'.repeat(64), width: 3200, height: 3800 });
    const year = page!.blocks[0]!.lines[0]!.words[1]!.box;
    expect(words.lines[0]!.words[1]).toMatchObject({ text: '2023', box: { x: year.x * 2, y: year.y * 2, w: year.w * 2, h: year.h * 2 } });
    expect(() => pageWordsSchema.parse(words)).not.toThrow();
  });
});
