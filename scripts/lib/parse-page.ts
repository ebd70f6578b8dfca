import type { ParsedItem, ParsedPage, UnassignedText } from '../../src/schemas/parsed-page.ts';
import type { Problem } from '../../src/schemas/problem.ts';
import type { OutputLine } from '../../src/lib/ocr/parser-text.ts';
import { countHan, endsSentence, endsSentenceAsRead } from './chars.ts';
import { BANNER_END, BANNER_START, continuesSentence, isBoxLabel, isTelephoneLine, looksLikeColumnBanner, looksLikeHeadline, opensCaptionDetail, opensParagraph, opensWithQuotedSentence } from './cues.ts';
import { headerSignals, parseHeaderLine, parseJumpLine, readHeaderFields, readsLikeText, splitJump, type HeaderInfo } from './furniture.ts';
import { pageGeometry, sameRow, sizeOf, typeSize, type PageGeometry } from './geometry.ts';
import type { Box } from '../../src/lib/ocr/model.ts';
import { isWrappedEnd, splitHeadline } from './headline.ts';
import { articleId } from '../../src/lib/ids.ts';
import { endsWithRoleWord, splitsRoleWord, STAFF_ROLE } from '../../src/lib/roles.ts';
import { cleanLine } from './inline.ts';
import { firstLine, INDENT, lastLine, splitUnits, type Segment, type Unit } from './layout.ts';
import { nearlySamePlace, placesFromRings, placesFromText, placesIn, type PlaceRings } from './places.ts';
import { collapseCharSpacing, normalizeSource } from './normalize.ts';
import { appendParagraph, buildParagraph, finishParagraph, lastLineOf, lineAt, type Paragraph } from './paragraphs.ts';
import { BYLINE_CLOSES, BYLINE_OPENS, mergePeople, noPeople, parseBylineLine, parseCredit, parseLeadingByline, parsePeopleList, type LeadingByline, type People } from './people.ts';
import { findSuspicions, type Lexicon } from './suspicions.ts';

/** What the caller knows about the page before reading it. */
export interface PageMeta {
  paper: string;
  date: string;
  page: number;
  /** 版名 given on the command line or in issue.yml; wins over the header. */
  pageName?: string | null;
  /** The paper's printed name, so that a header line naming it is recognised. */
  paperName?: string;
}

export interface ParseOptions {
  /** A word-frequency lexicon for OCR suspicions (村医人户 -> 入户); without one they are skipped. */
  lexicon?: Lexicon;
  /**
   * What is known of each line of `text` when it was made from positioned OCR (hOCR, ALTO):
   * `geometry[n - 1]` for line n, from toParserText (src/lib/ocr/parser-text.ts), in the frame of
   * the image the engine read. Absent for plain text. Not read yet: the parser's use of sizes,
   * columns and photo boxes comes with the parser change.
   */
  geometry?: readonly OutputLine[];
  /**
   * The places around the paper (placesAround in scripts/io/gazetteer.ts), to set right a county
   * OCR misread in a headline or the text; without them only a headline's place is set right,
   * and only from the text under it.
   */
  places?: PlaceRings;
}

/** Read the running header and footer lines of a page without parsing the articles. */
export function readHeader(text: string, paperName?: string, geometry?: readonly OutputLine[]): HeaderInfo & { lines: number[] } {
  const lines = sourceLines(text);
  return collectHeader(lines, paperName, pageGeometry(geometry));
}

/**
 * Read one OCR'd page the way an editor would: find its items in reading order, their headline
 * parts, people and clean text. Never throws on odd text; what looks wrong becomes a problem.
 */
export function parsePage(text: string, meta: PageMeta, options: ParseOptions = {}): ParsedPage {
  const lines = sourceLines(text);
  const geometry = pageGeometry(options.geometry);
  const header = collectHeader(lines, meta.paperName, geometry);
  const pageProblems: Problem[] = [];
  if (header.date !== null && header.date !== meta.date) {
    pageProblems.push({
      code: 'header-date-mismatch',
      line: header.lines[0] ?? 1,
      message: `the page header says ${header.date}, but the import was told ${meta.date}`,
      suggestion: header.date,
    });
  }
  if (header.page !== null && header.page !== meta.page) {
    pageProblems.push({
      code: 'header-page-mismatch',
      line: header.lines[0] ?? 1,
      message: `the page header says page ${header.page}, but the import was told page ${meta.page}`,
      suggestion: String(header.page),
    });
  }

  const unassigned: UnassignedText[] = [];
  const units = splitAtHeadlineType(dropSpeckLines(splitUnits(lines, new Set(header.lines), (line) => parseCredit(line) !== null || parseJumpLine(line) !== null || parseBylineLine(line) !== null), geometry, unassigned), geometry);
  const classified = markSpecks(markAdverts(
    joinHeadlineTails(
      splitTrailingCredits(units).map((unit) => ({ unit, kind: classify(unit, geometry) })),
      geometry,
      options.lexicon,
    ),
    geometry,
  )).filter(({ unit, kind }) => {
      if (kind === 'noise') unassigned.push({ text: flatText(unit), line: firstLine(unit) });
      return kind !== 'noise';
    });
  demoteWeakHeadlines(classified, geometry);
  const bigGap = bigGapThreshold(units);
  markSubheadings(classified, bigGap, geometry);
  markHeadLinesInBodyType(classified, geometry);
  const sections = splitSections(dropHeadsBelowText(classified, geometry, unassigned), geometry);

  const drafts: Draft[] = [];
  for (const section of sections) readSection(section, bigGap, drafts, unassigned, geometry, options.lexicon);
  mendColumnJumps(drafts, geometry, options.lexicon);
  dropFragments(drafts, unassigned);
  unassigned.sort((a, b) => a.line - b.line);

  const articles: ParsedItem[] = drafts
    .sort((a, b) => a.firstLine - b.firstLine)
    .map((draft, index) => finishDraft(draft, articleId(meta.paper, meta.date, meta.page, index + 1), options));

  flagMisreadNames(articles);

  for (const leftover of unassigned) {
    pageProblems.push({
      code: 'unassigned-text',
      line: leftover.line,
      message: 'text that belongs to no article (a label from an advertisement or a box, or a headline whose report was read elsewhere?): kept under `unassigned`, attached to nothing; to publish it, add it to its article in the MDX file',
      excerpt: leftover.text,
    });
  }

  return {
    paper: meta.paper,
    date: meta.date,
    page: meta.page,
    pageName: meta.pageName ?? header.pageName,
    credits: header.credits,
    articles,
    unassigned,
    problems: pageProblems,
  };
}

/**
 * A name OCR read with a character too many: a three-character name that is a two-character
 * name of the page with one character put inside (李强 in one byline, 李x强 in another), or
 * whose middle character is a stroke or a particle no given name uses (一 丨 了 口 …). Flagged,
 * never changed: 欧阳明 and 王一博 are names.
 */
function flagMisreadNames(items: ParsedItem[]): void {
  const all = new Set(items.flatMap((item) => [...item.reporters, ...item.correspondents, ...item.photographers]));
  for (const item of items) {
    for (const name of new Set([...item.reporters, ...item.correspondents, ...item.photographers])) {
      const chars = [...name];
      if (chars.length !== 3 || !chars.every((ch) => /\p{Script=Han}/u.test(ch))) continue;
      const shorter = chars[0]! + chars[2]!;
      const known = all.has(shorter) || all.has(chars[0]! + chars[1]!);
      const stray = /^[丨丶亅乚丿乛冂亠卜口了的之乎也]$/u.test(chars[1]!) || /^[丨丶亅乚丿乛了的]$/u.test(chars[2]!);
      if (!known && !stray) continue;
      item.problems.push({
        code: 'ocr-suspect',
        line: item.lines[0] ?? 1,
        message: known
          ? `the name ${name} may be ${all.has(shorter) ? shorter : chars[0]! + chars[1]!} with a character misread into it: the page names ${all.has(shorter) ? shorter : chars[0]! + chars[1]!} elsewhere`
          : `the name ${name} has ${stray ? 'a stroke or particle' : 'a character'} inside that names rarely use: probably an OCR misread`,
        excerpt: name,
      });
    }
  }
}

/** The source as normalised lines, one per line of the file (line numbers stay valid). */
function sourceLines(text: string): string[] {
  return normalizeSource(text).split('\n').map(collapseCharSpacing);
}

function collectHeader(source: string[], paperName: string | undefined, geometry: PageGeometry | null): HeaderInfo & { lines: number[] } {
  // with positions, a speck of the scan read as a digit or two (a 4 in a box far smaller than
  // body type) is no lone page number: it would pull the headline above it into the header
  const lines = source.map((line, index) => (isSpeck(line, geometry, [index + 1]) ? '' : line));
  const info: HeaderInfo & { lines: number[] } = { date: null, page: null, pageName: null, credits: [], lines: [] };
  const take = (header: HeaderInfo, indexes: number[]) => {
    info.lines.push(...indexes.map((index) => index + 1));
    info.date ??= header.date;
    info.page ??= header.page;
    info.pageName ??= header.pageName;
    info.credits.push(...header.credits);
  };
  // a lone page number (3, - 3 -, 第3版) counts only at the top or the bottom of the page
  const filled = lines.map((line, index) => (line.trim() === '' ? -1 : index)).filter((index) => index >= 0);
  const edges = new Set([...filled.slice(0, 3), ...filled.slice(-3)]);
  lines.forEach((line, index) => {
    const lone = edges.has(index) ? /^[-—–\s]*(?:第\s*)?(\d{1,3})\s*版?[-—–\s]*$/u.exec(line) : null;
    const header = lone ? { date: null, page: Number(lone[1]), pageName: null, credits: [] } : parseHeaderLine(line, paperName);
    if (header) take(header, [index]);
  });
  const taken = new Set(info.lines.map((n) => n - 1));
  for (const group of [topHeaderRun(lines, filled, paperName, taken), ...(geometry ? headerBands(lines, geometry, paperName) : [])]) {
    const fresh = group.filter((index) => !taken.has(index));
    if (fresh.length === 0) continue;
    for (const index of fresh) taken.add(index);
    take(readHeaderFields(fresh.map((index) => lines[index]!.trim()).join('  '), paperName), fresh);
    if (geometry) info.pageName = largestName(fresh, lines, geometry, paperName) ?? info.pageName;
  }
  info.lines.sort((a, b) => a - b);
  return info;
}

/** One or two characters in a box far smaller than body type: a speck of the scan read as text. */
function isSpeck(text: string, geometry: PageGeometry | null, lines: readonly number[]): boolean {
  const size = typeSize(geometry, lines);
  if (size === null) return false;
  // ...as is one or two characters in large type that stop at a comma (改， at a photo's edge):
  // no headline stops at a comma
  return (size < 0.7 && [...text.trim()].length <= 2) || (size >= 1.2 && /^\p{Script=Han}{1,2}[，,、]$/u.test(text.trim()));
}

/**
 * A page header that OCR spread over several short lines at the top of the page, none of which is
 * a header on its own (`7      2023年3月9日` / `星期四      社会` / `编辑      赵敏`): the first
 * lines, each short with at least one sign of furniture, together at least two. A short name
 * between two such lines (the 版名) goes with them.
 */
function topHeaderRun(lines: string[], filled: number[], paperName: string | undefined, taken: Set<number>): number[] {
  const run: number[] = [];
  let signals = 0;
  let leading = 0;
  for (const index of filled.slice(0, 7)) {
    const line = lines[index]!;
    const count = taken.has(index) ? 2 : headerSignals(line, paperName);
    if (count === 0) {
      // a short name between furniture lines, or one or two before the first (the 版名 an
      // engine read first: 要闻 / 遵义日报 / 2022年1月1日 星期六)
      const name = /^[\p{Script=Han}\s]{2,12}$/u.test(line.trim());
      if (name && run.length > 0 && (signals > 0 || leading < 2)) {
        if (signals === 0) leading++;
        run.push(index);
        continue;
      }
      if (name && run.length === 0 && [...line.trim()].length <= 6) {
        leading++;
        run.push(index);
        continue;
      }
      break;
    }
    run.push(index);
    signals += count;
  }
  // a name line may only stand between furniture lines, not end the run
  while (run.length > 0 && headerSignals(lines[run[run.length - 1]!]!, paperName) === 0 && !taken.has(run[run.length - 1]!)) run.pop();
  return signals >= 2 && run.some((index) => !taken.has(index)) ? run : [];
}

