/**
 * Jump lines (转版): an article that does not fit its page is continued on another, and the
 * import keeps the printed line in `continuation`: 下转第3版, 上接第1版, 转第四版, or two of
 * them joined when a piece is both continued and continues. Pages are read as numbers here so
 * that the site can link both ends of the jump.
 */

export interface Jump {
  /** `to`: the text goes on on another page (下转); `from`: it started on another (上接). */
  direction: 'to' | 'from';
  page: number;
  /** The jump as printed, e.g. 下转第3版. */
  label: string;
}

const NUMERALS: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 3, 03, 三, 十二, 二十四 -> a number; null when it is none of these. */
export function readPageNumber(text: string): number | null {
  if (/^\d{1,3}$/u.test(text)) return Number(text);
  const match = /^([一二两三四五六七八九])?(十)?([一二三四五六七八九])?$/u.exec(text);
  if (!match || text === '') return null;
  const [, tens, ten, units] = match;
  if (!ten) return tens && !units ? NUMERALS[tens]! : null;
  return (tens ? NUMERALS[tens]! : 1) * 10 + (units ? NUMERALS[units]! : 0);
}

const JUMP = /(上接|接上|紧接|下转|转|接)\s*(?:第\s*)?([0-9]{1,3}|[一二两三四五六七八九十]{1,3})\s*版/gu;

/** The jumps printed in a `continuation` field, in order. */
export function parseJumps(continuation: string | null | undefined): Jump[] {
  if (!continuation) return [];
  const jumps: Jump[] = [];
  for (const match of continuation.matchAll(JUMP)) {
    const page = readPageNumber(match[2]!);
    if (page === null || page < 1) continue;
    // 接第3版 on its own means "continued on page 3" in some papers and "continued from" in
    // others; the importer stores a jump found at the start of a text as 上接, so a bare 接 at
    // the end of a piece reads as 下转.
    const word = match[1]!;
    const direction = word === '上接' || word === '接上' || word === '紧接' ? 'from' : 'to';
    jumps.push({ direction, page, label: match[0].replace(/\s+/gu, '') });
  }
  return jumps;
}
