import { childElements, parseMarkup, type MarkupElement } from './markup.ts';
import { blockIds, fitBox, ProblemList, readNumber, unionBox, type Block, type BlockKind, type BlockRole, type Box, type Line, type PositionedPage, type ReadResult, type Word } from './model.ts';

/**
 * ALTO XML in, versions 2, 3 and 4 (https://www.loc.gov/standards/alto/), as written by
 * Tesseract 5 (`tesseract page.png out -l chi_sim alto`, ALTO v3) and delivered by vendors to
 * Chronicling America, Trove and impresso: Page > TopMargin/PrintSpace/BottomMargin >
 * ComposedBlock* > TextBlock > TextLine > String/SP/HYP, with Illustration and GraphicalElement
 * blocks and TextStyle FONTSIZE/FONTSTYLE reached through STYLEREFS.
 *
 * Coordinates are in the file's MeasurementUnit: `pixel`, `mm10` (1/10 mm) or `inch1200`
 * (1/1200 inch). Other units are turned into pixels with the scan's resolution, or (as the
 * ALTO schema suggests) with the scan's pixel size against the Page's WIDTH/HEIGHT.
 */

export interface AltoOptions {
  /** Scan resolution in dots per inch, for mm10/inch1200 coordinates and point font sizes. */
  dpi?: number;
  /** Pixel size of the scan the file describes; scales non-pixel units when no dpi is given. */
  imageSize?: { width: number; height: number };
}

const NAMESPACES: Record<string, string> = {
  'http://www.loc.gov/standards/alto/ns-v2#': 'v2',
  'http://www.loc.gov/standards/alto/ns-v3#': 'v3',
  'http://www.loc.gov/standards/alto/ns-v4#': 'v4',
  'http://schema.ccs-gmbh.com/ALTO': 'v1',
};

/** The dpi assumed, and reported, when a file in mm10/inch1200 comes without one. */
export const ASSUMED_DPI = 300;

interface TextStyle {
  fontSizePt: number | null;
  bold: boolean | null;
}

/** Reads an ALTO file. Never throws on bad input: what cannot be read becomes a problem with its line. */
export function readAlto(text: string, options: AltoOptions = {}): ReadResult {
  const list = new ProblemList();
  const { root, problems } = parseMarkup(text, { html: false });
  list.addAll(problems);
  if (!root) return { pages: [], problems: list.finish() };
  const alto = childElements(root).find((e) => e.name === 'alto');
  if (!alto) {
    list.add({ code: 'alto-no-root', line: 1, message: 'the file has no <alto> root element; is it ALTO XML? Tesseract writes it with `tesseract page.png out -l chi_sim alto`.' });
    return { pages: [], problems: list.finish() };
  }
  const namespace = alto.attrs[alto.prefix ? `xmlns:${alto.prefix}` : 'xmlns'];
  if (namespace !== undefined && !(namespace in NAMESPACES)) {
    list.add({ code: 'alto-unknown-namespace', line: alto.line, message: `the ALTO namespace ${namespace} is not one of v2, v3 or v4; the file is read as if it were v4.` });
  }

  const description = child(alto, 'Description');
  const unitElement = description ? child(description, 'MeasurementUnit') : null;
  const unit = unitElement ? textContent(unitElement).trim() : 'pixel';
  if (!unitElement) list.add({ code: 'alto-no-unit', line: description?.line ?? alto.line, message: 'the file gives no MeasurementUnit; coordinates are read as pixels.' });
  if (!['pixel', 'mm10', 'inch1200'].includes(unit)) {
    list.add({ code: 'alto-unknown-unit', line: unitElement!.line, message: `MeasurementUnit "${unit}" is not pixel, mm10 or inch1200; coordinates are read as pixels.` });
  }
  const engine = description ? softwareName(description) : null;
  const fileName = description ? (findDeep(description, 'fileName')?.children.find((c) => typeof c === 'string') as string | undefined)?.trim() ?? null : null;

  const styles = new Map<string, TextStyle>();
  const stylesElement = child(alto, 'Styles');
  for (const style of stylesElement ? childElements(stylesElement).filter((e) => e.name === 'TextStyle') : []) {
    const id = style.attrs.ID;
    if (!id) continue;
    const size = readNumber(style.attrs.FONTSIZE, 'FONTSIZE', style.line, list);
    const fontStyle = style.attrs.FONTSTYLE;
    // a TextStyle describes a font: without FONTSTYLE it is the regular weight
    styles.set(id, { fontSizePt: size !== null && size > 0 ? size : null, bold: (fontStyle ?? '').split(/\s+/u).includes('bold') });
  }
  const boldKnown = [...styles.values()].some((s) => s.bold === true) || /\bSTYLE="[^"]*\bbold\b/u.test(text);

  const layout = child(alto, 'Layout');
  const pageElements = layout ? childElements(layout).filter((e) => e.name === 'Page') : [];
  if (pageElements.length === 0) {
    list.add({ code: 'alto-no-page', line: layout?.line ?? alto.line, message: 'the file has no Layout/Page element, so there is nothing to read.' });
    return { pages: [], problems: list.finish() };
  }
  const pages: PositionedPage[] = [];
  for (const element of pageElements) {
    const page = readPage(element, { unit, engine, fileName, styles, boldKnown, options }, list);
    if (page) pages.push(page);
  }
  return { pages, problems: list.finish() };
}

