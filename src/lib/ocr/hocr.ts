import { childElements, descendants, parseMarkup, textOf, type MarkupElement } from './markup.ts';
import { blockIds, fitBox, ProblemList, readNumber, truncate, unionBox, type Block, type BlockKind, type BlockRole, type Box, type Line, type LineKind, type PositionedPage, type ReadResult, type Word } from './model.ts';

/**
 * hOCR in: Tesseract 5's (ocr_page > ocr_carea > ocr_par > ocr_line/ocr_caption/ocr_header/
 * ocr_textfloat > ocrx_word, plus ocr_photo and ocr_separator) and any engine's that follows
 * the hOCR 1.2 spec (https://kba.github.io/hocr-spec/1.2/): lines without words, ocrx_line,
 * ocrx_block, ocr_float, page headers and footers as floats, <strong> for bold.
 *
 * Tesseract's chi_sim writes one word per Han character or per run of them, with spaces
 * between that are not in the print. Words are kept with their boxes; line text is made later
 * (line-text.ts), where the gaps between the boxes decide.
 */

export interface HocrOptions {
  /** Scan resolution, when the caller knows it better than the file's `scan_res`. */
  dpi?: number;
}

/** Line-level classes. `ocr_header`, `ocr_footer`, `ocr_caption` and `ocr_textfloat` are lines only when they hold no lines. */
const LINE_CLASSES: Record<string, LineKind> = {
  ocr_line: 'line',
  ocrx_line: 'line',
  ocr_caption: 'caption',
  ocr_header: 'heading',
  ocr_footer: 'line',
  ocr_textfloat: 'float',
};
const WORD_CLASSES = new Set(['ocrx_word', 'ocr_word']);
const PHOTO_CLASSES = new Set(['ocr_photo', 'ocr_image', 'ocr_linedrawing', 'ocr_textimage']);
const AREA_CLASSES = new Set(['ocr_carea', 'ocr_column', 'ocrx_block', 'ocr_float', 'ocr_header', 'ocr_footer', 'ocr_textfloat', 'ocr_table', 'ocr_display']);
const BLOCK_CLASSES = new Set(['ocr_par', 'ocr_blockquote', 'ocr_caption']);
const SKIP_CLASSES = new Set(['ocr_noise', 'ocr_math', 'ocr_chem']);

/** Properties of an element's `title`: `bbox 0 0 10 10; x_wconf 93; image "a b.png"`. */
export function parseTitle(title: string): Map<string, string[]> {
  const props = new Map<string, string[]>();
  const tokens = /"([^"]*)"|;|[^\s;"]+/gu;
  let current: string[] = [];
  const flush = () => {
    if (current.length > 0 && !props.has(current[0]!)) props.set(current[0]!, current.slice(1));
    current = [];
  };
  for (const match of title.matchAll(tokens)) {
    if (match[0] === ';') flush();
    else current.push(match[1] ?? match[0]);
  }
  flush();
  return props;
}

function classesOf(element: MarkupElement): string[] {
  return (element.attrs.class ?? '').split(/\s+/u).filter(Boolean);
}

function isBoldMarkup(element: MarkupElement): boolean {
  return element.name === 'strong' || element.name === 'b' || /font-weight\s*:\s*(?:bold|[6-9]00)/iu.test(element.attrs.style ?? '');
}

const BOLD_FONT = /bold|black|heavy|demi|semibold|黑体|粗/iu;

/** Reads an hOCR file. Never throws on bad input: what cannot be read becomes a problem with its line. */
export function readHocr(text: string, options: HocrOptions = {}): ReadResult {
  const list = new ProblemList();
  const { root, problems } = parseMarkup(text, { html: true });
  list.addAll(problems);
  if (!root) return { pages: [], problems: list.finish() };

  const all = [...descendants(root)];
  const engine = all.find((e) => e.name === 'meta' && e.attrs.name === 'ocr-system')?.attrs.content ?? null;
  // bold is known only if the file marks it somewhere; otherwise it stays null (Tesseract 5)
  const boldKnown = all.some((e) => isBoldMarkup(e) || /\bx_font\b/u.test(e.attrs.title ?? ''));
  const pageElements = all.filter((e) => classesOf(e).includes('ocr_page'));
  if (pageElements.length === 0) {
    const hasLines = all.some((e) => classesOf(e).some((c) => c in LINE_CLASSES || WORD_CLASSES.has(c)));
    list.add({
      code: 'hocr-no-page',
      line: 1,
      message: hasLines
        ? 'the file has hOCR lines but no element with class ocr_page; the whole file is read as one page.'
        : 'the file has no hOCR content (no element with class ocr_page, ocr_line or ocrx_word). Is it hOCR? Tesseract writes it with `tesseract page.png out -l chi_sim hocr`.',
    });
    if (!hasLines) return { pages: [], problems: list.finish() };
    const body = all.find((e) => e.name === 'body') ?? root;
    pageElements.push(body);
  }
  const pages: PositionedPage[] = [];
  for (const element of pageElements) {
    const page = readPage(element, engine, boldKnown, options, list);
    if (page) pages.push(page);
  }
  return { pages, problems: list.finish() };
}

