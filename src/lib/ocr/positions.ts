import type { PageOcr } from '../../schemas/page-ocr.ts';
import type { PageWords } from '../../schemas/page-words.ts';
import type { ParsedItem } from '../../schemas/parsed-page.ts';
import type { Problem } from '../../schemas/problem.ts';
import type { Regions, Scan } from '../../schemas/scan.ts';
import { pageWordsFromPositioned } from '../page-words.ts';
import { alignItems, type AlignStats, type PageEntry } from './align.ts';
import { readAlto } from './alto.ts';
import { boxToMaster, pageToMaster, type OcrFrame } from './frame.ts';
import { readHocr } from './hocr.ts';
import type { PositionedPage } from './model.ts';
import { regionsFor, type ParserText } from './parser-text.ts';
import { straighten } from './straighten.ts';

/**
 * A page's positions, whatever read them (an hOCR or ALTO file given with the page, or
 * Tesseract run by the importer), and what the importer makes of them: each item's regions and
 * the page's words, both in the master scan's pixels.
 */
export interface PagePositions {
  /** The page as the engine described it, in the frame of the image it read. */
  page: PositionedPage;
  /** Where that frame sits on the master; null when the page has no scan (no regions then). */
  frame: OcrFrame | null;
  /** What read it, e.g. `tesseract 5.3.0 chi_sim hocr`, `ABBYY FineReader 12 alto`. */
  engine: string;
  /** What the reader found wrong in the file, with its lines (warnings: the page is still read). */
  problems: Problem[];
}

/** An OCR file that cannot be used for the page, with what to do about it. */
export interface OcrFileError {
  message: string;
  hint: string;
}

/** Largest difference in aspect ratio between an OCR file's page and its scan (2 %: a few pixels of crop). */
const ASPECT_TOLERANCE = 0.02;

/**
 * Read an hOCR or ALTO file (told apart by their content, not their name) for a page, and place
 * it on the page's scan: a file made on a smaller or larger copy of the scan is scaled to it;
 * ALTO in mm10 or inch1200 is converted with the scan's pixel size. One page per file.
 */
export function readOcrFile(text: string, scan: Pick<Scan, 'width' | 'height'> | null): { positions: PagePositions } | { error: OcrFileError } {
  const isAlto = /<(?:[\w-]+:)?alto[\s>]/u.test(text);
  const isHocr = /\bocr_page\b/u.test(text);
  if (!isAlto && !isHocr) {
    return { error: { message: 'neither hOCR (no ocr_page element) nor ALTO XML (no <alto> root)', hint: 'give the OCR engine\'s hOCR (`tesseract page.png out -l chi_sim hocr`) or ALTO XML (v2-v4) for this page, or remove the file' } };
  }
  const result = isAlto ? readAlto(text, scan ? { imageSize: { width: scan.width, height: scan.height } } : {}) : readHocr(text);
  const format = isAlto ? 'alto' : 'hocr';
  if (result.pages.length === 0) {
    const first = result.problems[0];
    return { error: { message: `no page could be read from this ${format} file${first ? ` (line ${first.line}: ${first.message})` : ''}`, hint: 'export the page\'s OCR again from its engine' } };
  }
  if (result.pages.length > 1) {
    return { error: { message: `the file holds ${result.pages.length} pages; one OCR file describes one page`, hint: 'split it into one file per page and name each with `ocr:` under its page in issue.yml' } };
  }
  const page = result.pages[0]!;
  let frame: OcrFrame | null = null;
  if (scan) {
    const fileAspect = page.width / page.height;
    const scanAspect = scan.width / scan.height;
    if (Math.abs(fileAspect - scanAspect) / scanAspect > ASPECT_TOLERANCE) {
      return {
        error: {
          message: `the file describes a ${page.width} x ${page.height} page, but the scan is ${scan.width} x ${scan.height}: not the same shape, so its boxes would not fit the scan`,
          hint: 'check that the OCR file was made from this scan (not a cropped or another page); or leave it out and the importer reads the scan itself',
        },
      };
    }
    frame = { width: page.width, height: page.height, masterWidth: scan.width, masterHeight: scan.height, rotateDeg: 0 };
  }
  return { positions: { page, frame, engine: `${page.engine ?? 'unknown engine'} ${format}`, problems: result.problems } };
}

