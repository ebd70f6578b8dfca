#!/usr/bin/env node
/**
 * Give the bundled sample page a scan: lay out its five items as a newspaper page
 * (src/lib/sample-scan-layout.ts), render it with Chromium, and record the result as if the page
 * had been imported with it: the scan in the example folder (`scans/03.jpg`) and in the scan
 * store, the scan in content's issue.yml (marked `synthetic`), each item's true boxes as its
 * `regions`, and every character's box as the page's words.
 *
 *   node scripts/render-sample-scan.ts [--content content] [--example examples/zunyi-daily-2023-01-17]
 *
 * The sample has OCR text but its image was never delivered; until the OCR lab's renderer
 * (`npm run eval:ocr`) is on main, this is how the 版面 view gets a page to show. Running it
 * again renders the same page; the scan's bytes may differ on another machine's fonts.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import sharp from 'sharp';
import { parse as parseYaml, parseDocument, stringify as stringifyYaml } from 'yaml';
import { launchBrowser } from '../src/io/browser.ts';
import { renderScan } from '../src/io/render-scan.ts';
import { scanStore, storeScan, writePageWords } from '../src/io/scan-store.ts';
import { writeFileAtomic } from '../src/io/write-atomic.ts';
import { articleParagraphs } from '../src/lib/article-text.ts';
import { formatDate, pageLabel, weekday } from '../src/lib/dates.ts';
import { linesFromChars } from '../src/lib/page-words.ts';
import { sampleScanHtml, SAMPLE_SCAN_SIZE, type LayoutItem } from '../src/lib/sample-scan-layout.ts';
import { articleSchema } from '../src/schemas/article.ts';
import { paperSchema } from '../src/schemas/paper.ts';
import { importHashOf } from './lib/to-mdx.ts';
import { runCommand } from '../src/io/cli.ts';

const ROOT = resolve(import.meta.dirname, '..');
const PAPER = 'zunyi-daily';
const DATE = '2023-01-17';
const PAGE = 3;
const SYNTHETIC =
  'Not a photograph of the printed page: the OCR of the real page came without its image, so scripts/render-sample-scan.ts laid out ' +
  'the archive text of its five items in five columns (Noto CJK and AR PL UKai fonts), rendered it with Chromium at 2480x3508 and saved it ' +
  'as a greyscale JPEG. The header, layout and picture boxes are invented; the regions and words are where the text was drawn.';

/** Front matter and body of an article file, split where the importer joins them. */
function splitMdx(text: string, file: string): { yaml: string; body: string } {
  const match = /^---\n([\s\S]*?\n)---\n([\s\S]*)$/u.exec(text);
  if (!match) throw new Error(`[render-sample-scan] ${file}: no front matter between --- lines`);
  return { yaml: match[1]!, body: match[2]! };
}

/** The file with `regions` set, its keys in the schema's order and its importHash renewed, as the importer writes it. */
function withRegions(text: string, file: string, regions: unknown): string {
  const { yaml, body } = splitMdx(text, file);
  const data = parseYaml(yaml) as Record<string, unknown>;
  delete data.importHash;
  data.regions = regions;
  const order = Object.keys(articleSchema.shape);
  const ordered = Object.fromEntries(order.filter((key) => key in data).map((key) => [key, data[key]]));
  const render = (front: Record<string, unknown>) => `---\n${stringifyYaml(front, { lineWidth: 0, defaultStringType: 'PLAIN', nullStr: 'null' })}---\n${body}`;
  return render({ ...ordered, importHash: importHashOf(render(ordered)) });
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      content: { type: 'string', default: join(ROOT, 'content') },
      example: { type: 'string', default: join(ROOT, 'examples', `${PAPER}-${DATE}`) },
    },
  });
  const content = resolve(values.content);
  const pageDir = join(content, PAPER, DATE, String(PAGE).padStart(2, '0'));
  if (!existsSync(pageDir)) throw new Error(`[render-sample-scan] ${pageDir} does not exist: import the sample first (npm run import -- examples/${PAPER}-${DATE})`);
  const files = readdirSync(pageDir).filter((name) => /^\d{2}\.mdx$/u.test(name)).sort();
  const items: LayoutItem[] = files.map((name) => {
    const { yaml, body } = splitMdx(readFileSync(join(pageDir, name), 'utf8'), name);
    return { data: articleSchema.parse(parseYaml(yaml)), paragraphs: articleParagraphs(body) };
  });
  const paper = paperSchema.parse(parseYaml(readFileSync(join(content, 'papers', `${PAPER}.yml`), 'utf8')));
  const html = sampleScanHtml({ paperName: paper.name, dateLine: `${formatDate(DATE)} ${weekday(DATE)}`, pageLine: pageLabel(PAGE), items });

  const browser = await launchBrowser();
  let rendered;
  try {
    rendered = await renderScan(browser, html, SAMPLE_SCAN_SIZE.width, SAMPLE_SCAN_SIZE.height);
  } finally {
    await browser.close();
  }
  // a greyscale JPEG, as a newsprint page is scanned: under 2 MB to keep in git
  const jpeg = await sharp(rendered.png).toColourspace('b-w').jpeg({ quality: 82, mozjpeg: true }).toBuffer();
  const scanFile = join(resolve(values.example), 'scans', `${String(PAGE).padStart(2, '0')}.jpg`);
  writeFileAtomic(scanFile, jpeg);
  const scan = await storeScan(scanFile, { source: `scans/${String(PAGE).padStart(2, '0')}.jpg` });
  writePageWords({
    sha256: scan.sha256,
    width: scan.width,
    height: scan.height,
    engine: 'rendered',
    lines: linesFromChars(rendered.chars),
  });

  files.forEach((name, index) => {
    const path = join(pageDir, name);
    const boxes = rendered.regions.get(index);
    if (!boxes) throw new Error(`[render-sample-scan] item ${index + 1} (${name}) was not drawn`);
    writeFileAtomic(path, withRegions(readFileSync(path, 'utf8'), name, boxes));
  });

  const issueFile = join(content, PAPER, DATE, 'issue.yml');
  const doc = parseDocument(readFileSync(issueFile, 'utf8'));
  const pages = doc.get('pages') as { items: Array<{ get(key: string): unknown; set(key: string, value: unknown): void }> };
  const entry = pages.items.find((item) => Number(item.get('number')) === PAGE);
  if (!entry) throw new Error(`[render-sample-scan] ${issueFile} lists no page ${PAGE}`);
  entry.set('scan', doc.createNode({ ...scan, synthetic: SYNTHETIC }));
  writeFileAtomic(issueFile, doc.toString({ lineWidth: 0 }));

  console.log(`${relative(process.cwd(), scanFile)}  ${scan.width}x${scan.height}  ${(jpeg.length / 1024).toFixed(0)} KB`);
  console.log(`stored as ${relative(process.cwd(), join(scanStore(), scan.file))}; regions of ${files.length} items and ${rendered.chars.length} character boxes recorded`);
}

if (import.meta.main) runCommand(main);
