import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { launchBrowser } from '../src/io/browser.ts';
import { degradeImage } from '../src/io/degrade-image.ts';
import { renderPage } from '../src/io/render-page.ts';
import { pageToScan } from '../src/lib/ocr-eval/boxes.ts';
import { CLEAN } from '../src/lib/ocr-eval/degrade.ts';
import { layoutPage } from '../src/lib/ocr-eval/page-layout.ts';
import { SAMPLE_PAGE } from '../src/lib/ocr-eval/sample-page.ts';
import type { PageTruth } from '../src/lib/ocr-eval/truth.ts';
import { mdxToParagraphs } from '../src/lib/mdx-text.ts';
import { articleSchema, type ArticleFrontmatter } from '../src/schemas/article.ts';
import { issueSchema } from '../src/schemas/issue.ts';
import { parsedPageSchema } from '../src/schemas/parsed-page.ts';
import { pageWordsSchema } from '../src/schemas/page-words.ts';
import type { Box } from '../src/schemas/scan.ts';
import { gunzipSync } from 'node:zlib';
import { createRng } from '../src/lib/random.ts';
import { scannedPdf } from '../tests/support/pdf.ts';
import { contentTree } from './io/content-tree.ts';

/**
 * Scans through the import CLI, as a maintainer uses it: a real process, real files, Tesseract
 * (its results cached in .cache/ocr, so a second run of these tests does not OCR again). The
 * pages are laid out and rendered here from known items, so where each item is printed is
 * known: every region the import records must lie on its page and cover its item's text.
 */
const ROOT = resolve(import.meta.dirname, '..');
const FIXTURES = resolve(ROOT, 'tests/fixtures/ocr-positioned');
const EXAMPLE = resolve(ROOT, 'examples/zunyi-daily-2023-01-17');
const SKEW = 1.2;

let scratch: string;
let browser: Browser;
let truth: PageTruth;
let png: Buffer;
let skewed: Buffer;

