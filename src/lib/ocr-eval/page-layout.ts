import { Converter } from 'opencc-js/cn2t';
import type { TruthItem, TruthPageInput } from './truth.ts';
import { chance, int, pick, type Rng } from '../random.ts';

/**
 * Lay out known items as a newspaper page in HTML/CSS at scan size, for the OCR evaluation:
 * 3-7 columns, a page header (版次, 版名, date, 责任编辑), headlines (引题/主题/副题) in larger
 * bold type over one or several columns, bylines in the first paragraph (本报讯（记者 …）) or on a
 * line of their own (本报记者 …), column banners (栏目), photo boxes with captions and credits,
 * articles whose text runs on into another column, an advertisement block. Every text element
 * carries `data-item` (index in `items`, -1 for header and ads) and `data-field`, so that the
 * renderer can read the boxes of each item and each printed line back from the DOM.
 *
 * Pure and deterministic: the randomness comes from the caller's `random` (seed it per page).
 * The returned `items` are the truth as printed: text in traditional script when the page is,
 * articles trimmed or cut (下转第N版) to fit the page, items that found no room left out.
 */

export interface LayoutOptions {
  /** Page size in CSS pixels = image pixels (the screenshot uses deviceScaleFactor 1). */
  width?: number;
  height?: number;
  /** Force a script; by default about one page in eight is set in traditional characters. */
  script?: 'simplified' | 'traditional';
  /** Force a number of columns (3-7); by default drawn per page. */
  columns?: number;
}

export interface PageLayout {
  key: string;
  width: number;
  height: number;
  columns: number;
  /** Body type size in pixels and the font families used. */
  bodySize: number;
  fonts: { body: string; head: string };
  script: 'simplified' | 'traditional';
  /** The items as printed, in reading order; `data-item` indexes this list. */
  items: TruthItem[];
  /** What the page header prints, for checking the importer's header reading. */
  header: { page: number; pageName: string; date: string; editor: string };
  html: string;
}


const toTraditional = Converter({ from: 'cn', to: 'tw' });
const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'];

interface FontSet {
  body: string;
  head: string;
  headWeight: number;
}

/** Font stacks by script: a Noto pair and an AR PL pair (fonts-noto-cjk, fonts-arphic-*). */
const FONTS: Record<'simplified' | 'traditional', FontSet[]> = {
  simplified: [
    { body: "'Noto Serif CJK SC'", head: "'Noto Sans CJK SC'", headWeight: 900 },
    { body: "'AR PL UMing CN'", head: "'AR PL UKai CN'", headWeight: 700 },
    { body: "'Noto Serif CJK SC'", head: "'AR PL UKai CN'", headWeight: 700 },
    { body: "'AR PL UMing CN'", head: "'Noto Sans CJK SC'", headWeight: 700 },
  ],
  traditional: [
    { body: "'Noto Serif CJK TC'", head: "'Noto Sans CJK TC'", headWeight: 900 },
    { body: "'AR PL UMing TW'", head: "'AR PL UKai TW'", headWeight: 700 },
  ],
};

/** Width of text in em: CJK and full-width punctuation 1, Latin letters and digits about 0.6. */
export function textEm(text: string): number {
  let em = 0;
  for (const ch of text) em += /[\u0000-\u024f]/u.test(ch) ? 0.62 : 1;
  return em;
}

/** Lines a paragraph takes in a column of `cpl` em, with a first-line indent of `indent` em. */
function paragraphLines(text: string, cpl: number, indent: number): number {
  return Math.max(1, Math.ceil((textEm(text) + indent) / (cpl - 0.5)));
}

interface Geometry {
  rng: Rng;
  columns: number;
  colWidth: number;
  gutter: number;
  left: number;
  /** Top of the area below the page header. */
  bodyTop: number;
  bodySize: number;
  lineHeight: number;
  /** Characters per body line. */
  cpl: number;
  head: { font: string; weight: number };
}

/** A piece of an item on the page: the whole item, or the head and first part, or a run-on part. */
interface Block {
  item: number;
  col: number;
  span: number;
  top: number;
  height: number;
  html: string;
}

