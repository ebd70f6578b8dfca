import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { charOf, indexWords, LINE_BREAK_UNIT, rankingQuery, termQuery, unitOf, unitsOf } from './tokens.ts';

/**
 * What Pagefind does with the words and queries, in miniature: an exact (quoted) query matches
 * a page that holds its words at consecutive positions; an unquoted one-word query matches a
 * page that holds a word starting with it.
 */
function matches(words: readonly string[], query: string): boolean {
  if (query.startsWith('"')) {
    const phrase = query.slice(1, -1).split(' ');
    return words.some((_, at) => phrase.every((word, k) => words[at + k] === word));
  }
  return words.some((word) => word.startsWith(query));
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

  it('queries three characters or more as the quoted phrase of their bigrams, fewer as a prefix', () => {
    const u = (ch: string) => unitOf(ch);
    expect(termQuery('疫情防控')).toEqual({ query: `"${u('疫')}${u('情')} ${u('情')}${u('防')} ${u('防')}${u('控')}"`, exact: true, words: [u('疫') + u('情'), u('情') + u('防'), u('防') + u('控')] });
    expect(termQuery('5G')).toEqual({ query: u('5') + u('g'), exact: false, words: [u('5') + u('g')] });
    expect(termQuery('婷')).toEqual({ query: u('婷'), exact: false, words: [u('婷')] });
    expect(termQuery('  ')).toBeNull();
    expect(rankingQuery(['疫情', '婷', '疫情'])).toBe(`${u('疫')}${u('情')} ${u('婷')}`);
  });

  it('finds exactly the texts that contain the query (substring semantics, lines never crossed)', () => {
    // a small alphabet, so that queries often occur, almost occur, or occur across a line break
    const text = fc.array(fc.constantFrom('疫', '情', '防', 'a', 'A', '.', '，'), { maxLength: 12 }).map((chars) => chars.join(''));
    fc.assert(
      fc.property(fc.array(text, { minLength: 1, maxLength: 3 }), text, (lines, needle) => {
        const query = termQuery(needle);
        fc.pre(query !== null);
        const expected = lines.some((line) => line.toLowerCase().includes(needle.toLowerCase()));
        expect(matches(indexWords(lines), query!.query)).toBe(expected);
      }),
      { numRuns: 2000 },
    );
  });
});