interface Context {
  area: string | null;
  role: BlockRole;
  block: Block | null;
  bold: boolean;
}

function readPage(element: MarkupElement, engine: string | null, boldKnown: boolean, options: HocrOptions, list: ProblemList): PositionedPage | null {
  const props = parseTitle(element.attrs.title ?? '');
  const raw = readBbox(props, element.line, list, 'the page');
  let width = raw ? Math.round(raw.x1) : 0;
  let height = raw ? Math.round(raw.y1) : 0;
  if (!raw || width <= 0 || height <= 0) {
    // size the page by what it holds, and say so
    let maxX = 0;
    let maxY = 0;
    for (const e of descendants(element)) {
      const box = e.attrs.title ? readBbox(parseTitle(e.attrs.title), e.line, new ProblemList(0), '') : null;
      if (box) {
        maxX = Math.max(maxX, box.x1);
        maxY = Math.max(maxY, box.y1);
      }
    }
    if (maxX <= 0 || maxY <= 0) {
      list.add({ code: 'hocr-page-without-size', line: element.line, message: 'the page has no bbox and nothing on it has one; it is skipped. Tesseract writes `title="bbox 0 0 W H"` on ocr_page.' });
      return null;
    }
    width = Math.ceil(maxX);
    height = Math.ceil(maxY);
    list.add({ code: 'hocr-page-without-size', line: element.line, message: `the page has no bbox; its size is taken as ${width}x${height}, the extent of what is on it. Boxes are then only right if the OCR saw the whole scan.` });
  }
  const scanRes = props.get('scan_res')?.map(Number);
  const dpi = options.dpi ?? (scanRes && Number.isFinite(scanRes[0]) && scanRes[0]! > 0 ? scanRes[0]! : null);
  const imageName = props.get('image')?.[0] ?? null;
  const page: PositionedPage = { format: 'hocr', width, height, dpi, engine, image: imageName, sourceLine: element.line, blocks: [] };
  const uniqueId = blockIds(page);
  const boxOf = (e: MarkupElement, what: string): Box | null => {
    const b = readBbox(parseTitle(e.attrs.title ?? ''), e.line, list, what);
    return b ? fitBox(b, page, e.line, list) : null;
  };

  const newBlock = (e: MarkupElement, kind: BlockKind, ctx: Context, box: Box | null): Block => {
    const block: Block = { id: uniqueId(e.attrs.id, kind === 'text' ? 'b' : kind), kind, box: box ?? { x: 0, y: 0, w: 0, h: 0 }, area: ctx.area, role: ctx.role, lines: [], sourceLine: e.line };
    page.blocks.push(block);
    return block;
  };
  const boxless = new Set<Block>();
  const implicit = new Map<string | null, Block>();

  const readLine = (e: MarkupElement, kind: LineKind, ctx: Context): Line | null => {
    const lineProps = parseTitle(e.attrs.title ?? '');
    const words: Word[] = [];
    const wordElements = [...descendants(e)].filter((d) => classesOf(d).some((c) => WORD_CLASSES.has(c)));
    const lineBold = ctx.bold || isBoldMarkup(e);
    for (const w of wordElements) {
      const word = readWord(w, lineBold, boldKnown, page, list);
      if (word) words.push(word);
    }
    let box = boxOf(e, 'a line');
    if (wordElements.length === 0) {
      // engines that give lines only (OCRopus): the line is one word
      const content = textOf(e).replace(/\s+/gu, ' ').trim();
      const marked = lineBold || [...descendants(e)].some(isBoldMarkup);
      if (content !== '' && box) words.push({ text: content, box, confidence: null, bold: boldKnown ? marked : null, sourceLine: e.line });
    }
    if (words.length === 0) return null;
    box ??= unionBox(words.map((w) => w.box));
    if (!box) return null;
    const size = num(lineProps.get('x_size')?.[0]);
    const ascenders = num(lineProps.get('x_ascenders')?.[0]);
    const descenders = num(lineProps.get('x_descenders')?.[0]);
    // x_fsize on the line, or (as some engines write it) on its words
    const wordSizes = wordElements.map((w) => num(parseTitle(w.attrs.title ?? '').get('x_fsize')?.[0])).filter((v): v is number => v !== null && v > 0);
    const fsize = num(lineProps.get('x_fsize')?.[0]) ?? (wordSizes.length > 0 ? wordSizes.sort((a, b) => a - b)[wordSizes.length >> 1]! : null);
    const knownBold = words.filter((w) => w.bold !== null);
    return {
      box,
      kind,
      words,
      fontSizePx: size !== null && size > 0 ? size : fsize !== null && dpi ? (fsize * dpi) / 72 : null,
      fontSizePt: fsize,
      xHeightPx: size !== null && ascenders !== null && descenders !== null && size - ascenders - descenders > 0 ? size - ascenders - descenders : null,
      bold: knownBold.length === 0 ? null : knownBold.filter((w) => w.bold).length * 2 > knownBold.length,
      hyphenated: false,
      sourceLine: e.line,
    };
  };

  const addLine = (line: Line, e: MarkupElement, ctx: Context) => {
    let block = ctx.block;
    if (!block) {
      // a line straight inside an area or the page: one block per area
      block = implicit.get(ctx.area) ?? null;
      if (!block) {
        block = newBlock({ ...e, attrs: {} }, 'text', ctx, null);
        boxless.add(block);
        implicit.set(ctx.area, block);
      }
    }
    block.lines.push(line);
  };

  const walk = (e: MarkupElement, ctx: Context) => {
    const classes = classesOf(e);
    const bold = ctx.bold || isBoldMarkup(e);
    if (classes.some((c) => SKIP_CLASSES.has(c))) return;
    if (classes.some((c) => PHOTO_CLASSES.has(c))) {
      const box = boxOf(e, 'a photo');
      if (box) newBlock(e, 'photo', ctx, box);
      return;
    }
    if (classes.includes('ocr_separator')) {
      const box = boxOf(e, 'a separator');
      if (box) newBlock(e, 'separator', ctx, box);
      return;
    }
    const holdsLines = () => [...descendants(e)].some((d) => classesOf(d).some((c) => c in LINE_CLASSES));
    const lineClass = classes.find((c) => c in LINE_CLASSES);
    if (lineClass && !holdsLines()) {
      const line = readLine(e, LINE_CLASSES[lineClass]!, { ...ctx, bold });
      if (line) addLine(line, e, ctx);
      return;
    }
    if (classes.some((c) => WORD_CLASSES.has(c))) {
      list.add({ code: 'hocr-word-outside-line', line: e.line, message: 'a word (ocrx_word) is not inside a line; it is read as a line of its own.' });
      const line = readLine(e, 'line', { ...ctx, bold });
      if (line) addLine({ ...line, words: line.words.length > 0 ? line.words : [] }, e, ctx);
      return;
    }
    let next: Context = { ...ctx, bold };
    if (classes.some((c) => AREA_CLASSES.has(c))) {
      const role: BlockRole = classes.includes('ocr_header') ? 'header' : classes.includes('ocr_footer') ? 'footer' : ctx.role;
      next = { area: e.attrs.id ?? `area@${e.line}`, role, block: null, bold };
    }
    if (classes.some((c) => BLOCK_CLASSES.has(c))) {
      next = { ...next, block: newBlock(e, 'text', next, boxOf(e, 'a paragraph')) };
      if (next.block!.box.w === 0 && next.block!.box.h === 0) boxless.add(next.block!);
    }
    for (const child of childElements(e)) walk(child, next);
  };
  for (const child of childElements(element)) walk(child, { area: null, role: null, block: null, bold: false });

  // blocks without a box of their own get the union of their lines; empty text blocks go
  for (const block of boxless) block.box = unionBox(block.lines.map((l) => l.box)) ?? block.box;
  page.blocks = page.blocks.filter((b) => b.kind !== 'text' || b.lines.length > 0);
  return page;
}