function run(args: string[], options: { content: string; env?: Record<string, string> }) {
  const result = spawnSync(process.execPath, [resolve(ROOT, 'scripts/import.ts'), ...args, '--content', options.content], {
    cwd: scratch,
    encoding: 'utf8',
    env: { ...process.env, ...options.env },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A content folder of its own (and so a scan store of its own beside it) with the paper. */
function freshArchive(): string {
  const root = mkdtempSync(join(scratch, 'archive-'));
  mkdirSync(join(root, 'content/papers'), { recursive: true });
  cpSync(resolve(ROOT, 'content/papers/zunyi-daily.yml'), join(root, 'content/papers/zunyi-daily.yml'));
  return join(root, 'content');
}


function issueFolder(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(join(scratch, 'issue-'));
  for (const [name, data] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), data);
  }
  return dir;
}

interface Article {
  file: string;
  data: ArticleFrontmatter;
  text: string;
}

/** The articles of a page as written, each with all the text it prints. */
function articles(content: string, page: string): Article[] {
  const dir = join(content, 'zunyi-daily/2023-01-17', page);
  return readdirSync(dir)
    .filter((name) => name.endsWith('.mdx'))
    .sort()
    .map((name) => {
      const file = readFileSync(join(dir, name), 'utf8');
      const [, yaml, body] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/u.exec(file)!;
      const data = articleSchema.parse(parseYaml(yaml!));
      const text = [data.column, data.kicker, data.title, data.subtitle, data.dateline, data.credit, ...mdxToParagraphs(body!)].filter(Boolean).join('');
      return { file: name, data, text };
    });
}

/** Characters only: an independent normalisation (not the aligner's), for finding a printed line in an article. */
const strip = (text: string) => text.replace(/[\s\p{P}\p{S}]/gu, '');
const centre = (box: Box): [number, number] => [box.x + box.w / 2, box.y + box.h / 2];
const inside = ([x, y]: [number, number], boxes: readonly Box[]) => boxes.some((b) => x >= b.x && x <= b.x + b.w && y >= b.y && y <= b.y + b.h);

/**
 * Every region on the page, and every printed line of at least 6 characters (printed once on the page) that an article
 * holds inside that article's regions and no other's. `lines` are the printed lines of items:
 * page headers and advertisements are not an item's text, even when the parser takes them in. `place` maps a line's centre from the
 * rendered page onto the scan. Returns how many lines were checked.
 */
function expectRegionsCoverText(list: Article[], lines: Array<{ text: string; box: Box }>, size: { width: number; height: number }, place = (p: [number, number]) => p): number {
  let checked = 0;
  for (const article of list) {
    expect(article.data.regions, `${article.file} has regions`).toBeDefined();
    for (const box of article.data.regions!) {
      expect(box.x >= 0 && box.y >= 0 && box.x + box.w <= size.width && box.y + box.h <= size.height, `${article.file}: ${JSON.stringify(box)} on the ${size.width}x${size.height} page`).toBe(true);
    }
  }
  // a line printed twice on the page (the same column banner over two items) cannot say whose it is
  const printed = new Map<string, number>();
  for (const line of lines) printed.set(strip(line.text), (printed.get(strip(line.text)) ?? 0) + 1);
  for (const line of lines) {
    const key = strip(line.text);
    if ([...key].length < 6 || printed.get(key)! > 1) continue;
    const owners = list.filter((article) => strip(article.text).includes(key));
    if (owners.length !== 1) continue;
    checked++;
    const point = place(centre(line.box));
    expect(inside(point, owners[0]!.data.regions!), `"${line.text}" inside the regions of ${owners[0]!.file}`).toBe(true);
    for (const other of list) if (other !== owners[0]) expect(inside(point, other.data.regions!), `"${line.text}" (${owners[0]!.file}) inside ${other.file}`).toBe(false);
  }
  return checked;
}

/** The page as plain OCR text: one printed line per line, a blank line between items (what a vendor's text export looks like). */
function plainText(page: PageTruth): string {
  const out: string[] = [];
  let last = Number.NaN;
  for (const line of page.lines) {
    if (line.item !== last && out.length > 0) out.push('');
    out.push(line.text);
    last = line.item;
  }
  return `${out.join('\n')}\n`;
}

/** The printed lines of the page's items (not its header, not the advertisement). */
const itemLines = (page: PageTruth) => page.lines.filter((line) => line.item >= 0);

const ISSUE_YML = 'paper: zunyi-daily\ndate: 2023-01-17\npages:\n  - number: 3\n';

beforeAll(async () => {
  scratch = mkdtempSync(join(tmpdir(), 'import-scans-'));
  // a small page, three columns: two photo items and an article that runs on into another column
  const items = SAMPLE_PAGE.items.slice(1, 4).map((item) => (item.kind === 'article' ? { ...item, paragraphs: item.paragraphs.slice(0, 2) } : item));
  const layout = layoutPage({ ...SAMPLE_PAGE, key: 'test/import-scans', items }, createRng(3), { width: 1100, height: 1500, columns: 3, script: 'simplified' });
  browser = await launchBrowser();
  ({ png, truth } = await renderPage(browser, layout));
  skewed = (await degradeImage(png, { ...CLEAN, skewDeg: SKEW })).image;
}, 60_000);
afterAll(async () => {
  await browser?.close();
  rmSync(scratch, { recursive: true, force: true });
});

describe('an issue folder with scans only', () => {
  let content: string;
  let first: ReturnType<typeof run>;
  let again: ReturnType<typeof run>;
  beforeAll(() => {
    content = freshArchive();
    const folder = issueFolder({ 'issue.yml': `${ISSUE_YML}  - number: 4\n`, 'scans/03.png': png, 'scans/04.png': skewed });
    first = run([folder], { content });
    // the same folder again, on a machine without Tesseract and without its cache: the OCR kept in the store is read
    again = run([folder], { content, env: { TESSERACT_PATH: join(scratch, 'no-tesseract'), ARCHIVE_OCR_CACHE: mkdtempSync(join(scratch, 'ocr-cache-')) } });
  }, 180_000);

  it('imports into articles with regions that lie on the page and cover their text', () => {
    expect(first.code, first.stderr).toBe(0);
    expect(first.stderr).toMatch(/page 3: scan scans\/03\.png 1100 x 1500 \(stored as [0-9a-f]{2}\/[0-9a-f]{64}\.png\); OCR tesseract \S+ chi_sim hocr/);
    const list = articles(content, '03');
    const checked = expectRegionsCoverText(list, itemLines(truth), truth);
    expect(checked).toBeGreaterThan(10);
  });

  it('maps the boxes of a skewed scan, read straightened, back onto the scan as stored', () => {
    const list = articles(content, '04');
    const transform = { pageWidth: truth.width, pageHeight: truth.height, scale: 1, skewDeg: SKEW };
    const checked = expectRegionsCoverText(list, itemLines(truth), truth, ([x, y]) => pageToScan(transform, x, y));
    expect(checked).toBeGreaterThan(10);
  });

  it('names each scan in issue.yml with its checksum and size, and keeps the master and its words in the store', () => {
    const issue = issueSchema.parse(parseYaml(readFileSync(join(content, 'zunyi-daily/2023-01-17/issue.yml'), 'utf8')));
    const store = join(content, '..', 'scans');
    for (const page of issue.pages) {
      expect(page.scan).toMatchObject({ width: 1100, height: 1500, format: 'png', source: `scans/0${page.number}.png` });
      const master = readFileSync(join(store, page.scan!.file));
      expect(master.length).toBe(page.scan!.bytes);
      const words = pageWordsSchema.parse(JSON.parse(gunzipSync(readFileSync(join(store, page.scan!.sha256.slice(0, 2), `${page.scan!.sha256}.words.json.gz`))).toString('utf8')));
      expect(words.engine).toMatch(/^tesseract \S+ chi_sim hocr$/);
      expect(words.lines.length).toBeGreaterThan(20);
    }
  });

  it('does no OCR or normalisation twice: a second import, without Tesseract or its cache, finds the scans and their OCR in the store and changes nothing', () => {
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).toMatch(/page 3: scan scans\/03\.png 1100 x 1500 \(in the scan store already\); OCR tesseract \S+ chi_sim hocr \(stored with the scan\)/);
    expect(again.stderr).toMatch(/: 0 files written, 0 removed, \d+ unchanged/);
  });

  it('keeps the scan and places the items again when the page is imported once more from its text alone', () => {
    const folder = issueFolder({ 'issue.yml': ISSUE_YML, '03.txt': plainText(truth) });
    const result = run([folder], { content });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/page 3: scan scans\/03\.png as recorded; OCR tesseract \S+ chi_sim hocr \(stored with the scan\); text aligned to the OCR stored with the scan/);
    const issue = issueSchema.parse(parseYaml(readFileSync(join(content, 'zunyi-daily/2023-01-17/issue.yml'), 'utf8')));
    expect(issue.pages.find((p) => p.number === 3)!.scan?.source).toBe('scans/03.png');
    expect(expectRegionsCoverText(articles(content, '03'), itemLines(truth), truth)).toBeGreaterThan(10);
  });
});

