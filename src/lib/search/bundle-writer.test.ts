import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { writeBundle, type BundleFile } from './bundle-writer.ts';
import { createEngine, type PagefindApi } from './engine.ts';
import { PAGEFIND_FORMAT } from './index-format.ts';
import type { SearchSource } from './records.ts';
import { searchSource } from '../../../tests/support/search-site.ts';
import { CLASS_STEP, GROUP_SIZE, indexWords, lengthClass, SLOT, termWords } from './tokens.ts';
import { EMPTY_STATE } from './url-state.ts';

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

interface Entry {
  version: string;
  languages: Record<string, { hash: string; page_count: number }>;
  include_characters: string[];
}

/**
 * A written bundle read back as Pagefind's runtime would read it, with a decoder of our own:
 * its bundle file, the empty index, and every word partition (entry, metadata, the postings of
 * every word of its chunks: group -> positions).
 */
function readBundle(out: ReadonlyMap<string, BundleFile>) {
  const text = (path: string) => new TextDecoder().decode(out.get(path)!.bytes);
  const description = JSON.parse(text('bundle.json')) as { key: string; format: string; articles: number; average_words: number; parts: number[]; from?: string; to?: string };
  let first = 0;
  const parts = description.parts.map((delta) => (first += delta));
  const index = (dir: string) => {
    const entry = JSON.parse(text(`${dir}pagefind-entry.json`)) as Entry;
    const language = Object.values(entry.languages)[0]!;
    const meta = decode(unpack(out.get(`${dir}pagefind.${language.hash}.pf_meta`)!)) as [string, Array<[string, number, string]>, Array<[string, string, string]>, [], [], []];
    return { entry, meta };
  };
  const partitions = parts.map((_, n) => {
    const dir = `w/${n.toString(36)}/`;
    const { entry, meta } = index(dir);
    const words = new Map<string, Map<number, number[]>>();
    for (const [from, to, name] of meta[2]) {
      const chunk = decode(unpack(out.get(`${dir}index/${name}.pf_index`)!)) as [Array<[string, Array<[number, number[]]>]>];
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
    return { entry, meta, words };
  });
  return { description, parts, root: index(''), partitions, words: new Map(partitions.flatMap((partition) => [...partition.words])) };
}

/** The partition a word belongs to, as the bundle file's directory says: the last whose first character is not above the word's. */
const partitionFor = (parts: readonly number[], word: string) => parts.findLastIndex((first) => first <= Number.parseInt(word.slice(0, 4), 36));

/**
 * Pagefind's unquoted search over the written postings of one partition (the one the
 * directory names for the word): every word that starts with the term.
 */
function pagefindOver(bundle: ReturnType<typeof readBundle>, key: string): (word: string) => Promise<PagefindApi> {
  return async (word) => ({
    async search(term) {
      const partition = bundle.partitions[partitionFor(bundle.parts, word)];
      const byGroup = new Map<number, number[]>();
      for (const [candidate, groups] of partition?.words ?? []) {
        if (!candidate.startsWith(term)) continue;
        for (const [group, positions] of groups) byGroup.set(group, [...(byGroup.get(group) ?? []), ...positions]);
      }
      return { results: [...byGroup].map(([group, positions]) => ({ id: `${key}_g${group.toString(36)}`, words: positions.sort((x, y) => x - y) })) };
    },
  });
}

const source = (date: string, seq: number, paragraphs: string[], extra: Partial<SearchSource> = {}): SearchSource =>
  searchSource(`/zunyi-daily/${date}/01/0${seq}/`, paragraphs, { date, headline: `第${seq}篇`, ...extra });

describe('writeBundle', () => {
  const sources = [
    source('2023-01-17', 1, ['疫情防控工作扎实推进。', '新蒲新区 7.6万人'], { title: '扎实抓好疫情防控工作' }),
    source('2023-01-18', 2, ['防控疫情不放松。'], { kind: 'photo', people: ['一丁', '张婷'] }),
    ...Array.from({ length: GROUP_SIZE + 2 }, (_, i) => source('2023-02-01', 3 + i, [i % 3 === 0 ? `第${i}条：疫情防控常态化` : `第${i}条：防控`])),
  ];

  async function files(chunkBytes = 64, partitionChunks = 3) {
    const out = new Map<string, BundleFile>();
    const stats = await writeBundle(sources, { key: 'xtest', chunkBytes, partitionChunks, includeCharacters: ['_'] }, async (file) => void out.set(file.path, file));
    return { out, stats, ...readBundle(out) };
  }

  it('writes the bundle file, an empty index to start the runtime, and word partitions listing the groups and their chunks', async () => {
    const { stats, description, parts, root, partitions } = await files();
    const words = sources.reduce((sum, s) => sum + indexWords([s.title ?? '', '', '', '', '', ...s.paragraphs]).length, 0);
    const dates = sources.map((s) => s.date).sort();
    expect(description).toMatchObject({ key: 'xtest', articles: sources.length, average_words: Math.round(words / sources.length), from: dates[0], to: dates.at(-1) });
    expect(root.entry).toEqual({ version: PAGEFIND_FORMAT, languages: { xtest: { hash: expect.stringMatching(/^xtest_/u), wasm: null, page_count: 0 } }, include_characters: ['_'] });
    expect(root.meta).toEqual([PAGEFIND_FORMAT, [], [], [], [], []]);
    expect(partitions).toHaveLength(stats.partitions);
    expect(stats.partitions).toBeGreaterThan(3);
    expect(parts).toEqual([...parts].sort((a, b) => a - b));
    for (const { entry, meta } of partitions) {
      expect(entry.version).toBe(PAGEFIND_FORMAT);
      expect(Object.values(entry.languages)[0]!.page_count).toBe(2);
      // a Pagefind page per group of articles, all with one word count
      expect(meta[1]).toEqual([
        ['xtest_g0', 1, ''],
        ['xtest_g1', 1, ''],
      ]);
      expect(meta.slice(3)).toEqual([[], [], []]);
    }
    expect(partitions.reduce((sum, { meta }) => sum + meta[2].length, 0)).toBe(stats.chunks);
  });

  it('puts every word in the partition the directory names, all words of one first character in one', async () => {
    const { parts, partitions } = await files(40, 2);
    partitions.forEach(({ words }, n) => {
      for (const word of words.keys()) expect(partitionFor(parts, word), word).toBe(n);
      // its first character's range starts here or before: the directory names it
      expect(Number.parseInt([...words.keys()][0]!.slice(0, 4), 36)).toBe(parts[n]);
    });
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

  it('lets the search engine find exactly the articles that hold a query, each word in its partition', async () => {
    const written = await files(200, 2);
    const engine = createEngine({ pagefind: pagefindOver(written, 'xtest'), ordered: true, bundles: ['xtest'] });
    for (const query of ['疫情防控', '防控', '防', '7.6万', '76万', '新蒲 7.6万', '防控疫情', '常态化', '：疫情']) {
      const expected = sources.flatMap((s, index) => (query.split(' ').every((term) => [s.title ?? '', ...s.paragraphs].some((line) => line.replaceAll(' ', '').includes(term))) ? [`xtest_${index.toString(36)}`] : []));
      const found = await engine.search({ ...EMPTY_STATE, q: query, sort: 'oldest' });
      expect(found.results.map((hit) => hit.id), query).toEqual(expected);
    }
  });
});

describe('flagged misreadings in the index', () => {
  const flag = { excerpt: '名村医人户走', suggestion: '名村医入户走' };
  const sources = [
    // printed 人户, flagged: its suggested reading is 入户
    source('2023-01-01', 1, ['组织村医开展“敲门行动”。', '7名村医人户走访600余次。'], { suspects: [flag] }),
    // printed 入户: found exactly
    source('2023-01-02', 1, ['村医入户走访慰问。']),
    // printed 人户, not flagged (or the flag was deleted): never read otherwise
    source('2023-01-03', 1, ['3名村医人户走访。']),
    // the text was corrected by hand but the flag left: the excerpt is no longer there
    source('2023-01-04', 1, ['7名村医入户走访。'], { suspects: [flag] }),
    // a flag whose window reaches the line's ends, and two flags in one line
    source('2023-01-05', 1, ['村医人户', '一人户村医人户走访，再村医人户走'], { suspects: [flag, { excerpt: '一人户', suggestion: '一入户' }] }),
  ];

  async function engine() {
    const out = new Map<string, BundleFile>();
    await writeBundle(sources, { key: 'xocr', chunkBytes: 300, partitionChunks: 1 }, async (file) => void out.set(file.path, file));
    const bundle = readBundle(out);
    expect(bundle.partitions.length).toBeGreaterThan(1);
    return { out, engine: createEngine({ pagefind: pagefindOver(bundle, 'xocr'), ordered: true, bundles: ['xocr'], sizes: [sources.length] }) };
  }

  /** What a reader expects: the text as printed, and as each flag (still matching the text) suggests. */
  function expected(term: string) {
    const exact: string[] = [];
    const suspected: string[] = [];
    const flagged: string[] = [];
    sources.forEach((s, index) => {
      const id = `xocr_${index.toString(36)}`;
      const lines = s.paragraphs;
      const corrected = lines.map((line) => (s.suspects ?? []).reduce((text, f) => text.replaceAll(f.excerpt, f.suggestion), line));
      const printedHas = lines.some((line) => line.includes(term));
      if (printedHas) exact.push(id);
      else if (corrected.some((line) => line.includes(term))) suspected.push(id);
      if (printedHas && lines.some((line, l) => line.includes(term) && [...line.matchAll(new RegExp(term, 'gu'))].some((m) => corrected[l]!.slice(m.index, m.index + term.length) !== term))) flagged.push(id);
    });
    return { exact, suspected, flagged };
  }

  it('finds a flagged passage by its suggested reading, apart from the exact results, and marks exact hits that a flag doubts', async () => {
    const { engine: search } = await engine();
    for (const term of ['村医入户', '入户', '村医人户', '人户走访', '入户走访', '一入户', '一人户', '村医', '访慰问', '入']) {
      const found = await search.search({ ...EMPTY_STATE, q: term, sort: 'oldest' });
      const want = expected(term);
      expect({ exact: found.results.map((hit) => hit.id), suspected: found.suspected.results.map((hit) => hit.id), flagged: [...found.flagged].sort() }, term).toEqual(want);
    }
    // several terms: one exact, one only as suggested
    const mixed = await search.search({ ...EMPTY_STATE, q: '600余次 村医入户' });
    expect([mixed.total, mixed.suspected.results.map((hit) => hit.id)]).toEqual([0, ['xocr_0']]);
  });

  it('keeps the flags in the fragment, for the page to show what a suspected match stands for', async () => {
    const { out } = await engine();
    const fragment = JSON.parse(new TextDecoder().decode(unpack(out.get('fragment/xocr_0.pf_fragment')!))) as Record<string, unknown>;
    expect(fragment.suspects).toEqual([flag]);
    expect(JSON.parse(new TextDecoder().decode(unpack(out.get('fragment/xocr_1.pf_fragment')!)))).not.toHaveProperty('suspects');
  });
});
