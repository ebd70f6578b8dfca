import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp, { type OutputInfo, type Sharp } from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scannedPdf } from '../../tests/support/pdf.ts';
import type { PageWords } from '../schemas/page-words.ts';
import { findStoredScan, readPageWords, requireScan, scanPath, scanStore, ScanInputError, storeScan, writePageWords } from './scan-store.ts';

/** A small "page": dark text-like bars on paper, different in each quarter so that rotation shows. */
async function page(width: number, height: number, channels: 1 | 3 = 3): Promise<Sharp> {
  const bars = Array.from({ length: 12 }, (_, i) => `<rect x="${10 + (i % 3) * 20}" y="${10 + i * 8}" width="${12 + i}" height="4" fill="#222"/>`).join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect width="100%" height="100%" fill="#f4f1e8"/>${bars}<rect x="${width - 20}" y="${height - 30}" width="15" height="25" fill="#a00"/></svg>`;
  const image = sharp(Buffer.from(svg));
  return channels === 1 ? image.flatten({ background: '#ffffff' }).toColourspace('b-w') : image;
}

async function pixels(input: string | Uint8Array): Promise<{ data: Buffer; info: OutputInfo }> {
  return sharp(input).raw().toBuffer({ resolveWithObject: true });
}

describe('scan store', () => {
  let dir: string;
  let store: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'scan-store-'));
    store = join(dir, 'scans');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps an upright JPEG bit for bit in its image data, without its EXIF, GPS or comment', async () => {
    const input = join(dir, 'upright.jpg');
    await (await page(120, 160)).jpeg({ quality: 80 }).withExif({ IFD0: { Copyright: 'Scanner Co', Artist: 'someone' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '27/1 41/1 0/1' } }).toFile(input);
    expect((await sharp(input).metadata()).exif).toBeDefined();

    const scan = await storeScan(input, { store, source: 'scans/03.jpg' });
    expect(scan).toMatchObject({ format: 'jpg', width: 120, height: 160, source: 'scans/03.jpg' });
    const master = readFileSync(scanPath(scan, store));
    expect(scan.file).toBe(`${scan.sha256.slice(0, 2)}/${scan.sha256}.jpg`);
    expect(createHash('sha256').update(master).digest('hex')).toBe(scan.sha256);
    expect(scan.bytes).toBe(master.length);
    const meta = await sharp(master).metadata();
    expect(meta.exif).toBeUndefined();
    expect(master.includes(Buffer.from('Scanner Co'))).toBe(false);
    // not encoded again: the decoded pixels are the input's
    expect((await pixels(master)).data.equals((await pixels(input)).data)).toBe(true);
  });

  it('turns a JPEG upright by its EXIF orientation and strips it', async () => {
    const input = join(dir, 'rotated.jpg');
    // stored 160 wide and 120 high, to be shown turned 90° clockwise (orientation 6)
    await (await page(160, 120)).jpeg({ quality: 90 }).withMetadata({ orientation: 6 }).toFile(input);
    const scan = await storeScan(input, { store });
    expect(scan).toMatchObject({ format: 'jpg', width: 120, height: 160, source: 'rotated.jpg' });
    const meta = await sharp(scanPath(scan, store)).metadata();
    expect([meta.width, meta.height, meta.orientation ?? 1, meta.exif]).toEqual([120, 160, 1, undefined]);
    // the red mark at the bottom right of the stored image is at the bottom left once turned
    const { data, info } = await pixels(scanPath(scan, store));
    const at = (x: number, y: number) => data[(y * info.width + x) * info.channels]!;
    expect(at(10, 150)).toBeGreaterThan(120);
    expect(at(110, 150)).toBeGreaterThan(200);
  });

  it('stores a PNG with transparency as an opaque lossless PNG with the same pixels', async () => {
    const input = join(dir, 'alpha.png');
    await (await page(90, 130)).ensureAlpha(0.5).png().toFile(input);
    const scan = await storeScan(input, { store });
    expect(scan).toMatchObject({ format: 'png', width: 90, height: 130 });
    const meta = await sharp(scanPath(scan, store)).metadata();
    expect(meta.hasAlpha).toBe(false);
    const flat = await sharp(input).flatten({ background: '#ffffff' }).raw().toBuffer();
    expect((await pixels(scanPath(scan, store))).data.equals(flat)).toBe(true);
  });

  it('keeps a greyscale TIFF greyscale, as PNG', async () => {
    const input = join(dir, 'grey.tif');
    await (await page(100, 140, 1)).tiff({ compression: 'lzw' }).toFile(input);
    expect((await sharp(input).metadata()).channels).toBe(1);
    const scan = await storeScan(input, { store });
    expect(scan).toMatchObject({ format: 'png', width: 100, height: 140 });
    const meta = await sharp(scanPath(scan, store)).metadata();
    expect([meta.channels, meta.space]).toEqual([1, 'b-w']);
    expect((await pixels(scanPath(scan, store))).data.equals((await pixels(input)).data)).toBe(true);
  });

  it('does no work for a file it has stored before, and finds it without decoding it', async () => {
    const input = join(dir, 'again.png');
    await (await page(80, 100)).png().toFile(input);
    expect(findStoredScan(input, { store })).toBeUndefined();
    const first = await storeScan(input, { store });
    const master = scanPath(first, store);
    const before = statSync(master).mtimeMs;
    const files = readdirSync(store, { recursive: true }).length;

    expect(findStoredScan(input, { store, source: 'scans/05.png' })).toEqual({ ...first, source: 'scans/05.png' });
    const second = await storeScan(input, { store });
    expect(second).toEqual(first);
    expect(statSync(master).mtimeMs).toBe(before);
    expect(readdirSync(store, { recursive: true })).toHaveLength(files);
    // no temp file is left anywhere
    expect(readdirSync(store, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('stores a scanned one-page PDF as the scanner\'s JPEG itself, and does not take it out twice', async () => {
    const jpeg = await (await page(300, 420)).jpeg({ quality: 90 }).toBuffer();
    const input = join(dir, 'page.pdf');
    writeFileSync(input, scannedPdf(jpeg, { width: 300, height: 420, dpi: 150 }));
    const scan = await storeScan(input, { store, source: 'scans/03.pdf' });
    expect(scan).toMatchObject({ format: 'jpg', width: 300, height: 420, source: 'scans/03.pdf' });
    // the very master the JPEG itself gives: no second generation of JPEG loss
    const asJpeg = join(dir, 'page-as-jpeg.jpg');
    writeFileSync(asJpeg, jpeg);
    expect((await storeScan(asJpeg, { store })).sha256).toBe(scan.sha256);
    // the second time the PDF's checksum finds the master: Poppler is not even asked
    const saved = process.env.POPPLER_DIR;
    process.env.POPPLER_DIR = join(dir, 'no-poppler');
    try {
      expect(await storeScan(input, { store, source: 'scans/03.pdf' })).toEqual(scan);
    } finally {
      if (saved === undefined) delete process.env.POPPLER_DIR;
      else process.env.POPPLER_DIR = saved;
    }
  });

  it('renders a PDF page that is more than its image, at the image\'s resolution, into a PNG master', async () => {
    const jpeg = await (await page(300, 420)).jpeg({ quality: 90 }).toBuffer();
    const input = join(dir, 'laid-out.pdf');
    // a page with 36 pt (half an inch) of paper around the image, at 150 dpi: 75 px more each way
    writeFileSync(input, scannedPdf(jpeg, { width: 300, height: 420, dpi: 150, margin: 36 }));
    const scan = await storeScan(input, { store, source: 'scans/04.pdf' });
    expect(scan).toMatchObject({ format: 'png', width: 450, height: 570 });
    // the image sits in the middle of the rendered page, as drawn
    const [master, original] = await Promise.all([sharp(readFileSync(scanPath(scan, store))).extract({ left: 75, top: 75, width: 300, height: 420 }).removeAlpha().toColourspace('srgb').raw().toBuffer(), sharp(jpeg).raw().toBuffer()]);
    let diff = 0;
    for (let i = 0; i < original.length; i++) diff += Math.abs(master[i]! - original[i]!);
    expect(diff / original.length).toBeLessThan(4);
  });

  it('refuses a PDF of several pages, a broken PDF, and a PDF without Poppler, each with the fix', async () => {
    const jpeg = await (await page(100, 140)).jpeg().toBuffer();
    const twoPages = join(dir, 'two.pdf');
    writeFileSync(twoPages, scannedPdf(jpeg, { width: 100, height: 140, dpi: 100 }, 2));
    await expect(storeScan(twoPages, { store })).rejects.toThrow(/two\.pdf: the PDF has 2 pages, a scan is one page\. Split it into one file per page \(e\.g\. `pdfseparate/su);
    const broken = join(dir, 'broken.pdf');
    writeFileSync(broken, '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
    await expect(storeScan(broken, { store })).rejects.toThrow(/broken\.pdf: not a PDF that pdfinfo can read .*Check that the file is a complete PDF/su);
    const one = join(dir, 'one.pdf');
    writeFileSync(one, scannedPdf(jpeg, { width: 100, height: 140, dpi: 100 }));
    const saved = process.env.POPPLER_DIR;
    process.env.POPPLER_DIR = join(dir, 'no-poppler');
    try {
      const refusal = await storeScan(one, { store }).catch((error: unknown) => error);
      expect(refusal).toBeInstanceOf(ScanInputError);
      expect(String(refusal)).toMatch(/one\.pdf: reading a PDF needs Poppler: the program `.*no-poppler\/pdfinfo` \(Poppler\) was not found\. Install it \(Debian\/Ubuntu\): sudo apt-get install poppler-utils/su);
    } finally {
      if (saved === undefined) delete process.env.POPPLER_DIR;
      else process.env.POPPLER_DIR = saved;
    }
  });

  it('refuses a file that is no image', async () => {
    const text = join(dir, '03.txt');
    writeFileSync(text, '志愿服务聚合力\n');
    await expect(storeScan(text, { store })).rejects.toThrow(/03\.txt: not an image sharp can read.*JPEG, PNG, TIFF or WebP/su);
    await expect(storeScan(join(dir, 'missing.png'), { store })).rejects.toThrow(/missing\.png: no such file/u);
  });

  it('names the store and the fix when a scan of issue.yml is missing from it', () => {
    const scan = { sha256: 'a'.repeat(64), file: `aa/${'a'.repeat(64)}.png` };
    expect(() => requireScan(scan, store)).toThrow(/not in the scan store.*ARCHIVE_SCAN_DIR/su);
  });

  it('is beside the content folder unless ARCHIVE_SCAN_DIR says otherwise', () => {
    const saved = { content: process.env.ARCHIVE_CONTENT_DIR, scans: process.env.ARCHIVE_SCAN_DIR };
    try {
      process.env.ARCHIVE_CONTENT_DIR = join(dir, 'archive', 'content');
      delete process.env.ARCHIVE_SCAN_DIR;
      expect(scanStore()).toBe(join(dir, 'archive', 'scans'));
      process.env.ARCHIVE_SCAN_DIR = join(dir, 'elsewhere');
      expect(scanStore()).toBe(join(dir, 'elsewhere'));
    } finally {
      for (const [key, value] of [['ARCHIVE_CONTENT_DIR', saved.content], ['ARCHIVE_SCAN_DIR', saved.scans]] as const) {
        if (value === undefined) delete process.env[key];
        else process.env[key] = value;
      }
    }
  });

  describe('page words', () => {
    const sha = 'b'.repeat(64);
    const words: PageWords = {
      sha256: sha,
      width: 1000,
      height: 1400,
      engine: 'tesseract 5.3.0 chi_sim hocr',
      lines: [
        {
          box: { x: 100, y: 200, w: 300, h: 40 },
          words: [
            { text: '疫情', box: { x: 100, y: 200, w: 80, h: 40 }, chars: [{ x: 100, y: 200, w: 40, h: 40 }, { x: 140, y: 200, w: 40, h: 40 }], confidence: 91 },
            { text: '防控', box: { x: 190, y: 200, w: 80, h: 40 } },
          ],
        },
      ],
    };

    it('are kept compressed next to the scan and read back as written', () => {
      const path = writePageWords(words, store);
      expect(path).toBe(join(store, 'bb', `${sha}.words.json.gz`));
      expect(readFileSync(path).subarray(0, 2)).toEqual(Buffer.from([0x1f, 0x8b]));
      expect(readPageWords(sha, store)).toEqual(words);
      expect(readPageWords('c'.repeat(64), store)).toBeUndefined();
    });

    it('refuse a box outside the scan and characters that do not match the word', () => {
      const outside = structuredClone(words);
      outside.lines[0]!.words[1]!.box.x = 950;
      expect(() => writePageWords(outside, store)).toThrow(/"防控" reaches outside the 1000x1400 scan/u);
      const chars = structuredClone(words);
      chars.lines[0]!.words[0]!.chars!.pop();
      expect(() => writePageWords(chars, store)).toThrow(/one box per character/u);
    });

    it('name a damaged file and what to do', () => {
      const sha2 = 'd'.repeat(64);
      const path = writePageWords({ ...words, sha256: sha2 }, store);
      writeFileSync(path, 'not gzip');
      expect(() => readPageWords(sha2, store)).toThrow(new RegExp(`${sha2}\\.words\\.json\\.gz: cannot be read.*import the page again`, 'su'));
    });
  });
});
