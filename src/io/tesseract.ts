import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { bylineLines, hocrWords, shiftWords, spliceRereads } from '../lib/ocr/reread.ts';
import { estimateSkew } from '../lib/scan/skew.ts';

/**
 * Tesseract 5, the Debian program with the Debian packages' models, run on one page image with
 * plain text, hOCR and TSV out in one pass. (The npm registry's Chinese models,
 * `@tesseract.js-data/*`, were measured and not taken: names read better, body text worse; see
 * docs/0001's seventh-session addendum.) Output is cached under `.cache/ocr/` by (image
 * SHA-256, Tesseract version, options), so scoring again after a parser change costs seconds.
 * The defaults were chosen by measurement: docs/0001-ocr-engine-settings.md.
 */

export interface TesseractOptions {
  /** Traineddata, e.g. `chi_sim` or `chi_sim+chi_tra`. */
  lang: string;
  /** Page segmentation mode (`--psm`): 1 auto with orientation, 3 auto, 4 one column, 6 one block. */
  psm: number;
  /** Resolution passed as `--dpi` (null: let Tesseract guess from the image). */
  dpi: number | null;
  /** OpenMP threads for one Tesseract process (OMP_THREAD_LIMIT); 1 when pages run in parallel. */
  threads: number;
  /** Straighten the page first by the skew measured on its text lines (±3°). */
  deskew: boolean;
  /** Resize the image by this factor before OCR (1: as is). */
  scale: number;
  /** Binarise before OCR: `none` leaves it to Tesseract (Otsu), a number is a fixed grey threshold. */
  threshold: 'none' | number;
  /** Extra `-c name=value` settings. */
  config: Record<string, string>;
  /** Read each byline's line again on its own, cropped from the page (src/lib/ocr/reread.ts). */
  rereadBylines: boolean;
}

/**
 * Chosen on `npm run eval:ocr` (docs/0001-ocr-engine-settings.md): automatic page segmentation
 * without OSD (psm 4 and 6 read across the columns), 300 dpi, the page straightened first (half
 * the misreads, straighter columns for the reading order), no scaling (0.7 lost small type:
 * 1.3 % -> 18 % misreads), Tesseract's own binarisation, one thread per process (OpenMP threads
 * spin on a busy machine; run pages in parallel instead). `chi_sim` for papers printed in
 * simplified characters; use `chi_tra` alone for traditional ones (`chi_sim+chi_tra` misreads
 * simplified pages six times as often as `chi_sim`).
 */
export const DEFAULT_TESSERACT_OPTIONS: TesseractOptions = {
  lang: 'chi_sim',
  psm: 3,
  dpi: 300,
  threads: 1,
  deskew: true,
  scale: 1,
  threshold: 'none',
  // Tesseract's table finder takes a page of narrow aligned columns for a table and reads its
  // rows straight across the gutters: off, the columns stay columns (docs/0001, 2026-12-07)
  config: { textord_tabfind_find_tables: '0' },
  // names in bylines read alone are misread less often (docs/0001, eleventh session)
  rereadBylines: true,
};

export const TESSERACT_INSTALL_HINT = 'apt-get install tesseract-ocr tesseract-ocr-chi-sim tesseract-ocr-chi-tra';

/** Tesseract is not installed, or a language it needs is missing. */
export class TesseractMissingError extends Error {
  constructor(detail: string) {
    super(`[tesseract] ${detail}. Install it with: ${TESSERACT_INSTALL_HINT}`);
    this.name = 'TesseractMissingError';
  }
}

export interface OcrResult {
  text: string;
  hocr: string;
  tsv: string;
  /** Size of the image Tesseract read (after preprocessing). */
  width: number;
  height: number;
  /** The preprocessing's geometry: the page was scaled by `scale`, then turned by `rotateDeg` about its centre. */
  scale: number;
  rotateDeg: number;
  /** Wall-clock seconds of preprocessing and of the Tesseract run when it ran (kept in the cache). */
  seconds: { preprocess: number; ocr: number };
  /** Byline lines read again from crops, how many of them the new reading changed, and the seconds it took (null: not asked). */
  reread: { lines: number; changed: number; seconds: number } | null;
  /** True when the result came from the cache. */
  cached: boolean;
  version: string;
}

const BINARY = process.env.TESSERACT_PATH ?? 'tesseract';

function run(args: string[], env: NodeJS.ProcessEnv = process.env): Promise<{ stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    execFile(BINARY, args, { env, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') reject(new TesseractMissingError(`the program \`${BINARY}\` was not found`));
        else if (/Failed loading language|Error opening data file/u.test(stderr)) reject(new TesseractMissingError(`a language is missing (${stderr.trim().split('\n')[0]})`));
        else reject(new Error(`[tesseract] ${args.join(' ')} failed: ${stderr.trim() || error.message}`));
        return;
      }
      resolve({ stdout, stderr });
    });
  });
}

let versionPromise: Promise<string> | null = null;

/** `tesseract 5.3.0`, or a TesseractMissingError. */
export function tesseractVersion(): Promise<string> {
  versionPromise ??= run(['--version']).then(({ stdout, stderr }) => (stdout || stderr).split('\n')[0]!.trim());
  return versionPromise;
}

