import { normalizeLine } from './text.ts';

/**
 * The search index holds one token per character, so that every substring of a text is a phrase
 * of tokens and Pagefind's quoted (exact, adjacent) search finds exactly the texts that contain
 * it. Pagefind indexes only letters and digits of a word and drops the rest, so every other
 * character (punctuation, symbols, a space, the line break between paragraphs) is written as an
 * escape word `q` + its code point in hex: `，` -> `qff0c`, `.` -> `q2e`, a line break -> `qa`.
 * Natural tokens are always one character long, so a word of two or more characters is always
 * an escape and cannot collide with text. Line breaks are tokens too: a query never contains
 * one, so no match crosses from one paragraph into the next.
 *
 * The index content keeps the original case (Pagefind folds case when indexing, and the
 * excerpt shows the text as printed).
 */

const PLAIN = /^[\p{L}\p{Nd}]$/u;
const ESCAPE = /^q[0-9a-f]+$/u;

/** The index word for one character. */
export function encodeChar(ch: string): string {
  return PLAIN.test(ch) ? ch : `q${ch.codePointAt(0)!.toString(16)}`;
}

/** The character an index word stands for. */
export function decodeToken(token: string): string {
  if ([...token].length > 1 && ESCAPE.test(token)) return String.fromCodePoint(Number.parseInt(token.slice(1), 16));
  return token;
}

/** Tokens of already normalised text, one per code point. */
export function tokensOf(text: string): string[] {
  return [...text].map(encodeChar);
}

/**
 * The content of a search record: each line normalised, lines joined by a line-break token,
 * tokens separated by spaces.
 */
export function indexContent(lines: readonly string[]): string {
  return tokensOf(lines.map(normalizeLine).join('\n')).join(' ');
}

/**
 * The text back from a record's content as Pagefind returns it (it may add zero-width spaces
 * between words): the normalised lines.
 */
export function decodeContent(content: string): string[] {
  const text = content
    .replace(/\u200b/gu, '')
    .split(' ')
    .filter((token) => token !== '')
    .map(decodeToken)
    .join('');
  return text.split('\n');
}

/**
 * A Pagefind query that matches the text exactly: the tokens of the normalised, case-folded
 * string as a quoted phrase, e.g. `"疫 情 防 控"`. Empty when nothing searchable is left.
 */
export function phraseQuery(text: string): string {
  const tokens = tokensOf(normalizeLine(text).toLowerCase());
  return tokens.length === 0 ? '' : `"${tokens.join(' ')}"`;
}

/**
 * The letters, digits and Han characters of the query unquoted: Pagefind then scores each page
 * by how often they occur (BM25), which orders the exact matches by relevance. Escapes and the
 * letter q are left out, because unquoted words match as prefixes and `q` would match every
 * escape word (all punctuation postings).
 */
export function rankingQuery(texts: readonly string[]): string {
  const tokens = texts.flatMap((text) => tokensOf(normalizeLine(text).toLowerCase()));
  return [...new Set(tokens.filter((token) => [...token].length === 1 && token !== 'q'))].join(' ');
}
