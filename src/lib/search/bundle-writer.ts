import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { FILTER_KEYS, resultFragment, sourceFilters, sourceLines, type SearchSource } from './records.ts';
import { CLASS_STEP, GROUP_SIZE, indexCodePoints, lengthClass, SLOT, UNIT_LENGTH, wordOf } from './tokens.ts';

/**
 * Writes a Pagefind bundle's index files directly, in the format that Pagefind 1.6.0's browser
 * runtime reads (the version is pinned in package.json; the runtime files themselves come from
 * Pagefind, see search-index.ts). Pagefind's own indexer was tried first and measured: it holds
 * about 0.8 GB per 1,000 articles of bigram words while indexing, lists every article in the
 * metadata every search loads (about 7 bytes each), and cuts its word chunks where a prefix
 * search for one character can miss words (see `ChunkPacker`). Written here, 50,000 articles
 * index in a few hundred MB of memory, and:
 *
 * - Pagefind's pages are groups of GROUP_SIZE articles in date order, and a word's position
 *   tells its article and the article's length (see tokens.ts): the metadata lists a few
 *   thousand groups instead of every article, and the search page reads articles from positions;
 * - filters are files of their own (each value's articles), since Pagefind's would apply to
 *   groups; a result's fragment is the article's, holding its plain text and headline;
 * - names are the bundle key (a hash of everything the bundle is made from) and a number:
 *   short, and new whenever the content changes, so a host may cache them for ever.
 *
 * All Pagefind files but the entry are gzip of `pagefind_dcd` + content, like Pagefind's.
 */

export const PAGEFIND_FORMAT = '1.6.0';

const SIGNATURE = Buffer.from('pagefind_dcd', 'latin1');

/** Pagefind's file framing: the signature, then the content, gzipped. */
export function packFile(content: Uint8Array): Buffer {
  return gzipSync(Buffer.concat([SIGNATURE, content]), { level: 9 });
}

/** A growable CBOR encoder for what Pagefind's decoder reads: definite-length arrays, text, integers. */
export class CborWriter {
  private buffer = new Uint8Array(1 << 16);
  length = 0;

  private reserve(bytes: number): void {
    if (this.length + bytes <= this.buffer.length) return;
    let size = this.buffer.length * 2;
    while (size < this.length + bytes) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.buffer.subarray(0, this.length));
    this.buffer = next;
  }

  private head(major: number, value: number): void {
    if (!Number.isSafeInteger(value) || value < 0 || value > 0xffffffff) throw new RangeError(`CBOR: ${value} out of range`);
    this.reserve(5);
    const b = this.buffer;
    const m = major << 5;
    if (value < 24) b[this.length++] = m | value;
    else if (value < 0x100) {
      b[this.length++] = m | 24;
      b[this.length++] = value;
    } else if (value < 0x10000) {
      b[this.length++] = m | 25;
      b[this.length++] = value >> 8;
      b[this.length++] = value & 0xff;
    } else {
      b[this.length++] = m | 26;
      b[this.length++] = value >>> 24;
      b[this.length++] = (value >> 16) & 0xff;
      b[this.length++] = (value >> 8) & 0xff;
      b[this.length++] = value & 0xff;
    }
  }

  uint(value: number): this {
    this.head(0, value);
    return this;
  }

  array(length: number): this {
    this.head(4, length);
    return this;
  }

  text(value: string): this {
    const bytes = Buffer.from(value, 'utf8');
    this.head(3, bytes.length);
    this.raw(bytes);
    return this;
  }

  /** Already encoded CBOR items. */
  raw(bytes: Uint8Array): this {
    this.reserve(bytes.length);
    this.buffer.set(bytes, this.length);
    this.length += bytes.length;
    return this;
  }

  /** The bytes written so far (a copy), and start again. */
  take(): Uint8Array {
    const out = this.buffer.slice(0, this.length);
    this.length = 0;
    return out;
  }
}

/** A word's encoded index entry. */
export interface EncodedWord {
  word: string;
  bytes: Uint8Array;
}

