import { ocrScan, type ScanOcr } from '../../src/io/page-ocr.ts';
import { prepareScan, readPageOcr, readPageWords, requireScan, ScanInputError, type PreparedScan } from '../../src/io/scan-store.ts';
import { TesseractMissingError, TESSERACT_INSTALL_HINT } from '../../src/io/tesseract.ts';
import { entriesFromOrdered, entriesFromWords, type AlignStats } from '../../src/lib/ocr/align.ts';
import { identityFrame } from '../../src/lib/ocr/frame.ts';
import { keptOcrOf, positionsOfKept, readOcrFile, regionsOfAligned, regionsOfParsed, straightened, wordsOf, type PagePositions } from '../../src/lib/ocr/positions.ts';
import type { PageOcr } from '../../src/schemas/page-ocr.ts';
import { toParserText, type ParserText } from '../../src/lib/ocr/parser-text.ts';
import { orderPage } from '../../src/lib/ocr/reading-order.ts';
import type { PageWords } from '../../src/schemas/page-words.ts';
import type { ParsedPage } from '../../src/schemas/parsed-page.ts';
import type { Regions, Scan } from '../../src/schemas/scan.ts';
import { keptRegions } from '../lib/kept-regions.ts';
import { parsePage, readHeader } from '../lib/parse-page.ts';
import type { PlaceRings } from '../lib/places.ts';
import type { Lexicon } from '../lib/suspicions.ts';
import { InputError } from './read-input.ts';
import { readFileSync } from 'node:fs';

/**
 * One page of an import, from whatever came with it (its text, its scan, an hOCR or ALTO file)
 * to its parsed items, their regions on the scan and the page's words:
 *
 * | given                | articles from              | regions from                                    |
 * | -------------------- | -------------------------- | ----------------------------------------------- |
 * | text                 | the text                   | none (or the page's scan already in the archive) |
 * | text + scan          | the text                   | OCR of the scan aligned to the text's items      |
 * | text + scan + OCR    | the text                   | the OCR file aligned to the text's items         |
 * | scan                 | Tesseract's hOCR, ordered  | the same hOCR                                    |
 * | scan + OCR           | the OCR file, ordered      | the same file                                    |
 * | OCR                  | the OCR file, ordered      | none, or the file on the page's recorded scan    |
 *
 * A scan's positions come from the OCR file given with it, else from the OCR kept in the scan
 * store by an earlier import (the same hOCR/ALTO and frame, so the same regions on any machine),
 * else from Tesseract. When the text is the source and the scan is the same as last time, an item
 * that would be written unchanged keeps its regions (scripts/lib/kept-regions.ts) and needs no
 * OCR at all; a scan whose store holds words but no OCR (the sample's, rendered from its text)
 * is placed by those words.
 */

export interface PageInput {
  /** The page's text and the file it came from (recorded as `source.file`), or null. */
  text: { text: string; file: string } | null;
  scan: { bytes: Buffer; file: string; shown: string; synthetic: string | null } | null;
  ocr: { text: string; file: string; shown: string } | null;
  /** How messages name the page (its main file). */
  shown: string;
  /** The page number given (issue.yml, --page), or null to read it from the header. */
  page: number | null;
  pageName: string | null;
}

export interface PageContext {
  paper: string;
  paperName: string;
  date: string;
  lexicon: Lexicon;
  /** The places around the paper, to set right a county misread in a headline (scripts/io/gazetteer.ts). */
  places: PlaceRings;
  /** Tesseract's traineddata for this paper (chi_sim, chi_tra). */
  lang: string;
  /** The scan store and Tesseract's result cache. */
  store: string;
  ocrCache: string | null;
  /** The scan the archive records for a page (its issue.yml), for a re-import of its text alone. */
  recordedScan: (page: number) => Scan | null;
  /** An article file as it is in the archive, or null. */
  existingArticle: (id: string) => string | null;
  /** Find every item on its scan again, instead of keeping the regions of unchanged items (--find-regions). */
  findRegions: boolean;
}

