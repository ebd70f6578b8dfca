import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import sharp, { type Metadata } from 'sharp';
import { contentDir } from '../lib/content-dir.ts';
import { isJpeg, stripJpegMetadata } from '../lib/jpeg-metadata.ts';
import { pageOcrSchema, type PageOcr } from '../schemas/page-ocr.ts';
import { pageWordsSchema, type PageWords } from '../schemas/page-words.ts';
import { scanSchema, type Scan } from '../schemas/scan.ts';
import { PDF_INSTALL_HINT, PdfPageError, PdfToolMissingError, pdfPageImage } from './pdf-page.ts';
import { writeFileAtomic } from './write-atomic.ts';

/**
 * The scan store: every page scan of the archive, normalised once and named by the SHA-256 of
 * the stored master, in a plain folder beside `content/` (or ARCHIVE_SCAN_DIR):
 *
 *   scans/
 *     9f/9f2c….png                 the master (src/schemas/scan.ts)
 *     9f/9f2c….words.json.gz       the page's words with their boxes (src/schemas/page-words.ts)
 *     9f/9f2c….ocr.json.gz         the page's OCR as read (hOCR/ALTO and its frame, src/schemas/page-ocr.ts)
 *     inputs/ab/ab41….json         a file once imported (SHA-256 of its bytes) -> its master
 *
 * A page scan is megabytes and a year of a daily gigabytes: keep the folder in Git LFS or in
 * object storage rather than in plain git (docs/0013-page-scans.md). Everything shown on the site
 * (tiles, sizes) is made from the master and cached apart (src/io/scan-images.ts).
 */

/**
 * Where the store is: ARCHIVE_SCAN_DIR, else `scans/` beside the content folder (the build's,
 * or the one an import writes into with --content).
 */
export function scanStore(content: string = contentDir()): string {
  const configured = process.env.ARCHIVE_SCAN_DIR;
  if (configured) return isAbsolute(configured) ? configured : resolve(configured);
  return join(dirname(resolve(content)), 'scans');
}

/** A scan that cannot be stored, with the file and what to do about it. */
export class ScanInputError extends Error {
  readonly file: string;
  /** What is wrong, without the file and the hint. */
  readonly detail: string;
  readonly hint: string;
  constructor(file: string, message: string, hint: string) {
    super(`${file}: ${message}. ${hint}`);
    this.file = file;
    this.detail = message;
    this.hint = hint;
  }
}

/** Quality of a master that has to be encoded as JPEG (a JPEG turned upright): visually lossless. */
const MASTER_JPEG_QUALITY = 95;

/** The path of a scan's master in the store. */
export function scanPath(scan: Pick<Scan, 'file'>, store = scanStore()): string {
  return join(store, scan.file);
}

/** The master's path, or an error naming the store and the fix when it is not there. */
export function requireScan(scan: Pick<Scan, 'file' | 'sha256'>, store = scanStore()): string {
  const path = scanPath(scan, store);
  if (!existsSync(path)) {
    throw new ScanInputError(
      path,
      `the scan ${scan.sha256.slice(0, 12)}… named in issue.yml is not in the scan store`,
      `Copy the scan store (${store}) from where it is kept (Git LFS: git lfs pull; object storage: sync it down), or set ARCHIVE_SCAN_DIR to it`,
    );
  }
  return path;
}

function indexPath(inputSha: string, store: string): string {
  return join(store, 'inputs', inputSha.slice(0, 2), `${inputSha}.json`);
}

/**
 * The scan already stored for this input file, without decoding it: found by the SHA-256 of the
 * file's bytes, and only when the master is still in the store.
 */
export function findStoredScan(inputPath: string, options: { store?: string; source?: string } = {}): Scan | undefined {
  const store = options.store ?? scanStore();
  const bytes = readFileSync(inputPath);
  return lookup(sha256(bytes), store, options.source ?? defaultSource(inputPath));
}

function lookup(inputSha: string, store: string, source: string): Scan | undefined {
  const index = indexPath(inputSha, store);
  if (!existsSync(index)) return undefined;
  const parsed = scanSchema.safeParse(JSON.parse(readFileSync(index, 'utf8')));
  if (!parsed.success || !existsSync(scanPath(parsed.data, store))) return undefined;
  return { ...parsed.data, source };
}

