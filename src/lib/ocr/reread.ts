import { nextRoleWord, roleWordAt, simplifyRoleChars } from '../roles.ts';
import { decodeEntities } from './markup.ts';

/**
 * Bylines read again on their own. Tesseract reads a page's lines in the context of their
 * block, and a name in a byline has no words around it to help: it misreads one name in four
 * or five (钟辉一 as 钟交一, 雇超建 for 廖超建). The same model reading the byline's line alone,
 * cropped from the page with a margin (`--psm 7`), reads more of them right (docs/0001,
 * eleventh session). This module is the pure half: which lines of a Tesseract hOCR page to read
 * again, and how the new reading replaces the byline's words (src/io/tesseract.ts crops the
 * lines and runs Tesseract).
 *
 * It works on the hOCR text Tesseract 5 writes (one `ocr_line`, `ocr_caption`, `ocr_header`
 * or `ocr_textfloat` span per line, one `ocrx_word` span per word), and leaves any other
 * engine's file alone: a line it cannot find stays as it was.
 */

export interface RereadBox {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** A line to read again: its id in the hOCR, its box and its text as the page reading had it. */
export interface RereadLine {
  id: string;
  box: RereadBox;
  text: string;
}

/** A word as Tesseract read it, with its box in the page's pixels. */
export interface RereadWord {
  box: RereadBox;
  conf: number;
  /** The word's text as it stands in the hOCR (HTML-escaped). */
  raw: string;
}

const LINE = /(<span class='(?:ocr_line|ocr_caption|ocr_header|ocr_textfloat)' id='([^']+)' title="bbox (\d+) (\d+) (\d+) (\d+);[^"]*">)([\s\S]*?)(\n[ \t]*<\/span>)/gu;
const WORD = /<span class='ocrx_word' id='([^']+)' title='bbox (\d+) (\d+) (\d+) (\d+); x_wconf (\d+)'[^>]*>([\s\S]*?)<\/span>/gu;

/** A photo credit's 摄 before its closing bracket ((李强 摄)): its names come before the role word. */
const CREDIT_END = /摄[)）]/u;

/**
 * Where a byline's role word (roles.ts: 记者, 通讯员, 摄影, 文/图; 記者 as simplifyRoleChars
 * reads it) starts and ends in a text, or a photo credit's 摄 before its bracket; null for none.
 */
function roleIn(text: string): { start: number; end: number; credit: boolean } | null {
  const simple = simplifyRoleChars(text);
  const at = nextRoleWord(simple);
  const credit = CREDIT_END.exec(simple);
  if (at >= 0 && (!credit || at <= credit.index)) return { start: at, end: at + roleWordAt(simple.slice(at))![0].length, credit: false };
  return credit ? { start: credit.index, end: credit.index + credit[0].length, credit: true } : null;
}

function unescapeHtml(text: string): string {
  return decodeEntities(text, 0, true, []);
}

/** The words of one line's (or one crop's) hOCR. */
export function hocrWords(hocr: string): RereadWord[] {
  return [...hocr.matchAll(WORD)].map((m) => ({
    box: { x0: Number(m[2]), y0: Number(m[3]), x1: Number(m[4]), y1: Number(m[5]) },
    conf: Number(m[6]),
    raw: m[7]!,
  }));
}

function textOf(words: readonly RereadWord[]): string {
  return words.map((w) => unescapeHtml(w.raw)).join('');
}

/** The lines of a page that hold a role word: bylines, and datelines with their byline. */
export function bylineLines(hocr: string): RereadLine[] {
  const out: RereadLine[] = [];
  for (const m of hocr.matchAll(LINE)) {
    const text = textOf(hocrWords(m[7]!));
    if (!roleIn(text)) continue;
    out.push({ id: m[2]!, box: { x0: Number(m[3]), y0: Number(m[4]), x1: Number(m[5]), y1: Number(m[6]) }, text });
  }
  return out;
}


/**
 * Which of the new reading's words are the byline's names, from the role word (记者; from the
 * line's start in a credit, (李强 摄)) through the bracket that closes the byline (本报讯（记者
 * 钟辉一）), else up to the text after it (a date, a comma), else to the line's end (本报记者
 * 莫春颖). The byline mark and the dateline before the role word stay as the page read them: a
 * crop reads the mark no better (口 as 品, @ as 加). Null when the reading has no role word.
 */