export interface PageResult {
  parsed: ParsedPage;
  /** What the front matter records as the source (`03.txt`, `scans/03.jpg`, `03.hocr`). */
  sourceFile: string;
  /** The scan recorded on the page in issue.yml, or null. */
  scan: Scan | null;
  /** A scan to write into the store before the content (null when stored already or none). */
  toStore: PreparedScan | null;
  /** Regions by item id, only for items whose place is known. */
  regions: Map<string, Regions>;
  /** Words to keep beside the scan, when this import read them (an OCR file, or Tesseract). */
  words: PageWords | null;
  /** The OCR to keep beside the scan, when this import read it (an OCR file, or Tesseract). */
  ocr: PageOcr | null;
  /** What was done, for the import's summary (one line). */
  summary: string;
  /** Warnings to print (an OCR file's problems, regions left out and why). */
  warnings: string[];
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export async function readPageSource(input: PageInput, context: PageContext): Promise<PageResult> {
  const warnings: string[] = [];
  const done: string[] = [];

  let prepared: PreparedScan | null = null;
  if (input.scan) {
    try {
      prepared = await prepareScan(input.scan.bytes, { store: context.store, source: input.scan.file, file: input.scan.shown });
    } catch (error) {
      if (error instanceof ScanInputError) throw new InputError(error.detail, { file: input.scan.shown, hint: error.hint });
      throw error;
    }
    done.push(`scan ${input.scan.file} ${prepared.scan.width} x ${prepared.scan.height} ${prepared.stored ? '(in the scan store already)' : `(stored as ${prepared.scan.file})`}`);
  }
  const scan: Scan | null = prepared ? { ...prepared.scan, ...(input.scan?.synthetic ? { synthetic: input.scan.synthetic } : {}) } : null;

  let positions: PagePositions | null = null;
  /** The file the positions were read from this time (not kept from an earlier import), to keep. */
  let readText: string | null = null;
  if (input.ocr) {
    // an OCR file given without its scan is placed on the scan the archive records for the page
    const onto = prepared?.scan ?? (input.page !== null ? context.recordedScan(input.page) : null);
    let read = readOcrFile(input.ocr.text, onto);
    if ('error' in read && !prepared && onto) {
      warnings.push(`warning: ${input.ocr.shown}: not made from the page's recorded scan (${read.error.message}), so no regions`);
      read = readOcrFile(input.ocr.text, null);
    }
    if ('error' in read) throw new InputError(read.error.message, { file: input.ocr.shown, hint: read.error.hint });
    positions = read.positions;
    readText = input.ocr.text;
    for (const problem of positions.problems.slice(0, 5)) warnings.push(`warning: ${input.ocr.shown}:${problem.line}: ${problem.message}`);
    if (positions.problems.length > 5) warnings.push(`warning: ${input.ocr.shown}: ${positions.problems.length - 5} more problems of the file are not listed`);
    done.push(`OCR ${input.ocr.file} (${positions.engine})`);
  }

  const ocr = async (master: Buffer, of: Pick<Scan, 'width' | 'height'>): Promise<ScanOcr> => {
    const result = await ocrScan(master, of, context.lang, context.ocrCache);
    done.push(`OCR ${result.positions.engine} (${result.cached ? 'cached' : `${(result.seconds.preprocess + result.seconds.ocr).toFixed(1)} s`})`);
    readText = result.hocr;
    return result;
  };
  /** The OCR an earlier import kept for this scan, as positions; null when none was kept. */
  const keptOcr = (of: Scan): PagePositions | null => {
    const kept = readPageOcr(of.sha256, context.store);
    if (!kept) return null;
    const read = positionsOfKept(kept, of);
    if ('error' in read) {
      warnings.push(`warning: the OCR kept for scan ${of.sha256.slice(0, 12)}… cannot be used (${read.error.message}); the scan is read again`);
      return null;
    }
    done.push(`OCR ${kept.engine} (stored with the scan)`);
    return read.positions;
  };

  // the text the parser reads: the page's text, or the positions' own text in reading order
  let parserText: ParserText | null = null;
  /** The positions the parser text was read from: straightened when the engine read the page crooked. */
  let readingPositions: PagePositions | null = null;
  let text: string;
  let sourceFile: string;
  if (input.text) {
    text = input.text.text;
    sourceFile = input.text.file;
  } else {
    if (!positions) {
      if (!prepared || !input.scan) throw new Error('[page-sources] a page without text, scan or OCR file');
      positions = keptOcr(prepared.scan);
      if (!positions) {
        try {
          positions = (await ocr(prepared.master, prepared.scan)).positions;
        } catch (error) {
          if (error instanceof TesseractMissingError) {
            throw new InputError(`this page has only a scan, and reading it needs Tesseract: ${error.message.replace(/^\[tesseract\] /u, '').replace(/\. Install it with:.*$/su, '')}`, {
              file: input.scan.shown,
              hint: `install it (Debian/Ubuntu): sudo ${TESSERACT_INSTALL_HINT}; or put the page's text (a .txt) or its OCR (.hocr, ALTO .xml) beside the scan`,
            });
          }
          throw error;
        }
      }
    }
    readingPositions = straightened(positions);
    parserText = toParserText(orderPage(readingPositions.page));
    text = parserText.text;
    sourceFile = input.ocr?.file ?? input.scan!.file;
  }

  const header = readHeader(text, context.paperName);
  const page = input.page ?? header.page;
  if (page === null) {
    throw new InputError('page number missing: the page header does not print it', { file: input.shown, hint: 'pass --page <N> (or set `number:` in issue.yml)' });
  }
  const parsed = parsePage(text, { paper: context.paper, date: context.date, page, pageName: input.pageName, paperName: context.paperName }, { lexicon: context.lexicon, places: context.places, ...(parserText ? { geometry: parserText.geometry } : {}) });

  // where the items sit
  let regions = new Map<string, Regions>();
  let words: PageWords | null = null;
  let keep: PageOcr | null = null;
  // a re-import of the text alone keeps the page's scan and places the items on it
  const pageScan = scan ?? context.recordedScan(page);
  if (pageScan && !scan) done.push(`scan ${pageScan.source ?? pageScan.file} as recorded`);
  if (pageScan) {
    if (parserText && readingPositions?.frame) {
      regions = regionsOfParsed(parsed.articles, parserText, readingPositions.frame);
    } else if (input.text) {
      const kept = new Map<string, Regions>();
      const sameScan = context.recordedScan(page)?.sha256 === pageScan.sha256;
      if (sameScan && !positions && !context.findRegions) {
        for (const item of parsed.articles) {
          const regionsKept = keptRegions(item, sourceFile, context.existingArticle(item.id));
          if (regionsKept) kept.set(item.id, regionsKept);
        }
      }
      const needed = parsed.articles.filter((item) => !kept.has(item.id));
      let aligned: { regions: Map<string, Regions>; stats: AlignStats } | null = null;
      if (needed.length > 0) {
        let how = '';
        if (positions?.frame) {
          aligned = regionsOfAligned(parsed.articles, text, entriesFromOrdered(orderPage(positions.page)), positions.frame);
          how = 'the OCR file';
        } else if ((positions = keptOcr(pageScan))) {
          aligned = regionsOfAligned(parsed.articles, text, entriesFromOrdered(orderPage(positions.page)), positions.frame!);
          how = 'the OCR stored with the scan';
        } else {
          const stored = readPageWords(pageScan.sha256, context.store);
          if (stored) {
            aligned = regionsOfAligned(parsed.articles, text, entriesFromWords(stored), identityFrame(pageScan.width, pageScan.height));
            how = `the scan's stored words (${stored.engine})`;
          } else {
            const master = prepared?.master ?? readStoredMaster(pageScan, context.store, warnings);
            if (master) {
              try {
                positions = (await ocr(master, pageScan)).positions;
                aligned = regionsOfAligned(parsed.articles, text, entriesFromOrdered(orderPage(positions.page)), positions.frame!);
                how = 'OCR of the scan';
              } catch (error) {
                if (!(error instanceof TesseractMissingError)) throw error;
                warnings.push(`warning: ${input.shown}: no regions for ${plural(needed.length, 'item')}: finding them on the scan needs Tesseract, which is not installed (sudo ${TESSERACT_INSTALL_HINT}); the text is imported`);
              }
            }
          }
        }
        if (aligned) {
          const { stats } = aligned;
          done.push(`text aligned to ${how}: ${stats.matched} of ${stats.lines} lines matched`);
        }
      }
      for (const item of parsed.articles) {
        const boxes = kept.get(item.id) ?? aligned?.regions.get(item.id);
        if (boxes) regions.set(item.id, boxes);
      }
      if (kept.size > 0) done.push(`regions of ${plural(kept.size, 'unchanged item')} kept`);
    }
    if (positions?.frame && readText !== null) {
      words = wordsOf(positions, pageScan);
      keep = keptOcrOf(positions, readText, pageScan);
    }
  } else if (input.ocr && !input.scan) {
    warnings.push(`warning: ${input.ocr.shown}: no scan with this page, so no regions (they are pixels of a scan); add the scan to record where each item is`);
  }
  const placed = parsed.articles.filter((item) => regions.has(item.id)).length;
  if (pageScan) done.push(`regions for ${placed} of ${plural(parsed.articles.length, 'item')}`);
  const unplaced = parsed.articles.filter((item) => !regions.has(item.id));
  if (pageScan && unplaced.length > 0 && unplaced.length < parsed.articles.length) {
    warnings.push(`note: ${input.shown}: not found on the scan: ${unplaced.map((item) => item.id.split('/').slice(-2).join('/')).join(', ')} (no regions recorded for them)`);
  }
  return {
    parsed,
    sourceFile,
    scan: pageScan,
    toStore: prepared && !prepared.stored ? prepared : null,
    regions,
    words,
    ocr: keep,
    summary: `page ${page}: ${done.join('; ')}`,
    warnings,
  };
}

/** A recorded scan's master from the store, or null with a warning when the store lacks it. */
function readStoredMaster(scan: Scan, store: string, warnings: string[]): Buffer | null {
  try {
    return readFileSync(requireScan(scan, store));
  } catch (error) {
    if (!(error instanceof ScanInputError)) throw error;
    warnings.push(`warning: ${error.file}: not in the scan store, so changed items get no regions. ${error.hint}`);
    return null;
  }
}
