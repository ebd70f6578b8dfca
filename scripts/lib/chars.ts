/**
 * Character classes for Chinese newspaper text. Each predicate takes one code point as a string
 * (`[...text]` iterates them) and answers for that character alone.
 */

/** Han ideographs: CJK Unified Ideographs, Extension A, and the supplementary planes (B-H). */
const HAN = /\p{Script=Han}/u;

export function isHan(ch: string | undefined): boolean {
  return ch !== undefined && HAN.test(ch) && !isCjkPunctuation(ch);
}

/**
 * Punctuation used in Chinese text: the CJK Symbols and Punctuation block, full-width forms
 * (，：；！？（）), curly quotes, the em dash and the ellipsis.
 */
export function isCjkPunctuation(ch: string | undefined): boolean {
  if (ch === undefined) return false;
  const cp = ch.codePointAt(0)!;
  return (
    ((cp >= 0x3000 && cp <= 0x303f) && !(cp >= 0x3005 && cp <= 0x3007)) || // 、。〈〉《》「」『』【】〔〕〜, not 々〆〇
    (cp >= 0xff01 && cp <= 0xff0f) || // ！＂＃＄％＆＇（）＊＋，－．／
    (cp >= 0xff1a && cp <= 0xff20) || // ：；＜＝＞？＠
    (cp >= 0xff3b && cp <= 0xff40) ||
    (cp >= 0xff5b && cp <= 0xff65) ||
    cp === 0x2018 || cp === 0x2019 || cp === 0x201c || cp === 0x201d || // ‘’“”
    cp === 0x2014 || cp === 0x2015 || cp === 0x2026 || cp === 0x00b7 || cp === 0x2027 || cp === 0x30fb // —―…·‧・
  );
}

/** A character that makes its neighbourhood "Chinese context": a Han character or CJK punctuation. */
export function isCjk(ch: string | undefined): boolean {
  return isHan(ch) || isCjkPunctuation(ch);
}

export function isDigit(ch: string | undefined): boolean {
  return ch !== undefined && ch >= '0' && ch <= '9';
}

export function isLatinLetter(ch: string | undefined): boolean {
  return ch !== undefined && /^[A-Za-z\u00c0-\u024f]$/.test(ch);
}

export function isLatinOrDigit(ch: string | undefined): boolean {
  return isDigit(ch) || isLatinLetter(ch);
}

/** Whitespace as OCR leaves it: ASCII spaces, tabs, NBSP and the ideographic space. */
export function isSpace(ch: string | undefined): boolean {
  return ch !== undefined && /^[ \t\u00a0\u3000]$/.test(ch);
}

/** Characters that end a sentence in Chinese text, possibly followed by closing quotes or brackets. */
export const SENTENCE_END = new Set(['。', '！', '？', '…', '!', '?']);
/** Closing marks that may follow a sentence end: 。” or 。） */
export const CLOSERS = new Set(['”', '’', '）', ')', '》', '」', '』', '】', '"', "'"]);

/** Does the text end a sentence (。！？… optionally followed by closing quotes or brackets)? */
export function endsSentence(text: string): boolean {
  const chars = [...text.trimEnd()];
  let i = chars.length - 1;
  while (i >= 0 && CLOSERS.has(chars[i]!)) i--;
  return i >= 0 && SENTENCE_END.has(chars[i]!);
}

/**
 * endsSentence, or a full stop OCR read as a Latin o or a zero, a dot, a dash or a star right
 * after a Chinese character (持续向好o, 提质增效-, 落地见效*): no text ends a Chinese sentence so.
 * For judging where a text stops, not for changing it.
 */
export function endsSentenceAsRead(text: string): boolean {
  return endsSentence(text) || /\p{Script=Han}[oO0°.．\-*]$/u.test(text.trimEnd());
}

/** Display width in half-width cells: wide (CJK) characters count 2, others 1. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += isWide(ch) ? 2 : 1;
  return width;
}

function isWide(ch: string): boolean {
  const cp = ch.codePointAt(0)!;
  return (
    isCjk(ch) ||
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2e80 && cp <= 0xa4cf) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    cp >= 0x20000
  );
}

/** Count Han characters: the unit of the "nothing lost, nothing invented" invariant. */
export function countHan(text: string): number {
  let n = 0;
  for (const ch of text) if (isHan(ch)) n++;
  return n;
}

/** The Han characters of a text, in order. */
export function hanOnly(text: string): string {
  let out = '';
  for (const ch of text) if (isHan(ch)) out += ch;
  return out;
}
