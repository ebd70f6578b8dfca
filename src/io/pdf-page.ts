import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A page scan delivered as a one-page PDF, turned into an image with Poppler's programs
 * (Debian `poppler-utils`: pdfinfo, pdfimages, pdftoppm), called as programs like Tesseract.
 * The prebuilt libvips that sharp ships has no PDF loader, and the npm registry's PDF renderers
 * either bring a canvas of their own (pdf.js) or are AGPL (mupdf): Poppler is the Debian
 * program a maintainer has or gets with one apt-get line.
 *
 * A scanned page's PDF is one image filling the page. That image is taken out as it is
 * (`pdfimages`): a JPEG keeps the scanner's bytes (the same master as importing the JPEG itself,
 * no second generation of loss), a Flate image becomes a PNG of the same pixels. Any other PDF
 * (several images, text or vector drawing, a turned page, bitonal CCITT/JBIG2 or CMYK images) is
 * rendered with `pdftoppm` at the resolution of its largest image (its pixels per inch on the
 * page), or 300 dpi without images, as a scanner would.
 */

export const PDF_INSTALL_HINT = 'apt-get install poppler-utils';

/** Poppler is not installed (or POPPLER_DIR names a folder without its programs). */
export class PdfToolMissingError extends Error {
  constructor(program: string) {
    super(`the program \`${program}\` (Poppler) was not found`);
    this.name = 'PdfToolMissingError';
  }
}

/** A PDF Poppler cannot read, or one that is not one page; `message` says which. */
export class PdfPageError extends Error {
  readonly hint: string;
  constructor(message: string, hint: string) {
    super(message);
    this.name = 'PdfPageError';
    this.hint = hint;
  }
}

/** Where Poppler's programs are: POPPLER_DIR, else the PATH. */
function program(name: string): string {
  const dir = process.env.POPPLER_DIR;
  return dir ? join(dir, name) : name;
}

function run(name: string, args: string[]): Promise<string> {
  const path = program(name);
  return new Promise((resolve, reject) => {
    execFile(path, args, { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024, timeout: 120_000 }, (error, stdout, stderr) => {
      if (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') reject(new PdfToolMissingError(path));
        else reject(new PdfPageError(`not a PDF that ${name} can read (${(stderr || error.message).trim().split('\n')[0]})`, 'Check that the file is a complete PDF (open it in a viewer), or export the page as an image (PNG, TIFF, JPEG) and import that'));
        return;
      }
      resolve(stdout);
    });
  });
}

interface ListedImage {
  type: string;
  width: number;
  height: number;
  color: string;
  comp: number;
  enc: string;
  ppiX: number;
  ppiY: number;
}

/** The rows of `pdfimages -list` (page num type width height color comp bpc enc interp object ID x-ppi y-ppi size ratio). */
export function listedImages(list: string): ListedImage[] {
  const out: ListedImage[] = [];
  for (const line of list.split('\n')) {
    const cols = line.trim().split(/\s+/u);
    if (cols.length < 14 || !/^\d+$/u.test(cols[0]!)) continue;
    out.push({ type: cols[2]!, width: Number(cols[3]), height: Number(cols[4]), color: cols[5]!, comp: Number(cols[6]), enc: cols[8]!, ppiX: Number(cols[12]), ppiY: Number(cols[13]) });
  }
  return out;
}

/**
 * How to take the page's image out as it is (`pdfimages` flag and the file ending it writes), or
 * null when the page is not one grey or RGB JPEG or Flate image filling the whole unturned page.
 */
export function extractable(images: readonly ListedImage[], page: { widthPt: number; heightPt: number; rotate: number }): { flag: '-j' | '-png'; ext: 'jpg' | 'png' } | null {
  if (images.length !== 1 || page.rotate % 360 !== 0) return null;
  const image = images[0]!;
  if (image.type !== 'image' || !(image.comp === 1 || image.comp === 3) || !['gray', 'rgb', 'icc'].includes(image.color)) return null;
  if (!(image.ppiX > 0 && image.ppiY > 0)) return null;
  // the image fills the page: its size at its resolution is the page's, within 1 %
  const fills = (pixels: number, ppi: number, points: number) => Math.abs((pixels / ppi) * 72 - points) <= points * 0.01;
  if (!fills(image.width, image.ppiX, page.widthPt) || !fills(image.height, image.ppiY, page.heightPt)) return null;
  if (image.enc === 'jpeg') return { flag: '-j', ext: 'jpg' };
  if (image.enc === 'image' && image.color !== 'icc') return { flag: '-png', ext: 'png' };
  return null;
}

/** Resolution bounds: below 150 dpi Chinese body type is unreadable; above 600 a page is hundreds of MB. */
const MIN_DPI = 150;
const MAX_DPI = 600;
const DEFAULT_DPI = 300;

export interface PdfPageImage {
  /** The page's image: the scanner's JPEG, or a PNG. */
  bytes: Buffer;
  /** Taken out as it is, or rendered (at `dpi`). */
  how: 'extracted' | 'rendered';
  dpi: number;
}

/**
 * The image of a one-page PDF (its bytes). Throws PdfToolMissingError without Poppler and
 * PdfPageError for a PDF that cannot be read or holds more than one page.
 */
export async function pdfPageImage(pdf: Uint8Array): Promise<PdfPageImage> {
  const dir = await mkdtemp(join(tmpdir(), 'archive-pdf-'));
  try {
    const input = join(dir, 'page.pdf');
    await writeFile(input, pdf);
    const info = await run('pdfinfo', [input]);
    const pages = Number(/^Pages:\s+(\d+)/mu.exec(info)?.[1] ?? Number.NaN);
    if (pages !== 1) {
      throw new PdfPageError(
        Number.isFinite(pages) ? `the PDF has ${pages} pages, a scan is one page` : 'pdfinfo does not say how many pages the PDF has',
        'Split it into one file per page (e.g. `pdfseparate in.pdf page-%d.pdf`) and import each with its page number',
      );
    }
    const size = /^Page size:\s+([\d.]+) x ([\d.]+) pts/mu.exec(info);
    const rotate = Number(/^Page rot:\s+(-?\d+)/mu.exec(info)?.[1] ?? 0);
    const images = listedImages(await run('pdfimages', ['-list', '-f', '1', '-l', '1', input]));
    const out = join(dir, 'page');
    const take = size ? extractable(images, { widthPt: Number(size[1]), heightPt: Number(size[2]), rotate }) : null;
    if (take) {
      await run('pdfimages', ['-f', '1', '-l', '1', take.flag, input, out]);
      return { bytes: await readFile(`${out}-000.${take.ext}`), how: 'extracted', dpi: Math.round(images[0]!.ppiX) };
    }
    const largest = images.filter((image) => image.type === 'image' && image.ppiX > 0).sort((a, b) => b.width * b.height - a.width * a.height)[0];
    const dpi = largest ? Math.round(Math.min(MAX_DPI, Math.max(MIN_DPI, Math.max(largest.ppiX, largest.ppiY)))) : DEFAULT_DPI;
    const grey = images.length > 0 && images.every((image) => image.color === 'gray');
    await run('pdftoppm', ['-f', '1', '-l', '1', '-r', String(dpi), '-png', ...(grey ? ['-gray'] : []), '-singlefile', input, out]);
    return { bytes: await readFile(`${out}.png`), how: 'rendered', dpi };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