/** The languages installed, e.g. ['chi_sim', 'chi_tra', 'eng', 'osd']. */
export async function tesseractLanguages(): Promise<string[]> {
  const { stdout } = await run(['--list-langs']);
  return stdout.split('\n').slice(1).map((s) => s.trim()).filter(Boolean);
}

/** Stop early, with the install line, when Tesseract or one of the languages is missing. */
export async function requireTesseract(lang: string): Promise<string> {
  const version = await tesseractVersion();
  const have = new Set(await tesseractLanguages());
  const missing = lang.split('+').filter((l) => !have.has(l));
  if (missing.length > 0) throw new TesseractMissingError(`Tesseract has no ${missing.join(', ')} traineddata`);
  return version;
}

/**
 * The version of what `preprocess` does to an image before Tesseract sees it, part of the cache
 * key: raise it when preprocessing changes (2: skew found by row-count differences), so that a
 * cached result is never one of the old preprocessing.
 */
const PREPROCESS_VERSION = 2;

/** The version of how bylines are read again (reread.ts), part of the cache key when they are. */
const REREAD_VERSION = 8;

/**
 * The cache key of Tesseract's own reading of the page. Threads change the time, not the output;
 * the bylines' second reading is cached apart (rereadKey), so that a change to it does not read
 * whole pages again.
 */
function cacheKey(image: Buffer, version: string, options: TesseractOptions): string {
  const imageHash = createHash('sha256').update(image).digest('hex');
  const { threads: _threads, rereadBylines: _reread, ...rest } = options;
  const opts = JSON.stringify(rest, Object.keys(rest).sort());
  return createHash('sha256').update(`${imageHash}\n${version}\n${opts}\n${JSON.stringify(rest.config)}\npreprocess ${PREPROCESS_VERSION}`).digest('hex');
}

function rereadKey(pageKey: string): string {
  return createHash('sha256').update(`${pageKey}\nreread ${REREAD_VERSION}`).digest('hex');
}

async function readCache(dir: string | null): Promise<OcrResult | null> {
  if (!dir) return null;
  try {
    const meta = JSON.parse(await readFile(join(dir, 'meta.json'), 'utf8')) as Omit<OcrResult, 'text' | 'hocr' | 'tsv' | 'cached'>;
    const [text, hocr, tsv] = await Promise.all(['out.txt', 'out.hocr', 'out.tsv'].map((f) => readFile(join(dir, f), 'utf8')));
    return { ...meta, reread: meta.reread ?? null, text: text!, hocr: hocr!, tsv: tsv!, cached: true };
  } catch {
    return null;
  }
}

/** Scale, deskew and binarise as the options say; the geometry of what was done. */
async function preprocess(image: Buffer, options: TesseractOptions): Promise<{ data: Buffer; width: number; height: number; rotateDeg: number }> {
  let img = sharp(image).greyscale();
  const meta = await sharp(image).metadata();
  let width = meta.width!;
  let height = meta.height!;
  if (options.scale !== 1) {
    width = Math.round(width * options.scale);
    height = Math.round(height * options.scale);
    img = img.resize(width, height, { kernel: 'lanczos3' });
  }
  let rotateDeg = 0;
  if (options.deskew) {
    const raw = await img.clone().raw().toBuffer({ resolveWithObject: true });
    const skew = estimateSkew(raw.data, raw.info.width, raw.info.height, raw.info.channels);
    if (Math.abs(skew) >= 0.05) {
      rotateDeg = -skew;
      const rotated = await img.rotate(rotateDeg, { background: '#ffffff' }).raw().toBuffer({ resolveWithObject: true });
      img = sharp(rotated.data, { raw: rotated.info }).extract({ left: Math.round((rotated.info.width - width) / 2), top: Math.round((rotated.info.height - height) / 2), width, height });
    }
  }
  if (options.threshold !== 'none') img = img.threshold(options.threshold);
  const data = await img.png({ compressionLevel: 1 }).toBuffer();
  return { data, width, height, rotateDeg };
}

/** The command line for one Tesseract run: an image (or a list of images), the options, what to write. */
function tesseractArgs(input: string, outBase: string, options: TesseractOptions, psm: number, outputs: string[]): string[] {
  const args = [input, outBase, '-l', options.lang, '--psm', String(psm)];
  if (options.dpi !== null) args.push('--dpi', String(options.dpi));
  for (const [name, value] of Object.entries(options.config)) args.push('-c', `${name}=${value}`);
  return [...args, ...outputs];
}

/**
 * OCR one page image. `cacheDir` (default `.cache/ocr`) keeps every result; a hit returns at
 * once with `cached: true` and the seconds the run took when it ran.
 */
