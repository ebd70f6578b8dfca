import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { FILTER_KEYS, resultFragment, sourceFilters, sourceWords, type SearchSource } from '../lib/search/records.ts';
import { UNIT_LENGTH } from '../lib/search/tokens.ts';

/**
 * Writes a Pagefind bundle's index files directly, in the format that Pagefind 1.6.0's browser
 * runtime reads (the version is pinned in package.json; the runtime files themselves come from
 * Pagefind, see search-index.ts). Pagefind's own indexer was tried first and measured: it holds
 * about 0.8 GB per 1,000 articles of bigram words while indexing, names every page and chunk
 * by a content hash (about 7 bytes per article in the metadata every search loads), and cuts
 * its word chunks where a prefix search for one character can miss words (see `chunkWords`).
 * Written here, the index of 50,000 articles takes a few hundred MB, and each file holds what
 * the search needs:
 *
 * - `pagefind.<name>.pf_meta`: the pages (id and word count, in date order), the word chunks
 *   (first word, last word, name) and the filter files;
 * - `index/<name>.pf_index`: the postings of a run of words (pages and positions);
 * - `filter/<name>.pf_filter`: the pages of each value of one filter;
 * - `fragment/<id>.pf_fragment`: what a result shows (plain text, headline, paper, page name);
 * - `pagefind-entry.json`: the bundle's one "language" (its key) and metadata name.
 *
 * All files but the entry are gzip of `pagefind_dcd` + content, like Pagefind's. Names are the
 * bundle key (a hash of everything the bundle is made from) and a sequence number: short, and
 * still new whenever the content changes, so a host may cache them for ever.
 */

export const PAGEFIND_FORMAT = '1.6.0';

/**
 * Bumped whenever what the writer puts in a bundle changes, so that bundle keys (and with them
 * all file names) change too.
 */
export const WRITER_VERSION = 'bigram-1';

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

/** Where a word occurs: flat runs of [page, n, position × n], pages ascending. */
interface Postings {
  pages: number;
  runs: number[];
}

/** A word's encoded index entry. */
interface EncodedWord {
  word: string;
  bytes: Uint8Array;
}

/** Encode one word with its postings: [word, [[page delta, [first position, deltas…]], …]]. */
function encodeWord(cbor: CborWriter, word: string, postings: Postings): Uint8Array {
  cbor.array(2).text(word).array(postings.pages);
  const runs = postings.runs;
  let lastPage = 0;
  for (let i = 0; i < runs.length; ) {
    const page = runs[i++]!;
    const count = runs[i++]!;
    cbor.array(2).uint(page - lastPage).array(count);
    lastPage = page;
    let lastPosition = 0;
    for (let k = 0; k < count; k++) {
      const position = runs[i++]!;
      cbor.uint(position - lastPosition);
      lastPosition = position;
    }
  }
  return cbor.take();
}

/**
 * Cut the sorted words into chunks of about `target` encoded bytes. A search for one character
 * is a prefix search for its unit, and Pagefind's runtime loads the chunks for a prefix only
 * correctly when the words that start with it are all in one chunk or fill whole chunks of
 * their own: it takes the one chunk whose [first, last] range holds the prefix if there is
 * one, else every chunk whose first and last word start with it. So the words of one first
 * unit stay together in a chunk; when they do not fit in one, they get chunks of their own.
 */
export function chunkWords(words: readonly EncodedWord[], target: number): EncodedWord[][] {
  const chunks: EncodedWord[][] = [];
  let current: EncodedWord[] = [];
  let size = 0;
  const close = () => {
    if (current.length > 0) chunks.push(current);
    current = [];
    size = 0;
  };
  for (let start = 0; start < words.length; ) {
    const unit = words[start]!.word.slice(0, UNIT_LENGTH);
    let end = start;
    let groupSize = 0;
    while (end < words.length && words[end]!.word.startsWith(unit)) groupSize += words[end++]!.bytes.length;
    const group = words.slice(start, end);
    if (size + groupSize <= target) {
      current.push(...group);
      size += groupSize;
    } else if (groupSize <= target) {
      close();
      current.push(...group);
      size = groupSize;
    } else {
      close();
      for (const word of group) {
        if (size > 0 && size + word.bytes.length > target) close();
        current.push(word);
        size += word.bytes.length;
      }
      close();
    }
    start = end;
  }
  close();
  return chunks;
}

export interface BundleOptions {
  /** The bundle's key: its Pagefind "language", and the prefix of its page ids. */
  key: string;
  /** Encoded bytes per word chunk (before gzip). */
  chunkBytes?: number;
  /** Include characters, as Pagefind's runtime expects them in the entry file. */
  includeCharacters?: string[];
}

export interface BundleFile {
  /** Path inside the bundle, e.g. `index/x1a2b3c4_0.pf_index`. */
  path: string;
  bytes: Uint8Array;
}

