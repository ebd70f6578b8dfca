import { readHocr } from '../lib/ocr/hocr.ts';
import type { PagePositions } from '../lib/ocr/positions.ts';
import type { Scan } from '../schemas/scan.ts';
import { DEFAULT_TESSERACT_OPTIONS, ocrImage, requireTesseract } from './tesseract.ts';

/**
 * Tesseract on a page's master scan, for the importer: the settings of
 * docs/0001-ocr-engine-settings.md with the paper's language, the hOCR read into positions, and
 * the frame that takes its boxes (read on the straightened page) back to the master.
 */

/** The Tesseract traineddata for a paper printed in this script. */
export function ocrLanguage(script: 'simplified' | 'traditional'): string {
  return script === 'traditional' ? 'chi_tra' : 'chi_sim';
}

export interface ScanOcr {
  positions: PagePositions;
  /** Tesseract's hOCR, with its bylines read again (src/lib/ocr/reread.ts), to keep beside the scan. */
  hocr: string;
  /** Seconds of preprocessing and of Tesseract when it ran; zero work when `cached`. */
  seconds: { preprocess: number; ocr: number };
  cached: boolean;
}

/**
 * OCR a master. Throws TesseractMissingError (with the apt-get line) when Tesseract or the
 * language is not installed; results are cached in `cacheDir` by the image's SHA-256, so a
 * second import of the same scan does not run Tesseract again.
 */
export async function ocrScan(master: Buffer, scan: Pick<Scan, 'width' | 'height'>, lang: string, cacheDir: string | null): Promise<ScanOcr> {
  await requireTesseract(lang);
  const result = await ocrImage(master, { ...DEFAULT_TESSERACT_OPTIONS, lang }, cacheDir);
  const read = readHocr(result.hocr);
  const page = read.pages[0];
  if (!page) throw new Error(`[page-ocr] Tesseract wrote no page in its hOCR (${read.problems[0]?.message ?? 'no problem reported'})`);
  return {
    positions: {
      page,
      frame: { width: result.width, height: result.height, masterWidth: scan.width, masterHeight: scan.height, rotateDeg: result.rotateDeg },
      engine: `${result.version} ${lang} hocr`,
      problems: read.problems,
    },
    hocr: result.hocr,
    seconds: result.seconds,
    cached: result.cached,
  };
}