/**
 * The positions straightened for reading (straighten.ts): a page the engine read crooked is
 * turned back, and the turn is added to its frame so that regions still land on the master.
 * The positions as read are what the scan store keeps (keptOcrOf) and what the page's words come
 * from (wordsOf); this is what the reading order and the regions of parsed items use.
 */
export function straightened(positions: PagePositions): PagePositions {
  const { page, deg } = straighten(positions.page);
  if (deg === 0) return positions;
  return { ...positions, page, frame: positions.frame ? { ...positions.frame, rotateDeg: positions.frame.rotateDeg + deg } : null };
}

/** Regions in the master's pixels from regions in the engine's frame; null when none survive. */
function toMaster(regions: Regions | null, frame: OcrFrame): Regions | null {
  if (!regions) return null;
  const mapped = regions.flatMap((box) => {
    const out = boxToMaster(frame, box);
    return out ? [out] : [];
  });
  return mapped.length > 0 ? mapped : null;
}

/**
 * The regions of items parsed from the positions' own text (toParserText): the boxes of their
 * output lines, per column, on the master. Items without positioned lines get none.
 */
export function regionsOfParsed(items: readonly ParsedItem[], input: ParserText, frame: OcrFrame): Map<string, Regions> {
  const out = new Map<string, Regions>();
  for (const item of items) {
    const regions = toMaster(regionsFor(input, item.lines[0], item.lines[1], { photo: item.kind === 'photo' }), frame);
    if (regions) out.set(item.id, regions);
  }
  return out;
}

/**
 * The regions of items parsed from a plain text (the text stays the source of the articles):
 * each item's own lines of the text, aligned to the positioned lines by their characters
 * (align.ts). `entries` are in the frame `frame` maps from.
 */
export function regionsOfAligned(items: readonly ParsedItem[], text: string, entries: readonly PageEntry[], frame: OcrFrame): { regions: Map<string, Regions>; stats: AlignStats } {
  const lines = text.split(/\r\n|\n|\r/u);
  const alignment = alignItems(
    items.map((item) => ({ text: lines.slice(item.lines[0] - 1, item.lines[1]).join('\n'), photo: item.kind === 'photo' })),
    entries,
    frame.width,
    frame.height,
  );
  const out = new Map<string, Regions>();
  items.forEach((item, index) => {
    const regions = toMaster(alignment.regions[index] ?? null, frame);
    if (regions) out.set(item.id, regions);
  });
  return { regions: out, stats: alignment.stats };
}

/** The page's words on the master, to keep beside the scan (hit marking on the 版面). */
export function wordsOf(positions: PagePositions, scan: Pick<Scan, 'sha256' | 'width' | 'height'>): PageWords {
  const page = positions.frame ? pageToMaster(positions.page, positions.frame) : positions.page;
  return { ...pageWordsFromPositioned(page, scan), engine: positions.engine };
}

/**
 * What the scan store keeps of positions read from an OCR file or by Tesseract (`text`: the file
 * as the engine wrote it), so that a later import reads the same positions (positionsOfKept).
 */
export function keptOcrOf(positions: PagePositions, text: string, scan: Pick<Scan, 'sha256'>): PageOcr | null {
  if (!positions.frame) return null;
  return { sha256: scan.sha256, engine: positions.engine, format: positions.engine.endsWith(' alto') ? 'alto' : 'hocr', text, frame: { ...positions.frame } };
}

/** A page's OCR kept in the scan store, read back into the positions it was first read as. */
export function positionsOfKept(kept: PageOcr, scan: Pick<Scan, 'width' | 'height'>): { positions: PagePositions } | { error: OcrFileError } {
  const read = readOcrFile(kept.text, scan);
  if ('error' in read) return read;
  return { positions: { ...read.positions, frame: { ...kept.frame }, engine: kept.engine } };
}
