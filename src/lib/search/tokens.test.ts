import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CLASS_STEP, charOf, classLength, indexWords, LINE_BREAK_UNIT, lengthClass, MAX_POSITION, placeOf, SLOT, termCover, termPositions, termWords, unitOf, unitsOf } from './tokens.ts';

/**
 * Where a term occurs in a text, as the search finds it: each of its words searched as Pagefind
 * searches an unquoted word (every word that starts with it), then put together.
 */
function occurrences(words: readonly string[], term: string): number[] {
  return termPositions(termCover(term), (word) => words.flatMap((w, position) => (w.startsWith(word) ? [position] : [])));
}

describe('index units and words', () => {
  it('writes each character as four base-36 digits of its code point, case-folded', () => {
    expect(unitOf('疫')).toBe((0x75ab).toString(36).padStart(4, '0'));
    expect(unitOf('\n')).toBe('000a');
    expect(LINE_BREAK_UNIT).toBe('000a');
    expect(unitsOf('Ab')).toEqual([unitOf('a'), unitOf('b')]);
    expect(charOf(unitOf('𠀀'))).toBe('𠀀');
    // ASCII letters and digits only: nothing Pagefind or Intl.Segmenter would change or split
    for (const ch of ['疫', '，', '“', ' ', 'Q', '𠀀', 'é']) expect(unitOf(ch)).toMatch(/^[0-9a-z]{4}$/u);
  });

  it('makes one word per character: it and the next one, each line ending in a line break', () => {
    const u = (ch: string) => unitOf(ch);
    expect(indexWords(['疫情', '', 'A'])).toEqual([u('疫') + u('情'), u('情') + LINE_BREAK_UNIT, LINE_BREAK_UNIT + LINE_BREAK_UNIT, LINE_BREAK_UNIT + u('a'), u('a') + LINE_BREAK_UNIT]);
    // OCR spaces next to Chinese text are not indexed, full-width letters are folded
    expect(indexWords(['疫 情'])).toEqual(indexWords(['疫情']));
    expect(indexWords(['ＰＭ2.5'])).toEqual(indexWords(['pm2.5']));
  });

  it('searches a term by its bigrams, or one character by its unit', () => {
    const u = (ch: string) => unitOf(ch);
    expect(termWords('疫情防控')).toEqual([u('疫') + u('情'), u('情') + u('防'), u('防') + u('控')]);
    expect(termWords('5G')).toEqual([u('5') + u('g')]);
    expect(termWords('婷')).toEqual([u('婷')]);
    expect(termWords('  ')).toEqual([]);
    // the term is where its words follow one another
    const positions: Record<string, number[]> = { a: [1, 5, 9], b: [2, 7, 10], c: [3, 11] };
    const all = (words: string[]) => words.map((word, at) => ({ word, at }));
    expect(termPositions(all(['a', 'b', 'c']), (word) => positions[word]!)).toEqual([1, 9]);
    expect(termPositions(all(['a', 'a']), () => [4, 5, 6])).toEqual([4, 5]);
  });

  it('pins a term down with every other bigram and the last one', () => {
    const w = termWords('疫情防控工作');
    expect(termCover('疫情防控工作')).toEqual([
      { word: w[0], at: 0 },
      { word: w[2], at: 2 },
      { word: w[4], at: 4 },
    ]);
    const v = termWords('疫情防控');
    expect(termCover('疫情防控')).toEqual([
      { word: v[0], at: 0 },
      { word: v[2], at: 2 },
    ]);
    expect(termCover('新时代文明').map((c) => c.at)).toEqual([0, 2, 3]);
    expect(termCover('疫情').map((c) => c.at)).toEqual([0]);
    expect(termCover('疫情防').map((c) => c.at)).toEqual([0, 1]);
    expect(termCover('婷')).toEqual([{ word: unitOf('婷'), at: 0 }]);
  });

  it('keeps every position below 2^31, which Pagefind’s runtime reads as a signed integer', () => {
    expect(MAX_POSITION).toBeLessThan(2 ** 31);
    expect(MAX_POSITION + SLOT).toBeGreaterThanOrEqual(2 ** 31);
    expect(placeOf(MAX_POSITION)).toEqual({ slot: 127, lengthClass: 63, offset: 3 * 2 ** 16 - 1 });
  });

  it('lays out an article at its slot of the group, with its length class', () => {
    expect(lengthClass(0)).toBe(0);
    for (const length of [100, 1000, 1234, 20_000]) expect(Math.abs(classLength(lengthClass(length)) - length) / length).toBeLessThan(0.13);
    const position = 3 * SLOT + lengthClass(1200) * CLASS_STEP + 77;
    expect(placeOf(position)).toEqual({ slot: 3, lengthClass: lengthClass(1200), offset: 77 });
  });

  it('finds exactly the texts that contain the query (substring semantics, lines never crossed)', () => {
    // a small alphabet, so that queries often occur, almost occur, or occur across a line break
    const text = fc.array(fc.constantFrom('疫', '情', '防', 'a', 'A', '.', '，'), { maxLength: 12 }).map((chars) => chars.join(''));
    fc.assert(
      fc.property(fc.array(text, { minLength: 1, maxLength: 3 }), text, (lines, needle) => {
        fc.pre(termCover(needle).length > 0);
        const expected = lines.some((line) => line.toLowerCase().includes(needle.toLowerCase()));
        expect(occurrences(indexWords(lines), needle).length > 0).toBe(expected);
      }),
      { numRuns: 2000 },
    );
  });
});
