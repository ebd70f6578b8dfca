import { foldCase, normalizeLine } from './text.ts';

/**
 * What the search index holds: every pair of adjacent characters (a bigram) as one word, so that
 * every substring of a text is a phrase of words and Pagefind's exact (quoted) search finds
 * exactly the texts that contain it.
 *
 * Each character, case-folded, becomes a unit: its code point in base 36, four digits (`疫` ->
 * `1ch7`, `，` -> `1ekc`, a line break -> `000a`). Word i of a record is unit i followed by unit
 * i+1 (eight characters). Units are ASCII letters and digits of one length, so nothing in
 * Pagefind changes them (it keeps only letters and digits, folds case, strips diacritics, and
 * in the browser splits a Chinese query into words with `Intl.Segmenter`, which leaves an ASCII
 * run whole), and the words that start with a unit are exactly the bigrams that start with that
 * character.
 *
 * Every line ends with a line break unit, so every character of the text starts a word, and a
 * query (which never holds a line break) never matches across lines; the words that start with
 * a line break are left out of the index, since no query holds one. A query of n >= 2
 * characters is found where its n-1 bigrams occur one after the other; of one character, where
 * a word starts with its unit (see `termWords`). Bigram postings are far shorter than those of
 * single characters: a common character occurs in almost every article, a given pair of
 * characters in far fewer.
 */

/**
 * How articles are laid out in the index: Pagefind's "pages" are groups of GROUP_SIZE articles
 * in a row (in date order), and word i of article k of a group is at position
 * k * SLOT + lengthClass * CLASS_STEP + i, where the length class (see `lengthClass`) says about
 * how long the article is. A search asks Pagefind for the positions of words and reads the
 * article and its length from them, so Pagefind's metadata (which every search loads) lists a
 * page per group, not per article, and relevance can still weigh an article's length.
 *
 * Within an article, offsets below ALIAS_BASE are its text (at most TEXT_LIMIT code points: the
 * writer checks); the flagged passages as suggested sit at ALIAS_BASE + their offset in the
 * text, and the same passages as printed at FLAG_BASE + their offset (see aliases.ts).
 *
 * Pagefind's runtime reads positions as signed 32-bit integers (measured: a position of 2^31 or
 * more makes its WebAssembly fail with "No pointer"), so a group holds 128 articles: the last
 * position, slot 127, class 63, FLAG_BASE + TEXT_LIMIT - 1, is just below 2^31 (`MAX_POSITION`).
 * Fewer, larger groups keep the list of groups short, which every word partition's metadata holds.
 */
export const GROUP_SIZE = 128;
export const SLOT = 2 ** 24;
export const CLASS_STEP = 2 ** 18;
export const TEXT_LIMIT = 2 ** 16;
export const ALIAS_BASE = TEXT_LIMIT;
export const FLAG_BASE = 2 * TEXT_LIMIT;
export const MAX_POSITION = (GROUP_SIZE - 1) * SLOT + 63 * CLASS_STEP + FLAG_BASE + TEXT_LIMIT - 1;

/** Which reading an offset in an article belongs to, and its offset in the text. */
export function readingOf(offset: number): { reading: 'text' | 'suggested' | 'printed'; at: number } {
  if (offset < ALIAS_BASE) return { reading: 'text', at: offset };
  if (offset < FLAG_BASE) return { reading: 'suggested', at: offset - ALIAS_BASE };
  return { reading: 'printed', at: offset - FLAG_BASE };
}

/** Length classes are steps of 25 %: class c stands for about 1.25^c characters (c < 64). */
export function lengthClass(length: number): number {
  return Math.min(63, Math.round(Math.log(length + 1) / Math.log(1.25)));
}

/** The length a class stands for. */
export function classLength(lengthClassValue: number): number {
  return 1.25 ** lengthClassValue;
}

/** Where a position is: the article's place in its group, its length class, the word's place in the article. */
export function placeOf(position: number): { slot: number; lengthClass: number; offset: number } {
  const slot = Math.floor(position / SLOT);
  const inSlot = position - slot * SLOT;
  const lengthClassValue = Math.floor(inSlot / CLASS_STEP);
  return { slot, lengthClass: lengthClassValue, offset: inSlot - lengthClassValue * CLASS_STEP };
}