export async function ocrImage(image: Buffer, options: TesseractOptions = DEFAULT_TESSERACT_OPTIONS, cacheDir: string | null = '.cache/ocr'): Promise<OcrResult> {
  const version = await tesseractVersion();
  const key = cacheKey(image, version, options);
  const entry = (k: string) => (cacheDir ? join(cacheDir, k.slice(0, 2), k) : null);
  const rereadDir = options.rereadBylines ? entry(rereadKey(key)) : null;
  const done = await readCache(options.rereadBylines ? rereadDir : entry(key));
  if (done) return done;
  const work = await mkdtemp(join(tmpdir(), 'ocr-'));
  try {
    let pre: Awaited<ReturnType<typeof preprocess>> | null = null;
    let page = await readCache(entry(key));
    if (!page) {
      const t0 = performance.now();
      pre = await preprocess(image, options);
      const t1 = performance.now();
      const input = join(work, 'page.png');
      await writeFile(input, pre.data);
      await run(tesseractArgs(input, join(work, 'out'), options, options.psm, ['txt', 'hocr', 'tsv']), { ...process.env, OMP_THREAD_LIMIT: String(options.threads) });
      const [text, hocr, tsv] = await Promise.all(['out.txt', 'out.hocr', 'out.tsv'].map((f) => readFile(join(work, f), 'utf8')));
      page = {
        text: text!,
        hocr: hocr!,
        tsv: tsv!,
        width: pre.width,
        height: pre.height,
        scale: options.scale,
        rotateDeg: pre.rotateDeg,
        seconds: { preprocess: (t1 - t0) / 1000, ocr: (performance.now() - t1) / 1000 },
        reread: null,
        cached: false,
        version,
      };
      const pageDir = entry(key);
      if (pageDir) await writeCache(pageDir, page);
    }
    if (!options.rereadBylines) return page;
    const t2 = performance.now();
    pre ??= await preprocess(image, options);
    const reread = await rereadBylines(pre.data, page.hocr, options, work);
    const result: OcrResult = {
      ...page,
      hocr: reread.hocr,
      seconds: { preprocess: page.seconds.preprocess, ocr: page.seconds.ocr + (performance.now() - t2) / 1000 },
      reread: { lines: reread.lines, changed: reread.changed, seconds: (performance.now() - t2) / 1000 },
      cached: false,
    };
    if (rereadDir) await writeCache(rereadDir, result);
    return result;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/**
 * The page's hOCR with each byline's line read again from a crop of the image Tesseract read
 * (a quarter of the line's height around it, `--psm 7`), in one Tesseract run over all the
 * crops: the words of the byline are the crop's reading where it is a byline (reread.ts).
 */
async function rereadBylines(image: Buffer, hocr: string, options: TesseractOptions, work: string): Promise<{ hocr: string; lines: number; changed: number }> {
  const lines = bylineLines(hocr);
  if (lines.length === 0) return { hocr, lines: 0, changed: 0 };
  const { width, height } = await sharp(image).metadata();
  const inside = lines.filter((line) => line.box.x1 > line.box.x0 && line.box.y1 > line.box.y0 && line.box.x0 < width! && line.box.y0 < height!);
  if (inside.length === 0) return { hocr, lines: 0, changed: 0 };
  const crops = await Promise.all(
    inside.map(async (line, i) => {
      const pad = Math.round((line.box.y1 - line.box.y0) * 0.25);
      const left = Math.max(0, line.box.x0 - pad);
      const top = Math.max(0, line.box.y0 - pad);
      const file = join(work, `byline-${i}.png`);
      await sharp(image).extract({ left, top, width: Math.min(width!, line.box.x1 + pad) - left, height: Math.min(height!, line.box.y1 + pad) - top }).png({ compressionLevel: 1 }).toFile(file);
      return { line, left, top, file };
    }),
  );
  await writeFile(join(work, 'bylines.txt'), `${crops.map((c) => c.file).join('\n')}\n`);
  await run(tesseractArgs(join(work, 'bylines.txt'), join(work, 'bylines'), options, 7, ['hocr']), { ...process.env, OMP_THREAD_LIMIT: String(options.threads) });
  // one ocr_page per crop, named by its image file (title='image "…/byline-3.png"; bbox …')
  const pages = (await readFile(join(work, 'bylines.hocr'), 'utf8')).split("<div class='ocr_page'").slice(1);
  const pageOf = (file: string) => pages.find((page) => page.slice(0, page.indexOf('>')).includes(`"${file}"`)) ?? '';
  const rereads = new Map(crops.map((c) => [c.line.id, shiftWords(hocrWords(pageOf(c.file)), c.left, c.top)] as const));
  return { ...spliceRereads(hocr, rereads), lines: crops.length };
}

/** Write the cache entry into a temporary folder, then rename it into place (atomic). */
async function writeCache(dir: string, result: OcrResult): Promise<void> {
  const temp = `${dir}.tmp-${process.pid}-${Math.random().toString(36).slice(2)}`;
  await mkdir(temp, { recursive: true });
  const { text, hocr, tsv, cached: _cached, ...meta } = result;
  await Promise.all([writeFile(join(temp, 'out.txt'), text), writeFile(join(temp, 'out.hocr'), hocr), writeFile(join(temp, 'out.tsv'), tsv), writeFile(join(temp, 'meta.json'), JSON.stringify(meta))]);
  try {
    await rename(temp, dir);
  } catch {
    // another process wrote the same entry first: keep theirs
    await rm(temp, { recursive: true, force: true });
  }
}
