import type { Word } from './model.ts';

/**
 * A line's text from its words. Chinese is printed without spaces, and Tesseract's chi_sim
 * splits a line into a word per Han character or per run of them: the spaces between those
 * words are not in the print and are left out. Latin words and numbers next to each other keep
 * one space. A gap between boxes wider than a printed space is kept as one space, and one of
 * 2.5 em or more as two (fields of a page header; the parser reads two or more spaces as a
 * field separator).
 *
 * How wide is a printed space depends on how exact the boxes are, so it is measured per page
 * (`spaceThreshold`): exact boxes (a vendor's ALTO, the rendered truth) show no gap between Han
 * characters, and a gap of half an em is a space; Tesseract 5's LSTM boxes of Han words are
 * narrower than the glyphs, so neighbours show gaps of 0.3-0.7 em and one in a hundred 0.8-1.1
 * em (measured on a rendered 3-column page, 1,000 word pairs), and only a gap well above that
 * noise counts. Next to punctuation no space is added: a full-width mark carries its own space.
 */

/** Han ideographs, CJK punctuation, full-width forms, kana: written without spaces between. */
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3000-\u303f\uff00-\uffef\u2010-\u2027\u2e80-\u2eff\u31c0-\u31ef]/u;

export function isCjk(ch: string): boolean {
  return CJK.test(ch);
}

/** The least gap, in ems, read as a printed space (with exact boxes). */
export const MIN_SPACE_EM = 0.5;
/** Gap, in ems, from which two spaces are written (fields of a page header, a wide break). */
export const FIELD_GAP_EM = 2.5;

/**
 * The em of a line: the median advance of one full-width character in its words (box width
 * over characters, for words of Han characters and full-width marks), or the line's height
 * when it has none.
 */
export function lineEm(words: readonly Word[], fallback: number): number {
  const advances: number[] = [];
  for (const word of words) {
    const chars = [...word.text];
    if (chars.length > 0 && chars.every((ch) => isCjk(ch))) advances.push(word.box.w / chars.length);
  }
  if (advances.length === 0) return fallback;
  advances.sort((a, b) => a - b);
  return Math.max(1, advances[advances.length >> 1]!);
}

/**
 * The gap, in ems, from which a space is written on this page: the 90th percentile of the gaps
 * between neighbouring Han words (the boxes' noise) plus half an em, at least MIN_SPACE_EM.
 * A page with fewer than 20 such neighbours splits words at spaces, not per character as
 * Tesseract does: its boxes are taken as exact.
 */
export function spaceThreshold(lines: readonly { words: readonly Word[]; em: number }[]): number {
  const gaps: number[] = [];
  for (const { words, em } of lines) {
    for (let i = 1; i < words.length; i++) {
      const a = words[i - 1]!;
      const b = words[i]!;
      if (!HAN.test([...a.text].pop() ?? '') || !HAN.test([...b.text][0] ?? '')) continue;
      gaps.push((b.box.x - (a.box.x + a.box.w)) / em);
    }
  }
  if (gaps.length < 20) return MIN_SPACE_EM;
  gaps.sort((a, b) => a - b);
  return Math.max(MIN_SPACE_EM, gaps[Math.floor(gaps.length * 0.9)]! + 0.5);
}

const HAN = /\p{Script=Han}/u;

/**
 * Join words (left to right) into the line's text. `em` is the line's em in pixels
 * (`lineEm`), `spaceEm` the page's space threshold (`spaceThreshold`).
 */
export function joinWords(words: readonly Word[], em: number, spaceEm = 1.2): string {
  let text = '';
  let previous: Word | null = null;
  for (const word of words) {
    if (previous) text += separator(previous, word, em, spaceEm);
    text += word.text;
    previous = word;
  }
  return text;
}

function separator(before: Word, after: Word, em: number, spaceEm: number): string {
  const gap = after.box.x - (before.box.x + before.box.w);
  if (gap >= em * FIELD_GAP_EM) return '  ';
  const left = [...before.text];
  const right = [...after.text];
  const last = left[left.length - 1] ?? '';
  const first = right[0] ?? '';
  if (!isCjk(last) && !isCjk(first)) {
    // Latin words (and a lone dash between them) keep their space; 张婷) 2022年 does not
    const leftKind = scriptOf([...left].reverse());
    const rightKind = scriptOf(right);
    if (leftKind !== 'cjk' && rightKind !== 'cjk' && (leftKind === 'latin' || rightKind === 'latin')) return ' ';
  }
  if (PUNCTUATION.test(last) || PUNCTUATION.test(first)) return '';
  return gap >= em * spaceEm ? ' ' : '';
}

const PUNCTUATION = /\p{P}/u;

/** The script of the first letter or digit met in `chars`: Han and kana count as cjk. */
function scriptOf(chars: string[]): 'cjk' | 'latin' | 'none' {
  for (const ch of chars) {
    if (!/[\p{L}\p{N}]/u.test(ch)) continue;
    return isCjk(ch) ? 'cjk' : 'latin';
  }
  return 'none';
}