describe('a page scanned to PDF', () => {
  let content: string;
  let folder: string;
  let first: ReturnType<typeof run>;
  beforeAll(async () => {
    content = freshArchive();
    // as a scanner writes it: the page's JPEG on a PDF page, at 150 dpi
    const jpeg = await sharp(png).jpeg({ quality: 92 }).toBuffer();
    folder = issueFolder({ 'issue.yml': ISSUE_YML, 'scans/03.pdf': scannedPdf(jpeg, { width: truth.width, height: truth.height, dpi: 150 }) });
    first = run([folder], { content });
  }, 120_000);

  it('takes the scanner\'s JPEG out of it with Poppler, reads it with Tesseract and places the items', () => {
    expect(first.code, first.stderr).toBe(0);
    expect(first.stderr).toMatch(/page 3: scan scans\/03\.pdf 1100 x 1500 \(stored as [0-9a-f]{2}\/[0-9a-f]{64}\.jpg\); OCR tesseract/);
    const issue = issueSchema.parse(parseYaml(readFileSync(join(content, 'zunyi-daily/2023-01-17/issue.yml'), 'utf8')));
    expect(issue.pages[0]!.scan).toMatchObject({ format: 'jpg', width: 1100, height: 1500, source: 'scans/03.pdf' });
    expect(expectRegionsCoverText(articles(content, '03'), itemLines(truth), truth)).toBeGreaterThan(10);
  });

  it('does not render it again: a re-import without Poppler finds its master by the PDF\'s checksum', () => {
    const again = run([folder], { content, env: { POPPLER_DIR: join(scratch, 'no-poppler') } });
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).toMatch(/page 3: scan scans\/03\.pdf 1100 x 1500 \(in the scan store already\); OCR tesseract \S+ chi_sim hocr \(stored with the scan\)/);
    expect(again.stderr).toMatch(/: 0 files written, 0 removed, \d+ unchanged/);
  });

  it('without Poppler, stops with exit 1 and the apt-get line, and writes nothing', () => {
    const fresh = freshArchive();
    const result = run([join(folder, 'scans/03.pdf'), '--paper', 'zunyi-daily', '--date', '2023-01-17', '--page', '3'], { content: fresh, env: { POPPLER_DIR: join(scratch, 'no-poppler') } });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/03\.pdf: reading a PDF needs Poppler: the program `.*pdfinfo` \(Poppler\) was not found\n {2}hint: Install it \(Debian\/Ubuntu\): sudo apt-get install poppler-utils/);
    expect(existsSync(join(fresh, 'zunyi-daily'))).toBe(false);
    expect(existsSync(join(fresh, '..', 'scans'))).toBe(false);
  });
});