/** A chunk of words, and the range of words the metadata says it holds. */
export interface WordChunk {
  words: EncodedWord[];
  from: string;
  to: string;
}

/**
 * Packs the sorted words into chunks of about `target` encoded bytes, a group of words with the
 * same first unit at a time, and names each chunk's range for the metadata.
 *
 * A search for one character is a prefix search for its unit, and Pagefind's runtime loads the
 * chunks for a prefix only correctly when the words that start with it are all in one chunk or
 * fill whole chunks of their own: it takes the one chunk whose [from, to] range holds the
 * prefix if there is one, else every chunk whose `from` and `to` start with it. So the words of
 * one first unit stay together in a chunk; when they do not fit in one, they get chunks of their
 * own, whose ranges are their first and last words (longer than the unit, so that none holds
 * the bare unit). A chunk of whole groups gets the shortest range that holds exactly them: its
 * first unit to its last unit + `z` (a quarter of the bytes, in the metadata every search loads).
 */
export class ChunkPacker {
  private current: EncodedWord[] = [];
  private size = 0;
  private readonly target: number;
  private readonly onChunk: (chunk: WordChunk) => void;

  constructor(target: number, onChunk: (chunk: WordChunk) => void) {
    this.target = target;
    this.onChunk = onChunk;
  }

  /** The previous chunk's words, waiting for the next chunk's first word to name its range. */
  private held: { words: EncodedWord[]; whole: boolean } | null = null;

  private close(whole: boolean): void {
    if (this.current.length > 0) {
      this.flush(this.current[0]!.word);
      this.held = { words: this.current, whole };
    }
    this.current = [];
    this.size = 0;
  }

  /**
   * Name the held chunk's range, now that the next chunk's first word is known: a chunk of
   * whole groups from its first unit to its last unit + `z`; a piece of a split group from the
   * shortest prefix of its first word that follows the chunk before to a short string between
   * its last word and the next chunk's first word.
   */
  private flush(next: string | null): void {
    const held = this.held;
    if (!held) return;
    const first = held.words[0]!.word;
    const last = held.words[held.words.length - 1]!.word;
    const unit = (word: string) => word.slice(0, UNIT_LENGTH);
    let from: string;
    let to: string;
    if (held.whole) {
      from = unit(first);
      to = `${unit(last)}z`;
    } else {
      from = this.previousLast !== null && unit(this.previousLast) === unit(first) ? shortestAbove(this.previousLast, first) : first;
      to = next !== null && unit(next) === unit(last) ? shortBetween(last, next) : last;
    }
    this.onChunk({ words: held.words, from, to });
    this.previousLast = last;
    this.held = null;
  }

  private previousLast: string | null = null;
  /** Add the words (sorted) that start with one unit. */
  addGroup(group: readonly EncodedWord[]): void {
    const groupSize = group.reduce((sum, word) => sum + word.bytes.length, 0);
    if (this.size + groupSize <= this.target) {
      this.current.push(...group);
      this.size += groupSize;
    } else if (groupSize <= this.target) {
      this.close(true);
      this.current.push(...group);
      this.size = groupSize;
    } else {
      this.close(true);
      for (const word of group) {
        if (this.size > 0 && this.size + word.bytes.length > this.target) this.close(false);
        this.current.push(word);
        this.size += word.bytes.length;
      }
      this.close(false);
    }
  }

  finish(): void {
    this.close(true);
    this.flush(null);
  }
}

/** The shortest prefix of `word` that sorts after `before` (which sorts before `word`). */
function shortestAbove(before: string, word: string): string {
  let common = 0;
  while (common < word.length && before[common] === word[common]) common++;
  return word.slice(0, common + 1);
}

/**
 * A short string from `last` (included) to `next` (excluded): the common prefix, `last`'s next
 * character and `z`, when that is shorter than `last` and sorts between them; else `last`.
 */
function shortBetween(last: string, next: string): string {
  let common = 0;
  while (common < last.length && last[common] === next[common]) common++;
  const candidate = `${last.slice(0, common + 1)}z`;
  return candidate.length < last.length && candidate >= last && candidate < next ? candidate : last;
}

