import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseTitle, readHocr } from './hocr.ts';
import { boxInside, type PositionedPage } from './model.ts';

const FIXTURES = new URL('../../../tests/fixtures/ocr-positioned/', import.meta.url);
const fixture = (name: string) => readFileSync(new URL(name, FIXTURES), 'utf8');

function allBoxes(page: PositionedPage) {
  return page.blocks.flatMap((b) => [b.box, ...b.lines.flatMap((l) => [l.box, ...l.words.map((w) => w.box)])]);
}

describe('parseTitle', () => {
  it('splits hOCR properties at semicolons, keeping quoted strings whole', () => {
    const props = parseTitle('image "scans/page 3; final.png"; bbox 0 0 1600 1900; ppageno 0; x_font "Noto Serif"; x_wconf 93');
    expect(props.get('image')).toEqual(['scans/page 3; final.png']);
    expect(props.get('bbox')).toEqual(['0', '0', '1600', '1900']);
    expect(props.get('x_font')).toEqual(['Noto Serif']);
    expect(props.get('x_wconf')).toEqual(['93']);
  });
});

describe('readHocr on Tesseract 5 output', () => {
  const text = fixture('sample-page.tesseract.hocr');
  const { pages, problems } = readHocr(text);
  const page = pages[0]!;
  const sourceLines = text.split('\n');

  it('reads the page size, resolution and engine', () => {
    expect(problems).toEqual([]);
    expect(pages).toHaveLength(1);
    expect([page.width, page.height, page.dpi, page.engine, page.image]).toEqual([1600, 1900, 150, 'tesseract 5.3.0', 'page.png']);
  });

  it('keeps every word of the file, with its box and confidence', () => {
    const words = page.blocks.flatMap((b) => b.lines.flatMap((l) => l.words));
    const inFile = (text.match(/class='ocrx_word'/gu) ?? []).length;
    expect(words.length).toBe(inFile);
    expect(words.every((w) => w.confidence !== null && w.confidence >= 0 && w.confidence <= 1)).toBe(true);
    // Tesseract writes Chinese as a word per character or run of characters, never with spaces inside
    expect(words.every((w) => !w.text.includes(' '))).toBe(true);
  });

  it('finds the photos, the separators and Tesseract line classes', () => {
    expect(page.blocks.filter((b) => b.kind === 'photo').map((b) => b.box)).toEqual([
      { x: 1076, y: 836, w: 458, h: 288 },
      { x: 1076, y: 1366, w: 458, h: 228 },
    ]);
    expect(page.blocks.filter((b) => b.kind === 'separator').length).toBeGreaterThan(5);
    const lines = page.blocks.flatMap((b) => b.lines);
    const headings = lines.filter((l) => l.kind === 'heading').map((l) => l.words.map((w) => w.text).join(''));
    expect(headings).toContain('扎实抓好疫情防控工作');
    expect(lines.some((l) => l.kind === 'caption')).toBe(true);
  });

  it("reads Tesseract's x_size as the font size and leaves bold unknown", () => {
    const lines = page.blocks.flatMap((b) => b.lines);
    expect(lines.every((l) => l.fontSizePx !== null && l.xHeightPx !== null && l.xHeightPx < l.fontSizePx)).toBe(true);
    const title = lines.find((l) => l.words.map((w) => w.text).join('') === '扎实抓好疫情防控工作')!;
    const body = lines.find((l) => l.words[0]!.text === '渠道')!;
    expect(title.fontSizePx! / body.fontSizePx!).toBeGreaterThan(2);
    expect(lines.every((l) => l.bold === null)).toBe(true);
  });

  it('names the source line of every line and word', () => {
    for (const line of page.blocks.flatMap((b) => b.lines)) {
      expect(sourceLines[line.sourceLine - 1]).toMatch(/class='ocr_(?:line|caption|header|textfloat)'/u);
      for (const word of line.words) expect(sourceLines[word.sourceLine - 1]).toContain(`class='ocrx_word' id='word_1_`);
      const first = line.words[0]!.box;
      expect(sourceLines[line.words[0]!.sourceLine - 1]).toContain(`bbox ${first.x} ${first.y} ${first.x + first.w} ${first.y + first.h};`);
    }
  });

  it('puts every box inside the page', () => {
    expect(allBoxes(page).every((box) => boxInside(box, page.width, page.height))).toBe(true);
  });
});

