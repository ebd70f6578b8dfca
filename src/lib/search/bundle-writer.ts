import { createHash } from 'node:crypto';
import { aliasWindows } from './aliases.ts';
import {
  articleId,
  BUNDLE_FILE,
  chunkName,
  chunkPath,
  DATE_FILTER,
  encodeDates,
  encodeFilter,
  encodeParts,
  ENTRY_FILE,
  filterPath,
  fragmentPath,
  groupId,
  INDEX_FORMAT,
  metaPath,
  PAGEFIND_FORMAT,
  partitionPath,
  resultFragment,
  sourceLines,
  type BundleDescription,
  type PagefindEntry,
} from './index-format.ts';
import { ChunkPacker, CborWriter, packFile, type EncodedWord } from './pagefind-chunks.ts';
import { FILTER_KEYS, sourceFilters, type SearchSource } from './records.ts';
import { ALIAS_BASE, CLASS_STEP, FLAG_BASE, GROUP_SIZE, indexCodePoints, lengthClass, SLOT, TEXT_LIMIT, UNIT_LENGTH, wordOf } from './tokens.ts';

/**
 * Writes a bundle's index files directly, in the format that Pagefind 1.6.0's browser runtime
 * reads (the version is pinned in package.json; the runtime files themselves come from Pagefind,
 * see src/io/search-bundles.ts). Pagefind's own indexer was tried first and measured: it holds
 * about 0.8 GB per 1,000 articles of bigram words while indexing, lists every article in the
 * metadata every search loads, and cuts its word chunks where a prefix search for one character
 * can miss words (see `ChunkPacker`). Written here:
 *
 * - Pagefind's pages are groups of GROUP_SIZE articles in date order, and a word's position
 *   tells its article and the article's length (see tokens.ts): the metadata lists a few hundred
 *   groups instead of every article;
 * - the words are cut into partitions by their first character, each a Pagefind index of its
 *   own with a short list of word chunks, which the page merges into the runtime only when a
 *   query's word falls in it: a search loads the chunk lists of its words' partitions, not of
 *   the whole archive (docs/0004-search-index-partitions.md);
 * - filters are files of their own (each value's articles), since Pagefind's would apply to
 *   groups; a result's fragment is the article's, holding its plain text and headline;
 * - names are the bundle key (a hash of everything the bundle is made from) and a number:
 *   short, and new whenever the content changes, so a host may cache them for ever.
 */

export interface BundleOptions {
  /** The bundle's key: its Pagefind "language", and the prefix of its page and article ids. */
  key: string;
  /** Encoded bytes per word chunk (before gzip). */
  chunkBytes?: number;
  /** Word chunks per partition, at least (a partition never splits the words of one first character). */
  partitionChunks?: number;
  /** Include characters, as Pagefind's runtime expects them in the entry file. */
  includeCharacters?: string[];
}

export interface BundleFile {
  /** Path inside the bundle, e.g. `w/3/index/x1a2b3c4_i0.pf_index`. */
  path: string;
  bytes: Uint8Array;
}

/** Default encoded bytes per word chunk (about half of it after gzip). */
export const DEFAULT_CHUNK_BYTES = 24_000;

/** Default word chunks per partition. */
export const DEFAULT_PARTITION_CHUNKS = 32;

/**
 * The word count every Pagefind page (a group) is given: Pagefind weighs its own scores by it,
 * which the engine does not use (it reads each article's length from positions), and one value
 * for all compresses to almost nothing in the metadata.
 */
export const PAGE_WORDS = 1;

/** The code point of the line break that ends every line of a record. */
const LINE_BREAK = 0x0a;

/** Word positions handled at a time: words are collected for a range of first characters at a time. */
const POSITIONS_PER_PASS = 8_000_000;

type CodePoints = Uint16Array | Uint32Array;

/** Code points in 2 bytes each when they fit (almost every article): half the memory. */
function compact(points: Uint32Array): CodePoints {
  for (const point of points) if (point > 0xffff) return points;
  return Uint16Array.from(points);
}

const json = (value: unknown) => Buffer.from(JSON.stringify(value), 'utf8');

