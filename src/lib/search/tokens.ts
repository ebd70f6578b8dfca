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
 * query (which never holds a line break) never matches across lines. A query of n >= 3
 * characters is the quoted phrase of its n-1 bigrams; of two characters, the one bigram; of one
 * character, that unit as a prefix (Pagefind's unquoted search matches words by prefix).
 * Bigram postings are far shorter than those of single characters: a common character occurs
 * in almost every article, a given pair of characters in far fewer.
 */

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

/** The Pagefind query for one term, and whether it is an exact (quoted) phrase. */
export interface TermQuery {
  query: string;
  /** True for a quoted phrase (exact, every hit scored 1); false for a scored prefix search. */
  exact: boolean;
  /** The words (or for one character, the prefix) the query consists of. */
  words: string[];
}

/**
 * The Pagefind query that finds exactly the texts containing `text`: for three characters or
 * more the quoted phrase of its bigrams (`"<疫情> <情防> <防控>"`); for two characters the bigram
 * alone and for one the unit alone, unquoted (a prefix search, which for them is exact, and
 * scored). Null when nothing searchable is left.
 */
export function termQuery(text: string): TermQuery | null {
  const units = unitsOf(normalizeLine(text));
  if (units.length === 0) return null;
  if (units.length <= 2) {
    const word = units.join('');
    return { query: word, exact: false, words: [word] };
  }
  const words: string[] = [];
  for (let i = 0; i + 1 < units.length; i++) words.push(units[i]! + units[i + 1]!);
  return { query: `"${words.join(' ')}"`, exact: true, words };
}

/**
 * An unquoted query of all the words of the terms: Pagefind then scores each page by how often
 * they occur (BM25), which orders the exact matches by relevance. Every page that holds the
 * terms holds these words.
 */
export function rankingQuery(texts: readonly string[]): string {
  const words = texts.flatMap((text) => termQuery(text)?.words ?? []);
  return [...new Set(words)].join(' ');
}