describe('one page given as an image', () => {
  it('reads it with Tesseract and, with --dry-run --json, prints its items with their regions and writes nothing', () => {
    const content = freshArchive();
    const page = join(scratch, 'page-03.png');
    writeFileSync(page, png);
    const result = run([page, '--paper', 'zunyi-daily', '--date', '2023-01-17', '--page', '3', '--dry-run', '--json'], { content });
    expect(result.code, result.stderr).toBe(0);
    const parsed = parsedPageSchema.parse(JSON.parse(result.stdout));
    expect(parsed.articles.length).toBeGreaterThan(0);
    for (const item of parsed.articles) {
      expect(item.regions?.length).toBeGreaterThan(0);
      for (const box of item.regions!) expect(box.x + box.w <= 1100 && box.y + box.h <= 1500).toBe(true);
    }
    expect(existsSync(join(content, 'zunyi-daily'))).toBe(false);
    expect(existsSync(join(content, '..', 'scans'))).toBe(false);
  });
});

describe('a page as text with its scan', () => {
  it('keeps the text as the source of the articles and places them by OCR of the scan', () => {
    const content = freshArchive();
    const text = plainText(truth);
    const folder = issueFolder({ 'issue.yml': ISSUE_YML, '03.txt': text, 'scans/03.png': png });
    const result = run([folder], { content });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/text aligned to OCR of the scan: \d+ of \d+ lines matched; regions for \d+ of \d+ items/);
    const list = articles(content, '03');
    // the articles are the text's, not the OCR's: every line of the text is in an article or the page header
    for (const article of list) expect(article.data.source?.file).toBe('03.txt');
    expect(expectRegionsCoverText(list, itemLines(truth), truth)).toBeGreaterThan(15);
    // placed again from the OCR kept in the store, without Tesseract or its cache: the very same regions
    const before = contentTree(content);
    const again = run([folder, '--find-regions'], { content, env: { TESSERACT_PATH: join(scratch, 'no-tesseract'), ARCHIVE_OCR_CACHE: mkdtempSync(join(scratch, 'ocr-cache-')) } });
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).toMatch(/text aligned to the OCR stored with the scan: \d+ of \d+ lines matched/);
    expect(again.stderr).toMatch(/: 0 files written, 0 removed, \d+ unchanged/);
    expect(contentTree(content)).toEqual(before);
  });

  it('re-importing the example folder gives back the committed content unchanged, regions and scan included', () => {
    const root = mkdtempSync(join(scratch, 'example-'));
    cpSync(resolve(ROOT, 'content'), join(root, 'content'), { recursive: true });
    cpSync(resolve(ROOT, 'scans'), join(root, 'scans'), { recursive: true });
    const before = { content: contentTree(join(root, 'content')), scans: contentTree(join(root, 'scans')) };
    // no Tesseract needed: the scan is stored and its items are unchanged
    const result = run([EXAMPLE], { content: join(root, 'content'), env: { TESSERACT_PATH: join(root, 'no-tesseract') } });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/regions of 5 unchanged items kept; regions for 5 of 5 items/);
    // the only new file is the issue's import record (docs/0003), which protects the scan's entry too
    const record = join('zunyi-daily/2023-01-17', '.import-record.json');
    const after = contentTree(join(root, 'content'));
    const { [record]: written, ...rest } = after;
    expect(written).toBeDefined();
    expect(rest).toEqual(before.content);
    const fields = (JSON.parse(readFileSync(join(root, 'content', record), 'utf8')) as { fields: Record<string, unknown> }).fields;
    const issue = issueSchema.parse(parseYaml(readFileSync(join(root, 'content/zunyi-daily/2023-01-17/issue.yml'), 'utf8')));
    expect(fields['pages.3.scan']).toEqual(issue.pages[0]!.scan);
    expect(contentTree(join(root, 'scans'))).toEqual(before.scans);
    // and once more: nothing at all
    const again = run([EXAMPLE], { content: join(root, 'content'), env: { TESSERACT_PATH: join(root, 'no-tesseract') } });
    expect(again.stderr).toMatch(/: 0 files written, 0 removed, \d+ unchanged/);
    expect(contentTree(join(root, 'content'))).toEqual(after);
  });
});