function bylineStretch(words: readonly RereadWord[]): { from: number; to: number } | null {
  const texts = words.map((w) => unescapeHtml(w.raw));
  const starts: number[] = [];
  let full = '';
  for (const text of texts) {
    starts.push(full.length);
    full += text;
  }
  const role = roleIn(full);
  if (!role) return null;
  const wordAt = (offset: number) => starts.findLastIndex((start) => start <= offset);
  const from = role.credit ? 0 : wordAt(role.start);
  const roleEnd = wordAt(role.end - 1);
  for (let i = roleEnd; i < texts.length; i++) {
    if (/[)）〉》\]】]/u.test(texts[i]!)) return { from, to: i + 1 };
    if (i > roleEnd && /[0-9０-９，。,：:]/u.test(texts[i]!)) return { from, to: i };
  }
  return { from, to: texts.length };
}

const OPENS_ONLY = /^[（(〈《【[“「]+$/u;
const OPENS_FIRST = /^[（(〈《【[“「]/u;

/** How many opening and closing brackets a text has, as OCR reads them (（ 〈 《 “, ） 〉 》). */
function brackets(text: string): { open: number; close: number } {
  return { open: (text.match(/[（(〈《【[“「]/gu) ?? []).length, close: (text.match(/[）)〉》】\]”」]/gu) ?? []).length };
}

/**
 * The page's hOCR with the bylines of `rereads` (a line id, and the words the line's own reading
 * found, in page pixels) put in place of the page reading's byline: each reading's stretch from
 * the role word through the closing bracket (bylineStretch), the words before and after it as
 * the page read them. Matched by what the readings say, not by where their boxes are: a
 * glyph's box in Tesseract's reading can stray, and a bracket both read a few pixels apart is
 * one bracket. A reading without a role word, one that found at most half or at least twice as
 * many characters as the page had there, or one that lost a bracket the page read (本报讯(记者
 * 朱 read 本报讯记者 朱), is not taken.
 */
export function spliceRereads(hocr: string, rereads: ReadonlyMap<string, readonly RereadWord[]>): { hocr: string; changed: number } {
  let changed = 0;
  const out = hocr.replace(LINE, (whole, open: string, id: string, _x0, _y0, _x1, _y1, inner: string, close: string) => {
    const fresh = rereads.get(id);
    const old = [...(inner as string).matchAll(WORD)].map((m) => ({ html: m[0], word: hocrWords(m[0])[0]! }));
    const theirs = fresh ? bylineStretch(fresh) : null;
    const ours = bylineStretch(old.map((o) => o.word));
    if (!fresh || !theirs || !ours) return whole;
    // a speck the crop's margin let in, read as a lone dot or tick (记者.王文平)
    const take = fresh.slice(theirs.from, theirs.to).filter((w) => !(w.conf < 50 && /^[.,·'`‘’、。:;-]$/u.test(unescapeHtml(w.raw))));
    // the crop read the opening bracket with the role word ((记者), the page as a word of its own
    // (〈 记者): the crop's bracket stands for the page's, not beside it (〈(记者)
    while (ours.from > 0 && OPENS_ONLY.test(unescapeHtml(old[ours.from - 1]!.word.raw)) && OPENS_FIRST.test(unescapeHtml(take[0]?.raw ?? ''))) ours.from--;
    const before = textOf(old.slice(ours.from, ours.to).map((o) => o.word));
    const after = textOf(take);
    if (take.length === 0 || [...after].length * 2 <= [...before].length || [...after].length >= [...before].length * 2 || after === before) return whole;
    // a bracket the page read and the crop lost is the byline's frame: the page's reading stays
    const [had, has] = [brackets(before), brackets(after)];
    if (has.open < had.open || has.close < had.close) return whole;
    changed++;
    const indent = /\n([ \t]*)<span class='ocrx_word'/u.exec(inner as string)?.[1] ?? '      ';
    const fromCrop = take.map((w, i) => `<span class='ocrx_word' id='${id}_reread_${i + 1}' title='bbox ${w.box.x0} ${w.box.y0} ${w.box.x1} ${w.box.y1}; x_wconf ${w.conf}'>${w.raw}</span>`);
    const words = [...old.slice(0, ours.from).map((o) => o.html), ...fromCrop, ...old.slice(ours.to).map((o) => o.html)];
    return `${open}${words.map((w) => `\n${indent}${w}`).join('')}${close}`;
  });
  return { hocr: out, changed };
}

/** The words of a crop's hOCR moved into the page: the crop's top left is at (`left`, `top`). */
export function shiftWords(words: readonly RereadWord[], left: number, top: number): RereadWord[] {
  return words.map((w) => ({ ...w, box: { x0: w.box.x0 + left, y0: w.box.y0 + top, x1: w.box.x1 + left, y1: w.box.y1 + top } }));
}
