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
 * A scanned page's PDF is one image on a page: it is rendered at that image's own resolution
 * (its pixels per inch on the page, from `pdfimages -list`), so the master has the scanner's
 * pixels, neither blown up nor thinned out; a PDF without images (typeset, not scanned) at 300
 * dpi, as a scanner would. Greyscale images stay greyscale.
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

/** Pixels per inch of the largest image on page 1, and whether every image there is grey; null when it holds none. */
export function pageImages(list: string): { ppi: number; grey: boolean } | null {
  // page num type width height color comp bpc enc interp object ID x-ppi y-ppi size ratio
  let best: { area: number; ppi: number } | null = null;
  let grey = true;
  for (const line of list.split('\n')) {
    const cols = line.trim().split(/\s+/u);
    if (cols.length < 14 || !/^\d+$/u.test(cols[0]!) || cols[2] !== 'image') continue;
    const width = Number(cols[3]);
    const height = Number(cols[4]);
    const ppi = Math.max(Number(cols[12]), Number(cols[13]));
    if (cols[5] !== 'gray' && cols[5] !== 'mono') grey = false;
    if (!Number.isFinite(ppi) || ppi <= 0) continue;
    if (!best || width * height > best.area) best = { area: width * height, ppi };
  }
  return best ? { ppi: best.ppi, grey } : null;
}

/** Resolution bounds: below 150 dpi Chinese body type is unreadable; above 600 a page is hundreds of MB. */
const MIN_DPI = 150;
const MAX_DPI = 600;
const DEFAULT_DPI = 300;

export interface RenderedPdfPage {
  /** The page as a PNG. */
  png: Buffer;
  /** The resolution it was rendered at. */
  dpi: number;
  /** What decided the resolution. */
  from: 'its image' | 'default';
}

/**
 * Render a one-page PDF (its bytes) to a PNG. Throws PdfToolMissingError without Poppler and
 * PdfPageError for a PDF that cannot be read or holds more than one page.
 */
export async function renderPdfPage(pdf: Uint8Array): Promise<RenderedPdfPage> {
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
    const images = pageImages(await run('pdfimages', ['-list', '-f', '1', '-l', '1', input]));
    const dpi = images ? Math.round(Math.min(MAX_DPI, Math.max(MIN_DPI, images.ppi))) : DEFAULT_DPI;
    const out = join(dir, 'page');
    await run('pdftoppm', ['-f', '1', '-l', '1', '-r', String(dpi), '-png', ...(images?.grey ? ['-gray'] : []), '-singlefile', input, out]);
    return { png: await readFile(`${out}.png`), dpi, from: images ? 'its image' : 'default' };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