/** Default encoded bytes per word chunk (about 60-70 % of it after gzip). */
export const DEFAULT_CHUNK_BYTES = 24_000;

/**
 * The index files of one bundle of articles (in the order they are given, which is the order
 * results come back in), passed to `emit` as they are made.
 */
export async function writeBundle(
  sources: readonly SearchSource[],
  { key, chunkBytes = DEFAULT_CHUNK_BYTES, includeCharacters = [] }: BundleOptions,
  emit: (file: BundleFile) => Promise<void>,
): Promise<{ pages: number; words: number; chunks: number }> {
  const name = (kind: string, index: number) => `${key}_${kind}${index.toString(36)}`;
  const pageIds = sources.map((_, index) => `${key}_${index.toString(36)}`);

  // postings of every word, and the word count of every page
  const postings = new Map<string, Postings>();
  const wordCounts: number[] = [];
  for (const [page, source] of sources.entries()) {
    const words = sourceWords(source);
    wordCounts.push(words.length);
    const local = new Map<string, number[]>();
    words.forEach((word, position) => {
      const list = local.get(word);
      if (list) list.push(position);
      else local.set(word, [position]);
    });
    for (const [word, positions] of local) {
      let entry = postings.get(word);
      if (!entry) postings.set(word, (entry = { pages: 0, runs: [] }));
      entry.pages++;
      entry.runs.push(page, positions.length);
      for (const position of positions) entry.runs.push(position);
    }
    await emit({ path: `fragment/${pageIds[page]}.pf_fragment`, bytes: packFile(Buffer.from(JSON.stringify({ ...resultFragment(source), word_count: words.length, anchors: [] }), 'utf8')) });
  }

  // words in byte order (they are ASCII), encoded, then cut into chunks
  const cbor = new CborWriter();
  const encoded: EncodedWord[] = [...postings.keys()].sort().map((word) => {
    const bytes = encodeWord(cbor, word, postings.get(word)!);
    postings.delete(word);
    return { word, bytes };
  });
  const chunks = chunkWords(encoded, chunkBytes);
  const chunkMeta: Array<[from: string, to: string, name: string]> = [];
  for (const [index, chunk] of chunks.entries()) {
    cbor.array(1).array(chunk.length);
    for (const word of chunk) cbor.raw(word.bytes);
    const chunkName = name('i', index);
    await emit({ path: `index/${chunkName}.pf_index`, bytes: packFile(cbor.take()) });
    chunkMeta.push([chunk[0]!.word, chunk[chunk.length - 1]!.word, chunkName]);
  }

  // one filter file per filter: each value with its pages
  const filterMeta: Array<[filter: string, name: string]> = [];
  const values = new Map<string, Map<string, number[]>>();
  for (const [page, source] of sources.entries()) {
    for (const [filter, list] of Object.entries(sourceFilters(source))) {
      const byValue = values.get(filter) ?? values.set(filter, new Map()).get(filter)!;
      for (const value of list) (byValue.get(value) ?? byValue.set(value, []).get(value)!).push(page);
    }
  }
  for (const [index, filter] of FILTER_KEYS.filter((key) => values.has(key)).entries()) {
    const byValue = [...values.get(filter)!].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    cbor.array(2).text(filter).array(byValue.length);
    for (const [value, pages] of byValue) {
      cbor.array(2).text(value).array(pages.length);
      for (const page of pages) cbor.uint(page);
    }
    const filterName = name('f', index);
    await emit({ path: `filter/${filterName}.pf_filter`, bytes: packFile(cbor.take()) });
    filterMeta.push([filter, filterName]);
  }

  // the metadata: version, pages, chunks, filters, sorts (none), meta fields (none)
  cbor.array(6).text(PAGEFIND_FORMAT).array(sources.length);
  for (const [page, id] of pageIds.entries()) cbor.array(3).text(id).uint(wordCounts[page]!).text('');
  cbor.array(chunkMeta.length);
  for (const [from, to, chunkName] of chunkMeta) cbor.array(3).text(from).text(to).text(chunkName);
  cbor.array(filterMeta.length);
  for (const [filter, filterName] of filterMeta) cbor.array(2).text(filter).text(filterName);
  cbor.array(0).array(0);
  const meta = cbor.take();
  const metaName = `${key}_${createHash('sha1').update(meta).digest('hex').slice(0, 10)}`;
  await emit({ path: `pagefind.${metaName}.pf_meta`, bytes: packFile(meta) });
  const entry = {
    version: PAGEFIND_FORMAT,
    languages: { [key]: { hash: metaName, wasm: null, page_count: sources.length } },
    include_characters: includeCharacters,
  };
  await emit({ path: 'pagefind-entry.json', bytes: Buffer.from(JSON.stringify(entry), 'utf8') });
  return { pages: sources.length, words: encoded.length, chunks: chunks.length };
}