/**
 * The files of one bundle of articles (in the order they are given, which is date order and the
 * order results come back in), passed to `emit` as they are made:
 *
 * - `fragment/<article id>.pf_fragment`: what a result shows;
 * - `w/<n>/`: word partition n: `pagefind-entry.json`, `pagefind.<name>.pf_meta` (the groups and
 *   the partition's word chunks) and `index/<name>.pf_index` (the word chunks);
 * - `filter/<key>.<filter>.json`: for each value of a filter, its articles (ascending, as
 *   differences), read by the search page itself, since Pagefind's filters would apply to groups;
 *   `filter/<key>.date.json`: each article's date, for date ranges;
 * - `pagefind-entry.json` and `pagefind.<name>.pf_meta`: an empty index that starts the runtime;
 * - `bundle.json`: the key, the counts and the partitions' first characters.
 *
 * Memory stays bounded: the texts are kept as code points, and the postings are collected for
 * one range of first characters at a time, in typed arrays.
 */
export async function writeBundle(
  sources: readonly SearchSource[],
  { key, chunkBytes = DEFAULT_CHUNK_BYTES, partitionChunks = DEFAULT_PARTITION_CHUNKS, includeCharacters = [] }: BundleOptions,
  emit: (file: BundleFile) => Promise<void>,
): Promise<{ articles: number; groups: number; words: number; chunks: number; partitions: number }> {
  // each article as code points (word i = points i, i+1), its fragment, and how often each first character occurs;
  // the flagged passages of an article, as suggested and as printed, at their offsets (see aliases.ts)
  const texts: CodePoints[] = [];
  const extras = new Map<number, Array<[offset: number, points: CodePoints]>>();
  const firsts = new Map<number, number>();
  const countFirsts = (points: CodePoints) => {
    // words that start with a line break are not indexed: no query holds a line break
    for (let i = 0; i + 1 < points.length; i++) if (points[i] !== LINE_BREAK) firsts.set(points[i]!, (firsts.get(points[i]!) ?? 0) + 1);
  };
  let totalWords = 0;
  for (const [index, source] of sources.entries()) {
    const points = indexCodePoints(sourceLines(source));
    if (points.length > TEXT_LIMIT) {
      throw new Error(`[search-index] ${source.url}: ${points.length} characters, more than the index holds per article (${TEXT_LIMIT}); was the article split from its neighbours on import?`);
    }
    texts.push(compact(points));
    countFirsts(points);
    totalWords += Math.max(0, points.length - 1);
    const windows = aliasWindows(points, source.suspects ?? []);
    if (windows.length > 0) {
      const ended = (window: Uint32Array) => Uint32Array.from([...window, LINE_BREAK]);
      const more: Array<[number, CodePoints]> = [...windows.map((w): [number, CodePoints] => [ALIAS_BASE + w.start, ended(w.corrected)]), ...windows.map((w): [number, CodePoints] => [FLAG_BASE + w.start, ended(w.original)])];
      for (const [, window] of more) countFirsts(window);
      extras.set(index, more);
    }
    const fragment = resultFragment(source, Math.max(0, points.length - 1));
    await emit({ path: fragmentPath(articleId(key, index)), bytes: packFile(json(fragment)) });
  }
  const groups = Math.ceil(sources.length / GROUP_SIZE);
  // an article's text at offset 0, then its flagged passages (offsets ascending, so positions stay in order)
  const segmentsOf = (article: number, text: CodePoints): Array<[offset: number, points: CodePoints]> => {
    const more = extras.get(article);
    return more ? [[0, text], ...more] : [[0, text]];
  };

  // for each filter, each value with its articles; each article's date
  const values = new Map<string, Map<string, number[]>>();
  for (const [index, source] of sources.entries()) {
    for (const [filter, list] of Object.entries(sourceFilters(source))) {
      const byValue = values.get(filter) ?? values.set(filter, new Map()).get(filter)!;
      for (const value of list) (byValue.get(value) ?? byValue.set(value, []).get(value)!).push(index);
    }
  }
  for (const filter of FILTER_KEYS) await emit({ path: filterPath(key, filter), bytes: json(encodeFilter(values.get(filter) ?? new Map())) });
  await emit({ path: filterPath(key, DATE_FILTER), bytes: json(encodeDates(sources.map((source) => source.date))) });

  // Pagefind's pages, the same in every partition's metadata: one per group
  const cbor = new CborWriter();
  cbor.array(groups);
  for (let group = 0; group < groups; group++) cbor.array(3).text(groupId(key, group)).uint(PAGE_WORDS).text('');
  const pages = cbor.take();

  /** A Pagefind index's metadata and entry, written into `dir`. */
  const pending: Promise<void>[] = [];
  const writeIndex = (dir: string, chunkList: ReadonlyArray<[from: string, to: string, name: string]>, pageList: Uint8Array, pageCount: number) => {
    // version, pages, chunks, filters (none: see above), sorts (none), meta fields (none)
    cbor.array(6).text(PAGEFIND_FORMAT).raw(pageList).array(chunkList.length);
    for (const [first, last, name] of chunkList) cbor.array(3).text(first).text(last).text(name);
    cbor.array(0).array(0).array(0);
    const meta = cbor.take();
    const name = `${key}_${createHash('sha1').update(meta).digest('hex').slice(0, 10)}`;
    const entry: PagefindEntry = { version: PAGEFIND_FORMAT, languages: { [key]: { hash: name, wasm: null, page_count: pageCount } }, include_characters: includeCharacters };
    pending.push(emit({ path: `${dir}${metaPath(name)}`, bytes: packFile(meta) }), emit({ path: `${dir}${ENTRY_FILE}`, bytes: json(entry) }));
  };

  // word chunks, gathered into partitions of at least `partitionChunks` chunks, never splitting
  // the words of one first character (a one-character query is a prefix search in one partition)
  const parts: number[] = [];
  let partChunks: Array<[from: string, to: string, name: string]> = [];
  let lastUnit = '';
  let chunkCount = 0;
  const closePartition = () => {
    if (partChunks.length === 0) return;
    writeIndex(partitionPath(parts.length - 1), partChunks, pages, groups);
    partChunks = [];
  };
  const packer = new ChunkPacker(chunkBytes, ({ words, from, to }) => {
    const unit = words[0]!.word.slice(0, UNIT_LENGTH);
    if (partChunks.length >= partitionChunks && unit !== lastUnit) closePartition();
    if (partChunks.length === 0) parts.push(Number.parseInt(unit, 36));
    cbor.array(1).array(words.length);
    for (const word of words) cbor.raw(word.bytes);
    const name = chunkName(key, chunkCount++);
    partChunks.push([from, to, name]);
    lastUnit = words[words.length - 1]!.word.slice(0, UNIT_LENGTH);
    pending.push(emit({ path: `${partitionPath(parts.length - 1)}${chunkPath(name)}`, bytes: packFile(cbor.take()) }));
  });

  // ranges of first characters, each with at most about POSITIONS_PER_PASS positions
  const ranges: Array<[from: number, to: number]> = [];
  let total = 0;
  for (const point of [...firsts.keys()].sort((a, b) => a - b)) {
    const count = firsts.get(point)!;
    if (ranges.length === 0 || total + count > POSITIONS_PER_PASS) {
      ranges.push([point, point]);
      total = 0;
    }
    ranges[ranges.length - 1]![1] = point;
    total += count;
  }

  let wordTotal = 0;
  const grow = (array: Int32Array) => {
    const next = new Int32Array(array.length * 2);
    next.set(array);
    return next;
  };
  for (const [from, to] of ranges) {
    // number the words (pairs of code points) of this range, and count their positions and groups;
    // remember each position's word for the second pass
    const ids = new Map<number, Map<number, number>>();
    let firstOf = new Int32Array(1024);
    let secondOf = new Int32Array(1024);
    let counts = new Int32Array(1024);
    let groupCounts = new Int32Array(1024);
    let lastGroups = new Int32Array(1024);
    let size = 0;
    let positionWords = new Int32Array(1 << 16);
    let positions = 0;
    for (const [article, text] of texts.entries()) {
      const group = Math.floor(article / GROUP_SIZE);
      for (const [, points] of segmentsOf(article, text)) {
        for (let i = 0; i + 1 < points.length; i++) {
          const first = points[i]!;
          if (first < from || first > to || first === LINE_BREAK) continue;
          const second = points[i + 1]!;
          let seconds = ids.get(first);
          if (!seconds) ids.set(first, (seconds = new Map()));
          let id = seconds.get(second);
          if (id === undefined) {
            id = size++;
            seconds.set(second, id);
            if (id >= counts.length) {
              firstOf = grow(firstOf);
              secondOf = grow(secondOf);
              counts = grow(counts);
              groupCounts = grow(groupCounts);
              lastGroups = grow(lastGroups);
            }
            firstOf[id] = first;
            secondOf[id] = second;
            lastGroups[id] = -1;
          }
          counts[id]!++;
          if (lastGroups[id] !== group) {
            lastGroups[id] = group;
            groupCounts[id]!++;
          }
          if (positions >= positionWords.length) positionWords = grow(positionWords);
          positionWords[positions++] = id;
        }
      }
    }
    // words in order (code point pairs sort as their base-36 words do), and where each one's positions go
    const order = Int32Array.from({ length: size }, (_, id) => id).sort((a, b) => firstOf[a]! - firstOf[b]! || secondOf[a]! - secondOf[b]!);
    const offsets = new Int32Array(size + 1);
    const cursor = new Int32Array(size);
    order.forEach((id, rank) => {
      offsets[rank + 1] = offsets[rank]! + counts[id]!;
      cursor[id] = offsets[rank]!;
    });
    // each position as (group, position in the group), in order: articles ascending, then positions
    const entryGroups = new Int32Array(positions);
    const entryPositions = new Int32Array(positions);
    let k = 0;
    for (const [article, text] of texts.entries()) {
      const group = Math.floor(article / GROUP_SIZE);
      const articleBase = (article % GROUP_SIZE) * SLOT + lengthClass(Math.max(0, text.length - 1)) * CLASS_STEP;
      for (const [offset, points] of segmentsOf(article, text)) {
        for (let i = 0; i + 1 < points.length; i++) {
          const first = points[i]!;
          if (first < from || first > to || first === LINE_BREAK) continue;
          const id = positionWords[k++]!;
          const at = cursor[id]!;
          cursor[id] = at + 1;
          entryGroups[at] = group;
          entryPositions[at] = articleBase + offset + i;
        }
      }
    }
    // encode: [word, [[group delta, [first position, deltas…]], …]], a group of one first character at a time
    let wordGroup: EncodedWord[] = [];
    let groupFirst = -1;
    for (const [rank, id] of order.entries()) {
      const first = firstOf[id]!;
      if (first !== groupFirst && wordGroup.length > 0) {
        packer.addGroup(wordGroup);
        wordGroup = [];
      }
      groupFirst = first;
      const word = wordOf(first, secondOf[id]!);
      cbor.array(2).text(word).array(groupCounts[id]!);
      let lastGroup = 0;
      for (let at = offsets[rank]!; at < offsets[rank + 1]!; ) {
        const group = entryGroups[at]!;
        let end = at;
        while (end < offsets[rank + 1]! && entryGroups[end] === group) end++;
        cbor.array(2).uint(group - lastGroup).array(end - at);
        lastGroup = group;
        let lastPosition = 0;
        for (; at < end; at++) {
          cbor.uint(entryPositions[at]! - lastPosition);
          lastPosition = entryPositions[at]!;
        }
      }
      wordGroup.push({ word, bytes: cbor.take() });
    }
    if (wordGroup.length > 0) packer.addGroup(wordGroup);
    wordTotal += size;
    await Promise.all(pending.splice(0));
  }
  packer.finish();
  closePartition();

  // the empty index that starts Pagefind's runtime, and what the page reads first
  writeIndex('', [], new Uint8Array([0x80]), 0);
  await Promise.all(pending.splice(0));
  const description: BundleDescription = {
    key,
    format: INDEX_FORMAT,
    articles: sources.length,
    // average words per article, for relevance (see the search engine)
    average_words: Math.round(totalWords / Math.max(1, sources.length)),
    parts: encodeParts(parts),
  };
  // the bundle's date span: a search with a date range skips the bundles outside it
  const dates = sources.map((source) => source.date).filter(Boolean);
  if (dates.length > 0) {
    description.from = dates.reduce((a, b) => (b < a ? b : a));
    description.to = dates.reduce((a, b) => (b > a ? b : a));
  }
  await emit({ path: BUNDLE_FILE, bytes: json(description) });
  return { articles: sources.length, groups, words: wordTotal, chunks: chunkCount, partitions: parts.length };
}