function defaultSource(inputPath: string): string {
  return inputPath.split(/[\\/]/u).pop()!;
}

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * Store a page scan (JPEG, PNG, TIFF, WebP; a one-page PDF: its one image as it is, or the page
 * rendered by Poppler at its image's resolution, src/io/pdf-page.ts)
 * and return what issue.yml records of it. The master is normalised once: turned upright by its
 * EXIF orientation, stripped of metadata (EXIF, GPS, XMP, IPTC, comments), greyscale kept
 * greyscale, converted to sRGB otherwise, transparency flattened onto white. An upright JPEG is
 * kept as it is, only stripped (no second generation of JPEG loss); a rotated or CMYK JPEG is
 * encoded again as JPEG at quality 95; every other format becomes a lossless PNG.
 *
 * Storing the same file again does no work: the file's SHA-256 leads to its master. Writes are
 * atomic, so an interrupted import leaves no half a master behind. `source` is recorded as the
 * file it came from (default: the file name).
 */
export async function storeScan(inputPath: string, options: { store?: string; source?: string } = {}): Promise<Scan> {
  if (!existsSync(inputPath) || !statSync(inputPath).isFile()) throw new ScanInputError(inputPath, 'no such file', 'Check the path of the scan');
  const prepared = await prepareScan(readFileSync(inputPath), { ...options, file: inputPath, source: options.source ?? defaultSource(inputPath) });
  keepScan(prepared, options.store);
  return prepared.scan;
}

/** A scan normalised in memory, not yet (or already) in the store. */
export interface PreparedScan {
  /** What issue.yml records. */
  scan: Scan;
  /** The master's bytes: what OCR reads, so that its boxes are in the master's pixels. */
  master: Buffer;
  /** True when the store holds the master already (found by the input file's checksum). */
  stored: boolean;
  /** SHA-256 of the input file's bytes, the key of the store's index. */
  inputSha: string;
}

/**
 * Normalise a scan's bytes as storeScan does, without writing anything (an import's dry run, or
 * the step before OCR): a scan stored before is found by the SHA-256 of its bytes and its
 * master read back, so it is never normalised twice. `file` names the input in messages.
 */
export async function prepareScan(input: Buffer, options: { store?: string; source: string; file?: string }): Promise<PreparedScan> {
  const store = options.store ?? scanStore();
  const inputSha = sha256(input);
  const stored = lookup(inputSha, store, options.source);
  if (stored) return { scan: stored, master: readFileSync(scanPath(stored, store)), stored: true, inputSha };
  const master = await normalise(input, options.file ?? options.source);
  const hash = sha256(master.bytes);
  const file = `${hash.slice(0, 2)}/${hash}.${master.format}`;
  const scan: Scan = scanSchema.parse({ sha256: hash, file, format: master.format, width: master.width, height: master.height, bytes: master.bytes.length });
  return { scan: { ...scan, source: options.source }, master: Buffer.from(master.bytes), stored: false, inputSha };
}

/** Write a prepared scan's master (unless the store has it) and its index entry, atomically. */
export function keepScan(prepared: PreparedScan, store = scanStore()): void {
  if (prepared.stored) return;
  const { source: _source, synthetic: _synthetic, ...scan } = prepared.scan;
  const path = join(store, scan.file);
  // the same master from another input file (or a run that stopped before its index) is there
  if (!existsSync(path)) writeFileAtomic(path, prepared.master);
  writeFileAtomic(indexPath(prepared.inputSha, store), `${JSON.stringify(scan)}\n`);
}

interface Master {
  bytes: Uint8Array;
  format: Scan['format'];
  width: number;
  height: number;
}

const PDF_MAGIC = '%PDF-';

async function normalise(input: Buffer, file: string): Promise<Master> {
  if (input.subarray(0, 5).toString('latin1') === PDF_MAGIC && !sharp.format.pdf.input.buffer) {
    // the libvips that sharp ships has no PDF loader: Poppler takes the page's image out, or
    // renders the page (src/io/pdf-page.ts)
    try {
      input = (await pdfPageImage(input)).bytes;
    } catch (error) {
      if (error instanceof PdfToolMissingError) {
        throw new ScanInputError(
          file,
          `reading a PDF needs Poppler: ${error.message}`,
          `Install it (Debian/Ubuntu): sudo ${PDF_INSTALL_HINT}; or export the page as an image (PNG, TIFF, JPEG) and import that`,
        );
      }
      if (error instanceof PdfPageError) throw new ScanInputError(file, error.message, error.hint);
      throw error;
    }
  }
  let meta: Metadata;
  try {
    meta = await sharp(input, { pages: 1 }).metadata();
  } catch (error) {
    throw new ScanInputError(file, `not an image sharp can read (${error instanceof Error ? error.message : String(error)})`, 'Import a JPEG, PNG, TIFF or WebP scan of the page, or a one-page PDF');
  }
  if (meta.format === 'pdf' && (meta.pages ?? 1) > 1) {
    throw new ScanInputError(file, `the PDF has ${meta.pages} pages, a scan is one page`, 'Split it into one file per page (e.g. `pdfseparate in.pdf page-%d.pdf`) and import each with its page number');
  }
  if ((meta.pages ?? 1) > 1 && meta.format !== 'pdf') {
    throw new ScanInputError(file, `the file holds ${meta.pages} images, a scan is one page`, 'Split it into one file per page and import each with its page number');
  }
  const width = meta.autoOrient?.width ?? meta.width;
  const height = meta.autoOrient?.height ?? meta.height;
  if (!width || !height) throw new ScanInputError(file, 'the image has no size', 'Check that the file is a complete image');
  const grey = meta.space === 'b-w' || meta.space === 'grey16' || meta.channels === 1 || (meta.channels === 2 && meta.hasAlpha);
  const upright = (meta.orientation ?? 1) === 1;

  if (meta.format === 'jpeg' && upright && isJpeg(input) && (meta.space === 'srgb' || meta.space === 'b-w')) {
    return { bytes: stripJpegMetadata(input), format: 'jpg', width, height };
  }
  // density only matters to the PDF loader (300 dpi: a page is rendered as a scanner would)
  let image = sharp(input, { pages: 1, density: meta.format === 'pdf' ? 300 : undefined, failOn: 'error' }).autoOrient();
  if (meta.hasAlpha) image = image.flatten({ background: '#ffffff' });
  image = grey ? image.toColourspace('b-w') : image.toColourspace('srgb');
  if (meta.format === 'jpeg') {
    const bytes = await image.jpeg({ quality: MASTER_JPEG_QUALITY, chromaSubsampling: '4:4:4', mozjpeg: true }).toBuffer();
    return { bytes, format: 'jpg', width, height };
  }
  const { data, info } = await image.png({ compressionLevel: 9, adaptiveFiltering: true }).toBuffer({ resolveWithObject: true });
  return { bytes: data, format: 'png', width: info.width, height: info.height };
}

function wordsPath(sha: string, store: string): string {
  return join(store, sha.slice(0, 2), `${sha}.words.json.gz`);
}

/**
 * Keep a page's words with their boxes next to its scan (gzip-compressed JSON, written
 * atomically), after checking them against the schema: every box inside the scan.
 */
export function writePageWords(words: PageWords, store = scanStore()): string {
  const result = pageWordsSchema.safeParse(words);
  if (!result.success) {
    // a bug of the caller (the importer made boxes from the OCR it read), named precisely
    const issue = result.error.issues[0]!;
    throw new Error(`[scan-store] page words of ${words.sha256}: ${issue.path.join('.')}: ${issue.message}`);
  }
  const checked = result.data;
  const path = wordsPath(checked.sha256, store);
  writeFileAtomic(path, gzipSync(JSON.stringify(checked), { level: 9 }));
  return path;
}

/** A scan's words, or undefined when none were stored for it. A damaged file names itself. */
export function readPageWords(sha: string, store = scanStore()): PageWords | undefined {
  const path = wordsPath(sha, store);
  if (!existsSync(path)) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(gunzipSync(readFileSync(path)).toString('utf8'));
  } catch (error) {
    throw new ScanInputError(path, `cannot be read (${error instanceof Error ? error.message : String(error)})`, 'Delete it and import the page again to read its words anew');
  }
  const result = pageWordsSchema.safeParse(parsed);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new ScanInputError(path, `${issue.path.join('.')}: ${issue.message}`, 'Delete it and import the page again to read its words anew');
  }
  if (result.data.sha256 !== sha) throw new ScanInputError(path, `holds the words of scan ${result.data.sha256.slice(0, 12)}…, not of ${sha.slice(0, 12)}…`, 'Delete it and import the page again');
  return result.data;
}

