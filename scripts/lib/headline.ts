import { countHan } from './chars.ts';

export interface Headline {
  kicker: string | null;
  title: string | null;
  subtitle: string | null;
}

/**
 * The least height, over the line above, of one to three characters that end a headline line
 * wrapped: OCR measures a short line from its few glyphs, 0.67-0.82 of the line above on the
 * evaluation pages (田, 心田, 心里甜); a speck read as a character is half as tall or less.
 */
const WRAPPED_END_LEAST = 0.6;

/**
 * One to three characters that end the headline line above them, wrapped: Han characters only,
 * and, when sizes are known, about that line's type (from WRAPPED_END_LEAST up to 1.4 of its
 * height; a title under its kicker is half as large again or more). The parser asks the same
 * question of boxes before it hands the lines here.
 */
export function isWrappedEnd(text: string, size: number | null, aboveSize: number | null): boolean {
  if (!/^\p{Script=Han}{1,3}$/u.test(text.trim())) return false;
  return size === null || aboveSize === null || (size >= aboveSize * WRAPPED_END_LEAST && size <= aboveSize * 1.4);
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
 *
 * With type sizes (positions), the lines in the largest type are the title, one line or two in a
 * row (a title set on two lines, or wrapped in a narrow column); a line above them is the
 * kicker, the lines below the subtitle.
 */
export function splitHeadline(lines: string[], sizes?: ReadonlyArray<number | null>): Headline {
  const { kicker, title, subtitle } = splitHeadlineLines(lines, sizes);
  return { kicker: restoreMiddleDot(kicker), title: restoreMiddleDot(title), subtitle: restoreMiddleDot(subtitle) };
}

/**
 * The middle dot between two words of a headline (文明实践·新蒲有约), as OCR misreads it: a
 * period, a hyphenation point, a katakana dot or a bullet between two Chinese characters
 * (文明实践.新蒲有约, 文明實踐‧新蒲有約). No headline has a full stop there. (A quotation mark
 * read for it stays: 让‘两会’精神… quotes.)
 */
export function restoreMiddleDot<T extends string | null>(text: T): T {
  return (text === null ? null : text.replace(/(?<=\p{Script=Han})\s*[.．‧・•]\s*(?=\p{Script=Han})/gu, '·')) as T;
}

function splitHeadlineLines(lines: string[], sizes?: ReadonlyArray<number | null>): Headline {
  const kept = lines.map((line, i) => ({ text: line.trim(), size: sizes?.[i] ?? null })).filter((part) => part.text !== '');
  // a last line of one to three characters is the end of the line before it, wrapped (…让党员干部暖
  // / 心田): no subtitle is that short; in the same type when sizes are known
  const tail = kept[kept.length - 1];
  const before = kept[kept.length - 2];
  if (tail && before && isWrappedEnd(tail.text, tail.size, before.size)) {
    kept.splice(-2, 2, { text: before.text + tail.text, size: before.size });
  }
  // so is such a line with a subtitle under it (最多跑一次让党员干部 / 心里甜 / ——西秀区…),
  // when sizes say it is set in about the type of the line above
  for (let i = kept.length - 2; i >= 1; i--) {
    const line = kept[i]!;
    const above = kept[i - 1]!;
    if (line.size !== null && above.size !== null && isWrappedEnd(line.text, line.size, above.size)) kept.splice(i - 1, 2, { text: above.text + line.text, size: above.size });
  }
  const parts = kept.map((part) => part.text);
  if (parts.length === 0) return { kicker: null, title: null, subtitle: null };
  if (parts.length === 1) return { kicker: null, title: parts[0]!, subtitle: null };
  const bySize = splitBySize(kept);
  if (bySize) return bySize;
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
  // a two-part title (志愿服务聚合力 文明实践谱新篇) is never a kicker, and the plain line above
  // one is its kicker: the title is the line set as a couplet
  if (isCouplet(first)) return false;
  if (isCouplet(second) && !/^[—―-]/u.test(second)) return true;
  // the plain report of who did what (红花岗区启动志愿服务工作) supports a title worded to catch
  // the eye: above it, it is the kicker; below it, the subtitle
  const reportFirst = isReportLine(first);
  if (reportFirst !== isReportLine(second)) return reportFirst;
  const a = countHan(first);
  const b = countHan(second);
  if (reportFirst) {
    // two reports: a subtitle spells out its title's work and its result (…河长制工作常态长效);
    // a report of who did what above another, neither saying how it went, is the kicker
    const resultFirst = spellsOutResult(first);
    const resultSecond = spellsOutResult(second);
    if (resultFirst !== resultSecond) return resultFirst;
    if (!resultFirst) return true;
  }
  // two reports alike: a second line no longer than the first is the title under its kicker
  if (reportFirst && b <= a) return true;
  return a <= 8 && a <= b * 0.65;
}

/**
 * A headline line that reports who did what: a place (two or more characters before 县 区 市 …,
 * so not 我市 or 全市), maybe an office of it (税务局, 妇联), then straight away a verb of
 * administrative news (启动, 落实, 推进 …).
 */
function isReportLine(text: string): boolean {
  return REPORT_LINE.test(text.trim());
}

const REPORT_LINE =
  /^\p{Script=Han}{2,6}?(?:自治州|自治县|特区|新区|经开区|高新区|省|市|县|区|州|乡|镇|街道|村|社区)(?:\p{Script=Han}{0,8}?(?:局|委|办|院|中心|大队|支队|科协|妇联|团委|总工会|部|所|站|协会|公司|学校|医院))?(?:启动|推进|推动|落实|组织|探索|深化|完善|加快|强化|夯实|统筹|提升|开展|部署|实施|做细|做实|聚焦|抓实|抓好|打造|举办|召开|出台|印发|全力|持续|扎实|多措并举)/u;

/** A report that ends on how the work went: …工作走深走实, …工作取得明显成效. */
function spellsOutResult(text: string): boolean {
  return /工作\p{Script=Han}{2,6}$/u.test(text.trim());
}

/** Two or three parallel phrases of 3-12 characters set apart by spaces: 稳就业 惠民生 促发展. */
function isCouplet(text: string): boolean {
  const parts = text.trim().split(/\s+/u);
  return parts.length >= 2 && parts.length <= 3 && parts.every((part) => /^[\p{Script=Han}“”"]{3,12}$/u.test(part));
}

/**
 * With positions, the type says it: the title is set largest; what stands above it is the
 * kicker, what stands below the subtitle. Only when the title's lines (one, or two in a row) are
 * clearly larger than every other (by a tenth) and at most one line stands above them.
 */
function splitBySize(parts: Array<{ text: string; size: number | null }>): Headline | null {
  if (parts.some((part) => part.size === null) || parts.length > 4) return null;
  const sizes = parts.map((part) => part.size!);
  const largest = Math.max(...sizes);
  const title = (size: number) => size > largest / 1.1;
  // the title is the run of lines in the largest type: one line, or a title set on two lines
  // (防汛抗旱抓落实 / 数字惠民生) or wrapped in a narrow column (最多跑一次让党员干部 / 心里甜)
  const from = sizes.findIndex(title);
  let to = from;
  while (to + 1 < sizes.length && title(sizes[to + 1]!)) to++;
  if (sizes.some((size, i) => (i < from || i > to) && title(size)) || to - from > 1) return null;
  const before = parts.slice(0, from).map((part) => part.text);
  const after = parts.slice(to + 1).map((part) => part.text);
  if (before.length > 1) return null;
  return { kicker: before[0] ?? null, title: parts.slice(from, to + 1).map((part) => part.text).join(' '), subtitle: after.length > 0 ? after.join(' ') : null };
}