/** Cut sorted words into chunks (see `ChunkPacker`). */
export function chunkWords(words: readonly EncodedWord[], target: number): WordChunk[] {
  const chunks: WordChunk[] = [];
  const packer = new ChunkPacker(target, (chunk) => chunks.push(chunk));
  for (let start = 0; start < words.length; ) {
    const unit = words[start]!.word.slice(0, UNIT_LENGTH);
    let end = start;
    while (end < words.length && words[end]!.word.startsWith(unit)) end++;
    packer.addGroup(words.slice(start, end));
    start = end;
  }
  packer.finish();
  return chunks;
}

/**
 * Word counts as the metadata holds them, rounded to steps of about 10 %: Pagefind uses them
 * only to weigh a page's length in its score (BM25), and the rounded ones take a third of the
 * bytes in the metadata every search loads.
 */
export function roundedWordCount(count: number): number {
  if (count < 20) return count;
  const step = 1.1 ** Math.round(Math.log(count) / Math.log(1.1));
  return Math.round(step);
}

export interface BundleOptions {
  /** The bundle's key: its Pagefind "language", and the prefix of its page and article ids. */
  key: string;
  /** Encoded bytes per word chunk (before gzip). */
  chunkBytes?: number;
  /** Include characters, as Pagefind's runtime expects them in the entry file. */
  includeCharacters?: string[];
}

export interface BundleFile {
  /** Path inside the bundle, e.g. `index/x1a2b3c4_i0.pf_index`. */
  path: string;
  bytes: Uint8Array;
}

/** Default encoded bytes per word chunk (about half of it after gzip). */
export const DEFAULT_CHUNK_BYTES = 48_000;

/** The code point of the line break that ends every line of a record. */
const LINE_BREAK = 0x0a;

/** Word positions handled at a time: words are collected for a range of first characters at a time. */
const POSITIONS_PER_PASS = 8_000_000;

/** An article's id in its bundle: `<key>_<place in the bundle, base 36>`; also its fragment's name. */
export function articleId(key: string, index: number): string {
  return `${key}_${index.toString(36)}`;
}

/** A group's id (a page to Pagefind): `<key>_g<group number, base 36>`. */
export function groupId(key: string, group: number): string {
  return `${key}_g${group.toString(36)}`;
}

/**
 * The files of one bundle of articles (in the order they are given, which is date order and the
 * order results come back in), passed to `emit` as they are made:
 *
 * - `fragment/<article id>.pf_fragment`: what a result shows;
 * - `index/<name>.pf_index`: word chunks, Pagefind pages being groups of GROUP_SIZE articles and
 *   positions telling the article (see tokens.ts);
 * - `filter/<key>.<filter>.json`: for each value of a filter, its articles (ascending, as
 *   differences), read by the search page itself, since Pagefind's filters would apply to groups;
 * - `pagefind.<name>.pf_meta` and `pagefind-entry.json`.
 *
 * Memory stays bounded: the texts are kept as code points, and the postings are collected for
 * one range of first characters at a time, in typed arrays.
 */