interface FileInfo {
  unit: string;
  engine: string | null;
  fileName: string | null;
  styles: Map<string, TextStyle>;
  boldKnown: boolean;
  options: AltoOptions;
}

function readPage(element: MarkupElement, info: FileInfo, list: ProblemList): PositionedPage | null {
  const rawWidth = readNumber(element.attrs.WIDTH, 'Page WIDTH', element.line, list);
  const rawHeight = readNumber(element.attrs.HEIGHT, 'Page HEIGHT', element.line, list);
  const { options } = info;
  // how many pixels one unit of the file is
  let scale = 1;
  let dpi = options.dpi ?? null;
  if (info.unit === 'mm10' || info.unit === 'inch1200') {
    const perInch = info.unit === 'mm10' ? 254 : 1200;
    if (options.dpi) scale = options.dpi / perInch;
    else if (options.imageSize && rawWidth) {
      scale = options.imageSize.width / rawWidth;
      dpi = Math.round(scale * perInch);
    } else {
      scale = ASSUMED_DPI / perInch;
      dpi = ASSUMED_DPI;
      list.add({
        code: 'alto-units-without-resolution',
        line: element.line,
        message: `coordinates are in ${info.unit} and no scan resolution was given; ${ASSUMED_DPI} dpi is assumed, so boxes are right only if the scan was made at ${ASSUMED_DPI} dpi. Give the scan's dpi (or its pixel size) to the import.`,
      });
    }
  }
  let width = rawWidth !== null && rawWidth > 0 ? Math.round(rawWidth * scale) : 0;
  let height = rawHeight !== null && rawHeight > 0 ? Math.round(rawHeight * scale) : 0;
  if (width <= 0 || height <= 0) {
    if (options.imageSize) {
      width = options.imageSize.width;
      height = options.imageSize.height;
    } else {
      // size the page by the extent of what it holds
      let maxX = 0;
      let maxY = 0;
      const quiet = new ProblemList(0);
      for (const e of deep(element)) {
        const x = readNumber(e.attrs.HPOS, '', e.line, quiet);
        const y = readNumber(e.attrs.VPOS, '', e.line, quiet);
        const w = readNumber(e.attrs.WIDTH, '', e.line, quiet);
        const h = readNumber(e.attrs.HEIGHT, '', e.line, quiet);
        if (x !== null && w !== null) maxX = Math.max(maxX, (x + w) * scale);
        if (y !== null && h !== null) maxY = Math.max(maxY, (y + h) * scale);
      }
      width = Math.ceil(maxX);
      height = Math.ceil(maxY);
    }
    if (width <= 0 || height <= 0) {
      list.add({ code: 'alto-page-without-size', line: element.line, message: 'the Page has no WIDTH/HEIGHT and nothing on it has a position; it is skipped.' });
      return null;
    }
    list.add({ code: 'alto-page-without-size', line: element.line, message: `the Page has no usable WIDTH/HEIGHT; its size is taken as ${width}x${height} pixels.` });
  }
  const page: PositionedPage = { format: 'alto', width, height, dpi, engine: info.engine, image: info.fileName, sourceLine: element.line, blocks: [] };
  const uniqueId = blockIds(page);

  /** The box of an element from HPOS/VPOS/WIDTH/HEIGHT, in page pixels; null (with a problem) when absent or bad. */
  const boxOf = (e: MarkupElement, required: boolean): Box | null => {
    const values = ['HPOS', 'VPOS', 'WIDTH', 'HEIGHT'].map((name) => readNumber(e.attrs[name], `${e.name} ${name}`, e.line, list));
    if (values.some((v) => v === null)) {
      const missing = ['HPOS', 'VPOS', 'WIDTH', 'HEIGHT'].filter((name) => e.attrs[name] === undefined);
      if (required && missing.length > 0) list.add({ code: 'alto-missing-position', line: e.line, message: `<${e.name}> has no ${missing.join('/')}; it is skipped.` });
      return null;
    }
    const [x, y, w, h] = values as number[];
    return fitBox({ x0: x! * scale, y0: y! * scale, x1: (x! + w!) * scale, y1: (y! + h!) * scale }, page, e.line, list);
  };

  const styleOf = (e: MarkupElement, inherited: TextStyle): TextStyle => {
    let style = inherited;
    for (const ref of (e.attrs.STYLEREFS ?? '').split(/\s+/u).filter(Boolean)) {
      const found = info.styles.get(ref);
      if (found) style = { fontSizePt: found.fontSizePt ?? style.fontSizePt, bold: found.bold ?? style.bold };
    }
    const inline = e.attrs.STYLE;
    if (inline !== undefined) style = { ...style, bold: inline.split(/\s+/u).includes('bold') };
    return style;
  };

  const readLine = (e: MarkupElement, inherited: TextStyle): Line | null => {
    const lineStyle = styleOf(e, inherited);
    const words: Word[] = [];
    const sizes: number[] = [];
    let hyphenated = false;
    for (const item of childElements(e)) {
      if (item.name === 'String') {
        const content = item.attrs.CONTENT;
        if (content === undefined) {
          list.add({ code: 'alto-string-without-content', line: item.line, message: '<String> has no CONTENT; it is skipped.' });
          continue;
        }
        const text = content.replace(/\s+/gu, ' ').trim();
        if (text === '') continue;
        const box = boxOf(item, true);
        if (!box) continue;
        const wc = item.attrs.WC === undefined ? null : readNumber(item.attrs.WC, 'WC', item.line, list);
        const style = styleOf(item, lineStyle);
        if (style.fontSizePt !== null) sizes.push(style.fontSizePt);
        words.push({ text, box, confidence: wc === null ? null : Math.min(1, Math.max(0, wc)), bold: info.boldKnown ? style.bold === true : null, sourceLine: item.line });
      } else if (item.name === 'HYP') {
        const last = words[words.length - 1];
        const mark = item.attrs.CONTENT ?? '-';
        if (last) {
          last.text += mark;
          hyphenated = true;
        }
      }
    }
    if (words.length === 0) return null;
    const box = boxOf(e, false) ?? unionBox(words.map((w) => w.box))!;
    const fontSizePt = sizes.length > 0 ? mostCommon(sizes) : lineStyle.fontSizePt;
    const knownBold = words.filter((w) => w.bold !== null);
    return {
      box,
      kind: 'line',
      words,
      fontSizePx: fontSizePt !== null && dpi ? (fontSizePt * dpi) / 72 : null,
      fontSizePt,
      xHeightPx: null,
      bold: knownBold.length === 0 ? null : knownBold.filter((w) => w.bold).length * 2 > knownBold.length,
      hyphenated,
      sourceLine: e.line,
    };
  };

  const addBlock = (e: MarkupElement, kind: BlockKind, box: Box, area: string | null, role: BlockRole): Block => {
    const block: Block = { id: uniqueId(e.attrs.ID, kind === 'text' ? 'b' : kind), kind, box, area, role, lines: [], sourceLine: e.line };
    page.blocks.push(block);
    return block;
  };

  const walk = (e: MarkupElement, area: string | null, role: BlockRole, style: TextStyle) => {
    switch (e.name) {
      case 'TextBlock': {
        const blockStyle = styleOf(e, style);
        const lines: Line[] = [];
        for (const lineElement of childElements(e).filter((c) => c.name === 'TextLine')) {
          const line = readLine(lineElement, blockStyle);
          if (line) lines.push(line);
        }
        if (lines.length === 0) return;
        const box = boxOf(e, false) ?? unionBox(lines.map((l) => l.box))!;
        addBlock(e, 'text', box, area, role).lines.push(...lines);
        return;
      }
      case 'Illustration': {
        const box = boxOf(e, true);
        if (box) addBlock(e, 'photo', box, area, role);
        return;
      }
      case 'GraphicalElement': {
        // rules and frames are separators; a large solid graphic is a picture
        const box = boxOf(e, true);
        if (!box) return;
        const thin = Math.min(box.w, box.h) * 8 <= Math.max(box.w, box.h) || Math.min(box.w, box.h) <= 12;
        addBlock(e, thin ? 'separator' : 'photo', box, area, role);
        return;
      }
      case 'ComposedBlock': {
        const inner = styleOf(e, style);
        const id = e.attrs.ID ?? `area@${e.line}`;
        for (const c of childElements(e)) walk(c, area ?? id, role, inner);
        return;
      }
      default:
        return;
    }
  };

  const pageStyle = styleOf(element, { fontSizePt: null, bold: null });
  for (const space of childElements(element)) {
    const role: BlockRole = space.name === 'TopMargin' ? 'header' : space.name === 'BottomMargin' ? 'footer' : null;
    if (!['TopMargin', 'BottomMargin', 'LeftMargin', 'RightMargin', 'PrintSpace'].includes(space.name)) continue;
    const spaceStyle = styleOf(space, pageStyle);
    for (const e of childElements(space)) walk(e, null, role, spaceStyle);
  }
  // a photo (Illustration) holding text lines is a frame around text, not a picture
  for (const block of page.blocks) {
    if (block.kind !== 'photo') continue;
    const framed = page.blocks.some((other) => other.kind === 'text' && other.lines.some((l) => inside(centre(l.box), block.box)));
    if (framed) block.kind = 'separator';
  }
  return page;
}

