import { countHan } from './chars.ts';

export interface Headline {
  kicker: string | null;
  title: string | null;
  subtitle: string | null;
}

/**
 * Decide which headline line is the kicker (引题), the title (主题) and the subtitle (副题).
 * The print layout shows it by type size, which OCR loses, so we read it from the lines:
 *
 * - three lines: kicker, title, subtitle;
 * - a line that starts with a dash (——记…) is a subtitle;
 * - a line ending in a colon leads into the title: a kicker;
 * - a short place or topic line above a clearly longer one is a kicker (花山苗族乡 / 扎实抓好疫情防控工作);
 * - otherwise the first line is the title and the second explains it: a subtitle
 *   (志愿服务聚合力 文明实践谱新篇 / 新蒲新区推进新时代文明实践工作走深走实).
 */
export function splitHeadline(lines: string[]): Headline {
  const parts = lines.map((line) => line.trim()).filter(Boolean);
  if (parts.length === 0) return { kicker: null, title: null, subtitle: null };
  if (parts.length === 1) return { kicker: null, title: parts[0]!, subtitle: null };
  if (parts.length >= 3) {
    const [kicker, title, ...rest] = parts;
    return { kicker: kicker!, title: title!, subtitle: rest.join(' ') };
  }
  const [first, second] = parts as [string, string];
  if (/^[—―-]/u.test(second)) return { kicker: null, title: first, subtitle: second };
  if (/[：:]$/u.test(first)) return { kicker: first, title: second, subtitle: null };
  if (isKicker(first, second)) return { kicker: first, title: second, subtitle: null };
  return { kicker: null, title: first, subtitle: second };
}

function isKicker(first: string, second: string): boolean {
  // a two-part title (志愿服务聚合力 文明实践谱新篇) is never a kicker
  if (/\p{Script=Han} \p{Script=Han}/u.test(first)) return false;
  const a = countHan(first);
  const b = countHan(second);
  return a <= 8 && a <= b * 0.65;
}