describe('readHocr on other engines (hOCR 1.2)', () => {
  it('reads lines without words, ocrx_line, page header floats, <strong> and x_font bold', () => {
    const text = `<html><head><meta name="ocr-system" content="ocropy"></head><body>
<div class="ocr_page" title="bbox 0 0 1000 800; scan_res 300 300">
 <div class="ocr_header" title="bbox 50 10 950 40">
  <span class="ocr_line" title="bbox 50 10 400 40">2023年1月17日 星期二</span>
 </div>
 <div class="ocr_carea" id="col1" title="bbox 50 100 450 700">
  <span class="ocrx_line" title="bbox 50 100 450 140"><strong>大标题</strong></span>
  <span class="ocr_line" title="bbox 50 150 450 180"><span class="ocrx_word" title="bbox 50 150 200 180; x_font &quot;SimHei Bold&quot;; x_fsize 12">正文</span><span class="ocrx_word" title="bbox 210 150 450 180; x_fsize 12">第一行</span></span>
 </div>
 <div class="ocr_photo" title="bbox 500 100 950 500"></div>
</div></body></html>`;
    const { pages, problems } = readHocr(text);
    expect(problems).toEqual([]);
    const page = pages[0]!;
    expect([page.engine, page.dpi]).toEqual(['ocropy', 300]);
    const [header, column, photo] = page.blocks;
    expect(header).toMatchObject({ role: 'header', kind: 'text' });
    expect(header!.lines[0]!.words.map((w) => w.text)).toEqual(['2023年1月17日 星期二']);
    expect(column).toMatchObject({ area: 'col1', role: null });
    expect(column!.lines.map((l) => l.bold)).toEqual([true, false]);
    expect(column!.lines[1]!.words.map((w) => w.bold)).toEqual([true, false]);
    expect(column!.lines[1]!.fontSizePt).toBe(12);
    expect(column!.lines[1]!.fontSizePx).toBe(50);
    expect(photo).toMatchObject({ kind: 'photo', box: { x: 500, y: 100, w: 450, h: 400 } });
  });

  it('refuses hostile input with problems that name the line', () => {
    const billion = `<!DOCTYPE html [\n<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">\n]>\n<html><body><div class="ocr_page" title="bbox 0 0 10 10">&b;</div></body></html>`;
    const refused = readHocr(billion);
    expect(refused.pages).toEqual([]);
    expect(refused.problems[0]).toMatchObject({ code: 'markup-doctype-subset', line: 1 });

    const text = [
      '<div class="ocr_page" title="bbox 0 0 1000 1000">',
      ' <span class="ocr_line" title="bbox 10 10 990 40">',
      '  <span class="ocrx_word" title="bbox 10 10 1e308 40">巨</span>',
      '  <span class="ocrx_word" title="bbox 10 10 99999999999999999 40">大</span>',
      '  <span class="ocrx_word" title="bbox 10 10 2000000 40">数</span>',
      '  <span class="ocrx_word" title="x_wconf 90">字</span>',
      '  <span class="ocrx_word" title="bbox 900 10 1200 40">出</span>',
      '  <span class="ocrx_word" title="bbox 3000 10 3100 40">界</span>',
      '  <span class="ocrx_word" title="bbox 100 10 50 40">反</span>',
      '  <span class="ocrx_word" title="bbox 100 10 200 40">好</span>',
      ' </span>',
      '</div>',
    ].join('\n');
    const { pages, problems } = readHocr(text);
    expect(problems.map((p) => [p.code, p.line])).toEqual([
      ['bad-number', 3],
      ['bad-number', 4],
      ['number-out-of-range', 5],
      ['hocr-word-without-box', 6],
      ['box-clipped', 7],
      ['box-outside-page', 8],
      ['box-inverted', 9],
    ]);
    const words = pages[0]!.blocks[0]!.lines[0]!.words;
    expect(words.map((w) => w.text)).toEqual(['出', '好']);
    expect(words[0]!.box).toEqual({ x: 900, y: 10, w: 100, h: 30 });
  });

  it('says when a file is not hOCR at all', () => {
    const { pages, problems } = readHocr('<html><body><p>plain text</p></body></html>');
    expect(pages).toEqual([]);
    expect(problems[0]!.code).toBe('hocr-no-page');
  });

  it('sizes a page without a bbox by what it holds, and says so', () => {
    const { pages, problems } = readHocr('<div class="ocr_page"><span class="ocr_line" title="bbox 10 20 300 50"><span class="ocrx_word" title="bbox 10 20 300 50">字</span></span></div>');
    expect([pages[0]!.width, pages[0]!.height]).toEqual([300, 50]);
    expect(problems[0]!.code).toBe('hocr-page-without-size');
  });
});
