/**
 * What "the same text" means for search: the one normalisation shared by the index, the query
 * and the highlighter, so that a query matches exactly the texts that contain it.
 *
 * - Unicode NFC, and the full-width forms of ASCII (U+FF01-FF5E: letters, digits and
 *   punctuation) folded to ASCII: ＰＭ２．５ and PM2.5 are the same text, so are （） and (),
 *   ，and ,. Other CJK punctuation stays as printed (。 is not .).
 * - Whitespace next to a CJK character is dropped: OCR leaves line-break and column-wrap spaces
 *   inside Chinese text, and a reader does not see them. Full-width punctuation counts as CJK
 *   here, full-width letters and digits as Latin, as they are printed. Other whitespace (between
 *   Latin words, digits) collapses to one space.
 * - Case is kept here; comparisons fold it (`foldCase`).
 */

/** Han ideographs, kana and CJK punctuation/symbol blocks: characters that make a space an OCR artefact. */
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3000-\u303f\uff00-\uffef\u2018\u2019\u201c\u201d\u2014\u2026\u00b7]/u;

/** Full-width letters and digits: Latin text, whatever their width. */
const FULL_WIDTH_ALNUM = /[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]/u;

/** Does a space next to this (printed) character belong to Chinese text, i.e. is it an OCR artefact? */
export function isCjkChar(ch: string | undefined): boolean {
  return ch !== undefined && CJK.test(ch) && !FULL_WIDTH_ALNUM.test(ch);
}

/** The full-width forms of ASCII (Ａ ２ ． （ ，) as ASCII; everything else unchanged. */
export function foldWidth(text: string): string {
  return text.replace(/[\uff01-\uff5e]/gu, (ch) => String.fromCodePoint(ch.codePointAt(0)! - 0xfee0));
}

/** A character of searchable text and where it came from (UTF-16 offsets in the text as given). */
export interface SearchChar {
  /** NFC, width-folded; a space stands for a run of whitespace kept between Latin text. */
  ch: string;
  start: number;
  end: number;
}

/**
 * The text as search reads it, character by character (a character with its combining marks),
 * each with its place in the given text: `emit` gets the NFC, width-folded character, or a space
 * for a run of whitespace kept between Latin text. Line breaks must be split off before (see
 * `searchLines`).
 */
function walk(text: string, emit: (ch: string, start: number, end: number) => void, fold = true): void {
  const chars: string[] = [];
  const starts: number[] = [];
  let offset = 0;
  for (const ch of text) {
    if (chars.length > 0 && /\p{M}/u.test(ch) && !/\s/u.test(chars[chars.length - 1]!)) chars[chars.length - 1] += ch;
    else {
      chars.push(ch);
      starts.push(offset);
    }
    offset += ch.length;
  }
  starts.push(offset);
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    if (!/\s/u.test(ch)) {
      emit(fold ? foldWidth(ch.normalize('NFC')) : ch.normalize('NFC'), starts[i]!, starts[i + 1]!);
      continue;
    }
    let j = i;
    while (j + 1 < chars.length && /\s/u.test(chars[j + 1]!)) j++;
    if (i > 0 && j + 1 < chars.length && !isCjkChar(chars[i - 1]) && !isCjkChar(chars[j + 1])) emit(' ', starts[i]!, starts[j + 1]!);
    i = j;
  }
}

/** The searchable characters of a line (see `walk`), each with its place in the line. */
export function searchChars(text: string): SearchChar[] {
  const out: SearchChar[] = [];
  walk(text, (ch, start, end) => out.push({ ch, start, end }));
  return out;
}

/** One line of searchable text (see `walk`), trimmed. */
export function normalizeLine(text: string): string {
  let out = '';
  walk(text, (ch) => (out += ch));
  return out;
}

/**
 * A line as a result shows it: OCR spaces removed and NFC as in `normalizeLine`, but every
 * character in the width it was printed in. Searching it finds what searching the index finds.
 */
export function displayLine(text: string): string {
  let out = '';
  walk(text, (ch) => (out += ch), false);
  return out;
}

/** Split text into normalised lines (paragraph boundaries are never crossed by a match). */
export function searchLines(text: string): string[] {
  return text.split(/\r?\n/u).map(normalizeLine);
}

/** Case folding for comparison, one code point at a time so that offsets stay aligned. */
export function foldCase(text: string): string {
  let out = '';
  for (const ch of text) {
    const lower = ch.toLowerCase();
    out += [...lower].length === 1 ? lower : ch;
  }
  return out;
}