export async function writeBundle(
  sources: readonly SearchSource[],
  { key, chunkBytes = DEFAULT_CHUNK_BYTES, includeCharacters = [] }: BundleOptions,
  emit: (file: BundleFile) => Promise<void>,
): Promise<{ articles: number; groups: number; words: number; chunks: number }> {
  // each article as code points (word i = points i, i+1), its fragment, and how often each first character occurs
  const texts: Uint32Array[] = [];
  const firsts = new Map<number, number>();
  for (const [index, source] of sources.entries()) {
    const points = indexCodePoints(sourceLines(source));
    if (points.length > CLASS_STEP) throw new Error(`[search-index] ${source.url}: ${points.length} characters, more than the index holds per article (${CLASS_STEP})`);
    texts.push(points);
    // words that start with a line break are not indexed: no query holds a line break
    for (let i = 0; i + 1 < points.length; i++) if (points[i] !== LINE_BREAK) firsts.set(points[i]!, (firsts.get(points[i]!) ?? 0) + 1);
    const fragment = { ...resultFragment(source), word_count: Math.max(0, points.length - 1), anchors: [] };
    await emit({ path: `fragment/${articleId(key, index)}.pf_fragment`, bytes: packFile(Buffer.from(JSON.stringify(fragment), 'utf8')) });
  }
  const groups = Math.ceil(sources.length / GROUP_SIZE);

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

  const cbor = new CborWriter();
  const chunkMeta: Array<[from: string, to: string, name: string]> = [];
  const pending: Promise<void>[] = [];
  const packer = new ChunkPacker(chunkBytes, ({ words, from, to }) => {
    cbor.array(1).array(words.length);
    for (const word of words) cbor.raw(word.bytes);
    const name = `${key}_i${chunkMeta.length.toString(36)}`;
    chunkMeta.push([from, to, name]);
    pending.push(emit({ path: `index/${name}.pf_index`, bytes: packFile(cbor.take()) }));
  });
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
    for (const [article, points] of texts.entries()) {
      const group = Math.floor(article / GROUP_SIZE);
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
    for (const [article, points] of texts.entries()) {
      const group = Math.floor(article / GROUP_SIZE);
      const base = (article % GROUP_SIZE) * SLOT + lengthClass(Math.max(0, points.length - 1)) * CLASS_STEP;
      for (let i = 0; i + 1 < points.length; i++) {
        const first = points[i]!;
        if (first < from || first > to || first === LINE_BREAK) continue;
        const id = positionWords[k++]!;
        const at = cursor[id]!;
        cursor[id] = at + 1;
        entryGroups[at] = group;
        entryPositions[at] = base + i;
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
  await Promise.all(pending.splice(0));

  // for each filter, each value with its articles (ascending, written as differences)
  const values = new Map<string, Map<string, number[]>>();
  for (const [index, source] of sources.entries()) {
    for (const [filter, list] of Object.entries(sourceFilters(source))) {
      const byValue = values.get(filter) ?? values.set(filter, new Map()).get(filter)!;
      for (const value of list) (byValue.get(value) ?? byValue.set(value, []).get(value)!).push(index);
    }
  }
  for (const filter of FILTER_KEYS) {
    const byValue = Object.fromEntries([...(values.get(filter) ?? [])].map(([value, articles]) => [value, articles.map((article, i) => article - (articles[i - 1] ?? 0))]));
    await emit({ path: `filter/${key}.${filter}.json`, bytes: Buffer.from(JSON.stringify(byValue), 'utf8') });
  }

  // the metadata: version, pages (groups), chunks, filters (none: see above), sorts (none), meta fields (none)
  cbor.array(6).text(PAGEFIND_FORMAT).array(groups);
  for (let group = 0; group < groups; group++) {
    let words = 0;
    for (let article = group * GROUP_SIZE; article < Math.min(sources.length, (group + 1) * GROUP_SIZE); article++) words += Math.max(0, texts[article]!.length - 1);
    cbor.array(3).text(groupId(key, group)).uint(roundedWordCount(words)).text('');
  }
  cbor.array(chunkMeta.length);
  for (const [first, last, name] of chunkMeta) cbor.array(3).text(first).text(last).text(name);
  cbor.array(0).array(0).array(0);
  const meta = cbor.take();
  const metaName = `${key}_${createHash('sha1').update(meta).digest('hex').slice(0, 10)}`;
  await emit({ path: `pagefind.${metaName}.pf_meta`, bytes: packFile(meta) });
  const entry = {
    version: PAGEFIND_FORMAT,
    languages: { [key]: { hash: metaName, wasm: null, page_count: groups } },
    include_characters: includeCharacters,
    articles: sources.length,
    // average words per article, for relevance (see the search engine)
    average_words: Math.round(texts.reduce((sum, points) => sum + Math.max(0, points.length - 1), 0) / Math.max(1, sources.length)),
  };
  await emit({ path: 'pagefind-entry.json', bytes: Buffer.from(JSON.stringify(entry), 'utf8') });
  return { articles: sources.length, groups, words: wordTotal, chunks: chunkMeta.length };
}