export function layoutPage(page: TruthPageInput, random: Rng, options: LayoutOptions = {}): PageLayout {
  const rng = random;
  const width = options.width ?? 2500;
  const height = options.height ?? 3500;
  const script = options.script ?? (chance(rng, 0.125) ? 'traditional' : 'simplified');
  const t = script === 'traditional' ? toTraditional : (s: string) => s;
  const fontSet = pick(rng, FONTS[script]);
  const columns = options.columns ?? int(rng, 3, 7);
  const margin = int(rng, 70, 120);
  const gutter = int(rng, 26, 44);
  const colWidth = Math.floor((width - 2 * margin - (columns - 1) * gutter) / columns);
  // body type of a broadsheet scanned at 180-300 dpi: 24-32 px, so that a column holds 10-30 characters
  const bodySize = Math.max(22, Math.min(34, int(rng, 24, 32)));
  const cpl = Math.floor(colWidth / bodySize);
  const lineHeight = Math.round(bodySize * (1.42 + rng() * 0.2));
  const headerHeight = int(rng, 150, 210);
  const top = margin + headerHeight + int(rng, 24, 48);
  const g: Geometry = { rng, columns, colWidth, gutter, left: margin, bodyTop: top, bodySize, lineHeight, cpl, head: { font: fontSet.head, weight: fontSet.headWeight } };
  const header = { page: page.page, pageName: t(page.pageName), date: page.date, editor: t(page.editor) };
  const bottom = height - margin;

  // the printed items: converted to the page's script, long articles trimmed by the editor
  const capacity = (columns * (bottom - top)) / lineHeight * cpl;
  const items = page.items.map((item) => printedItem(convertItem(item, t), rng, capacity));

  const colTop = Array.from({ length: columns }, () => top);
  const colBottom = Array.from({ length: columns }, () => bottom);
  const blocks: Block[] = [];
  const extras: string[] = [];

  // an advertisement across the foot of a few columns, on about half of the pages
  if (chance(rng, 0.5) && columns >= 3) {
    const span = Math.min(columns, int(rng, 2, 3));
    const col = chance(rng, 0.5) ? 0 : columns - span;
    const adHeight = int(rng, 320, 620);
    for (let c = col; c < col + span; c++) colBottom[c] = bottom - adHeight - lineHeight;
    extras.push(advertHtml(g, t, col, span, bottom - adHeight, adHeight));
  }

  const printed: boolean[] = items.map(() => false);
  items.forEach((item, index) => {
    const placed = item.kind === 'photo' ? placePhoto(g, item, index, colTop, colBottom) : placeArticle(g, item, index, colTop, colBottom, t, page.page, index === 0);
    if (placed.length === 0) return;
    printed[index] = true;
    blocks.push(...placed);
  });

  // renumber the printed items: data-item indexes the returned list
  const kept = items.filter((_, i) => printed[i]);
  const newIndex = new Map(items.map((_, i) => [i, kept.indexOf(items[i]!)]));
  const blockHtml = blocks.map((block) => block.html.replaceAll(`data-item="${block.item}"`, `data-item="${newIndex.get(block.item)}"`));

  const css = pageCss(g, fontSet.body, width, height);
  const headerHtml = pageHeaderHtml(g, page, header, t, margin, width, headerHeight);
  const html = `<!doctype html><html lang="${script === 'traditional' ? 'zh-Hant' : 'zh-CN'}"><head><meta charset="utf-8"><style>${css}</style></head><body><main class="page">${headerHtml}${blockHtml.join('')}${extras.join('')}</main></body></html>`;
  return { key: page.key, width, height, columns, bodySize, fonts: { body: fontSet.body, head: fontSet.head }, script, items: kept, header, html };
}

function convertItem(item: TruthItem, t: (s: string) => string): TruthItem {
  const s = (v: string | null) => (v === null ? null : t(v));
  return {
    ...item,
    column: s(item.column),
    kicker: s(item.kicker),
    title: s(item.title),
    subtitle: s(item.subtitle),
    dateline: s(item.dateline),
    reporters: item.reporters.map(t),
    correspondents: item.correspondents.map(t),
    photographers: item.photographers.map(t),
    paragraphs: item.paragraphs.map(t),
    credit: s(item.credit),
    continuation: s(item.continuation),
  };
}

/**
 * What the editor prints of an item: long articles trimmed to whole paragraphs (at most about a
 * third of the page), captions sometimes without 图为, credits in a few printed forms.
 */
