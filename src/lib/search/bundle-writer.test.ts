import fc from 'fast-check';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { createEngine, type PagefindApi } from './engine.ts';
import type { SearchSource } from './records.ts';
import { CLASS_STEP, GROUP_SIZE, indexWords, lengthClass, SLOT, termWords, unitOf } from './tokens.ts';
import { EMPTY_STATE } from './url-state.ts';
import { CborWriter, chunkWords, PAGEFIND_FORMAT, roundedWordCount, writeBundle, type BundleFile } from './bundle-writer.ts';

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
    ...Array.from({ length: GROUP_SIZE + 2 }, (_, i) => source('2023-02-01', 3 + i, [i % 3 === 0 ? `第${i}条：疫情防控常态化` : `第${i}条：防控`])),
  ];

  async function files(chunkBytes = 64) {
    const out = new Map<string, BundleFile>();
    const stats = await writeBundle(sources, { key: 'xtest', chunkBytes, includeCharacters: ['_'] }, async (file) => void out.set(file.path, file));
    const entry = JSON.parse(new TextDecoder().decode(out.get('pagefind-entry.json')!.bytes)) as { version: string; languages: Record<string, { hash: string; page_count: number }>; include_characters: string[]; articles: number };
    const meta = decode(unpack(out.get(`pagefind.${entry.languages.xtest!.hash}.pf_meta`)!)) as [string, Array<[string, number, string]>, Array<[string, string, string]>, [], [], []];
    // every word's postings: group -> positions
    const words = new Map<string, Map<number, number[]>>();
    for (const [from, to, name] of meta[2]) {
      const chunk = decode(unpack(out.get(`index/${name}.pf_index`)!)) as [Array<[string, Array<[number, number[]]>]>];
      for (const [word, pages] of chunk[0]) {
        expect(word >= from && word <= to).toBe(true);
        let group = 0;
        words.set(
          word,
          new Map(
            pages.map(([delta, deltas]) => {
              group += delta;
              let position = 0;
              return [group, deltas.map((d) => (position += d))];
            }),
          ),
        );
      }
    }
    return { out, stats, entry, meta, words };
  }

  it('writes the entry, and metadata listing groups of articles and the word chunks', async () => {
    const { stats, entry, meta } = await files();
    expect(entry.version).toBe(PAGEFIND_FORMAT);
    expect(entry.include_characters).toEqual(['_']);
    expect(entry.articles).toBe(sources.length);
    expect(entry.languages.xtest!.page_count).toBe(2);
    expect(meta[0]).toBe(PAGEFIND_FORMAT);
    // a Pagefind page per group of articles, with the group's (rounded) word count
    expect(meta[1].map(([id]) => id)).toEqual(['xtest_g0', 'xtest_g1']);
    const words = sources.slice(0, GROUP_SIZE).reduce((sum, s) => sum + indexWords(['扎实抓好疫情防控工作'].includes(s.title ?? '') ? ['扎实抓好疫情防控工作', '', '', '', '', ...s.paragraphs] : ['', '', '', '', '', ...s.paragraphs]).length, 0);
    expect(meta[1][0]![1]).toBe(roundedWordCount(words));
    expect(meta[2]).toHaveLength(stats.chunks);
    expect(meta.slice(3)).toEqual([[], [], []]);
  });

  it('puts each word at its article’s slot and length class, so that positions tell articles apart', async () => {
    const { words } = await files();
    const [a, b, c] = termWords('疫情防控');
    const positions = (word: string, group: number) => words.get(word)?.get(group) ?? [];
    const articleOf = (position: number) => Math.floor(position / SLOT);
    // the phrase occurs in article 0 at consecutive positions, not in article 1 (防控疫情)
    const starts = positions(a!, 0).filter((p) => positions(b!, 0).includes(p + 1) && positions(c!, 0).includes(p + 2));
    expect(new Set(starts.map(articleOf))).toEqual(new Set([0, ...Array.from({ length: GROUP_SIZE - 2 }, (_, i) => i).filter((i) => i % 3 === 0).map((i) => i + 2)]));
    const first = positions(a!, 0)[0]!;
    expect(first - (first % CLASS_STEP)).toBe(lengthClass(indexWords(['扎实抓好疫情防控工作', '', '', '', '', ...sources[0]!.paragraphs]).length) * CLASS_STEP);
    // the second group starts again at slot 0
    expect(Math.min(...positions(termWords('防控')[0]!, 1).map(articleOf))).toBe(0);
  });

  it('writes each filter value with its articles, and each result’s text and headline into its fragment', async () => {
    const { out } = await files();
    const filter = (name: string) => JSON.parse(new TextDecoder().decode(out.get(`filter/xtest.${name}.json`)!.bytes)) as Record<string, number[]>;
    const sum = (differences: number[]) => differences.map((_, i) => differences.slice(0, i + 1).reduce((x, y) => x + y, 0));
    expect(sum(filter('kind').photo!)).toEqual([1]);
    expect(sum(filter('author')['一丁']!)).toEqual([1]);
    expect(sum(filter('author')['张婷']!)).toEqual(sources.map((_, i) => i));
    expect(Object.keys(filter('month'))).toEqual(['2023-01', '2023-02']);
    const fragment = JSON.parse(new TextDecoder().decode(unpack(out.get('fragment/xtest_0.pf_fragment')!))) as Record<string, unknown>;
    expect(fragment).toMatchObject({ url: '/zunyi-daily/2023-01-17/01/01/', meta: { headline: '第1篇' }, filters: { paper: ['遵义日报'], kind: ['article'] }, anchors: [] });
    expect(fragment.content).toBe('扎实抓好疫情防控工作\n\n\n\n\n疫情防控工作扎实推进。\n新蒲新区7.6万人');
  });

  it('lets the search engine find exactly the articles that hold a query', async () => {
    const { words } = await files(200);
    // Pagefind's unquoted search over the written postings: every word that starts with the term
    const pagefind: PagefindApi = {
      async search(term) {
        const byGroup = new Map<number, number[]>();
        for (const [word, groups] of words) {
          if (!word.startsWith(term)) continue;
          for (const [group, positions] of groups) byGroup.set(group, [...(byGroup.get(group) ?? []), ...positions]);
        }
        return { results: [...byGroup].map(([group, positions]) => ({ id: `xtest_g${group.toString(36)}`, words: positions.sort((x, y) => x - y) })) };
      },
    };
    const engine = createEngine({ pagefind: async () => pagefind, ordered: true, bundles: ['xtest'] });
    for (const query of ['疫情防控', '防控', '防', '7.6万', '76万', '新蒲 7.6万', '防控疫情', '常态化', '：疫情']) {
      const expected = sources.flatMap((s, index) => (query.split(' ').every((term) => [s.title ?? '', ...s.paragraphs].some((line) => line.replaceAll(' ', '').includes(term))) ? [`xtest_${index.toString(36)}`] : []));
      const found = await engine.search({ ...EMPTY_STATE, q: query, sort: 'oldest' });
      expect(found.results.map((hit) => hit.id), query).toEqual(expected);
    }
  });
});