function readWord(e: MarkupElement, lineBold: boolean, boldKnown: boolean, page: { width: number; height: number }, list: ProblemList): Word | null {
  const text = textOf(e).replace(/\s+/gu, ' ').trim();
  if (text === '') return null;
  const props = parseTitle(e.attrs.title ?? '');
  const raw = readBbox(props, e.line, list, `the word "${truncate(text, 10)}"`);
  if (!raw) {
    if (!props.has('bbox')) list.add({ code: 'hocr-word-without-box', line: e.line, message: `the word "${truncate(text, 10)}" has no bbox; it is skipped.` });
    return null;
  }
  const box = fitBox(raw, page, e.line, list);
  if (!box) return null;
  const conf = num(props.get('x_wconf')?.[0]);
  const font = props.get('x_font')?.[0];
  const marked = lineBold || isBoldMarkup(e) || [...descendants(e)].some(isBoldMarkup) || (font !== undefined && BOLD_FONT.test(font));
  return {
    text,
    box,
    confidence: conf === null ? null : Math.min(1, Math.max(0, conf / 100)),
    bold: boldKnown ? marked : null,
    sourceLine: e.line,
  };
}

function num(raw: string | undefined): number | null {
  if (raw === undefined || !/^[-+]?\d{1,12}(?:\.\d*)?$/u.test(raw)) return null;
  return Number(raw);
}

/** The `bbox x0 y0 x1 y1` of an element, checked; null with a problem when it is malformed. */
function readBbox(props: Map<string, string[]>, line: number, list: ProblemList, what: string): { x0: number; y0: number; x1: number; y1: number } | null {
  const values = props.get('bbox');
  if (!values) return null;
  if (values.length !== 4) {
    list.add({ code: 'hocr-bad-bbox', line, message: `the bbox of ${what} has ${values.length} numbers, not 4 (x0 y0 x1 y1); it is skipped.` });
    return null;
  }
  const numbers = values.map((v, i) => readNumber(v, `bbox value ${i + 1} of ${what}`, line, list));
  if (numbers.some((n) => n === null)) return null;
  const [x0, y0, x1, y1] = numbers as number[];
  return { x0: x0!, y0: y0!, x1: x1!, y1: y1! };
}