function printedItem(item: TruthItem, rng: Rng, capacity: number): TruthItem {
  if (item.kind === 'photo') {
    const paragraphs = chance(rng, 0.3) ? item.paragraphs.map((p) => p.replace(/圖為|图为/u, '')) : item.paragraphs;
    let credit = item.credit;
    if (credit && chance(rng, 0.25)) credit = credit.replace(/摄）$/u, '摄影报道）').replace(/攝）$/u, '攝影報道）');
    return { ...item, paragraphs, credit };
  }
  const budget = Math.max(250, capacity * (0.18 + rng() * 0.22));
  const paragraphs: string[] = [];
  let used = 0;
  for (const paragraph of item.paragraphs) {
    if (paragraphs.length > 0 && used + paragraph.length > budget) break;
    paragraphs.push(paragraph);
    used += paragraph.length;
  }
  // a trimmed article loses its 下转 line with the paragraphs that led to it
  const trimmed = paragraphs.length < item.paragraphs.length;
  return { ...item, paragraphs, continuation: trimmed && item.continuation?.match(/^下轉|^下转/u) ? null : item.continuation };
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The lowest run of `span` columns that leaves `need` pixels, or null. */
function findSlot(colTop: number[], colBottom: number[], span: number, need: number): { col: number; top: number; room: number } | null {
  let best: { col: number; top: number; room: number } | null = null;
  for (let col = 0; col + span <= colTop.length; col++) {
    const top = Math.max(...colTop.slice(col, col + span));
    const room = Math.min(...colBottom.slice(col, col + span)) - top;
    if (room < need) continue;
    if (!best || top < best.top - 4) best = { col, top, room };
  }
  return best;
}

function blockStyle(g: Geometry, col: number, span: number, top: number): string {
  const left = g.left + col * (g.colWidth + g.gutter);
  const width = span * g.colWidth + (span - 1) * g.gutter;
  return `left:${left}px;top:${top}px;width:${width}px`;
}

function occupy(colTop: number[], col: number, span: number, bottom: number): void {
  for (let c = col; c < col + span; c++) colTop[c] = bottom;
}

function bannerHtml(g: Geometry, text: string, index: number): string {
  const style = pick(g.rng, ['inverse', 'boxed', 'bar']);
  return `<div class="banner banner-${style}" data-item="${index}" data-field="column">${esc(text)}</div>`;
}

const bannerHeight = (g: Geometry) => Math.round(g.bodySize * 1.15 * 1.3 + 24);

interface Head {
  html: string;
  height: number;
}

/** 引题/主题/副题 and an own-line byline, sized for a block of `span` columns. */
function headHtml(g: Geometry, item: TruthItem, index: number, span: number, lead: boolean, bylineLine: string | null): Head {
  const { rng } = g;
  const blockWidth = span * g.colWidth + (span - 1) * g.gutter;
  const titleSize = Math.round(g.bodySize * (lead ? 2.2 + rng() * 0.6 : 1.5 + rng() * 0.5));
  const sideSize = Math.round(g.bodySize * (1.1 + rng() * 0.25));
  const align = chance(rng, 0.6) ? 'center' : 'left';
  const lines = (text: string, size: number) => Math.ceil(textEm(text) / Math.max(1, Math.floor(blockWidth / size) - 0.5));
  let html = '';
  let height = 0;
  const part = (field: string, text: string, size: number, weight: number, family: string) => {
    html += `<div class="${field}" data-item="${index}" data-field="${field}" style="font-size:${size}px;font-weight:${weight};font-family:${family};text-align:${align}">${esc(text)}</div>`;
    height += lines(text, size) * Math.round(size * 1.3) + 8;
  };
  if (item.kicker) part('kicker', item.kicker, sideSize, 400, g.head.font);
  if (item.title) {
    // a two-part title is printed either on one line with a gap or as two lines
    const [first, second] = item.title.split(' ');
    const twoLines = second !== undefined && chance(rng, 0.4);
    if (twoLines) {
      html += `<div class="title" data-item="${index}" data-field="title" style="font-size:${titleSize}px;font-weight:${g.head.weight};font-family:${g.head.font};text-align:${align}">${esc(first!)}<br>${esc(second)}</div>`;
      height += (lines(first!, titleSize) + lines(second, titleSize)) * Math.round(titleSize * 1.3) + 8;
    } else {
      part('title', second !== undefined ? `${first}\u3000${second}` : item.title, titleSize, g.head.weight, g.head.font);
    }
  }
  if (item.subtitle) part('subtitle', chance(rng, 0.3) ? `——${item.subtitle}` : item.subtitle, sideSize, 400, g.head.font);
  if (bylineLine) {
    html += `<div class="byline" data-item="${index}" data-field="byline" style="text-align:${chance(rng, 0.5) ? 'left' : align}">${esc(bylineLine)}</div>`;
    height += Math.ceil(textEm(bylineLine) / (g.cpl * span)) * g.lineHeight + 8;
  }
  return { html: `<div class="head">${html}</div>`, height: height + Math.round(g.bodySize * 0.6) };
}

/** The byline as printed: in the first paragraph after 本报讯, on a line of its own, or none. */
function bylineOf(g: Geometry, item: TruthItem, w: (s: string) => string): { inline: string | null; line: string | null; item: TruthItem } {
  const { rng } = g;
  if (item.reporters.length === 0 && item.correspondents.length === 0) return { inline: null, line: null, item };
  const reporters = item.reporters.join(' ');
  const correspondents = item.correspondents.join(' ');
  if (item.dateline && chance(rng, 0.65)) {
    const people = [reporters ? `${w('记者')} ${reporters}` : '', correspondents ? `${w('通讯员')} ${correspondents}` : ''].filter(Boolean).join(' ');
    return { inline: `${item.dateline}（${people}）`, line: null, item };
  }
  const mark = pick(rng, ['', '', '□', '■', '◎']);
  const people = [reporters ? `${w(pick(rng, ['本报记者', '记者']))} ${reporters}` : '', correspondents ? `${w('通讯员')} ${correspondents}` : ''].filter(Boolean).join(' ');
  return { inline: null, line: `${mark}${mark ? ' ' : ''}${people}`, item: { ...item, dateline: null } };
}

function paragraphHtml(index: number, text: string, opts: { lead?: string; cont?: boolean } = {}): string {
  const lead = opts.lead ? `<span data-item="${index}" data-field="byline">${esc(opts.lead)}</span>` : '';
  return `<p class="${opts.cont ? 'cont' : ''}" data-item="${index}" data-field="body">${lead}${esc(text)}</p>`;
}

/** Split paragraphs so that the first part fills `lines` lines of `cpl` em; null if all fit. */
function splitToFit(paragraphs: string[], firstLead: number, cpl: number, lines: number): { fit: string[]; rest: string[]; restContinues: boolean } | null {
  let used = 0;
  for (let i = 0; i < paragraphs.length; i++) {
    const text = paragraphs[i]!;
    const indent = 2 + (i === 0 ? firstLead : 0);
    const need = paragraphLines(text, cpl, indent);
    if (used + need <= lines) {
      used += need;
      continue;
    }
    const roomLines = lines - used;
    if (roomLines < 2) return { fit: paragraphs.slice(0, i), rest: paragraphs.slice(i), restContinues: false };
    // cut the paragraph where the room ends, at a character (the rest runs on in the next block)
    let em = indent;
    let cut = 0;
    const chars = [...text];
    while (cut < chars.length && em + textEm(chars[cut]!) <= roomLines * (cpl - 0.5) - cpl) em += textEm(chars[cut++]!);
    // never leave a lone closing punctuation mark to open the next part
    while (cut < chars.length && /[，。、；：？！”）》]/u.test(chars[cut]!)) cut--;
    if (cut <= 0) return { fit: paragraphs.slice(0, i), rest: paragraphs.slice(i), restContinues: false };
    return { fit: [...paragraphs.slice(0, i), chars.slice(0, cut).join('')], rest: [chars.slice(cut).join(''), ...paragraphs.slice(i + 1)], restContinues: true };
  }
  return null;
}

function placeArticle(g: Geometry, input: TruthItem, index: number, colTop: number[], colBottom: number[], t: (s: string) => string, pageNumber: number, lead: boolean): Block[] {
  const { rng } = g;
  const chars = input.paragraphs.reduce((n, p) => n + textEm(p), 0);
  let span = lead ? Math.min(g.columns, Math.max(2, int(rng, Math.ceil(g.columns / 2), g.columns))) : chars > 1400 && g.columns >= 4 ? int(rng, 2, 3) : chars > 650 ? int(rng, 1, 2) : 1;
  span = Math.max(1, Math.min(span, g.columns));
  const { inline, line, item } = bylineOf(g, input, t);
  const head = headHtml(g, item, index, span, lead, line);
  const banner = item.column ? bannerHeight(g) : 0;
  const jumpIn = item.continuation && /^上/u.test(item.continuation) ? g.lineHeight : 0;
  const picture = item.photos > 0 ? Math.round(g.colWidth * Math.min(span, 2) * 0.5) : 0;
  const fixed = banner + head.height + jumpIn + picture + g.lineHeight; // one line of slack per block
  const slot = findSlot(colTop, colBottom, span, fixed + 6 * g.lineHeight);
  if (!slot) return [];
  const leadEm = inline ? textEm(inline) : 0;
  const bodyLinesTotal = item.paragraphs.reduce((n, p, i) => n + paragraphLines(p, g.cpl, 2 + (i === 0 ? leadEm : 0)), 0);
  const jumpOutHeight = g.lineHeight;
  const roomLines = Math.floor((slot.room - fixed - jumpOutHeight) / g.lineHeight) * span - span;
  const neededLines = bodyLinesTotal + span; // balancing columns can leave a line per column
  let paragraphs = item.paragraphs;
  let rest: string[] = [];
  let restContinues = false;
  if (neededLines > roomLines) {
    const split = splitToFit(item.paragraphs, leadEm, g.cpl, roomLines);
    if (!split || split.fit.length === 0) return [];
    ({ rest, restContinues } = split);
    paragraphs = split.fit;
  }
  const bodyLines = paragraphs.reduce((n, p, i) => n + paragraphLines(p, g.cpl, 2 + (i === 0 ? leadEm : 0)), 0);
  const heightLines = Math.ceil(bodyLines / span) + 1;

  // the rest runs on in another column when there is room; else the article jumps to a later page
  let runOn: Block | null = null;
  let jumpOut = item.continuation && /^下/u.test(item.continuation) ? item.continuation : null;
  let printedParagraphs = item.paragraphs;
  const height = fixed + heightLines * g.lineHeight;
  occupy(colTop, slot.col, span, slot.top + height + (jumpOut || rest.length > 0 ? jumpOutHeight : 0) + g.lineHeight);
  if (rest.length > 0) {
    const restLines = rest.reduce((n, p, i) => n + paragraphLines(p, g.cpl, i === 0 && restContinues ? 0 : 2), 0) + 1;
    const runSlot = findSlot(colTop, colBottom, 1, (restLines + 1) * g.lineHeight + (jumpOut ? g.lineHeight : 0));
    if (runSlot && chance(rng, 0.8)) {
      const body = rest.map((p, i) => paragraphHtml(index, p, { cont: i === 0 && restContinues })).join('');
      const jump = jumpOut ? `<p class="jump" data-item="${index}" data-field="jump">（${esc(jumpOut)}）</p>` : '';
      const runHeight = (restLines + 1) * g.lineHeight + (jumpOut ? g.lineHeight : 0);
      runOn = { item: index, col: runSlot.col, span: 1, top: runSlot.top, height: runHeight, html: `<section class="item runon" data-item="${index}" data-kind="article" style="${blockStyle(g, runSlot.col, 1, runSlot.top)}"><div class="body" style="column-count:1">${body}${jump}</div></section>` };
      occupy(colTop, runSlot.col, 1, runSlot.top + runHeight + g.lineHeight);
      jumpOut = null;
    } else {
      // cut at the part that fitted, and say where it goes on
      const whole = restContinues ? paragraphs.slice(0, -1) : paragraphs;
      const cutParagraph = restContinues ? paragraphs.at(-1)! : null;
      const sentenceEnd = cutParagraph ? cutParagraph.search(/[。！？][^。！？]*$/u) : -1;
      paragraphs = cutParagraph && sentenceEnd > 0 ? [...whole, cutParagraph.slice(0, sentenceEnd + 1)] : whole.length > 0 ? whole : paragraphs;
      jumpOut = t(`下转第${pageNumber + int(rng, 1, 4)}版`);
      printedParagraphs = paragraphs;
    }
  }
  if (runOn) printedParagraphs = item.paragraphs;
  else printedParagraphs = paragraphs;
  const truth: TruthItem = { ...item, paragraphs: printedParagraphs, continuation: jumpOut ?? (item.continuation && /^上/u.test(item.continuation) ? item.continuation : null) };
  Object.assign(input, truth); // the caller keeps `input` as the printed truth

  const bodyHtml = paragraphs.map((p, i) => paragraphHtml(index, p, { lead: i === 0 ? inline ?? undefined : undefined, cont: false })).join('');
  const jumpInHtml = jumpIn ? `<p class="jump jump-in" data-item="${index}" data-field="jump">（${esc(item.continuation!)}）</p>` : '';
  const jumpOutHtml = jumpOut ? `<p class="jump" data-item="${index}" data-field="jump">（${esc(jumpOut)}）</p>` : '';
  const pictureHtml = picture ? `<div class="picture" data-item="${index}" data-field="picture" style="height:${picture - 12}px;${pictureCss(rng)}"></div>` : '';
  const rule = slot.top > g.bodyTop && chance(rng, 0.5) ? ' ruled' : '';
  const html = `<section class="item${rule}" data-item="${index}" data-kind="article" style="${blockStyle(g, slot.col, span, slot.top)}">${item.column ? bannerHtml(g, item.column, index) : ''}${head.html}${pictureHtml}<div class="body" style="column-count:${span};column-gap:${g.gutter}px">${jumpInHtml}${bodyHtml}${jumpOutHtml}</div></section>`;
  const blocks: Block[] = [{ item: index, col: slot.col, span, top: slot.top, height, html }];
  if (runOn) blocks.push(runOn);
  return blocks;
}

function placePhoto(g: Geometry, input: TruthItem, index: number, colTop: number[], colBottom: number[]): Block[] {
  const { rng } = g;
  const span = g.columns >= 5 && chance(rng, 0.5) ? 2 : 1;
  const width = span * g.colWidth + (span - 1) * g.gutter;
  const picture = Math.round(width * (0.55 + rng() * 0.2));
  const captionSize = Math.round(g.bodySize * 0.92);
  const cpl = Math.floor(width / captionSize);
  const creditOwnLine = input.credit !== null && chance(rng, 0.5);
  const captionText = input.paragraphs.join('') + (input.credit && !creditOwnLine ? input.credit : '');
  const captionLines = Math.ceil(textEm(captionText) / (cpl - 0.5)) + 1 + (creditOwnLine ? 1 : 0);
  const banner = input.column ? bannerHeight(g) : 0;
  const height = banner + picture + 16 + captionLines * Math.round(captionSize * 1.5) + g.lineHeight;
  const slot = findSlot(colTop, colBottom, span, height);
  if (!slot) return [];
  occupy(colTop, slot.col, span, slot.top + height + g.lineHeight);
  const credit = input.credit ? `<span class="credit${creditOwnLine ? ' own-line' : ''}" data-item="${index}" data-field="credit">${esc(input.credit)}</span>` : '';
  const caption = input.paragraphs.map((p) => `<span data-item="${index}" data-field="caption">${esc(p)}</span>`).join('');
  const html = `<section class="item photo" data-item="${index}" data-kind="photo" style="${blockStyle(g, slot.col, span, slot.top)}">${input.column ? bannerHtml(g, input.column, index) : ''}<div class="picture" data-item="${index}" data-field="picture" style="height:${picture}px;${pictureCss(rng)}"></div><p class="caption" style="font-size:${captionSize}px">${caption}${credit}</p></section>`;
  return [{ item: index, col: slot.col, span, top: slot.top, height, html }];
}

/** A picture made of soft shapes in greys (a photo to a scanner, no text in it). */
function pictureCss(rng: Rng): string {
  const grey = () => {
    const v = int(rng, 40, 220);
    return `rgb(${v},${v},${v})`;
  };
  const blobs = Array.from({ length: int(rng, 3, 6) }, () => `radial-gradient(circle at ${int(rng, 0, 100)}% ${int(rng, 0, 100)}%, ${grey()} 0, ${grey()} ${int(rng, 10, 40)}%, transparent ${int(rng, 45, 70)}%)`);
  return `background:${blobs.join(',')},linear-gradient(${int(rng, 0, 360)}deg, ${grey()}, ${grey()})`;
}

const AD_LINES = [
  ['城南首府', '品质洋房 火热认购中', '88-138㎡ 三室两厅', '售楼热线：0851-28{n}'],
  ['新春家电节', '全场五折起', '以旧换新 送货上门', '地址：{place}中华路{m}号'],
  ['诚信为本 品质至上', '{place}汽车城', '购车享三年免费保养', '服务电话：400-{n}'],
  ['招聘启事', '诚聘销售经理5名', '待遇面议 五险一金', '联系电话：138{n}'],
];

function advertHtml(g: Geometry, t: (s: string) => string, col: number, span: number, top: number, height: number): string {
  const { rng } = g;
  const lines = pick(rng, AD_LINES).map((line) => line.replace('{n}', String(int(rng, 1000000, 9999999))).replace('{m}', String(int(rng, 1, 300))).replace('{place}', pick(rng, ['红花岗区', '汇川区', '新蒲新区'])));
  const sizes = [2.4, 1.6, 1.2, 1.0];
  const html = lines.map((line, i) => `<div data-item="-1" data-field="ad" style="font-size:${Math.round(g.bodySize * sizes[i]!)}px">${esc(t(line))}</div>`).join('');
  const style = `${blockStyle(g, col, span, top)};height:${height}px`;
  return `<aside class="advert" data-item="-1" style="${style}"><div class="ad-inner" style="${pictureCss(rng)}">${html}</div></aside>`;
}

function pageHeaderHtml(g: Geometry, page: TruthPageInput, header: PageLayout['header'], t: (s: string) => string, margin: number, width: number, headerHeight: number): string {
  const { rng } = g;
  const [y, m, d] = page.date.split('-').map(Number) as [number, number, number];
  const weekday = WEEKDAYS[new Date(Date.UTC(y, m - 1, d)).getUTCDay()]!;
  const cell = (text: string, size: number, extra = '') => `<span data-item="-1" data-field="header" style="font-size:${Math.round(g.bodySize * size)}px;${extra}">${esc(text)}</span>`;
  const number = pick(rng, [String(page.page).padStart(2, '0'), String(page.page), `第${page.page}版`]);
  const date = t(`${y}年${m}月${d}日 星期${weekday}`);
  const editor = t(`${pick(rng, ['责任编辑', '责任编辑：', '编辑'])} ${page.editor}`).replace('： ', '：');
  const parts = [
    cell(number, 2.2, 'font-weight:900;border:3px solid #000;padding:0 12px'),
    cell(header.pageName, 2.4, `font-weight:900;font-family:${g.head.font}`),
    `<span class="stack">${cell(t(page.paperName), 1.0)}${cell(date, 1.0)}</span>`,
    cell(editor, 1.0),
  ];
  const order = pick(rng, [[0, 1, 2, 3], [1, 0, 3, 2], [2, 1, 3, 0], [0, 3, 1, 2]]);
  return `<header class="page-header" style="left:${margin}px;top:${margin}px;width:${width - 2 * margin}px;height:${headerHeight}px">${order.map((i) => parts[i]).join('')}</header>`;
}

function pageCss(g: Geometry, bodyFont: string, width: number, height: number): string {
  return `
html,body{margin:0;padding:0;background:#fff}
.page{position:relative;width:${width}px;height:${height}px;overflow:hidden;color:#111;font-family:${bodyFont};font-size:${g.bodySize}px;line-height:${g.lineHeight}px;line-break:strict}
.page-header{position:absolute;display:flex;align-items:center;justify-content:space-between;border-bottom:6px double #000;box-sizing:border-box;line-height:1.2}
.page-header .stack{display:flex;flex-direction:column;align-items:center}
.item,.advert{position:absolute;box-sizing:border-box}
.item.ruled{border-top:2px solid #333;padding-top:6px}
.head{margin-bottom:${Math.round(g.bodySize * 0.6)}px}
.head div{line-height:1.3;margin-bottom:8px}
.body{orphans:1;widows:1;column-fill:balance}
.body p{margin:0;text-indent:2em;text-align:justify}
.body p.cont{text-indent:0}
.body p.jump{text-indent:0;text-align:right}
.byline{font-family:${g.head.font};line-height:${g.lineHeight}px}
.banner{display:inline-block;font-family:${g.head.font};font-weight:700;font-size:${Math.round(g.bodySize * 1.15)}px;line-height:1.3;padding:4px 16px;margin-bottom:16px}
.banner-inverse{background:#222;color:#fff}
.banner-boxed{border:3px solid #222}
.banner-bar{border-left:14px solid #222}
.picture{margin-bottom:16px}
.caption{margin:0;text-align:justify;line-height:1.5}
.caption .credit.own-line{display:block;text-align:right}
.advert{border:4px solid #000;padding:10px}
.ad-inner{height:100%;display:flex;flex-direction:column;align-items:center;justify-content:space-around;font-family:${g.head.font};font-weight:700;line-height:1.2;color:#000}
.ad-inner div{background:#fff;padding:2px 10px}
`;
}
