import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CborWriter, chunkWords } from './pagefind-chunks.ts';
import { unitOf } from './tokens.ts';

/**
 * The chunks Pagefind 1.6.0's runtime loads for a query word (`request_indexes`): those whose
 * [from, to] range holds it; if none does, those whose range holds it when both ends are cut to
 * its length.
 */
function chunksFor(chunks: ReadonlyArray<{ from: string; to: string }>, term: string): number[] {
  const strict = chunks.flatMap((chunk, index) => (term >= chunk.from && term <= chunk.to ? [index] : []));
  if (strict.length > 0) return strict;
  return chunks.flatMap((chunk, index) => {
    const pre = term.slice(0, Math.min(term.length, chunk.from.length));
    const post = term.slice(0, Math.min(term.length, chunk.to.length));
    return pre >= chunk.from.slice(0, pre.length) && post <= chunk.to.slice(0, post.length) ? [index] : [];
  });
}

describe('CborWriter', () => {
  it('writes integers in the shortest form, text and definite arrays', () => {
    const cbor = new CborWriter();
    cbor.array(4).uint(23).uint(24).uint(70000).text('疫情');
    expect([...cbor.take()]).toEqual([0x84, 23, 0x18, 24, 0x1a, 0, 1, 0x11, 0x70, 0x66, 0xe7, 0x96, 0xab, 0xe6, 0x83, 0x85]);
    expect(() => cbor.uint(-1)).toThrow(RangeError);
  });
});

describe('chunkWords', () => {
  const word = (first: string, second: string, bytes: number) => ({ word: unitOf(first) + unitOf(second), bytes: new Uint8Array(bytes) });

  it('keeps the words of one first character together, giving a large group chunks of its own', () => {
    const words = [word('a', 'a', 10), word('a', 'b', 10), word('b', 'a', 30), word('b', 'b', 30), word('b', 'c', 30), word('c', 'a', 5), word('d', 'a', 5)];
    const chunks = chunkWords(words, 40);
    expect(chunks.map((chunk) => chunk.words.map((w) => w.word))).toEqual([[words[0]!.word, words[1]!.word], [words[2]!.word], [words[3]!.word], [words[4]!.word], [words[5]!.word, words[6]!.word]]);
    // whole groups: first unit to last unit + z; a group split over chunks: (prefixes of) its words
    expect(chunks.map(({ from, to }) => [from, to])).toEqual([
      [unitOf('a'), `${unitOf('a')}z`],
      [words[2]!.word, words[2]!.word],
      [words[3]!.word, words[3]!.word],
      [words[4]!.word, words[4]!.word],
      [unitOf('c'), `${unitOf('d')}z`],
    ]);
    const split = chunkWords([word('b', '一', 30), word('b', '龥', 30)], 40);
    expect(split[0]!.to.length).toBeLessThan(8);
    expect(split[1]!.from.length).toBeLessThan(8);
  });

  it('lets Pagefind load every chunk a one-character prefix needs, and one chunk for a word', () => {
    const units = ['a', 'b', 'c', 'd', 'e', '疫', '情'];
    const anyWord = fc.tuple(fc.constantFrom(...units), fc.constantFrom(...units), fc.integer({ min: 1, max: 60 }));
    fc.assert(
      fc.property(fc.uniqueArray(anyWord, { selector: ([a, b]) => a + b, maxLength: 30 }), fc.integer({ min: 10, max: 100 }), (raw, target) => {
        const words = raw.map(([a, b, size]) => word(a, b, size)).sort((x, y) => (x.word < y.word ? -1 : 1));
        const ranges = chunkWords(words, target).map((chunk) => ({ from: chunk.from, to: chunk.to, words: chunk.words.map((w) => w.word) }));
        expect(ranges.flatMap((range) => range.words)).toEqual(words.map((w) => w.word));
        for (const unit of units.map(unitOf)) {
          const needed = ranges.flatMap((range, index) => (range.words.some((w) => w.startsWith(unit)) ? [index] : []));
          const loaded = chunksFor(ranges, unit);
          for (const index of needed) expect(loaded).toContain(index);
        }
        for (const w of words) expect(chunksFor(ranges, w.word)).toEqual([ranges.findIndex((range) => range.words.includes(w.word))]);
      }),
      { numRuns: 500 },
    );
  });
});