describe('hOCR and ALTO files', () => {
  const fixtureTruth = () => JSON.parse(readFileSync(join(FIXTURES, 'sample-page.truth.json'), 'utf8')) as { width: number; height: number; lines: Array<Box & { text: string }> };
  // the fixture's truth lines carry no item: leave out the header, the advertisement and the footer
  const lines = () =>
    fixtureTruth()
      .lines.filter((line) => !/^(?:7\u3000|新闻$|责任编辑|绿色环保|遵义日报社出版)/u.test(line.text))
      .map(({ text, ...box }) => ({ text, box }));
  let blank: Buffer;
  beforeAll(async () => {
    // the fixtures' page image is not kept; regions are the files' boxes on a scan of the same size
    blank = await sharp({ create: { width: 1600, height: 1900, channels: 3, background: '#ffffff' } }).png().toBuffer();
  });

  for (const fixture of ['sample-page.tesseract.hocr', 'sample-page.tesseract.alto.xml', 'sample-page.alto-v4.xml']) {
    it(`imports ${fixture} with its scan, the single-page way: articles from the file, regions from its boxes`, () => {
      const content = freshArchive();
      const scan = join(scratch, `blank-${fixture}.png`);
      writeFileSync(scan, blank);
      const result = run([scan, '--ocr', join(FIXTURES, fixture), '--paper', 'zunyi-daily', '--date', '2023-01-17', '--page', '7'], { content });
      expect(result.code, result.stderr).toBe(0);
      const list = articles(content, '07');
      expect(list.some((a) => a.data.title?.startsWith('志愿服务聚合力'))).toBe(true);
      for (const article of list) expect(article.data.source?.file).toBe(fixture);
      expect(expectRegionsCoverText(list, lines(), fixtureTruth())).toBeGreaterThan(20);
    });
  }

  it('straightens an hOCR file read from a crooked scan, and places its items on the scan as it is', () => {
    // the Tesseract fixture as an engine reads the page scanned 1.2° crooked: every box but the
    // page's turned about the page's centre (a line's box holds its turned corners, as it would)
    const { width, height } = fixtureTruth();
    const a = (1.2 * Math.PI) / 180;
    const turn = ([x, y]: [number, number]): [number, number] => [width / 2 + (x - width / 2) * Math.cos(a) - (y - height / 2) * Math.sin(a), height / 2 + (x - width / 2) * Math.sin(a) + (y - height / 2) * Math.cos(a)];
    const crooked = readFileSync(join(FIXTURES, 'sample-page.tesseract.hocr'), 'utf8').replace(/bbox (\d+) (\d+) (\d+) (\d+)/gu, (all, ...n: string[]) => {
      const [x0, y0, x1, y1] = n.slice(0, 4).map(Number) as [number, number, number, number];
      if (x0 === 0 && y0 === 0 && x1 === width && y1 === height) return all;
      const corners = [turn([x0, y0]), turn([x1, y0]), turn([x0, y1]), turn([x1, y1])];
      const xs = corners.map((c) => Math.min(width, Math.max(0, Math.round(c[0]))));
      const ys = corners.map((c) => Math.min(height, Math.max(0, Math.round(c[1]))));
      return `bbox ${Math.min(...xs)} ${Math.min(...ys)} ${Math.max(...xs)} ${Math.max(...ys)}`;
    });
    const file = join(scratch, 'crooked.hocr');
    writeFileSync(file, crooked);
    const scan = join(scratch, 'blank-crooked.png');
    writeFileSync(scan, blank);
    const straight = freshArchive();
    const straightScan = join(scratch, 'blank-straight.png');
    writeFileSync(straightScan, blank);
    expect(run([straightScan, '--ocr', join(FIXTURES, 'sample-page.tesseract.hocr'), '--paper', 'zunyi-daily', '--date', '2023-01-17', '--page', '7'], { content: straight }).code).toBe(0);
    const content = freshArchive();
    const result = run([scan, '--ocr', file, '--paper', 'zunyi-daily', '--date', '2023-01-17', '--page', '7'], { content });
    expect(result.code, result.stderr).toBe(0);
    const list = articles(content, '07');
    // the same articles as from the straight file
    expect(list.map((article) => [article.data.title, article.text.length])).toEqual(articles(straight, '07').map((article) => [article.data.title, article.text.length]));
    // and each printed line, where the crooked scan shows it, inside its own article's regions
    expect(expectRegionsCoverText(list, lines(), fixtureTruth(), turn)).toBeGreaterThan(20);
  });

  it('takes an OCR file named in issue.yml, beside the scan', () => {
    const content = freshArchive();
    const folder = issueFolder({
      'issue.yml': 'paper: zunyi-daily\ndate: 2023-01-17\npages:\n  - number: 7\n    scan: page.png\n    ocr: vendor/page-7.xml\n',
      'page.png': blank,
      'vendor/page-7.xml': readFileSync(join(FIXTURES, 'sample-page.alto-v4.xml')),
    });
    const result = run([folder], { content });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/page 7: scan page\.png 1600 x 1900 .*; OCR vendor\/page-7\.xml \(.* alto\)/);
    expect(expectRegionsCoverText(articles(content, '07'), lines(), fixtureTruth())).toBeGreaterThan(20);
  });

  it('places an OCR file given again without its scan on the scan the archive records for the page', () => {
    const content = freshArchive();
    const scan = join(scratch, 'blank-again.png');
    writeFileSync(scan, blank);
    const alto = join(FIXTURES, 'sample-page.alto-v4.xml');
    const args = ['--paper', 'zunyi-daily', '--date', '2023-01-17', '--page', '7'];
    expect(run([scan, '--ocr', alto, ...args], { content }).code).toBe(0);
    const before = contentTree(content);
    const again = run([alto, ...args], { content });
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).toMatch(/page 7: OCR sample-page\.alto-v4\.xml \(.* alto\); scan blank-again\.png as recorded; regions for \d+ of \d+ items/);
    expect(again.stderr).toMatch(/: 0 files written, 0 removed, \d+ unchanged/);
    expect(contentTree(content)).toEqual(before);
  });

  it('imports an OCR file without a scan: articles, and no regions (they are pixels of a scan)', () => {
    const content = freshArchive();
    const result = run([join(FIXTURES, 'sample-page.alto-v4.xml'), '--paper', 'zunyi-daily', '--date', '2023-01-17', '--page', '7'], { content });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/no scan with this page, so no regions/);
    const list = articles(content, '07');
    expect(list.some((a) => a.data.title?.startsWith('志愿服务聚合力'))).toBe(true);
    for (const article of list) expect(article.data.regions).toBeUndefined();
  });

  it('reads an ALTO 2 file in tenths of a millimetre: the headline set across both columns by its type size, then the columns in order', () => {
    const content = freshArchive();
    const result = run([join(FIXTURES, 'small-page.alto-v2-mm10.xml'), '--paper', 'zunyi-daily', '--date', '2023-01-17', '--page', '2', '--dry-run', '--json'], { content });
    expect(result.code, result.stderr).toBe(0);
    const page = JSON.parse(result.stdout) as { articles: Array<{ title: string | null; paragraphs: string[] }> };
    expect(page.articles.map((a) => a.title)).toEqual(['跨两栏的大标题']);
    const text = page.articles[0]!.paragraphs.join('');
    expect(text.indexOf('左栏文字')).toBeGreaterThanOrEqual(0);
    expect(text.indexOf('左栏文字')).toBeLessThan(text.indexOf('右栏第一行文字内容'));
    expect(text.indexOf('右栏第一行文字内容')).toBeLessThan(text.indexOf('右栏第二行'));
  });

  it('refuses an OCR file made from another page shape, naming it and the fix', async () => {
    const content = freshArchive();
    const wide = join(scratch, 'wide.png');
    await sharp({ create: { width: 1900, height: 1600, channels: 3, background: '#ffffff' } }).png().toFile(wide);
    const result = run([wide, '--ocr', join(FIXTURES, 'sample-page.tesseract.hocr'), '--paper', 'zunyi-daily', '--date', '2023-01-17', '--page', '7'], { content });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/sample-page\.tesseract\.hocr: the file describes a 1600 x 1900 page, but the scan is 1900 x 1600.*\n {2}hint: check that the OCR file was made from this scan/);
    expect(existsSync(join(content, 'zunyi-daily'))).toBe(false);
  });
});