function ocrPath(sha: string, store: string): string {
  return join(store, sha.slice(0, 2), `${sha}.ocr.json.gz`);
}

/** Keep a page's OCR as it was read next to its scan (gzip-compressed JSON, written atomically). */
export function writePageOcr(ocr: PageOcr, store = scanStore()): string {
  const checked = pageOcrSchema.parse(ocr);
  const path = ocrPath(checked.sha256, store);
  writeFileAtomic(path, gzipSync(JSON.stringify(checked), { level: 9 }));
  return path;
}

/** A scan's OCR as kept, or undefined when none was kept for it. A damaged file names itself. */
export function readPageOcr(sha: string, store = scanStore()): PageOcr | undefined {
  const path = ocrPath(sha, store);
  if (!existsSync(path)) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(gunzipSync(readFileSync(path)).toString('utf8'));
  } catch (error) {
    throw new ScanInputError(path, `cannot be read (${error instanceof Error ? error.message : String(error)})`, 'Delete it and import the page again to read the scan anew');
  }
  const result = pageOcrSchema.safeParse(parsed);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new ScanInputError(path, `${issue.path.join('.')}: ${issue.message}`, 'Delete it and import the page again to read the scan anew');
  }
  if (result.data.sha256 !== sha) throw new ScanInputError(path, `holds the OCR of scan ${result.data.sha256.slice(0, 12)}…, not of ${sha.slice(0, 12)}…`, 'Delete it and import the page again');
  return result.data;
}
