import { describe, expect, it } from 'vitest';
import type { PageWords } from '../schemas/page-words.ts';
import { clientWords, findHits, linesFromChars, type BoxedChar } from './page-words.ts';

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