/** Characters of one unit. */
export const UNIT_LENGTH = 4;

/** The unit of a line break: every line of a record ends with one. */
export const LINE_BREAK_UNIT = unitOf('\n');

/** The index unit of one (case-folded) character. */
export function unitOf(ch: string): string {
  return ch.codePointAt(0)!.toString(36).padStart(UNIT_LENGTH, '0');
}

/** The character a unit stands for. */
export function charOf(unit: string): string {
  return String.fromCodePoint(Number.parseInt(unit, 36));
}

/** Units of already normalised text, case-folded here. */
export function unitsOf(text: string): string[] {
  return [...foldCase(text)].map(unitOf);
}

/**
 * The code points a record is indexed as: its lines, each normalised, case-folded and followed
 * by a line break. Word i is code point i and code point i+1 (see `indexWords`).
 */
export function indexCodePoints(lines: readonly string[]): Uint32Array {
  const points: number[] = [];
  for (const line of lines) {
    for (const ch of foldCase(normalizeLine(line))) points.push(ch.codePointAt(0)!);
    points.push(0x0a);
  }
  return Uint32Array.from(points);
}

/** The index word of two adjacent code points. */
export function wordOf(first: number, second: number): string {
  return first.toString(36).padStart(UNIT_LENGTH, '0') + second.toString(36).padStart(UNIT_LENGTH, '0');
}

/**
 * The words of a record, in order (word i is at position i): the bigrams of its lines, each line
 * normalised and followed by a line break.
 */
export function indexWords(lines: readonly string[]): string[] {
  const points = indexCodePoints(lines);
  const words: string[] = [];
  for (let i = 0; i + 1 < points.length; i++) words.push(wordOf(points[i]!, points[i + 1]!));
  return words;
}

/**
 * The words a term is searched by: the bigrams of its characters in order, or for a single
 * character its unit. Each is searched unquoted, and Pagefind matches an unquoted word as a
 * prefix, so a unit finds every bigram that starts with it, i.e. every place the character
 * occurs. The term occurs at position p of a text where word j occurs at position p + j (see
 * `termPositions`). Empty when nothing searchable is left.
 */
export function termWords(text: string): string[] {
  const units = unitsOf(normalizeLine(text));
  if (units.length <= 1) return units;
  const words: string[] = [];
  for (let i = 0; i + 1 < units.length; i++) words.push(units[i]! + units[i + 1]!);
  return words;
}

/** A word of a term and where it stands in the term. */
export interface CoverWord {
  word: string;
  /** Its offset in the term: the term occurs at p where the word occurs at p + at. */
  at: number;
}

/**
 * The fewest words that pin a term down: bigrams 0, 2, 4… and the last one. Where bigram 0 occurs
 * at p and bigram 2 at p + 2, characters p to p + 3 are the term's first four; so every
 * character is covered and the term occurs at p exactly when each of these words occurs at
 * p + its offset. 疫情防控 needs 疫情 and 防控, not 情防: a third fewer postings to load.
 */
export function termCover(text: string): CoverWord[] {
  const words = termWords(text);
  if (words.length <= 2) return words.map((word, at) => ({ word, at }));
  const cover: CoverWord[] = [];
  for (let at = 0; at < words.length; at += 2) cover.push({ word: words[at]!, at });
  if (cover[cover.length - 1]!.at !== words.length - 1) cover.push({ word: words[words.length - 1]!, at: words.length - 1 });
  return cover;
}

/**
 * Where a term occurs, given its cover (`termCover`) and where each word occurs (sorted
 * positions): the positions p at which every word occurs at p + its offset.
 */
export function termPositions(cover: readonly CoverWord[], positionsOf: (word: string) => readonly number[]): number[] {
  if (cover.length === 0) return [];
  const [first, ...rest] = cover;
  const starts = positionsOf(first!.word).map((position) => position - first!.at);
  if (rest.length === 0) return starts;
  const sets = rest.map(({ word }) => new Set(positionsOf(word)));
  return starts.filter((p) => rest.every(({ at }, j) => sets[j]!.has(p + at)));
}