/**
 * On a positioned page, the header and footer are bands: every line whose middle lies above the
 * bottom of the lowest line recognised as furniture near the top of the page (or below the top of
 * the highest near the bottom), wherever the reading order put it: the 版名 printed large beside
 * the date, the page number in its box, the editor's line.
 */
function headerBands(lines: string[], geometry: PageGeometry, paperName: string | undefined): number[][] {
  const height = geometry.bottom - geometry.top;
  const anchors = lines
    .map((line, index) => ({ index, box: geometry.line(index + 1)?.box, furniture: isFurnitureAnchor(line, paperName) }))
    .filter((entry): entry is { index: number; box: Box; furniture: boolean } => entry.box !== undefined && entry.furniture);
  const top = anchors.filter((a) => a.box.y < geometry.top + height * 0.12);
  const bottom = anchors.filter((a) => a.box.y + a.box.h > geometry.bottom - height * 0.08);
  const bands: number[][] = [];
  const middle = (box: Box) => box.y + box.h / 2;
  if (top.length > 0) {
    const edge = Math.max(...top.map((a) => a.box.y + a.box.h));
    bands.push(lines.map((_, index) => index).filter((index) => {
      const box = geometry.line(index + 1)?.box;
      return box !== undefined && middle(box) < edge;
    }));
  }
  if (bottom.length > 0) {
    const edge = Math.min(...bottom.map((a) => a.box.y));
    bands.push(lines.map((_, index) => index).filter((index) => {
      const box = geometry.line(index + 1)?.box;
      return box !== undefined && middle(box) > edge;
    }));
  }
  return bands.map((band) => band.sort((a, b) => geometry.line(a + 1)!.box.x - geometry.line(b + 1)!.box.x));
}

/**
 * A line sure enough to be furniture to anchor a header band: a header line, or a short line
 * with a sign of one that is no jump line ((下转第3版)) and does not run on like text (統籌城市更新,
 * 区统筹政策宣传，共计开展活动).
 */
function isFurnitureAnchor(line: string, paperName: string | undefined): boolean {
  const text = line.trim();
  if (parseJumpLine(text) !== null || /[上下]\s*[转轉]|[接续續]\s*第/u.test(text) || /[，,、；;]$/u.test(text)) return false;
  if (parseHeaderLine(text, paperName) !== null) return true;
  return headerSignals(text, paperName) >= 1 && [...text].length <= 30 && !readsLikeText(text);
}

/** The 版名 of a header band: the largest type among its plain names (not the date, the paper, an editor). */
function largestName(indexes: number[], lines: string[], geometry: PageGeometry, paperName: string | undefined): string | null {
  let best: { name: string; size: number } | null = null;
  for (const index of indexes) {
    const name = readHeaderFields(lines[index]!.trim(), paperName).pageName;
    const size = geometry.line(index + 1)?.size ?? 0;
    if (name && headerSignals(lines[index]!, paperName) === 0 && (!best || size > best.size)) best = { name, size };
  }
  return best?.name ?? null;
}

/**
 * A credit closing a caption's last line, in brackets as OCR reads them (…等物资。《记者一丁摄影报道),
 * the closing one perhaps lost after 摄; it may run over two lines.
 */
const CREDIT_INNER = `[^${BYLINE_OPENS}${BYLINE_CLOSES}\\n]{0,40}(?:\\n[^${BYLINE_OPENS}${BYLINE_CLOSES}\\n]{0,40})?`;
const TRAILING_CREDIT = new RegExp(`[${BYLINE_OPENS}]{1,2}(?:${CREDIT_INNER}[${BYLINE_CLOSES}]|${CREDIT_INNER}(?:摄影报道|摄影|摄|拍摄|攝影報道|攝影|攝))\\s*$`, 'u');

/**
 * A photo credit printed right after its caption, on the caption's last line or broken over
 * lines (…送去粮油。（张浪 摄）, …群众。（记 / 者李强 摄影报道）): cut off as a unit of its own,
 * so that it closes the photo as a credit on its own line does.
 */
function splitTrailingCredits(units: Unit[]): Unit[] {
  return units.flatMap((unit) => {
    const joined = unit.segments.map((s) => s.text).join('\n');
    const match = TRAILING_CREDIT.exec(joined);
    if (!match || match.index === 0 || joined.slice(0, match.index).trim() === '') return [unit];
    if (!parseCredit(match[0].replace(/\s*\n\s*/gu, ''))) return [unit];
    // cut the segments where the credit starts
    let offset = 0;
    const before: Segment[] = [];
    const after: Segment[] = [];
    for (const segment of unit.segments) {
      const start = offset;
      const end = offset + segment.text.length;
      offset = end + 1;
      if (end <= match.index) before.push(segment);
      else if (start >= match.index) after.push(segment);
      else {
        before.push({ text: segment.text.slice(0, match.index - start), line: segment.line });
        after.push({ text: segment.text.slice(match.index - start), line: segment.line });
      }
    }
    if (before.every((s) => s.text.trim() === '')) return [unit];
    return [
      { ...unit, segments: before.filter((s) => s.text.trim() !== '') },
      { segments: after, gapBefore: 0, indented: false },
    ];
  });
}

/** `subhead`: a 小标题 inside an article, kept as a paragraph of its own. */
type UnitKind = 'jump' | 'credit' | 'byline' | 'head' | 'subhead' | 'text' | 'noise';

interface Classified {
  unit: Unit;
  kind: UnitKind;
}

/** Joined text of a unit for recognising what it is; names in bylines keep their spaces. */
function flatText(unit: Unit): string {
  return unit.segments
    .map((s) => s.text.trim())
    .reduce((acc, piece) => (acc === '' ? piece : acc + (needsNoSpace(acc, piece) ? '' : ' ') + piece), '');
}

/** 通讯 / 员 陈静: a role word broken across lines joins without a space. */
function needsNoSpace(left: string, right: string): boolean {
  return splitsRoleWord(left, right)
    ? true
    : !/\p{Script=Han}$/u.test(left) || !/^\p{Script=Han}/u.test(right) || !looksLikeNameBoundary(left, right);
}

/** A byline printed at the end of an article, in brackets: …（记者 张婷）. */
const TRAILING_BYLINE = new RegExp(`[（(]((?:${STAFF_ROLE})[^）)]{2,40})[）)]\\s*$`, 'u');

/** Between two lines of a byline, Han text meets Han text; only a name list needs the space kept. */
function looksLikeNameBoundary(left: string, right: string): boolean {
  return (endsWithRoleWord(left) || /(?:编辑|\s\p{Script=Han}{2,4})$/u.test(left)) && /^\p{Script=Han}{2,4}(?:\s|$|[）)])/u.test(right);
}

