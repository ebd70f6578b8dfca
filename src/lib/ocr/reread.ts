import { ROLE_WORDS, simplifyRoleChars } from '../roles.ts';

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

/**
 * A byline's role word of two characters or more (记者, 通讯员, 摄影; 記者 as simplifyRoleChars
 * reads it), or a photo credit's 摄 before its closing bracket ((李强 摄)).
 */
const ROLE = new RegExp(
  [...ROLE_WORDS.map(([word]) => word).filter((word) => /\p{Script=Han}{2}/u.test(word)).map(escape), '摄[)）]'].join('|'),
  'u',
);
const isByline = (text: string) => ROLE.test(simplifyRoleChars(text));

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/gu, '\\$&');
}

function unescapeHtml(text: string): string {
  return text.replace(/&lt;/gu, '<').replace(/&gt;/gu, '>').replace(/&quot;/gu, '"').replace(/&#39;/gu, "'").replace(/&amp;/gu, '&');
}

/** The words of one line's (or one crop's) hOCR. */
export function wordsOf(hocr: string): RereadWord[] {
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
    const text = textOf(wordsOf(m[7]!));
    if (!isByline(text)) continue;
    out.push({ id: m[2]!, box: { x0: Number(m[3]), y0: Number(m[4]), x1: Number(m[5]), y1: Number(m[6]) }, text });
  }
  return out;
}

/**
 * How far into a line the byline goes, in the new reading's words: through the bracket that
 * closes it (本报讯（记者 钟辉一）), else up to the text after it (a date, a comma), else the
 * whole line (本报记者 莫春颖). Returns the number of words, or 0 when the reading has no role
 * word (it read something else).
 */
function bylineWords(words: readonly RereadWord[]): number {
  const texts = words.map((w) => unescapeHtml(w.raw));
  let seen = '';
  let role = -1;
  for (const [i, text] of texts.entries()) {
    seen += text;
    if (isByline(seen)) {
      role = i;
      break;
    }
  }
  if (role < 0) return 0;
  for (let i = role; i < texts.length; i++) {
    if (/[)）〉》\]】]/u.test(texts[i]!)) return i + 1;
    if (i > role && /[0-9０-９，。,：:]/u.test(texts[i]!)) return i;
  }
  return texts.length;
}

const centre = (box: RereadBox) => (box.x0 + box.x1) / 2;

/**
 * The page's hOCR with the bylines of `rereads` (a line id, and the words the line's own reading
 * found, in page pixels) put in place of the page reading's words over the same stretch. A
 * reading without a role word, or one that found half as many or twice as many characters as
 * the page had there, is not taken.
 */
export function spliceRereads(hocr: string, rereads: ReadonlyMap<string, readonly RereadWord[]>): { hocr: string; changed: number } {
  let changed = 0;
  const out = hocr.replace(LINE, (whole, open: string, id: string, _x0, _y0, _x1, _y1, inner: string, close: string) => {
    const fresh = rereads.get(id);
    if (!fresh) return whole;
    // a speck the crop's margin let in, read as a lone dot or tick (记者.王文平)
    const take = fresh.slice(0, bylineWords(fresh)).filter((w) => !(w.conf < 50 && /^[.,·'`‘’、。:;-]$/u.test(unescapeHtml(w.raw))));
    if (take.length === 0) return whole;
    const cut = take[take.length - 1]!.box.x1;
    const old = [...(inner as string).matchAll(WORD)];
    const replaced = old.filter((m) => centre({ x0: Number(m[2]), y0: 0, x1: Number(m[4]), y1: 0 }) < cut);
    const kept = old.filter((m) => !replaced.includes(m));
    const before = [...textOf(wordsOf(replaced.map((m) => m[0]).join('')))].length;
    const after = [...textOf(take)].length;
    if (before === 0 || after < before / 2 || after > before * 2) return whole;
    if (textOf(take) === textOf(wordsOf(replaced.map((m) => m[0]).join('')))) return whole;
    changed++;
    const indent = /\n([ \t]*)<span class='ocrx_word'/u.exec(inner as string)?.[1] ?? '      ';
    const words = [
      ...take.map((w, i) => `<span class='ocrx_word' id='${id}_reread_${i + 1}' title='bbox ${w.box.x0} ${w.box.y0} ${w.box.x1} ${w.box.y1}; x_wconf ${w.conf}'>${w.raw}</span>`),
      ...kept.map((m) => m[0]),
    ];
    return `${open}${words.map((w) => `\n${indent}${w}`).join('')}${close}`;
  });
  return { hocr: out, changed };
}

/** The words of a crop's hOCR moved into the page: the crop's top left is at (`left`, `top`). */
export function shiftWords(words: readonly RereadWord[], left: number, top: number): RereadWord[] {
  return words.map((w) => ({ ...w, box: { x0: w.box.x0 + left, y0: w.box.y0 + top, x1: w.box.x1 + left, y1: w.box.y1 + top } }));
}
