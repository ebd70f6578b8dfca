import { gzipSync } from 'node:zlib';
import { SIGNATURE } from './index-format.ts';
import { UNIT_LENGTH } from './tokens.ts';

/**
 * Pagefind 1.6.0's file encoding, as its browser runtime reads it: files framed with its
 * signature and gzipped, CBOR, and word chunks named by the range of words they hold.
 */

/** Pagefind's file framing: the signature, then the content, gzipped. */
export function packFile(content: Uint8Array): Buffer {
  return gzipSync(Buffer.concat([Buffer.from(SIGNATURE, 'latin1'), content]), { level: 9 });
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