function classify(unit: Unit, geometry: PageGeometry | null = null): UnitKind {
  const flat = flatText(unit);
  // a short line without a single Chinese character (■■, l1|, a stray page number) is scan
  // noise or a label: kept as unassigned text, never glued to an article
  if (!/\p{Script=Han}/u.test(flat) && [...flat.trim()].length <= 16) return 'noise';
  // ...and so is one with a character or two among signs no text is set with (|，和7/一】, a rule
  // or a speck between two headline lines), or with more in type far smaller than the body's
  // (全|人人|1 4 at half body type, read inside a headline's line)
  const signs = (flat.match(/[|｜/\\【】[\]{}<>~^_=*#@]/gu) ?? []).length;
  const tiny = (sizeOf(geometry, unit.segments.map((s) => s.line)) ?? 1) < 0.6;
  if ([...flat.trim()].length <= 16 && (countHan(flat) <= 2 || tiny) && signs >= 2) return 'noise';
  // a telephone line (服务电话：400-…, 售楼热线) is an advertisement's, whatever its type
  if (isTelephoneLine(flat) && flat.length <= 40) return 'noise';
  // with positions, one character in a box far smaller than body type is a speck read as text
  if (isSpeck(flat, geometry, unit.segments.map((s) => s.line))) return 'noise';
  const size = typeSize(geometry, unit.segments.map((s) => s.line));
  if (parseJumpLine(flat)) return 'jump';
  if (parseCredit(flat)) return 'credit';
  if (parseBylineLine(flat)) return 'byline';
  if (parseLeadingByline(flat)?.dateline) return 'text';
  // with positions, one or two short lines in type clearly larger than the body's are a
  // headline, whatever stray marks OCR read into them (疫情防控抓落實。”閉環惠民生)
  const type = typeSize(geometry, unit.segments.map((s) => s.line));
  // ...and up to four such lines, each in that type, are a headline wrapped in a narrow column
  // (迎新春、送 / 温暖让驻村 / 工作队员笑 / 开颜), or up to six with a kicker a little smaller
  // (习水县强化联席会 / 议制度 / 迎新春、送温暖 / 让种植大户心里 / 甜: 1.19-1.47)
  const lineTypes = unit.segments.map((s) => typeSize(geometry, [s.line]) ?? 0);
  const maxLines = lineTypes.every((size) => size >= 1.2) ? 4 : lineTypes.every((size) => size >= 1.12) ? 6 : 2;
  if (type !== null && type >= 1.2 && unit.segments.length <= maxLines && [...flat].length <= 40 && !/[。！？!?]/u.test(withoutGapMarks(flat).replace(/[。，]?[”"][。，]?/gu, ''))) return 'head';
  if (unit.segments.length <= 2 && looksLikeHeadline(flat)) {
    // with positions, a line set in body type is a line of a paragraph, however short, and so
    // is one a little larger with a comma in it (目前，2022年已完成 at 1.03); but a line that
    // opens with a dash (——, or 一一 as OCR reads it) is a subtitle in any type
    const bodyType = size !== null && (size < BODY_TYPE || (size < NEAR_BODY_TYPE && /[，,]/u.test(flat)));
    return bodyType && !SUBTITLE_DASH.test(flat) ? 'text' : 'head';
  }
  return 'text';
}

/**
 * An advertisement ends with its telephone or its address (售楼热线：0851-…, 地址：…); the short
 * lines right before it, in the same column when positions are known and with no sentence among
 * them (城南首府 / 品质洋房 火热认购中 / 88-138㎡ 三室两厅), are its slogans, not a headline
 * and a report; so are such lines read after it that were printed above it. They go to
 * `unassigned` with it.
 */
function markAdverts(units: Classified[], geometry: PageGeometry | null): Classified[] {
  const columnOf = (unit: Unit) => geometry?.line(firstLine(unit))?.column ?? null;
  const topOf = (unit: Unit) => geometry?.line(firstLine(unit))?.box.y ?? null;
  const slogan = (unit: Classified, contact: Classified) => {
    // (a slogan may run on to the next with a comma: 新春家电节， / 以旧换新送货上门)
    const text = flatText(unit.unit).trim().replace(/[，,]$/u, '');
    if ((unit.kind !== 'head' && unit.kind !== 'text') || unit.unit.segments.length > 2 || countHan(text) > 20 || /[。！？；，、]/u.test(text)) return false;
    return !geometry || columnOf(unit.unit) === columnOf(contact.unit);
  };
  units.forEach((contact, i) => {
    const flat = flatText(contact.unit);
    if (contact.kind !== 'noise' || !(isTelephoneLine(flat) && flat.length <= 40)) return;
    for (let k = i - 1; k >= Math.max(0, i - 4); k--) {
      const unit = units[k]!;
      if (unit.kind === 'noise') continue;
      if (!slogan(unit, contact)) break;
      unit.kind = 'noise';
    }
    // with positions, a slogan printed above the contact but read after it (an engine's block
    // order: 售楼热线… / 88-138㎡ 三室两厅 / 城南首府) is the advertisement's too
    const contactTop = topOf(contact.unit);
    if (contactTop === null) return;
    for (let k = i + 1; k < Math.min(units.length, i + 5); k++) {
      const unit = units[k]!;
      if (unit.kind === 'noise') continue;
      const top = topOf(unit.unit);
      if (top === null || top >= contactTop || !slogan(unit, contact)) break;
      unit.kind = 'noise';
    }
  });
  return units;
}

/**
 * With positions: a short block whose lines change between body type and headline type (花山苗族乡
 * / 扎实抓好疫情防控工作 at 1.4 / 者,二丰, the byline under it misread so that it is no byline)
 * is read as units split where the type changes, so that the headline stands on its own. Only
 * blocks of up to four lines, and only at a line in headline type without a sentence's stop or
 * a comma.
 */
function splitAtHeadlineType(units: Unit[], geometry: PageGeometry | null): Unit[] {
  if (!geometry) return units;
  return units.flatMap((unit) => {
    const segments = unit.segments;
    if (segments.length < 2 || segments.length > 4) return [unit];
    const sizes = segments.map((segment) => typeSize(geometry, [segment.line]) ?? 0);
    // (a line with a comma is a sentence's, however tall: two lines of text the engine read as one)
    const headline = (i: number) => sizes[i]! >= 1.2 && !/[。！？；，,]/u.test(segments[i]!.text);
    const cuts = segments.map((_, i) => i > 0 && (headline(i) || headline(i - 1)) && Math.max(sizes[i]!, sizes[i - 1]!) >= 1.25 * Math.min(sizes[i]!, sizes[i - 1]!));
    if (!cuts.some(Boolean)) return [unit];
    const parts: Segment[][] = [];
    segments.forEach((segment, i) => (cuts[i] || i === 0 ? parts.push([segment]) : parts[parts.length - 1]!.push(segment)));
    return parts.map((part, k) => ({ segments: part, gapBefore: k === 0 ? unit.gapBefore : 0, indented: k === 0 ? unit.indented : INDENT.test(part[0]!.text) }));
  });
}

/**
 * With positions: a line of one character less than half the body type high and wide, inside a
 * block of other lines, is a speck of the scan read as a character (文明实践·新蒲 / 有约让党员干部
 * / 司, 13 by 14 px under 57 px type): kept as unassigned text, so that the block reads as what it
 * is. Punctuation alone on a line (a 。 wrapped at a column's foot) is small by nature and stays.
 */
function dropSpeckLines(units: Unit[], geometry: PageGeometry | null, unassigned: UnassignedText[]): Unit[] {
  if (!geometry) return units;
  const small = geometry.bodyHeight * 0.5;
  return units.map((unit) => {
    if (unit.segments.length < 2) return unit;
    const specks = unit.segments.filter((segment) => {
      const box = geometry.line(segment.line)?.box;
      return box !== undefined && box.h < small && box.w < small && /^\p{Script=Han}$/u.test(segment.text.trim());
    });
    if (specks.length === 0 || specks.length === unit.segments.length) return unit;
    for (const speck of specks) unassigned.push({ text: speck.text.trim(), line: speck.line });
    return { ...unit, segments: unit.segments.filter((segment) => !specks.includes(segment)) };
  });
}

/**
 * A character or two alone between two headline lines (农村人居环境整治绘新 / 三 / 景监督展新颜)
 * is a speck of the scan read as text: noise, so that the headline stays whole.
 */
function markSpecks(units: Classified[]): Classified[] {
  units.forEach((unit, i) => {
    if (unit.kind !== 'text' || i === 0 || units[i - 1]!.kind !== 'head' || units[i + 1]?.kind !== 'head') return;
    if (/^\p{Script=Han}{1,2}$/u.test(flatText(unit.unit).replace(/\s/gu, ''))) unit.kind = 'noise';
  });
  return units;
}

/**
 * With positions, a kicker or a subtitle set in body type beside a title in headline type
 * (镇远县统筹示范创建 / 镇远县启动疫情防控 / 镇远县夯实疫情防控工作持续向好 / 本报记者…): one line
 * without punctuation standing apart right above the title, after finished text or nothing; or
 * one such line right under the title and over the byline or the dateline (本报讯…). Both are
 * headline lines.
 */
function markHeadLinesInBodyType(units: Classified[], geometry: PageGeometry | null): void {
  if (!geometry) return;
  const bare = (unit: Classified | undefined) =>
    unit?.kind === 'text' && unit.unit.segments.length === 1 && !unit.unit.indented && countHan(flatText(unit.unit)) <= 24 && !/[，。、；：！？,.;:!?“”"]/u.test(flatText(unit.unit));
  units.forEach((here, i) => {
    if (here.kind !== 'head' || (typeSize(geometry, here.unit.segments.map((s) => s.line)) ?? 0) < SUBHEAD_LIMIT) return;
    const above = units[i - 1];
    const before = units[i - 2];
    if (bare(above) && above!.unit.gapBefore > 0 && (before === undefined || before.kind !== 'text' || endsSentenceAsRead(flatText(before.unit)))) above!.kind = 'head';
    const below = units[i + 1];
    const after = units[i + 2];
    if (bare(below) && (after?.kind === 'byline' || (after?.kind === 'text' && parseLeadingByline(flatText(after.unit))?.dateline))) below!.kind = 'head';
  });
  // the last line of a headline wrapped in a narrow column, one to three characters alone in the
  // column of the line above and in about its type (…工作常态长 / 效), is read from its few glyphs
  // as smaller than the rest: it is the headline's, whose lines splitHeadline joins
  units.forEach((here, i) => {
    const below = units[i + 1];
    if (here.kind !== 'head' || below?.kind !== 'text' || below.unit.segments.length !== 1) return;
    const last = geometry.line(here.unit.segments.at(-1)!.line);
    const short = geometry.line(below.unit.segments[0]!.line);
    if (!last || !short || short.column !== last.column || short.box.x < last.box.x - short.box.h || short.box.x + short.box.w > last.box.x + last.box.w + short.box.h) return;
    // ...alone on its row: 口记者 beside 谭芳梅 is a byline split in two
    const next = units[i + 2] ? geometry.line(units[i + 2]!.unit.segments[0]!.line) : null;
    if (next && sameRow(short, next)) return;
    if (isWrappedEnd(flatText(below.unit), short.box.h, last.box.h)) below.kind = 'head';
  });
}

/** A 小标题 is set no larger than this over body type; a line in larger type heads an article. */
const SUBHEAD_LIMIT = 1.3;

/** Lines up to this size over the page's body line height are body type (a subtitle is larger). */
const BODY_TYPE = 1.02;
/** Type at most this much larger than the body's is body type read a little large, when the line reads like a sentence. */
const NEAR_BODY_TYPE = 1.1;
/** The dash that opens a subtitle (——记…), as printed or as OCR reads it (一一, --). */
const SUBTITLE_DASH = /^\s*(?:[—―－-]{1,2}|一一)\s*\p{Script=Han}/u;

/**
 * A short line right after an unfinished sentence, not followed by a byline, is the tail of
 * that sentence rather than a new headline: 保障群众 / 的生命安全.
 */
function demoteWeakHeadlines(units: Classified[], geometry: PageGeometry | null): void {
  // backwards, so that a demoted line lets the one before it be judged against running text
  for (let i = units.length - 2; i >= 0; i--) {
    const prev = units[i - 1];
    const here = units[i]!;
    const next = units[i + 1]!;
    if (here.kind !== 'head' || next.kind === 'head' || next.kind === 'byline') continue;
    const text = flatText(here.unit);
    const nextText = flatText(next.unit);
    // a line with a comma that runs on into the next block is a sentence, not a headline:
    // 据了解，今年"春风行动"将持续到 / 3月底，各县……
    if (next.kind === 'text' && /[，、：,:]/u.test(text) && !parseLeadingByline(nextText)?.dateline && !opensParagraph(nextText)) {
      here.kind = 'text';
      continue;
    }
    if (!prev || prev.kind !== 'text') continue;
    if (endsSentence(flatText(prev.unit))) continue;
    // with positions, a line in headline type in another column than the sentence left open is
    // no tail of it: the reading order met a headline after a column's foot (…共计开 | 品牌促发展)
    const column = (line: number) => geometry?.line(line)?.column ?? null;
    if ((typeSize(geometry, here.unit.segments.map((s) => s.line)) ?? 0) >= SUBHEAD_LIMIT && column(firstLine(here.unit)) !== null && column(firstLine(here.unit)) !== column(lastLine(prev.unit))) continue;
    // with positions, a line in headline type under a lone line without punctuation (a kicker
    // set in body type) and over its byline, or over a paragraph's indented start (one line,
    // the byline misread, between them: 花山苗族乡 / 扎实抓好疫情防控工作 / 者,二丰 / 　　余庆县…),
    // is a headline, not a sentence's tail
    const opensBelow = (unit: Classified | undefined) => unit?.kind === 'byline' || (unit?.kind === 'text' && unit.unit.indented);
    if (
      (typeSize(geometry, here.unit.segments.map((s) => s.line)) ?? 0) >= SUBHEAD_LIMIT &&
      prev.unit.segments.length === 1 &&
      !/[，。、；：！？,.;:!?]/u.test(flatText(prev.unit)) &&
      (opensBelow(next) || (next.unit.segments.length === 1 && opensBelow(units[i + 2])))
    )
      continue;
    if (parseLeadingByline(flatText(next.unit))?.dateline) continue;
    if (here.unit.gapBefore > prev.unit.gapBefore + 1) continue;
    here.kind = 'text';
  }
}

/**
 * A single headline-like line inside a report, between its paragraphs, is a subheading (小标题):
 * the text before it is an article that opened with a dateline or byline, the text after it
 * opens with neither, and no wide gap separates them. A new report would bring its own. With
 * positions, a line set in headline type before a new paragraph or a byline is never one.
 */
function markSubheadings(units: Classified[], bigGap: number, geometry: PageGeometry | null): void {
  for (let i = 1; i < units.length - 1; i++) {
    const here = units[i]!;
    const next = units[i + 1]!;
    if (here.kind !== 'head' || units[i - 1]!.kind !== 'text' || next.kind !== 'text') continue;
    // with positions: a line in headline type before a new paragraph (past a broken byline or
    // the other half of the headline) heads an article; a subheading is set in body type or a
    // little larger, and a speck read in large type before the sentence it interrupts is neither
    if ((typeSize(geometry, here.unit.segments.map((s) => s.line)) ?? 0) >= SUBHEAD_LIMIT) {
      let k = i + 1;
      while (k < units.length && (units[k]!.kind === 'head' || countHan(flatText(units[k]!.unit)) <= 6)) k++;
      // a subtitle line in body type between the headline and its byline, or the first
      // paragraph (indented, or opening with a dateline: 本报讯…)
      const after = units[k + 1];
      const opensReport = after?.kind === 'byline' || (after?.kind === 'text' && (after.unit.indented || Boolean(parseLeadingByline(flatText(after.unit))?.dateline)));
      if (units[k]?.kind === 'text' && units[k]!.unit.segments.length === 1 && !units[k]!.unit.indented && opensReport) k++;
      if (units[k]?.kind === 'byline' || (units[k]?.kind === 'text' && units[k]!.unit.indented)) continue;
      // nor is the second half of a headline read after the first half's column (joinSecondHalves)
      if (geometry && units.slice(0, i).some((u) => u.kind === 'head' && secondHalfOf(headOf(u.unit, geometry), headOf(here.unit, geometry)))) continue;
    }
    if (looksLikeColumnBanner(flatText(here.unit))) continue;
    if (here.unit.gapBefore >= bigGap || next.unit.gapBefore >= bigGap) continue;
    const nextText = flatText(next.unit);
    if (parseLeadingByline(nextText)?.dateline || splitJump(nextText).at === 'start') continue;
    // what comes before, back to the previous headline, must be an article that opened as one
    let opened = false;
    let photo = false;
    for (let k = i - 1; k >= 0 && units[k]!.kind !== 'head'; k--) {
      const unit = units[k]!;
      if (unit.kind === 'credit') photo = true;
      if (unit.kind === 'byline' || (unit.kind === 'text' && parseLeadingByline(flatText(unit.unit))?.dateline)) opened = true;
    }
    // and what follows must not be photo captions: a credit within the next two paragraphs
    let captions = false;
    for (let k = i + 1, text = 0; k < units.length && units[k]!.kind !== 'head' && text <= 2; k++) {
      if (units[k]!.kind === 'text') text++;
      if (units[k]!.kind === 'credit') captions = true;
    }
    if (opened && !photo && !captions) here.kind = 'subhead';
  }
}

interface Section {
  heads: Unit[];
  body: Classified[];
}

function splitSections(units: Classified[], geometry: PageGeometry | null): Section[] {
  const sections: Section[] = [];
  let current: Section = { heads: [], body: [] };
  // with positions: the other half of a headline row read after the byline set under the first
  // half (乡村振兴暖民心 / @本报记者 莫春颖 / 服务见实效) is still this section's headline
  const otherHalf = (item: Classified) => {
    if (!geometry || current.heads.length === 0 || !current.body.every((b) => b.kind === 'byline')) return false;
    const head = headOf(item.unit, geometry);
    return head.box !== null && head.size !== null && current.heads.some((unit) => {
      const mine = headOf(unit, geometry);
      return mine.box !== null && mine.size !== null && onOneRow(mine, head);
    });
  };
  for (const item of units) {
    // a dateline (本报讯, 新华社…电) opens a new report even where the headline was not read
    const flat = flatText(item.unit);
    const opensReport = item.kind === 'text' && (parseLeadingByline(flat)?.dateline || splitJump(flat).at === 'start');
    // ...and so does a byline line after the text of a report that had its own (本报讯（记者 钱雪飞）…
    // / 本报记者 吴明晨 / 2022年，…: the second report's headline was lost to OCR)
    const bylined = (b: Classified) => b.kind === 'byline' || (b.kind === 'text' && Boolean(parseLeadingByline(flatText(b.unit))?.dateline));
    const secondByline = item.kind === 'byline' && !/^[（(〈]/u.test(flat) && current.body.some(bylined);
    if ((opensReport || secondByline) && current.body.some((b) => b.kind === 'text')) {
      sections.push(current);
      current = { heads: [], body: [] };
    }
    if (item.kind === 'head') {
      if (current.body.length > 0 && !otherHalf(item)) {
        sections.push(current);
        current = { heads: [], body: [] };
      }
      current.heads.push(item.unit);
    } else {
      current.body.push(item);
    }
  }
  if (current.heads.length > 0 || current.body.length > 0) sections.push(current);
  if (geometry) joinSecondHalves(sections, geometry);
  return joinHeadlessReports(sections);
}

/**
 * With positions: the second half of a two-part headline (冬春农业生产强基础 | 品牌促发展) set over
 * the next column, where the gutter cut the row, was read at the head of that column, over text
 * that carries on the first half's article (…稳步推 | 进。). One line in the first half's type
 * and row, at most a character and a half right of it, over no byline and over text that opens
 * nothing (no dateline, no indent, no opening words): it joins the first half's headline, and
 * its text is left without one, for the run-ons to place.
 */
function joinSecondHalves(sections: Section[], geometry: PageGeometry): void {
  for (let k = 1; k < sections.length; k++) {
    const section = sections[k]!;
    if (section.heads.length !== 1 || section.heads[0]!.segments.length !== 1 || section.body.some((b) => b.kind === 'byline')) continue;
    const first = section.body.find((b) => b.kind === 'text');
    if (!first || first.unit.indented) continue;
    const flat = flatText(first.unit);
    if (parseLeadingByline(flat)?.dateline || opensParagraph(flat) || opensWithQuotedSentence(flat)) continue;
    const head = headOf(section.heads[0]!, geometry);
    const owner = sections.slice(0, k).reverse().find((other) => other.heads.some((unit) => secondHalfOf(headOf(unit, geometry), head)));
    if (!owner) continue;
    owner.heads.push(section.heads[0]!);
    section.heads = [];
  }
}

/**
 * With positions: a headline is printed above its text. Headline lines followed (in reading
 * order) by text that starts higher up the page than they end are not that text's headline (an
 * advertisement's slogan at the foot of one column, the text at the head of the next): kept as
 * unassigned, so that the text carries on the article before them.
 */
function dropHeadsBelowText(units: Classified[], geometry: PageGeometry | null, unassigned: UnassignedText[]): Classified[] {
  if (!geometry) return units;
  const out: Classified[] = [];
  for (let i = 0; i < units.length; i++) {
    const headlike = (unit: Classified | undefined) => unit?.kind === 'head' || unit?.kind === 'subhead';
    if (!headlike(units[i])) {
      out.push(units[i]!);
      continue;
    }
    let end = i;
    while (end < units.length && headlike(units[end])) end++;
    const heads = units.slice(i, end);
    const next = units[end];
    // the lines of the headline right before the text (an advertisement's lines may come first)
    const group = heads.slice(headsApartAt(heads.map((h) => h.unit), geometry));
    const bottoms = group.flatMap((h) => h.unit.segments.map((s) => geometry.line(s.line)?.box)).filter((b): b is Box => b !== undefined);
    const top = next && next.kind === 'text' ? geometry.line(firstLine(next.unit))?.box : undefined;
    const bottom = bottoms.length > 0 ? Math.max(...bottoms.map((b) => b.y + b.h)) : undefined;
    if (top !== undefined && bottom !== undefined && top.y + geometry.bodyHeight < bottom - bottoms[bottoms.length - 1]!.h) {
      for (const head of heads) unassigned.push({ text: flatText(head.unit), line: firstLine(head.unit) });
    } else {
      out.push(...heads);
    }
    i = end - 1;
  }
  return out;
}

/**
 * A report read before its headline: text that opens with a dateline and has no headline, then a
 * headline whose text carries on the report's unfinished sentence (…向黨員幹部普及產 / [headline]
 * / 業發展知識，…). An engine reads the column under a headline set across columns before the
 * headline itself; the headline goes back on top of the whole report.
 */
function joinHeadlessReports(sections: Section[]): Section[] {
  const out: Section[] = [];
  for (const section of sections) {
    const previous = out[out.length - 1];
    const firstText = section.body.find((b) => b.kind !== 'byline');
    const lastText = previous ? [...previous.body].reverse().find((b) => b.kind === 'text') : undefined;
    if (
      previous &&
      previous.heads.length === 0 &&
      section.heads.length > 0 &&
      lastText &&
      firstText?.kind === 'text' &&
      !firstText.unit.indented &&
      previous.body[0]?.kind === 'text' &&
      parseLeadingByline(flatText(previous.body[0].unit))?.dateline &&
      !previous.body.some((b) => b.kind === 'jump' || b.kind === 'credit') &&
      !endsSentence(flatText(lastText.unit)) &&
      !parseLeadingByline(flatText(firstText.unit))?.dateline &&
      !opensParagraph(flatText(firstText.unit))
    ) {
      out[out.length - 1] = { heads: section.heads, body: [...previous.body, ...section.body] };
      continue;
    }
    out.push(section);
  }
  return out;
}

/**
 * Blank lines between blocks say something when the page uses more than one size of gap: the
 * common gap separates paragraphs, a wider one separates items. Returns the smallest gap that
 * counts as "wide", or Infinity when the page has one gap size only.
 */
function bigGapThreshold(units: Unit[]): number {
  const counts = new Map<number, number>();
  for (const unit of units) if (unit.gapBefore > 0) counts.set(unit.gapBefore, (counts.get(unit.gapBefore) ?? 0) + 1);
  if (counts.size < 2) return Infinity;
  const common = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]![0];
  return common + 1;
}

interface Draft {
  kind: 'article' | 'photo';
  heads: string[];
  /** Type size of each head relative to body type, when positions are known. */
  headSizes?: Array<number | null>;
  column: string | null;
  /** Body units of an article, or caption units of a photo. */
  units: Classified[];
  credit: Unit | null;
  firstLine: number;
  lastLine: number;
  problems: Problem[];
}

/** An article needs at least this many Han characters of text (a short brief has a hundred). */
const ARTICLE_MIN_HAN = 12;

/**
 * An article with hardly any text (a headline whose report the page reading gave to another
 * item, 达89%以上 or 史亿让汇 看我门 read from a garbled scan) is no article: its headline and
 * text are kept under `unassigned`, each with its line, where the maintainer sees them. Photos
 * stay, however short their caption: the picture is there.
 */
function dropFragments(drafts: Draft[], unassigned: UnassignedText[]): void {
  for (let i = drafts.length - 1; i >= 0; i--) {
    const draft = drafts[i]!;
    const texts = draft.units.filter((u) => u.kind === 'text' || u.kind === 'subhead');
    if (draft.kind !== 'article' || countHan(texts.map((u) => flatText(u.unit)).join('')) >= ARTICLE_MIN_HAN) continue;
    if (draft.heads.length > 0) unassigned.push({ text: draft.heads.join(' '), line: draft.firstLine });
    for (const unit of draft.units) if (unit.kind !== 'jump') unassigned.push({ text: flatText(unit.unit), line: firstLine(unit.unit) });
    drafts.splice(i, 1);
  }
}

function readSection(section: Section, bigGap: number, drafts: Draft[], unassigned: UnassignedText[], geometry: PageGeometry | null, lexicon: Lexicon | undefined): void {
  // box labels (广告, 订报热线…) at the top of a headline run, and an advertisement's slogan after
  // its label, are not headlines
  while (section.heads.length > 0 && isBoxLabel(headlineText(section.heads[0]!))) {
    const label = section.heads.shift()!;
    unassigned.push({ text: headlineText(label), line: firstLine(label) });
    if (/^广告|广告$/u.test(headlineText(label)) && section.heads.length > 1) {
      const slogan = section.heads.shift()!;
      unassigned.push({ text: headlineText(slogan), line: firstLine(slogan) });
    }
  }
  // a telephone line (服务电话：400-…) among the headlines is an advertisement's, not a headline
  for (const label of section.heads.filter((unit) => isBoxLabel(headlineText(unit)))) unassigned.push({ text: headlineText(label), line: firstLine(label) });
  section.heads = section.heads.filter((unit) => !isBoxLabel(headlineText(unit)));
  // with positions, headline lines far from the next ones (an advertisement's slogan at the foot
  // of one column before a headline at the head of another) stand alone: kept as unassigned text
  const apart = headsApartAt(section.heads, geometry);
  if (apart > 0) {
    for (const unit of section.heads.slice(0, apart)) unassigned.push({ text: headlineText(unit), line: firstLine(unit) });
    section.heads = section.heads.slice(apart);
  }
  const merged = joinBrokenHeadlines(mergeHeadRows(section.heads.map((unit) => headOf(unit, geometry)), lexicon));
  let headTexts = merged.map((head) => head.text);
  let headSizes = merged.map((head) => head.size);
  const body = section.body;
  if (body.length === 0) {
    for (const unit of section.heads) unassigned.push({ text: headlineText(unit), line: firstLine(unit) });
    return;
  }

  // photo items: each credit closes one, its caption runs back over the text before it
  const captionOf = new Map<number, [number, number]>();
  let lower = 0;
  body.forEach((item, k) => {
    if (item.kind !== 'credit') return;
    let start = k;
    if (k - 1 >= lower && body[k - 1]!.kind === 'text') {
      start = k - 1;
      while (start - 1 >= lower && extendsCaption(body[start - 1]!, body[start]!, bigGap, body, start, k, start - 1 === lower)) start--;
    }
    captionOf.set(k, [start, k - 1]);
    lower = k + 1;
  });

  const inCaption = new Set<number>();
  for (const [k, [start, end]] of captionOf) {
    inCaption.add(k);
    for (let i = start; i <= end; i++) inCaption.add(i);
  }
  const loose = body.map((_, i) => i).filter((i) => !inCaption.has(i));
  const firstCaptionStart = Math.min(...[...captionOf.values()].map(([start]) => start), body.length);
  const articleUnits = loose.filter((i) => i < firstCaptionStart);
  const hasArticle = articleUnits.some((i) => body[i]!.kind === 'text') || (articleUnits.length > 0 && captionOf.size === 0);

  let article: Draft | null = null;
  if (hasArticle) {
    // a column banner (栏目) above an article's headline: 我们的节日·春节 / 一线见闻 / title
    let banner: string | null = null;
    if (headTexts.length >= 2 && isColumnName(headTexts[0]!)) {
      banner = headTexts[0]!;
      headTexts = headTexts.slice(1);
      headSizes = headSizes.slice(1);
    }
    article = newDraft('article', headTexts, banner, []);
    article.headSizes = headSizes;
    if (section.heads.length > 0) article.firstLine = firstLine(section.heads[0]!);
    for (const i of loose) {
      // text after a photo's credit continues the article when the section has one
      article.units.push(body[i]!);
    }
    finishLines(article, section.heads);
    drafts.push(article);
  } else {
    // loose text in a photo-only section belongs to the next caption; trailing text stands alone
    const trailing: Classified[] = [];
    for (const i of loose) {
      const next = [...captionOf.entries()].find(([k, [start]]) => start > i || k > i);
      if (next) captionOf.set(next[0], [Math.min(next[1][0], i), next[1][1]]);
      else trailing.push(body[i]!);
    }
    if (trailing.length > 0) readLeftovers(trailing, drafts, unassigned);
  }

  const photoCount = captionOf.size;
  let column: string | null = null;
  let photoHeads: string[] = [];
  if (!hasArticle && headTexts.length > 0) {
    if (headTexts.length === 1) {
      if (photoCount >= 2 || looksLikeColumnBanner(headTexts[0]!) || isColumnName(headTexts[0]!)) column = headTexts[0]!;
      else photoHeads = headTexts;
    } else {
      column = headTexts[0]!;
      photoHeads = headTexts.slice(1);
    }
  }
  let first = true;
  for (const [k, [start, end]] of [...captionOf.entries()].sort((a, b) => a[0] - b[0])) {
    const units: Classified[] = [];
    for (let i = start; i <= end; i++) if (body[i]!.kind === 'text' || body[i]!.kind === 'byline') units.push(body[i]!);
    const photo = newDraft('photo', first ? photoHeads : [], column, units);
    photo.credit = body[k]!.unit;
    if (first && photoHeads.length > 0) photo.firstLine = firstLine(section.heads[section.heads.length - photoHeads.length]!);
    finishLines(photo, first && photoHeads.length > 0 ? section.heads.slice(-photoHeads.length) : []);
    drafts.push(photo);
    first = false;
  }
}

/**
 * With positions, text that carries on a sentence from another column: a run of lines in a
 * column of its own, or in the same column below a gap of more than two lines, that does not
 * open a paragraph (no indent, no dateline) after text that finished its sentence, where an
 * article stops mid-sentence without a jump line. The reading order met that column after
 * another article; the run goes back to the article it finishes
 * (…截至目前，2 / 022年已完成…). A run that opens an untitled item counts the same. The article
 * is the one whose last words and the run's first make one word across the cut (…安全感不断增 /
 * 强。去年以来… : 增强), or whose open quotation the run closes (…“日子 / 越过越有奔头。”…),
 * wherever it stands on the page; without either, the first
 * article before the run that stops mid-sentence; else the first after it that stops
 * mid-sentence and whose places the run names rather than those of the article it was read in
 * (the reading order can meet a run-on before its article's headline). An article that reads on
 * from a column's foot into another column can take the run at that break, not at its end, when
 * the run completes the words left open there (…为抓 / 手，实施…) and hands on to where the
 * article was read on (…不断增 / 强。) or stands above it in that column: an article whose columns
 * interlock with another's. A run that opens a sentence (据了解，…, or a quoted sentence) continues
 * none; it moves by the places it names: to the one finished article that names most of them,
 * when the article it was read in names none; when places do not tell, to the finished article
 * whose columns start in its row and stand nearest to its left. A run read right after a sentence
 * left open carries it on, unless it completes no word of it but the last words of one other open
 * article, and the text after the run completes the first (…组织村 | 全，… | 民深入…). The first
 * run under a headline (and byline) that opens no sentence goes to the one open article whose
 * words it completes, when the article's own text opens after it (…幸福 | 感、安全感…). A run ends
 * at a gap of more than two lines in its column.
 */
function mendColumnJumps(drafts: Draft[], geometry: PageGeometry | null, lexicon: Lexicon | undefined): void {
  if (!geometry) return;
  const columnOf = (line: number) => geometry.line(line)?.column ?? null;
  const lastText = (draft: Draft) => [...draft.units].reverse().find((u) => u.kind === 'text');
  const open = (draft: Draft) => {
    const last = lastText(draft);
    return draft.kind === 'article' && last !== undefined && !endsSentenceAsRead(flatText(last.unit)) && !draft.units.some((u) => u.kind === 'jump');
  };
  // does `right` carry on the sentence `left` leaves open: a word across the cut (…不断增 | 强。),
  // the close of a quotation (…“日子 | 越过越有奔头。”) or a number's unit (…监督检查29 | 个，…)
  const completes = (left: string, right: string) => (lexicon !== undefined && joinsAcross(left, right, lexicon)) || closesQuote(left, right) || countsOn(left, right);
  // ...by a word common enough that the cut is no coincidence (一步, 突破; not 举人, 活动区), a
  // number's unit or a quotation's close
  const completesSurely = (left: string, right: string) => {
    const word = lexicon ? wordAcross(left, right, lexicon) : null;
    return (word !== null && lexicon!.frequency(word) >= COMMON_WORD) || (countsOn(left, right) && !/^\s*\d/u.test(right)) || closesQuote(left, right);
  };
  // the open articles other than `draft` whose last words `text` completes
  const continuedBy = (draft: Draft, text: string) => drafts.filter((d) => d !== draft && open(d) && completes(flatText(lastText(d)!.unit), text));
  // of articles left open, the first that stops at a comma (…等渠道，), else the first
  const atClause = (open: Draft[]) => open.find((d) => /[，、；：,;:]$/u.test(flatText(lastText(d)!.unit).trim())) ?? open[0];
  // of the open articles a run completes, the one whose word across the cut is at least twice as
  // common as any other's (a quotation or a number carried on counts as common as any word), or
  // else all of them, in page order
  const commonest = (candidates: Draft[], text: string): Draft[] => {
    const strength = (d: Draft) => {
      const word = lexicon ? wordAcross(flatText(lastText(d)!.unit), text, lexicon) : null;
      return word === null ? Number.MAX_SAFE_INTEGER : lexicon!.frequency(word);
    };
    const ranked = candidates.map((d) => ({ d, s: strength(d) })).sort((a, b) => b.s - a.s);
    return ranked.length > 1 && ranked[0]!.s >= 2 * ranked[1]!.s ? [ranked[0]!.d] : candidates;
  };
  // the places an article names (锦屏县, 关茅镇): how many more of another article's places than
  // of its own a column names
  const textsOf = (draft: Draft, units = draft.units) => [...draft.heads, ...units.map((u) => flatText(u.unit))];
  const affinity = (target: Draft, draft: Draft, from: number, end: number): number => {
    const block = placesIn(draft.units.slice(from, end).map((u) => flatText(u.unit)));
    const own = placesIn(textsOf(draft, [...draft.units.slice(0, from), ...draft.units.slice(end)]));
    const theirs = placesIn(textsOf(target));
    const mine = [...block].filter((place) => own.has(place) && !theirs.has(place)).length;
    const other = [...block].filter((place) => theirs.has(place) && !own.has(place)).length;
    return other - mine;
  };
  // the finished article a run that opens a sentence belongs to: the only one that names the
  // most of the run's places, when the article it was read in names none of them
  const openerOwner = (draft: Draft, from: number, end: number): Draft | undefined => {
    const block = placesIn(draft.units.slice(from, end).map((u) => flatText(u.unit)));
    const own = placesIn(textsOf(draft, [...draft.units.slice(0, from), ...draft.units.slice(end)]));
    // (a place OCR misread in one character is still its own: 演安县 for 瓮安县, read 贫安县 elsewhere)
    if (block.size === 0 || [...block].some((place) => [...own].some((other) => nearlySamePlace(place, other)))) return undefined;
    const finished = (d: Draft) => {
      const last = lastText(d);
      return d !== draft && d.kind === 'article' && last !== undefined && endsSentenceAsRead(flatText(last.unit)) && !d.units.some((u) => u.kind === 'jump');
    };
    const scored = drafts.filter(finished).map((d) => {
      const theirs = placesIn(textsOf(d));
      return { d, named: [...block].filter((place) => theirs.has(place)).length };
    });
    const most = Math.max(0, ...scored.map((s) => s.named));
    const owners = scored.filter((s) => s.named === most);
    return most > 0 && owners.length === 1 ? owners[0]!.d : undefined;
  };
  // the finished article whose columns a run that opens a sentence stands beside, when its
  // places do not tell: the run's first line in the row where that article's columns start
  // (their first lines within half a line of it), that article's text the nearest to its left in
  // that row, and no column of the article it was read in starting there. An article's last
  // column set beyond its headline's span is read after the articles below it when the page is
  // cut into a left and a right part (六枝特区…稳步推进 / 据了解，该中心印发…)
  const besideOwner = (draft: Draft, from: number, end: number): Draft | undefined => {
    const start = geometry.line(firstLine(draft.units[from]!.unit));
    if (!start) return undefined;
    const run = new Set(draft.units.slice(from, end));
    const tolerance = geometry.bodyHeight / 2;
    // the lines of an article's text outside the run
    const linesOf = (d: Draft) =>
      d.units.filter((u) => u.kind === 'text' && !run.has(u)).flatMap((u) => u.unit.segments.map((s) => geometry.line(s.line)).filter((line) => line !== null));
    // its columns' first lines: one starts within half a line of the run's first line
    const startsHere = (d: Draft) => {
      const tops = new Map<number, number>();
      for (const line of linesOf(d)) tops.set(line.column, Math.min(tops.get(line.column) ?? Infinity, line.box.y));
      return [...tops.values()].some((y) => Math.abs(y - start.box.y) <= tolerance);
    };
    if (startsHere(draft)) return undefined;
    // the text nearest to the left of the run's first line, in its row
    let nearest: { d: Draft; right: number } | undefined;
    for (const d of drafts) {
      for (const line of linesOf(d)) {
        if (line.box.x + line.box.w > start.box.x + tolerance || !sameRow(line, start)) continue;
        if (!nearest || line.box.x + line.box.w > nearest.right) nearest = { d, right: line.box.x + line.box.w };
      }
    }
    const owner = nearest?.d;
    const last = owner ? lastText(owner) : undefined;
    if (!owner || owner === draft || owner.kind !== 'article' || !last || !endsSentenceAsRead(flatText(last.unit)) || owner.units.some((u) => u.kind === 'jump')) return undefined;
    return startsHere(owner) ? owner : undefined;
  };
  // two lines of one column with more than two lines' space between them and no line of the
  // column in it: separate blocks (a run-on set under another article's end)
  const lastSourceLine = Math.max(0, ...drafts.map((d) => d.lastLine));
  const apart = (above: number, below: number) => {
    const a = geometry.line(above);
    const b = geometry.line(below)?.box;
    if (!a || !b || b.y - (a.box.y + a.box.h) <= 2 * geometry.bodyHeight) return false;
    for (let n = 1; n <= lastSourceLine; n++) {
      const other = geometry.line(n);
      if (other && other.column === a.column && other.box.y + other.box.h > a.box.y + a.box.h && other.box.y < b.y && n !== above && n !== below) return false;
    }
    return true;
  };
  // a line set straight above another in the same column
  const above = (upper: number, lower: number) => {
    const a = geometry.line(upper)?.box;
    const b = geometry.line(lower)?.box;
    return a !== undefined && b !== undefined && a.y + a.h <= b.y && Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x) > 0.5 * Math.min(a.w, b.w);
  };
  // a text of another article that stops mid-sentence at the foot of a column, the article read
  // on in another column, when the run completes its last words and either hands on to where the
  // article was read on (…不断增 | 强。) or stands above it in that column: where the run goes in
  const columnBreakJoined = (draft: Draft, run: Classified[], lexicon: Lexicon): { draft: Draft; at: number } | undefined => {
    const [first, last] = [run[0]!.unit, run[run.length - 1]!.unit];
    for (const d of drafts) {
      if (d === draft || d.kind !== 'article' || d.units.some((u) => u.kind === 'jump')) continue;
      for (let k = 0; k + 1 < d.units.length; k++) {
        const [unit, next] = [d.units[k]!, d.units[k + 1]!];
        if (unit.kind !== 'text' || next.kind !== 'text' || endsSentenceAsRead(flatText(unit.unit))) continue;
        const column = columnOf(lastLine(unit.unit));
        if (column === null || (columnOf(firstLine(next.unit)) === column && !apart(lastLine(unit.unit), firstLine(next.unit)))) continue;
        if (!joinsAcross(flatText(unit.unit), flatText(first), lexicon)) continue;
        if (joinsAcross(flatText(last), flatText(next.unit), lexicon) || above(lastLine(last), firstLine(next.unit))) return { draft: d, at: k + 1 };
      }
    }
    return undefined;
  };
  // a run moves once: where it goes it is read on, not moved again
  const moved = new Set<Classified>();
  const move = (draft: Draft, from: number, end: number, into: Draft, at = into.units.length) => {
    const run = draft.units.splice(from, end - from);
    into.units.splice(at, 0, ...run);
    for (const unit of run) {
      moved.add(unit);
      into.lastLine = Math.max(into.lastLine, lastLine(unit.unit));
    }
  };
  for (const draft of drafts) {
    if (draft.kind !== 'article') continue;
    for (let i = 0; i < draft.units.length; i++) {
      const here = draft.units[i]!;
      const prev = draft.units[i - 1];
      if (here.kind !== 'text' || moved.has(here)) continue;
      // after a finished sentence, or after the line that sends the article to another page
      // (下转第2版): nothing of the article follows that on this page
      const jumpedOut = prev?.kind === 'jump' && /^下?[转轉]/u.test(parseJumpLine(flatText(prev.unit)) ?? '');
      const column = columnOf(firstLine(here.unit));
      const atBreak = column !== null && (prev === undefined || columnOf(lastLine(prev.unit)) !== column || apart(lastLine(prev.unit), firstLine(here.unit)));
      let end = i;
      // the run: the lines that follow in this column, up to a gap of more than two lines
      while (end < draft.units.length && draft.units[end]!.kind === 'text' && columnOf(firstLine(draft.units[end]!.unit)) === column && (end === i || !apart(lastLine(draft.units[end - 1]!.unit), firstLine(draft.units[end]!.unit)))) end++;
      const text = flatText(here.unit);
      if (here.unit.indented) {
        // a paragraph at the head of a column, after a finished one in another column (or after
        // the line that sent the article on to another page), goes on the article read before
        // it unless its places say otherwise: to the one finished article that names most of
        // them, when the article it was read in names none
        if (!atBreak || !(jumpedOut || (prev?.kind === 'text' && endsSentenceAsRead(flatText(prev.unit))))) continue;
        const owner = openerOwner(draft, i, end);
        if (!owner) continue;
        move(draft, i, end, owner);
        i--;
        continue;
      }
      if (prev?.kind === 'text' && !jumpedOut && !endsSentenceAsRead(flatText(prev.unit))) {
        // after a sentence left open, the run carries it on, unless the words say otherwise: the
        // run completes no word of it but does the last words of one other open article, and the
        // text after the run does complete it (…组织村 | 全，进一步… | 民深入…: 安全 and 村民)
        const next = draft.units[end];
        // ...or closes the quotation or title its own article leaves open at its end, read later
        // (…惠及 | 征集的通知》… | 种植大户9家…该中心印发《服务需求): it goes to that end
        const own = lastText(draft);
        if (atBreak && own !== undefined && draft.units.indexOf(own) >= end && !endsSentenceAsRead(flatText(own.unit)) && !completes(flatText(prev.unit), text) && closesQuote(flatText(own.unit), text)) {
          move(draft, i, end, draft);
          i--;
          continue;
        }
        // (or no text follows the run, and what it completes is a common word, a number's unit or
        // a quotation: …安全感持续提升 | 步，该镇将… read last, completing …明白卡等物资*下一)
        if (!atBreak || completes(flatText(prev.unit), text)) continue;
        if (next?.kind === 'text' && !completes(flatText(prev.unit), flatText(next.unit))) continue;
        const into = continuedBy(draft, text);
        if (into.length !== 1) continue;
        if (next?.kind !== 'text' && !completesSurely(flatText(lastText(into[0]!)!.unit), text)) continue;
        move(draft, i, end, into[0]!);
        i--;
        continue;
      }
      const underHead = (prev === undefined && draft.heads.length > 0) || prev?.kind === 'byline';
      if (underHead && !opensParagraph(text) && !opensWithQuotedSentence(text) && !parseLeadingByline(text)) {
        // the first text under a headline (and byline) that carries on another article's open
        // sentence (…幸福 | 感、安全感…), where this article's own text opens after it, in another
        // column: that column belongs to the other article, set beside this one's headline
        const next = draft.units[end];
        const into = continuedBy(draft, text);
        if (next?.kind === 'text' && next.unit.indented && opensParagraph(flatText(next.unit)) && into.length === 1) {
          move(draft, i, end, into[0]!);
          i--;
          continue;
        }
      }
      if (prev !== undefined && !jumpedOut && prev.kind !== 'text') continue;
      if (prev === undefined && draft.heads.length > 0) continue;
      if (!atBreak) continue;
      if (parseLeadingByline(text)?.dateline || /^\p{Script=Han}{0,3}[：:]/u.test(text)) continue;
      if (opensParagraph(text) || opensWithQuotedSentence(text)) {
        // a run that opens a sentence carries on no sentence: it goes only to the one finished
        // article whose places it names most, when it names none of its own article's, or else
        // to the finished article whose columns it stands beside
        const owner = openerOwner(draft, i, end) ?? besideOwner(draft, i, end);
        if (!owner) continue;
        move(draft, i, end, owner);
        // what now follows in this article is looked at again
        i--;
        continue;
      }
      const joined = commonest(continuedBy(draft, text), text);
      // the article it continues: one whose words it completes (the commoner word across the cut
      // first, where two are completed: 春 | 联 over 以电 | 联), else one left open before it (one
      // left at a comma first: …等渠道， | 向老年人… rather than …聚焦乡村振兴, whose words it does
      // not complete), else the first left open after it (a run-on the reading order put before
      // its article)
      const target =
        joined.find((d) => d.firstLine < firstLine(here.unit)) ??
        joined[0] ??
        atClause(drafts.filter((d) => d !== draft && d.firstLine < draft.firstLine + (i === 0 ? 1 : 0) && d.firstLine < firstLine(here.unit) && open(d) && affinity(d, draft, i, end) >= 0)) ??
        drafts.find((d) => d !== draft && d.firstLine > lastLine(here.unit) && open(d) && affinity(d, draft, i, end) > 0);
      // or a column inside another article left mid-sentence, whose words the run completes
      // (…该县以“我为群众办实事”为抓 | 手，实施…): the article read on in another column, the run
      // goes in at the break
      const inside = target || !lexicon ? undefined : columnBreakJoined(draft, draft.units.slice(i, end), lexicon);
      if (!inside && !target) continue;
      if (inside) move(draft, i, end, inside.draft, inside.at);
      else move(draft, i, end, target!);
      i--;
    }
  }
  // an untitled item left with nothing is gone
  for (let i = drafts.length - 1; i >= 0; i--) if (drafts[i]!.kind === 'article' && drafts[i]!.units.length === 0 && drafts[i]!.heads.length === 0) drafts.splice(i, 1);
}

/**
 * The last character or two of a headline wrapped onto a line of their own in a narrow column
 * (安龙县落实监督检 / 查, 印江县鸭枫街道探索阵地 / 建设): joined back to the headline when set in
 * its type or read in the row of its last line right after it (with positions), or, without
 * positions, when they complete a word across the wrap.
 */
function joinHeadlineTails(units: Classified[], geometry: PageGeometry | null, lexicon: Lexicon | undefined): Classified[] {
  const out: Classified[] = [];
  for (const item of units) {
    const prev = out[out.length - 1];
    const text = flatText(item.unit).replace(/\s+/gu, '');
    if (prev?.kind === 'head' && item.kind !== 'head' && /^\p{Script=Han}{1,2}$/u.test(text)) {
      const headSize = typeSize(geometry, prev.unit.segments.map((s) => s.line));
      const tailSize = typeSize(geometry, item.unit.segments.map((s) => s.line));
      const sameType = headSize !== null && tailSize !== null ? Math.abs(tailSize / headSize - 1) <= 0.15 : lexicon !== undefined && joinsAcross(flatText(prev.unit), text, lexicon);
      // or read as a line of its own right after the headline's last line, in its row (…提质增 | 效)
      const head = geometry?.line(lastLine(prev.unit));
      const tail = geometry?.line(firstLine(item.unit));
      const sameLine = head && tail && sameRow(head, tail) && tail.box.x >= head.box.x + head.box.w - geometry!.bodyHeight && tail.box.x <= head.box.x + head.box.w + 2 * geometry!.bodyHeight;
      if (sameType || sameLine) {
        prev.unit = { ...prev.unit, segments: [...prev.unit.segments, ...item.unit.segments] };
        continue;
      }
    }
    out.push(item);
  }
  return out;
}

/**
 * Do the end of one text and the start of another make one word across the cut? The words of
 * the few characters either side, as the lexicon's segmenter cuts them: a word that takes
 * characters from both (不断增 | 强。 -> 增强; 2 | 022年 -> 2022). Punctuation at the cut never joins.
 */
function joinsAcross(left: string, right: string, lexicon: Lexicon): boolean {
  return wordAcross(left, right, lexicon) !== null;
}

/** The word that takes characters from both sides of the cut (joinsAcross), or null. */
function wordAcross(left: string, right: string, lexicon: Lexicon): string | null {
  const tail = [...left.replace(/\s+/gu, '')].slice(-4).join('');
  const head = [...right.replace(/\s+/gu, '')].slice(0, 4).join('');
  if (!/[\p{Script=Han}\d]$/u.test(tail) || !/^[\p{Script=Han}\d]/u.test(head)) return null;
  let at = 0;
  for (const word of lexicon.cut(tail + head)) {
    const end = at + word.length;
    if (at < tail.length && end > tail.length) return word;
    at = end;
  }
  return null;
}

/**
 * Does a text go on with the unit of a number the other ends with (…监督检查29 | 个，完成率…)?
 * A figure is never the last word of a sentence: what it counts follows it.
 */
function countsOn(left: string, right: string): boolean {
  return /\d$/u.test(left.trimEnd()) && /^[\d%％.．个家户人余万亿元场次年月日岁名所项件多倍平公千百]/u.test(right.trimStart());
}

/**
 * Does a text close the quotation the end of another left open? The left ends inside a quote (an
 * opening mark after its last closing one) and the right closes one before it opens any
 * (…走深走实。“日子 | 越过越有奔头。”侯阿姨说): the words of a quoted sentence, cut at a column's foot;
 * so does a title cut there (…该中心印发《服务需求 | 征集的通知》…).
 */
function closesQuote(left: string, right: string): boolean {
  return QUOTE_MARKS.some(([opens, closes, back, ahead]) => {
    const last = (marks: string) => Math.max(...[...marks].map((mark) => left.lastIndexOf(mark)));
    const opening = last(opens);
    if (opening < 0 || opening < last(closes) || left.length - opening > back) return false;
    const head = right.slice(0, ahead);
    const close = head.search(new RegExp(`[${closes}]`, 'u'));
    const open = head.search(new RegExp(`[${opens}]`, 'u'));
    return close >= 0 && (open < 0 || close < open);
  });
}

/** A word at least this frequent in the lexicon (一步 5346, 突破 3699; 举人 662) is common. */
const COMMON_WORD = 1000;

/**
 * Quotation marks, and the marks round a title (《服务需求征集的通知》): opening, closing, and
 * how far before and after the cut a pair may open and close. A title is short; a 《 further
 * back is more likely a bracket misread (本报讯《记者…).
 */
const QUOTE_MARKS: ReadonlyArray<readonly [string, string, number, number]> = [
  ['“「', '”」', Number.POSITIVE_INFINITY, 40],
  ['《', '》', 24, 24],
];

/**
 * A headline too long for one line wraps like this: 全市经济工作会议暨 / 优化营商环境大会. A line
 * that ends in a word that cannot end a headline (暨, 和, 的, an opening quote) continues.
 */
function joinBrokenHeadlines(heads: Head[]): Head[] {
  const out: Head[] = [];
  for (const head of heads) {
    const last = out[out.length - 1];
    if (last !== undefined && (/[暨及和与的在为对把向从让将以、“《（]$/u.test(last.text) || /^[”》）、，]/u.test(head.text))) out[out.length - 1] = joinHeads(last, head, '');
    else out.push(head);
  }
  return out;
}

/**
 * Where the last break falls in a run of headline lines on a positioned page: the next line
 * jumps back up the page, or lies more than three of its lines below the one before. 0 when the
 * run holds together (or positions are unknown).
 */
function headsApartAt(heads: Unit[], geometry: PageGeometry | null): number {
  if (!geometry) return 0;
  let at = 0;
  for (let i = 1; i < heads.length; i++) {
    const a = headOf(heads[i - 1]!, geometry).box;
    const b = headOf(heads[i]!, geometry).box;
    if (!a || !b) continue;
    const overlap = Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y);
    if (overlap >= 0.5 * Math.min(a.h, b.h)) continue;
    const h = Math.max(a.h, b.h);
    if (b.y + b.h < a.y - 0.5 * h || b.y > a.y + a.h + 3 * h) at = i;
  }
  return at;
}

/** A headline line with what positioned OCR knows of it (size relative to body type, box). */
interface Head {
  text: string;
  size: number | null;
  box: Box | null;
}

function headOf(unit: Unit, geometry: PageGeometry | null): Head {
  const lines = unit.segments.map((s) => s.line);
  const boxes = lines.map((n) => geometry?.line(n)?.box).filter((box): box is Box => box !== undefined);
  const box = boxes.length === 0 ? null : boxes.reduce((a, b) => {
    const x = Math.min(a.x, b.x);
    const y = Math.min(a.y, b.y);
    return { x, y, w: Math.max(a.x + a.w, b.x + b.w) - x, h: Math.max(a.y + a.h, b.y + b.h) - y };
  });
  return { text: cleanHeadText(headlineText(unit)), size: typeSize(geometry, lines), box };
}

function joinHeads(a: Head, b: Head, glue: string): Head {
  const box = a.box && b.box ? { x: Math.min(a.box.x, b.box.x), y: Math.min(a.box.y, b.box.y), w: Math.max(a.box.x + a.box.w, b.box.x + b.box.w) - Math.min(a.box.x, b.box.x), h: Math.max(a.box.y + a.box.h, b.box.y + b.box.h) - Math.min(a.box.y, b.box.y) } : (a.box ?? b.box);
  return { text: a.text + glue + b.text, size: a.size !== null && b.size !== null ? Math.max(a.size, b.size) : (a.size ?? b.size), box };
}

/**
 * What OCR does to headline type: a headline of two phrases set with a wide gap
 * (志愿服务聚合力 文明实践谱新篇) comes out as two lines, or with the gap read as a stray quote
 * (聚合力”服务谱新篇); a headline too long for its column wraps onto a second line of the same
 * type. With positions: pieces on one row join with a space, and a line of the same type
 * straight under another (no wider gap than a line's own height allows) joins without one.
 */
function mergeHeadRows(heads: Head[], lexicon: Lexicon | undefined): Head[] {
  const out: Head[] = [];
  for (const head of heads) {
    // the other half of a headline row, with a stray line (a byline's fragment) read between them
    const partner = out.findLastIndex((h, i) => i < out.length - 1 && h.box && head.box && h.size !== null && head.size !== null && onOneRow(h, head));
    if (partner >= 0) {
      const h = out[partner]!;
      out[partner] = head.box!.x >= h.box!.x ? joinHeads(h, head, ' ') : joinHeads(head, h, ' ');
      continue;
    }
    const last = out[out.length - 1];
    if (last?.box && head.box && last.size !== null && head.size !== null) {
      const a = last.box;
      const b = head.box;
      const overlap = Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y);
      const similar = Math.abs(last.size - head.size) <= 0.12 * Math.max(last.size, head.size);
      if (similar && overlap >= 0.5 * Math.min(a.h, b.h) && (b.x >= a.x + a.w * 0.9 || a.x >= b.x + b.w * 0.9)) {
        out[out.length - 1] = b.x >= a.x ? joinHeads(last, head, ' ') : joinHeads(head, last, ' ');
        continue;
      }
      const lineHeight = Math.min(a.h, b.h);
      const gap = b.y - (a.y + a.h);
      // the box of one or two characters is as tall as their glyphs, not the type: a looser match
      const short = [...head.text].length <= 2 && Math.abs(last.size - head.size) <= 0.25 * Math.max(last.size, head.size);
      const aligned = Math.abs(a.x - b.x) <= lineHeight * 1.5 || Math.abs(a.x + a.w / 2 - (b.x + b.w / 2)) <= lineHeight * 1.5;
      // a line of the same headline type straight under another: a wrap (joined as one word
      // when the characters across the break make one) or the second phrase of a stacked couplet
      if ((similar || short) && last.size > BODY_TYPE && gap >= -0.2 * lineHeight && gap <= 0.6 * Math.max(a.h, b.h) && aligned && a.w >= b.w * 0.8) {
        const across = (last.text.at(-1) ?? '') + (head.text[0] ?? '');
        const word = lexicon === undefined || lexicon.frequency(across) > 0 || a.w > b.w * 1.15;
        out[out.length - 1] = joinHeads(last, head, word ? '' : ' ');
        continue;
      }
    }
    out.push(head);
  }
  return out;
}

/** Two headline pieces of one type side by side on one row. */
function onOneRow(a: Head, b: Head): boolean {
  const x = a.box!;
  const y = b.box!;
  const overlap = Math.min(x.y + x.h, y.y + y.h) - Math.max(x.y, y.y);
  const similar = Math.abs(a.size! - b.size!) <= 0.12 * Math.max(a.size!, b.size!);
  return similar && a.size! >= 1.2 && overlap >= 0.5 * Math.min(x.h, y.h) && (y.x >= x.x + x.w * 0.9 || x.x >= y.x + y.w * 0.9);
}

/** Is `b` set right of `a` in its type and row, at most a character and a half away: the two halves of one headline? */
function secondHalfOf(a: Head, b: Head): boolean {
  if (!a.box || !b.box || a.size === null || b.size === null || !onOneRow(a, b)) return false;
  return b.box.x > a.box.x && b.box.x - (a.box.x + a.box.w) <= 1.5 * Math.min(a.box.h, b.box.h);
}

/**
 * The gap between a headline's two phrases read as a full stop (乡村振兴强基础。队伍促发展): one
 * 。 between characters in a line with no other punctuation; a sentence has commas.
 */
function withoutGapMarks(text: string, gap = ''): string {
  if ((text.match(/[。，、；：,;:]/gu) ?? []).length !== 1) return text;
  return text.replace(/(?<=\p{Script=Han})。(?=\p{Script=Han})/u, gap);
}

/**
 * A headline as OCR reads its marks: the gap between two phrases read as an unpaired quote
 * (聚合力”服务谱新篇 -> 聚合力 服务谱新篇) or a full stop (强基础。队伍促 -> 强基础 队伍促), a
 * dash read as 一一 before a subtitle (一一独山县… -> ——独山县…), a banner's box or bar read as
 * a character before a wide space (上 我们的节日·春节).
 */
function cleanHeadText(text: string): string {
  let out = text;
  const opens = (out.match(/[“「『]/gu) ?? []).length;
  const closes = (out.match(/[”」』]/gu) ?? []).length;
  if (opens === 0 && closes === 1) out = out.replace(/(?<=\p{Script=Han})[。，、]?[”」』][。，、]?(?=\p{Script=Han})/u, ' ');
  if (closes === 0 && opens === 1) out = out.replace(/(?<=\p{Script=Han})[。，、]?[“「『][。，、]?(?=\p{Script=Han})/u, ' ');
  out = withoutGapMarks(out, ' ');
  out = out.replace(/^[一—－-]{2}\s*(?=\p{Script=Han})/u, '——');
  // a banner's box or bar read as a character (上一线见闻, 上 我们的节日, 和新春走基層) or its brackets as
  // unpaired ones (【新春走基层】 -> [新春走基层 / 时间走基层])
  const mark = /^[\p{Script=Han}■□▌▍▎▐|｜]\s*(?=\S)/u.exec(out);
  const unmarked = mark ? out.slice(mark[0].length) : out;
  if (mark && isColumnName(unmarked) && (!isColumnName(out) || (BANNER_START.test(unmarked) && !BANNER_START.test(out)))) out = unmarked;
  const bare = out.replace(/^[\[【〔［「]\s*|\s*[\]】〕］」]$/gu, '');
  if (bare !== out && isColumnName(bare)) out = bare;
  return out;
}

/**
 * A column banner (栏目) by its form: a name with a separating dot (我们的节日·春节) or one of
 * the standing column words newspapers use (一线见闻, 新春走基层, 图片新闻), short and without
 * sentence punctuation.
 */
function isColumnName(text: string): boolean {
  const t = text.trim();
  if ([...t].length > 14 || /[，。；：！？,;:!?]/u.test(t)) return false;
  // a name set apart by a middle dot is short (我们的节日·春节); a title may hold one too (文明实践·新蒲有约让居民心里甜)
  if ([...t].length <= 10 && /\p{Script=Han}[·•・.]\p{Script=Han}/u.test(t)) return true;
  return BANNER_START.test(t) || BANNER_END.test(t);
}


/** Should the caption that starts at `body[start]` also take the unit before it? */
function extendsCaption(
  prev: Classified,
  current: Classified,
  bigGap: number,
  body: Classified[],
  start: number,
  creditIndex: number,
  prevOpensRun: boolean,
): boolean {
  if (prev.kind !== 'text') return false;
  if (current.unit.gapBefore >= bigGap) return false;
  const prevText = flatText(prev.unit);
  if (parseLeadingByline(prevText)?.dateline) return false;
  let length = 0;
  for (let i = start; i < creditIndex; i++) length += flatText(body[i]!.unit).length;
  if (length + prevText.length > 420) return false;
  // an unfinished sentence runs on into the caption; a scene-setting paragraph before 图为… belongs
  // to the caption only when nothing else (an article's text) comes before it
  return !endsSentence(prevText) || (prevOpensRun && opensCaptionDetail(flatText(current.unit)));
}

/** Text after the last photo of a photo-only section: an untitled article, or a leftover label. */
function readLeftovers(units: Classified[], drafts: Draft[], unassigned: UnassignedText[]): void {
  const text = units.map((u) => flatText(u.unit)).join('');
  if (units.length === 1 && text.length <= 20 && !endsSentence(text)) {
    unassigned.push({ text: cleanLine(text, 'headline').text, line: firstLine(units[0]!.unit) });
    return;
  }
  const draft = newDraft('article', [], null, units);
  finishLines(draft, []);
  drafts.push(draft);
}

function newDraft(kind: Draft['kind'], heads: string[], column: string | null, units: Classified[]): Draft {
  return { kind, heads, column, units, credit: null, firstLine: Infinity, lastLine: 0, problems: [] };
}

function finishLines(draft: Draft, heads: Unit[]): void {
  const all = [...heads, ...draft.units.map((u) => u.unit), ...(draft.credit ? [draft.credit] : [])];
  for (const unit of all) {
    draft.firstLine = Math.min(draft.firstLine, firstLine(unit));
    draft.lastLine = Math.max(draft.lastLine, lastLine(unit));
  }
}

function headlineText(unit: Unit): string {
  return finishParagraph(buildParagraph(unit.segments, 'headline')).text;
}

/**
 * A county OCR misread in the text, set right as the paper's region names it (贫安县 -> 瓮安县),
 * one `ocr-fixed` problem each: a place is what a researcher searches for.
 */
function placesInParagraph(paragraph: Paragraph, places: PlaceRings, lexicon: Lexicon): Problem[] {
  const { text, changes } = placesFromRings(paragraph.text, places, (word) => lexicon.frequency(word) > 0);
  if (changes.length === 0) return [];
  const problems = changes.map((change) => ({
    code: 'ocr-fixed' as const,
    line: lineAt(paragraph, Math.max(0, paragraph.text.indexOf(change.from))),
    message: `a place misread, set right as the paper's region names it, one character apart (${change.from} -> ${change.to})`,
    excerpt: change.from,
    suggestion: change.to,
    fixed: true,
  }));
  paragraph.text = text;
  return problems;
}

/** Turn a draft into the item the contract describes: people, dateline, clean paragraphs, problems. */
function finishDraft(draft: Draft, id: string, options: ParseOptions): ParsedItem {
  finishLines(draft, []);
  const headline = splitHeadline(draft.heads, draft.headSizes);
  let people: People = noPeople();
  let dateline: string | null = null;
  let continuation: string | null = null;
  const problems: Problem[] = [...draft.problems];

  const paragraphs: Paragraph[] = [];
  let previousUnit: Unit | null = null;
  let openParagraph: Paragraph | null = null;
  const closeParagraph = () => {
    if (openParagraph) paragraphs.push(finishParagraph(openParagraph));
    openParagraph = null;
  };

  const leading = leadingByline(draft.units);
  if (leading.found) {
    dateline = leading.found.dateline;
    people = mergePeople(people, leading.found.people);
  }
  draft.units.forEach((item, index) => {
    const unit = item.unit;
    if (item.kind === 'jump') {
      continuation = joinContinuation(continuation, parseJumpLine(flatText(unit)));
      return;
    }
    if (item.kind === 'byline') {
      const found = parseBylineLine(flatText(unit));
      if (found) people = mergePeople(people, found);
      return;
    }
    if (item.kind === 'credit') return;
    if (item.kind === 'subhead') {
      if (openParagraph && !endsSentence(openParagraph.text)) problems.push(truncated(openParagraph));
      closeParagraph();
      paragraphs.push(finishParagraph(buildParagraph(unit.segments, 'headline')));
      previousUnit = null;
      return;
    }

    let segments = unit.segments;
    const led = leading.taken.get(index);
    if (led !== undefined) {
      if (led === 'all') return;
      segments = dropPrefix(segments, led);
    }
    // a byline printed at the end: …（记者 张婷）
    if (index === lastTextIndex(draft.units)) {
      const trailing = TRAILING_BYLINE.exec(segments[segments.length - 1]?.text ?? '');
      const found = trailing ? parsePeopleList(trailing[1]!) : null;
      if (trailing && found) {
        people = mergePeople(people, found);
        segments = dropSuffix(segments, trailing[0].length);
      }
    }
    const jumpless = stripJumps(segments);
    if (jumpless.jump) continuation = joinContinuation(continuation, jumpless.jump);
    segments = jumpless.segments;

    const paragraph = buildParagraph(segments);
    if (paragraph.text === '') return;
    if (openParagraph && previousUnit) {
      const previousText = openParagraph.text;
      const nextText = paragraph.text;
      if (!endsSentence(previousText) && (continuesSentence(nextText) || !opensParagraph(nextText))) {
        // a column break inside the paragraph: mend it
        appendParagraph(openParagraph, paragraph);
        previousUnit = unit;
        return;
      }
      if (!endsSentence(previousText)) problems.push(truncated(openParagraph));
    }
    closeParagraph();
    openParagraph = paragraph;
    previousUnit = unit;
  });
  if (openParagraph && !endsSentence((openParagraph as Paragraph).text) && continuation === null) {
    problems.push(truncated(openParagraph));
  }
  closeParagraph();

  for (const paragraph of paragraphs) {
    problems.push(...paragraph.problems);
    if (options.lexicon && options.places) problems.push(...placesInParagraph(paragraph, options.places, options.lexicon));
    if (options.lexicon) problems.push(...findSuspicions(paragraph, options.lexicon));
  }

  const credit = draft.credit ? parseCredit(flatText(draft.credit)) : null;
  if (credit) people = mergePeople(people, credit.people);
  if (draft.kind === 'article' && headline.title === null) {
    problems.push({
      code: 'no-headline',
      line: draft.firstLine,
      message: 'an article without a headline: text continued from another page, or a headline the OCR missed',
    });
  }
  if (draft.kind === 'photo' && paragraphs.length === 0) {
    problems.push({ code: 'photo-without-caption', line: draft.firstLine, message: 'a photo credit with no caption text before it' });
  }

  const texts = paragraphs.map((p) => p.text);
  // a place OCR misread in the headline's large type, named right in the text (天岭县 / 关岭县)
  const placed = (part: string | null) => {
    if (part === null || draft.kind !== 'article' || !options.lexicon) return part;
    const lexicon = options.lexicon;
    const isWord = (word: string) => lexicon.frequency(word) > 0;
    const fromText = placesFromText(part, texts.join(''), isWord);
    const fromRings = options.places ? placesFromRings(fromText.text, options.places, isWord) : { text: fromText.text, changes: [] };
    const fixes = [
      ...fromText.changes.map((change) => ({ ...change, how: 'as the text names it' })),
      ...fromRings.changes.map((change) => ({ ...change, how: "as the paper's region names it, one character apart" })),
    ];
    for (const change of fixes) {
      problems.push({
        code: 'ocr-fixed',
        line: draft.firstLine,
        message: `a place in the headline misread in its large type, set right ${change.how} (${change.from} -> ${change.to})`,
        excerpt: part,
        suggestion: fromRings.text,
        fixed: true,
      });
    }
    return fromRings.text;
  };
  const [kicker, title, subtitle] = [placed(headline.kicker), placed(headline.title), placed(headline.subtitle)];
  problems.sort((a, b) => a.line - b.line);
  return {
    id,
    kind: draft.kind,
    kicker,
    title,
    subtitle,
    column: draft.column,
    dateline,
    reporters: people.reporters,
    correspondents: people.correspondents,
    photographers: people.photographers,
    paragraphs: draft.kind === 'article' ? texts : [],
    caption: draft.kind === 'photo' ? texts.join('\n') || null : null,
    credit: credit ? credit.text : null,
    continuation,
    problems,
    lines: [draft.firstLine, Math.max(draft.lastLine, draft.firstLine)],
  };
}

/**
 * The dateline and byline that open an item's first text (本报讯（记者 张婷）…), and how much of
 * which units they take. A block break inside the bracket (本报讯〈记者莫 / 俊) 2022年…, the two
 * halves read as blocks of their own) leaves the names open at the first unit's end: the next
 * text unit then closes them.
 */
function leadingByline(units: Classified[]): { found: LeadingByline | null; taken: Map<number, number | 'all'> } {
  const taken = new Map<number, number | 'all'>();
  const first = firstTextIndex(units);
  if (first < 0) return { found: null, taken };
  const textOf = (index: number) => units[index]!.unit.segments.map((s) => s.text.trim()).join('\n');
  const text = textOf(first);
  const found = parseLeadingByline(text);
  if (!found) return { found: null, taken };
  const next = units[first + 1];
  if (found.dateline && !hasPeople(found.people) && next?.kind === 'text' && OPEN_BYLINE_BRACKET.test(found.rest)) {
    const nextText = textOf(first + 1);
    const joined = parseLeadingByline(`${text}\n${nextText}`);
    if (joined && hasPeople(joined.people) && joined.rest.length < nextText.length) {
      taken.set(first, 'all');
      taken.set(first + 1, nextText.length - joined.rest.length);
      return { found: joined, taken };
    }
  }
  taken.set(first, text.length - found.rest.length);
  return { found, taken };
}

const OPEN_BYLINE_BRACKET = new RegExp(`^[${BYLINE_OPENS}]{1,2}[^${BYLINE_CLOSES}]*$`, 'u');

function hasPeople(people: People): boolean {
  return people.reporters.length + people.correspondents.length + people.photographers.length > 0;
}

function firstTextIndex(units: Classified[]): number {
  return units.findIndex((u) => u.kind === 'text');
}

function lastTextIndex(units: Classified[]): number {
  for (let i = units.length - 1; i >= 0; i--) if (units[i]!.kind === 'text') return i;
  return -1;
}

function joinContinuation(current: string | null, next: string | null): string | null {
  if (!next) return current;
  // the same jump read twice (a 下转 line printed at the column's head and foot) is one
  if (current?.split('；').includes(next)) return current;
  return current ? `${current}；${next}` : next;
}

function truncated(paragraph: Paragraph): Problem {
  const tail = [...paragraph.text].slice(-12).join('');
  return {
    code: 'truncated-text',
    line: lastLineOf(paragraph),
    message: 'the text stops mid-sentence and nothing continues it: a line may be missing from the OCR',
    excerpt: tail,
  };
}

/** Remove the first `count` characters of the segments joined by '\n'. */
function dropPrefix(segments: Segment[], count: number): Segment[] {
  const out: Segment[] = [];
  let remaining = count;
  for (const segment of segments) {
    const text = segment.text.trim();
    if (remaining >= text.length + 1) {
      remaining -= text.length + 1;
      continue;
    }
    out.push({ text: text.slice(Math.max(0, remaining)), line: segment.line });
    remaining = 0;
  }
  return out;
}

function dropSuffix(segments: Segment[], count: number): Segment[] {
  const out = [...segments];
  const last = out[out.length - 1]!;
  out[out.length - 1] = { text: last.text.trimEnd().slice(0, -count), line: last.line };
  return out;
}

function stripJumps(segments: Segment[]): { segments: Segment[]; jump: string | null } {
  if (segments.length === 0) return { segments, jump: null };
  const out = [...segments];
  let jump: string | null = null;
  const head = splitJump(out[0]!.text);
  if (head.at === 'start') {
    jump = head.jump;
    out[0] = { text: head.text, line: out[0]!.line };
  }
  const last = out.length - 1;
  const tail = splitJump(out[last]!.text);
  if (tail.at === 'end') {
    jump = joinContinuation(jump, tail.jump);
    out[last] = { text: tail.text, line: out[last]!.line };
  }
  return { segments: out, jump };
}