function centre(box: Box): { x: number; y: number } {
  return { x: box.x + box.w / 2, y: box.y + box.h / 2 };
}

function inside(point: { x: number; y: number }, box: Box): boolean {
  return point.x >= box.x && point.x <= box.x + box.w && point.y >= box.y && point.y <= box.y + box.h;
}

function mostCommon(values: number[]): number {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]![0];
}

function child(element: MarkupElement, name: string): MarkupElement | null {
  return childElements(element).find((e) => e.name === name) ?? null;
}

function findDeep(element: MarkupElement, name: string): MarkupElement | null {
  for (const e of deep(element)) if (e.name === name) return e;
  return null;
}

function* deep(element: MarkupElement): Generator<MarkupElement> {
  for (const c of childElements(element)) {
    yield c;
    yield* deep(c);
  }
}

function textContent(element: MarkupElement): string {
  return element.children.map((c) => (typeof c === 'string' ? c : textContent(c))).join('');
}

function softwareName(description: MarkupElement): string | null {
  // the OCR step's software, not a pre-processing step's (docWorks before ABBYY FineReader)
  const step = findDeep(description, 'ocrProcessingStep') ?? description;
  const name = findDeep(step, 'softwareName');
  if (!name) return null;
  const version = findDeep(step, 'softwareVersion');
  const text = [textContent(name), version ? textContent(version) : ''].join(' ').replace(/\s+/gu, ' ').trim();
  return text === '' ? null : text;
}
