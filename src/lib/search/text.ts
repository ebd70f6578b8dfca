/**
 * What "the same text" means for search: the one normalisation shared by the index, the query
 * and the highlighter, so that a query matches exactly the texts that contain it.
 *
 * - Unicode NFC, and full-width letters and digits folded to ASCII (Ｇ -> G, ２ -> 2); CJK
 *   punctuation stays as printed (， is not ,).
 * - Whitespace next to a CJK character is dropped: OCR leaves line-break and column-wrap spaces
 *   inside Chinese text, and a reader does not see them. Other whitespace (between Latin words,
 *   digits) collapses to one space.
 * - Case is kept here; comparisons fold it (`foldCase`).
 */

/** Han ideographs, kana and CJK punctuation/symbol blocks: characters that make a space an OCR artefact. */
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3000-\u303f\uff00-\uffef\u2018\u2019\u201c\u201d\u2014\u2026\u00b7]/u;

export function isCjkChar(ch: string | undefined): boolean {
  return ch !== undefined && CJK.test(ch);
}

/** Full-width ASCII letters and digits (Ａ-Ｚ ａ-ｚ ０-９) as ASCII; everything else unchanged. */
export function foldWidth(text: string): string {
  return text.replace(/[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]/gu, (ch) => String.fromCodePoint(ch.codePointAt(0)! - 0xfee0));
}

/**
 * One line of searchable text: NFC, width-folded, OCR spaces next to CJK removed, other runs of
 * whitespace as one space, trimmed. Line breaks must be split off before (see `searchLines`).
 */
export function normalizeLine(text: string): string {
  const chars = [...foldWidth(text.normalize('NFC'))];
  let out = '';
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    if (!/\s/u.test(ch)) {
      out += ch;
      continue;
    }
    let j = i;
    while (j + 1 < chars.length && /\s/u.test(chars[j + 1]!)) j++;
    const before = chars[i - 1];
    const after = chars[j + 1];
    if (before !== undefined && after !== undefined && !isCjkChar(before) && !isCjkChar(after)) out += ' ';
    i = j;
  }
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