describe('without Tesseract', () => {
  const env = () => ({ TESSERACT_PATH: join(scratch, 'no-such-tesseract') });

  it('stops a scan-only import with exit 1 and the apt-get line, and writes nothing', () => {
    const content = freshArchive();
    const folder = issueFolder({ 'issue.yml': ISSUE_YML, 'scans/03.png': png });
    const result = run([folder], { content, env: env() });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/scans\/03\.png: this page has only a scan, and reading it needs Tesseract: .*\n {2}hint: install it \(Debian\/Ubuntu\): sudo apt-get install tesseract-ocr tesseract-ocr-chi-sim tesseract-ocr-chi-tra/);
    expect(existsSync(join(content, 'zunyi-daily'))).toBe(false);
    expect(existsSync(join(content, '..', 'scans'))).toBe(false);
  });

  it('imports a page with text and scan, without regions, and says why', () => {
    const content = freshArchive();
    const folder = issueFolder({ 'issue.yml': ISSUE_YML, '03.txt': plainText(truth), 'scans/03.png': png });
    const result = run([folder], { content, env: env() });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/no regions for \d+ items: finding them on the scan needs Tesseract, which is not installed \(sudo apt-get install tesseract-ocr/);
    for (const article of articles(content, '03')) expect(article.data.regions).toBeUndefined();
    expect(issueSchema.parse(parseYaml(readFileSync(join(content, 'zunyi-daily/2023-01-17/issue.yml'), 'utf8'))).pages[0]!.scan?.source).toBe('scans/03.png');
  });

  it('imports plain text as before', () => {
    const content = freshArchive();
    const result = run([resolve(ROOT, 'tests/fixtures/sample/zunyi-2023-01-page.txt'), '--paper', 'zunyi-daily', '--date', '2023-01-17', '--page', '3'], { content, env: env() });
    expect(result.code, result.stderr).toBe(0);
    for (const article of articles(content, '03')) expect(article.data.regions).toBeUndefined();
  });
});

