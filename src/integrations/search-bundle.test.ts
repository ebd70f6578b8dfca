import fc from 'fast-check';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { SearchSource } from '../lib/search/records.ts';
import { indexWords, termQuery, unitOf } from '../lib/search/tokens.ts';
import { CborWriter, chunkWords, PAGEFIND_FORMAT, roundedWordCount, writeBundle, type BundleFile } from './search-bundle.ts';

/** A CBOR reader for what the writer writes (and Pagefind's decoder reads). */
function decode(bytes: Uint8Array): unknown {
  let at = 0;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const length = (info: number): number => {
    if (info < 24) return info;
    if (info === 24) return bytes[at++]!;
    if (info === 25) return (at += 2), view.getUint16(at - 2);
    if (info === 26) return (at += 4), view.getUint32(at - 4);
    throw new Error(`unexpected length ${info}`);
  };
  const item = (): unknown => {
    const byte = bytes[at++]!;
    const n = length(byte & 31);
    switch (byte >> 5) {
      case 0:
        return n;
      case 1:
        return -1 - n;
      case 3:
        return new TextDecoder().decode(bytes.subarray(at, (at += n)));
      case 4:
        return Array.from({ length: n }, item);
      default:
        throw new Error(`unexpected major type ${byte >> 5}`);
    }
  };
  const value = item();
  expect(at).toBe(bytes.length);
  return value;
}

/** A bundle file as Pagefind's runtime reads it: gunzipped, after the signature. */
function unpack(file: BundleFile): Uint8Array {
  const bytes = gunzipSync(file.bytes);
  expect(bytes.subarray(0, 12).toString('latin1')).toBe('pagefind_dcd');
  return bytes.subarray(12);
}

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

const source = (date: string, seq: number, paragraphs: string[], extra: Partial<SearchSource> = {}): SearchSource => ({
  url: `/zunyi-daily/${date}/01/0${seq}/`,
  date,
  paper: '遵义日报',
  page: 1,
  pageName: '要闻',
  kind: 'article',
  title: null,
  kicker: null,
  subtitle: null,
  byline: null,
  credit: null,
  headline: `第${seq}篇`,
  paragraphs,
  people: ['张婷'],
  ...extra,
});

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
    // whole groups: first unit to last unit + z; a group split over chunks: its words
    expect(chunks.map(({ from, to }) => [from, to])).toEqual([
      [unitOf('a'), `${unitOf('a')}z`],
      [words[2]!.word, words[2]!.word],
      [words[3]!.word, words[3]!.word],
      [words[4]!.word, words[4]!.word],
      [unitOf('c'), `${unitOf('d')}z`],
    ]);
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

describe('roundedWordCount', () => {
  it('keeps small counts and rounds larger ones to within 5 %', () => {
    expect(roundedWordCount(7)).toBe(7);
    for (const count of [20, 99, 1000, 1234, 4321, 100_000]) expect(Math.abs(roundedWordCount(count) - count) / count).toBeLessThanOrEqual(0.05);
  });
});

describe('writeBundle', () => {
  const sources = [
    source('2023-01-17', 1, ['疫情防控工作扎实推进。', '新蒲新区 7.6万人'], { title: '扎实抓好疫情防控工作' }),
    source('2023-01-18', 2, ['防控疫情不放松。'], { kind: 'photo', people: ['一丁', '张婷'] }),
  ];

  async function files(chunkBytes = 64) {
    const out = new Map<string, BundleFile>();
    const stats = await writeBundle(sources, { key: 'xtest', chunkBytes, includeCharacters: ['_'] }, async (file) => void out.set(file.path, file));
    return { out, stats };
  }

  it('writes the entry, metadata, word chunks, filters and fragments of Pagefind’s format', async () => {
    const { out, stats } = await files();
    const entry = JSON.parse(new TextDecoder().decode(out.get('pagefind-entry.json')!.bytes)) as { version: string; languages: Record<string, { hash: string; page_count: number }>; include_characters: string[] };
    expect(entry.version).toBe(PAGEFIND_FORMAT);
    expect(entry.include_characters).toEqual(['_']);
    expect(entry.languages.xtest!.page_count).toBe(2);
    const meta = decode(unpack(out.get(`pagefind.${entry.languages.xtest!.hash}.pf_meta`)!)) as [string, Array<[string, number, string]>, Array<[string, string, string]>, Array<[string, string]>, [], []];
    expect(meta[0]).toBe(PAGEFIND_FORMAT);
    // pages in the order given, ids `<key>_<place, base 36>`, word count = one word per character and line break (rounded)
    expect(meta[1]).toEqual([
      ['xtest_0', roundedWordCount(indexWords(['扎实抓好疫情防控工作', '', '', '', '', '疫情防控工作扎实推进。', '新蒲新区 7.6万人']).length), ''],
      ['xtest_1', roundedWordCount(indexWords(['', '', '', '', '', '防控疫情不放松。']).length), ''],
    ]);
    expect(meta[2]).toHaveLength(stats.chunks);
    expect(meta[3].map(([filter]) => filter)).toEqual(['paper', 'year', 'month', 'section', 'kind', 'author']);
    expect(meta.slice(4)).toEqual([[], []]);

    // every word of every page is in the chunk the metadata names for it, with its positions
    const words = new Map<string, Array<[page: number, positions: number[]]>>();
    for (const [from, to, name] of meta[2]) {
      const chunk = decode(unpack(out.get(`index/${name}.pf_index`)!)) as [Array<[string, Array<[number, number[]]>]>];
      for (const [word] of chunk[0]) expect(word >= from && word <= to).toBe(true);
      for (const [word, pages] of chunk[0]) {
        let page = 0;
        words.set(
          word,
          pages.map(([delta, deltas]) => {
            page += delta;
            let position = 0;
            return [page, deltas.map((d) => (position += d))];
          }),
        );
      }
    }
    const phrase = termQuery('疫情防控')!.words;
    const at = (page: number, word: string) => words.get(word)?.find(([p]) => p === page)?.[1] ?? [];
    // the phrase occurs in page 0 at consecutive positions, not in page 1 (防控疫情)
    expect(at(0, phrase[0]!).some((p) => at(0, phrase[1]!).includes(p + 1) && at(0, phrase[2]!).includes(p + 2))).toBe(true);
    expect(at(1, phrase[0]!).some((p) => at(1, phrase[1]!).includes(p + 1))).toBe(false);
    expect(words.get(termQuery('防控')!.words[0]!)!.map(([page]) => page)).toEqual([0, 1]);
  });

  it('writes each filter value with its pages, and each result’s text and headline into its fragment', async () => {
    const { out } = await files();
    const filters = [...out.entries()].filter(([path]) => path.startsWith('filter/')).map(([, file]) => decode(unpack(file)) as [string, Array<[string, number[]]>]);
    expect(Object.fromEntries(filters)).toMatchObject({ kind: [['article', [0]], ['photo', [1]]], author: [['一丁', [1]], ['张婷', [0, 1]]], year: [['2023', [0, 1]]] });
    const fragment = JSON.parse(new TextDecoder().decode(unpack(out.get('fragment/xtest_0.pf_fragment')!))) as Record<string, unknown>;
    expect(fragment).toMatchObject({ url: '/zunyi-daily/2023-01-17/01/01/', meta: { headline: '第1篇' }, filters: { paper: ['遵义日报'], kind: ['article'] }, anchors: [] });
    expect(fragment.content).toBe('扎实抓好疫情防控工作\n\n\n\n\n疫情防控工作扎实推进。\n新蒲新区7.6万人');
  });
});
