import type { Word } from './model.ts';

/**
 * A line's text from its words. Chinese is printed without spaces, and Tesseract's chi_sim
 * splits a line into a word per Han character or per run of them: the spaces between those
 * words are not in the print and are left out. Latin words and numbers next to each other keep
 * one space. A wide gap between boxes is kept: one space from 1.2 em, two from 2.5 em (fields
 * of a page header; the parser reads two or more spaces as a field separator).
 *
 * Why 1.2 em and not the 0.5-1 em of a printed space: Tesseract 5's LSTM boxes of Han words
 * are narrower than the glyphs, so ordinary neighbours show gaps of 0.3-0.7 em and one in a
 * hundred shows 0.8-1.1 em (measured on a rendered 3-column page, 1,000 word pairs); a real
 * space in a byline (记者　张婷) is read by Tesseract as a quote mark anyway. Next to
 * punctuation no space is added: a full-width mark carries its own white space.
 */
/** Han ideographs, CJK punctuation, full-width forms, kana: written without spaces between. */
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3000-\u303f\uff00-\uffef\u2010-\u2027\u2e80-\u2eff\u31c0-\u31ef]/u;

export function isCjk(ch: string): boolean {
  return CJK.test(ch);
}

/** Gap, in ems of the line, from which a visible space is kept between CJK words. */
export const SPACE_GAP_EM = 1.2;
/** Gap, in ems, from which two spaces are written (fields of a page header, a wide break). */
export const FIELD_GAP_EM = 2.5;

/**
 * Join words (left to right) into the line's text. `em` is the line's height in pixels, the
 * size of one Han character.
 */
export function joinWords(words: readonly Word[], em: number): string {
  let text = '';
  let previous: Word | null = null;
  for (const word of words) {
    if (previous) text += separator(previous, word, em);
    text += word.text;
    previous = word;
  }
  return text;
}

function separator(before: Word, after: Word, em: number): string {
  const gap = after.box.x - (before.box.x + before.box.w);
  if (gap >= em * FIELD_GAP_EM) return '  ';
  const left = [...before.text];
  const right = [...after.text];
  if (latinEnd(left) && latinStart(right)) return ' ';
  const last = left[left.length - 1] ?? '';
  const first = right[0] ?? '';
  if (PUNCTUATION.test(last) || PUNCTUATION.test(first)) return '';
  return gap >= em * SPACE_GAP_EM ? ' ' : '';
}

const LATIN = /[A-Za-z0-9\u00c0-\u024f]/u;
const PUNCTUATION = /\p{P}/u;

/** Ends in a Latin letter or digit, or in , . ; : ! ? ) after one (`word,`). */
function latinEnd(chars: string[]): boolean {
  const last = chars[chars.length - 1] ?? '';
  if (LATIN.test(last)) return true;
  return /[,.;:!?)'"]/u.test(last) && LATIN.test(chars[chars.length - 2] ?? '');
}

/** Starts with a Latin letter or digit, or with ( ' " before one. */
function latinStart(chars: string[]): boolean {
  const first = chars[0] ?? '';
  if (LATIN.test(first)) return true;
  return /[('"]/u.test(first) && LATIN.test(chars[1] ?? '');
}
