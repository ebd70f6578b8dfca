import { isRealDate } from '../../src/schemas/common.ts';

/**
 * Page furniture: the running header and footer lines that say which page this is
 * (2023年1月17日 星期二 3 文明实践 责任编辑 李明 校对 王芳), not articles.
 */
export interface HeaderInfo {
  date: string | null;
  page: number | null;
  pageName: string | null;
  credits: Array<{ role: string; names: string[] }>;
}

const CREDIT_ROLES = [
  '责任编辑', '责任校对', '值班编委', '值班主任', '图片编辑', '版式设计', '美术编辑', '执行编辑',
  '责编', '编辑', '校对', '版式', '美编', '组版', '审读', '质检', '制图', '设计', '排版', '主编', '终审', '视觉', '统筹', '审核', '一审', '二审', '三审',
  // as papers set in traditional characters print them
  '責任編輯', '責任校對', '值班編委', '圖片編輯', '版式設計', '美術編輯', '執行編輯', '責編', '編輯', '校對', '美編', '審讀', '質檢', '製圖', '設計', '終審', '統籌', '審核',
];
const ROLE_PATTERN = CREDIT_ROLES.join('|');
// the colon after a role is often read as a comma (责任编辑，李明)
const CREDIT_RUN = new RegExp(`(${ROLE_PATTERN})\\s*[:：，,]?\\s*((?:(?:${ROLE_PATTERN})\\s*[:：，,]?\\s*|\\p{Script=Han}{2,4}(?:[\\s、，,]+|$))+)`, 'gu');
// a comma that belongs to credits: a role's colon read as one (责任编辑，李明), or the comma
// between two credits (李明，校对：王芳)
const ROLE_COMMA = new RegExp(`(?:${ROLE_PATTERN})\\s*[，,]|(?<=(?:${ROLE_PATTERN})\\s*[:：]?\\s*\\p{Script=Han}{2,4}\\s*)[，,](?=\\s*(?:${ROLE_PATTERN}))`, 'gu');
const DATE = /(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日|(\d{4})[-./](\d{1,2})[-./](\d{1,2})/u;
const WEEKDAY = /星期[一二三四五六日天]|(?<![\p{Script=Han}])周[一二三四五六日](?![\p{Script=Han}])/u;
const PAGE_MARK = /第\s*([0-9]{1,3}|[一二三四五六七八九十]{1,3})\s*版|(?<![\d\p{Script=Han}])([A-H]?\d{1,2})\s*版(?![\p{Script=Han}])/u;
const LUNAR = /农历[\p{Script=Han}]{2,10}/u;
const SERIAL = /国内统一连续出版物号|CN\s*\d{2}\s*-\s*\d{4}|邮发代号|总第\s*\d+\s*期|第\s*\d+\s*期/u;

/**
 * Read a line as page furniture. Returns null for anything that could be article text: a
 * header has no sentence punctuation, is short, and carries at least two header signals (a date
 * with a weekday or page mark, or editor credits).
 */
export function parseHeaderLine(line: string, paperName?: string): HeaderInfo | null {
  const text = line.trim();
  if (text === '' || text.length > 90 || /[。！？；]/u.test(text)) return null;
  // (下转第3版) names a page, but the article's, not this one's
  if (parseJumpLine(text) !== null) return null;

  // credits in a line that reads like text (统筹移风易俗，进一步实) are no credits
  const credits = readsLikeText(text) ? [] : readCredits(text);
  const date = DATE.exec(text);
  const weekday = WEEKDAY.test(text);
  const pageMark = PAGE_MARK.exec(text);
  const serial = SERIAL.test(text);
  const lunar = LUNAR.test(text);
  const paperNamed = paperName !== undefined && paperName !== '' && text.includes(paperName);

  const signals = [date !== null, weekday, pageMark !== null, credits.length > 0, serial, lunar, paperNamed].filter(Boolean).length;
  const onlyCredits = credits.length > 0 && stripCredits(text).trim() === '';
  if (!(onlyCredits || signals >= 2 || (pageMark !== null && text.length <= 20))) return null;
  return readHeaderFields(text, paperName);
}

/**
 * The fields of text already known to be page furniture: one header line, or the lines of a
 * header that OCR spread over several, joined with wide spaces.
 */
export function readHeaderFields(text: string, paperName?: string): HeaderInfo {
  const credits = readCredits(text);
  const date = DATE.exec(text);
  const weekday = WEEKDAY.test(text);
  const pageMark = PAGE_MARK.exec(text);
  const paperNamed = paperName !== undefined && paperName !== '' && text.includes(paperName);
  let rest = stripCredits(text);
  for (const pattern of [DATE, WEEKDAY, LUNAR, SERIAL, PAGE_MARK]) rest = rest.replace(new RegExp(pattern.source, 'gu'), ' ');
  if (paperNamed) rest = rest.split(paperName!).join(' ');

  let page = pageMark ? toNumber(pageMark[1] ?? pageMark[2] ?? '') : null;
  // a bare page number between the fields: 2023年1月17日 星期二 3 文明实践
  const bare = /(?:^|\s)(\d{1,2})(?=\s|$)/u.exec(rest);
  if (page === null && bare && (date !== null || weekday)) page = Number(bare[1]);
  if (bare) rest = rest.replace(bare[0], ' ');

  const nameCandidates = rest
    .split(/[\s|｜:：·•]+/u)
    .map((piece) => piece.replace(/^[（(【\[]|[）)】\]]$/gu, ''))
    .filter((piece) => /^\p{Script=Han}{2,8}$/u.test(piece))
    // the paper's own name (遵义日报, 贵州晚报) is not a page name
    .filter((piece) => !/(?:日报|晚报|早报|时报|商报|都市报|青年报|法治报)$/u.test(piece));
  return {
    date: date ? isoDate(date) : null,
    page,
    pageName: nameCandidates[0] ?? null,
    credits,
  };
}

/**
 * How many signs of page furniture a line carries: a date, a weekday, a page mark or a lone page
 * number, editor credits, a serial number, a lunar date, the paper's name. A page header that
 * OCR spread over several lines (`7      2023年3月9日` / `星期四      社会` / `编辑      赵敏`)
 * has one or two on each line, a line of an article none.
 */
export function headerSignals(line: string, paperName?: string): number {
  const text = line.trim();
  if (text === '' || text.length > 60 || /[。！？；]/u.test(text)) return 0;
  const lone = /^(?:第\s*)?[A-H]?\d{1,3}\s*版?$|^(?:第\s*)?[A-H]?\d{1,3}\s*版?\s{2,}|\s{2,}(?:第\s*)?[A-H]?\d{1,3}\s*版?$/u.test(text);
  return [
    DATE.test(text),
    WEEKDAY.test(text),
    PAGE_MARK.test(text) || lone,
    readCredits(text).length > 0 && !readsLikeText(text),
    SERIAL.test(text),
    LUNAR.test(text),
    paperName !== undefined && paperName !== '' && text.includes(paperName),
  ].filter(Boolean).length;
}

/**
 * A line of text or a headline that happens to hold a header word (区统筹政策宣传，共计开展活动
 * and 平塘县统筹就业创业 read as the credit 统筹 with a name): a comma inside it other than the
 * colon after a credit role that OCR read as one (责任编辑，李明) or the comma between two
 * credits (李明，校对 王芳), or a role glued to the word before it (a header sets its roles apart).
 */
export function readsLikeText(line: string): boolean {
  const text = line.trim();
  if (/[，,；;]/u.test(text.replace(ROLE_COMMA, ''))) return true;
  return [...text.matchAll(CREDIT_RUN)].some((match) => match.index > 0 && /\p{Script=Han}/u.test(text[match.index - 1]!));
}

/** 责任编辑 李明 校对 王芳 -> [{责任编辑: [李明]}, {校对: [王芳]}]: names run until the next role word. */
function readCredits(text: string): Array<{ role: string; names: string[] }> {
  const credits: Array<{ role: string; names: string[] }> = [];
  for (const match of text.matchAll(CREDIT_RUN)) {
    const tokens = `${match[1]} ${match[2]}`.split(/[\s、，,:：]+/u).filter(Boolean);
    let current: { role: string; names: string[] } | null = null;
    for (const token of tokens) {
      const role = CREDIT_ROLES.find((r) => token === r);
      if (role) {
        current = { role, names: [] };
        credits.push(current);
      } else if (current) {
        current.names.push(token);
      }
    }
  }
  return credits.filter((credit) => credit.names.length > 0);
}

function stripCredits(text: string): string {
  return text.replace(CREDIT_RUN, ' ');
}

function isoDate(match: RegExpExecArray): string | null {
  const year = match[1] ?? match[4];
  const month = (match[2] ?? match[5] ?? '').padStart(2, '0');
  const day = (match[3] ?? match[6] ?? '').padStart(2, '0');
  const iso = `${year}-${month}-${day}`;
  return isRealDate(iso) ? iso : null;
}

const CHINESE_DIGITS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 3, 03, A3 (the 3rd page of section A), 三, 十二. */
function toNumber(text: string): number | null {
  const digits = /\d+/u.exec(text);
  if (digits) return Number(digits[0]);
  if (text === '十') return 10;
  const tens = /^([一二三四五六七八九])?十([一二三四五六七八九])?$/u.exec(text);
  if (tens) return (tens[1] ? CHINESE_DIGITS[tens[1]]! : 1) * 10 + (tens[2] ? CHINESE_DIGITS[tens[2]]! : 0);
  return CHINESE_DIGITS[text] ?? null;
}

/** A page number's digit, or a 1 as OCR misreads it (下转第1]版, 第l版): `]`, `|`, `l`, `I`. */
const PAGE_DIGIT = String.raw`[\d\]|lI]`;

/** A jump line: （下转第3版）, (上接第1版), 转第二版, 紧接第2版, 下转A3版; its bracket may be read as \ or |. */
export const JUMP = new RegExp(String.raw`[（(〈\\|]?\s*((?:下转|上接|紧接|接上|转|接)\s*(?:第\s*)?(?:[A-H]?${PAGE_DIGIT}{1,3}|[一二三四五六七八九十]{1,3})\s*版(?:\s*[\p{Script=Han}]{0,6})?)\s*[）)〉]?`, 'u');

/** The whole text is a jump line; a misread 1 in its page number is read as 1 (下转第1]版 -> 下转第11版). */
export function parseJumpLine(text: string): string | null {
  const match = new RegExp(`^${JUMP.source}$`, 'u').exec(text.trim());
  return match ? match[1]!.replace(/\s+/gu, '').replace(/[\]|lI](?=[\d\]|lI]*版)/gu, '1') : null;
}

/** Split a jump line off the start or the end of a paragraph. */
export function splitJump(text: string): { text: string; jump: string | null; at: 'start' | 'end' | null } {
  const trimmed = text.trim();
  const start = new RegExp(`^[（(〈]\\s*((?:上接|接上|紧接)[^）)〉]{1,12})[）)〉]`, 'u').exec(trimmed);
  if (start) return { text: trimmed.slice(start[0].length).trim(), jump: start[1]!.replace(/\s+/gu, ''), at: 'start' };
  const end = new RegExp(`[（(〈]\\s*((?:下转|转|接)\\s*(?:第\\s*)?[^）)〉]{1,8}版[^）)〉]{0,8})[）)〉]$`, 'u').exec(trimmed);
  if (end) return { text: trimmed.slice(0, end.index).trim(), jump: end[1]!.replace(/\s+/gu, ''), at: 'end' };
  return { text: trimmed, jump: null, at: null };
}