describe('what the importer refuses in an issue folder with scans', () => {
  it('a dry run reads the scan but writes nothing, not even into the scan store', () => {
    const content = freshArchive();
    const folder = issueFolder({ 'issue.yml': ISSUE_YML, '03.txt': plainText(truth), 'scans/03.png': png });
    const result = run([folder, '--dry-run'], { content });
    expect(result.code, result.stderr).toBe(0);
    expect(existsSync(join(content, '..', 'scans'))).toBe(false);
    expect(existsSync(join(content, 'zunyi-daily'))).toBe(false);
  });

  const refusals: Array<[string, () => Record<string, string | Buffer>, RegExp]> = [
    ['two scans for one page', () => ({ 'issue.yml': ISSUE_YML, 'scans/03.png': png, 'scans/03.jpg': png }), /issue\.yml:4: page 3: 2 files could be its scan \(scans\/03\.jpg, scans\/03\.png\)\n {2}hint: name the one to import with `scan:`/],
    ['a page with nothing to read', () => ({ 'issue.yml': ISSUE_YML }), /issue\.yml:4: page 3: no text file \(03\.txt\), scan \(scans\/03\.jpg, \.png, \.tif …\) or OCR file \(03\.hocr, 03\.xml\) found/],
    ['a scan named but missing', () => ({ 'issue.yml': `${ISSUE_YML}    scan: scans/p3.tif\n` }), /issue\.yml:5: page 3: its scan scans\/p3\.tif is missing\n {2}hint: add scans\/p3\.tif to the folder, or fix `scan:`/],
    ['`synthetic:` without a scan', () => ({ 'issue.yml': `${ISSUE_YML}    synthetic: rendered\n`, '03.txt': plainText(truth) }), /issue\.yml:5: page 3: `synthetic:` describes a scan, but the page has none/],
    ['an OCR file that is neither hOCR nor ALTO', () => ({ 'issue.yml': ISSUE_YML, '03.txt': plainText(truth), '03.xml': '<?xml version="1.0"?><page/>' }), /03\.xml: neither hOCR \(no ocr_page element\) nor ALTO XML \(no <alto> root\)/],
  ];
  for (const [what, files, message] of refusals) {
    it(`refuses ${what}`, () => {
      const content = freshArchive();
      const result = run([issueFolder(files())], { content });
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(message);
      expect(existsSync(join(content, 'zunyi-daily'))).toBe(false);
    });
  }

  it('refuses a scan that links out of the issue folder', () => {
    const content = freshArchive();
    const outside = join(scratch, 'outside.png');
    writeFileSync(outside, png);
    const folder = issueFolder({ 'issue.yml': ISSUE_YML });
    mkdirSync(join(folder, 'scans'));
    symlinkSync(outside, join(folder, 'scans/03.png'));
    const result = run([folder], { content });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/scans\/03\.png: leads out of the issue folder/);
  });
});
