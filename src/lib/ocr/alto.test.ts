import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ASSUMED_DPI, readAlto } from './alto.ts';
import { readHocr } from './hocr.ts';
import { boxInside, type PositionedPage } from './model.ts';

const FIXTURES = new URL('../../../tests/fixtures/ocr-positioned/', import.meta.url);
const fixture = (name: string) => readFileSync(new URL(name, FIXTURES), 'utf8');
const linesOf = (page: PositionedPage) => page.blocks.flatMap((b) => b.lines);
const textOf = (page: PositionedPage) => linesOf(page).map((l) => l.words.map((w) => w.text).join(''));

describe('readAlto on the hand-written ALTO 4 page', () => {
  const text = fixture('sample-page.alto-v4.xml');
  const { pages, problems } = readAlto(text);
  const page = pages[0]!;

  it('reads the page, its margins, styles and photos', () => {
    expect(problems).toEqual([]);
    expect([page.width, page.height, page.format, page.image]).toEqual([1600, 1900, 'alto', 'page.png']);
    expect(page.blocks.filter((b) => b.role === 'header').map((b) => b.id)).toEqual(['hdr-date', 'hdr-name', 'hdr-editor', 'rule-top']);
    expect(page.blocks.filter((b) => b.role === 'footer').map((b) => b.id)).toEqual(['rule-bottom', 'footer']);
    expect(page.blocks.filter((b) => b.kind === 'photo').map((b) => b.id)).toEqual(['photo1', 'photo2']);
    // the advertisement's frame holds text: a separator, not a photo
    expect(page.blocks.find((b) => b.id === 'ad-frame')!.kind).toBe('separator');
    const headline = page.blocks.find((b) => b.id === 'a1-title')!.lines[0]!;
    expect([headline.bold, headline.fontSizePt, headline.fontSizePx]).toEqual([true, 28.8, null]);
    const body = page.blocks.find((b) => b.id === 'a1-c1p1')!.lines[0]!;
    expect([body.bold, body.fontSizePt]).toEqual([false, 11.5]);
    expect(page.blocks.find((b) => b.id === 'a2-c1p1')!.area).toBe('art2');
  });

  it('keeps the words with their printed spaces as separate strings, and the source lines', () => {
    const credit = page.blocks.find((b) => b.id === 'credit1')!.lines[0]!;
    expect(credit.words.map((w) => w.text)).toEqual(['（记者', '向婧', '摄影报道）']);
    const sourceLines = text.split('\n');
    for (const line of linesOf(page)) expect(sourceLines[line.sourceLine - 1]).toContain('<TextLine ');
  });

  it('puts every box inside the page', () => {
    const boxes = page.blocks.flatMap((b) => [b.box, ...b.lines.flatMap((l) => [l.box, ...l.words.map((w) => w.box)])]);
    expect(boxes.every((box) => boxInside(box, page.width, page.height))).toBe(true);
  });

  it('is valid against the ALTO 4.4 schema (xmllint, offline)', () => {
    expect(spawnSync('xmllint', ['--version']).status, 'xmllint is missing: sudo apt-get install libxml2-utils').toBe(0);
    const schema = fileURLToPath(new URL('schema/alto-4-4.xsd', FIXTURES));
    const file = fileURLToPath(new URL('sample-page.alto-v4.xml', FIXTURES));
    expect(() => execFileSync('xmllint', ['--noout', '--nonet', '--schema', schema, file], { stdio: 'pipe' })).not.toThrow();
  });
});

describe('readAlto on Tesseract 5 output (ALTO v3)', () => {
  it('gives the same words and boxes as the hOCR of the same run', () => {
    const alto = readAlto(fixture('sample-page.tesseract.alto.xml'));
    const hocr = readHocr(fixture('sample-page.tesseract.hocr'));
    expect(alto.problems).toEqual([]);
    const altoPage = alto.pages[0]!;
    const hocrPage = hocr.pages[0]!;
    expect([altoPage.width, altoPage.height, altoPage.engine]).toEqual([1600, 1900, 'tesseract 5.3.0']);
    const words = (page: PositionedPage) => linesOf(page).flatMap((l) => l.words.map((w) => `${w.text}@${w.box.x},${w.box.y},${w.box.w},${w.box.h}`));
    expect(words(altoPage)).toEqual(words(hocrPage));
    expect(textOf(altoPage)).toEqual(textOf(hocrPage));
    expect(altoPage.blocks.filter((b) => b.kind === 'photo').map((b) => b.box)).toEqual(hocrPage.blocks.filter((b) => b.kind === 'photo').map((b) => b.box));
  });
});

describe('readAlto units', () => {
  const text = fixture('small-page.alto-v2-mm10.xml');

  it('turns mm10 into pixels at the given resolution', () => {
    const { pages, problems } = readAlto(text, { dpi: 300 });
    expect(problems).toEqual([]);
    const page = pages[0]!;
    // 127 mm10 = 1/20 inch = 15 px at 300 dpi
    expect([page.width, page.height, page.dpi]).toEqual([3000, 3600, 300]);
    expect(page.blocks.find((b) => b.id === 'IL1')).toMatchObject({ kind: 'photo', box: { x: 150, y: 1200, w: 2700, h: 1200 } });
    const head = page.blocks.find((b) => b.id === 'TB_HEAD')!.lines[0]!;
    expect(head.box).toEqual({ x: 450, y: 300, w: 2100, h: 300 });
    expect([head.bold, head.fontSizePt, head.fontSizePx]).toEqual([true, 24, 100]);
  });

  it('scales by the scan size when no resolution is given', () => {
    const { pages, problems } = readAlto(text, { imageSize: { width: 1500, height: 1800 } });
    expect(problems).toEqual([]);
    expect([pages[0]!.width, pages[0]!.height, pages[0]!.dpi]).toEqual([1500, 1800, 150]);
    expect(pages[0]!.blocks.find((b) => b.id === 'IL1')!.box).toEqual({ x: 75, y: 600, w: 1350, h: 600 });
  });

  it(`assumes ${ASSUMED_DPI} dpi without either, and says so on the Page's line`, () => {
    const { pages, problems } = readAlto(text);
    expect(pages[0]!.width).toBe(3000);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ code: 'alto-units-without-resolution', line: text.split('\n').findIndex((l) => l.includes('<Page ')) + 1 });
  });

  it('reads hyphens, inline bold and ALTO 2 styles', () => {
    const page = readAlto(text, { dpi: 300 }).pages[0]!;
    const left = page.blocks.find((b) => b.id === 'TB_LEFT')!;
    expect(left.lines[0]!.hyphenated).toBe(true);
    expect(left.lines[0]!.words.map((w) => w.text)).toEqual(['Tesseract', 'recog-']);
    expect(left.lines.every((l) => l.bold === false)).toBe(true);
    const right = page.blocks.find((b) => b.id === 'TB_RIGHT')!;
    expect(right.lines.map((l) => l.bold)).toEqual([false, true]);
    expect(right.lines[0]!.words[0]!.confidence).toBe(0.95);
  });
});

describe('readAlto versions and bad input', () => {
  const minimal = (ns: string, unit = 'pixel') => `<?xml version="1.0" encoding="UTF-8"?>
<alto${ns === '' ? '' : ` xmlns="${ns}"`}>
<Description><MeasurementUnit>${unit}</MeasurementUnit></Description>
<Layout><Page ID="p" PHYSICAL_IMG_NR="1" WIDTH="100" HEIGHT="200"><PrintSpace>
<TextBlock ID="b"><TextLine HPOS="10" VPOS="20" WIDTH="80" HEIGHT="10"><String HPOS="10" VPOS="20" WIDTH="80" HEIGHT="10" CONTENT="文字"/></TextLine></TextBlock>
</PrintSpace></Page></Layout></alto>`;

  it.each([
    ['v2', 'http://www.loc.gov/standards/alto/ns-v2#'],
    ['v3', 'http://www.loc.gov/standards/alto/ns-v3#'],
    ['v4', 'http://www.loc.gov/standards/alto/ns-v4#'],
    ['no namespace', ''],
  ])('reads ALTO %s', (_name, ns) => {
    const { pages, problems } = readAlto(minimal(ns));
    expect(problems).toEqual([]);
    expect(textOf(pages[0]!)).toEqual(['文字']);
    expect(pages[0]!.blocks[0]!.box).toEqual({ x: 10, y: 20, w: 80, h: 10 });
  });

  it('reads inch1200 and reports an unknown namespace or unit', () => {
    const inch = readAlto(minimal('', 'inch1200'), { dpi: 600 });
    expect(inch.pages[0]!.blocks[0]!.box).toEqual({ x: 5, y: 10, w: 40, h: 5 });
    expect(readAlto(minimal('http://example.org/alto')).problems[0]!.code).toBe('alto-unknown-namespace');
    expect(readAlto(minimal('', 'furlong')).problems[0]!.code).toBe('alto-unknown-unit');
  });

  it('refuses entities and DOCTYPEs, naming the line', () => {
    const laughs = `<?xml version="1.0"?>\n<!DOCTYPE alto [<!ENTITY a "ha"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>\n<alto>&b;</alto>`;
    const result = readAlto(laughs);
    expect(result.pages).toEqual([]);
    expect(result.problems).toEqual([expect.objectContaining({ code: 'markup-doctype-subset', line: 2 })]);
    const external = readAlto(`<?xml version="1.0"?>\n\n<!DOCTYPE alto SYSTEM "file:///etc/passwd">\n<alto/>`);
    expect(external.problems).toEqual([expect.objectContaining({ code: 'markup-doctype', line: 3 })]);
  });

  it('skips elements with huge or missing numbers, with a problem on their line', () => {
    const text = [
      '<alto><Description><MeasurementUnit>pixel</MeasurementUnit></Description><Layout>',
      '<Page ID="p" PHYSICAL_IMG_NR="1" WIDTH="1000" HEIGHT="1000"><PrintSpace>',
      '<TextBlock ID="b"><TextLine HPOS="0" VPOS="0" WIDTH="1000" HEIGHT="20">',
      '<String HPOS="1e999" VPOS="0" WIDTH="10" HEIGHT="20" CONTENT="一"/>',
      '<String HPOS="10" VPOS="0" WIDTH="123456789012345" HEIGHT="20" CONTENT="二"/>',
      '<String HPOS="20" VPOS="0" WIDTH="10" CONTENT="三"/>',
      '<String HPOS="30" VPOS="0" WIDTH="10" HEIGHT="20"/>',
      '<String HPOS="40" VPOS="0" WIDTH="10" HEIGHT="20" CONTENT="五" WC="0.5"/>',
      '</TextLine></TextBlock>',
      '<Illustration ID="i" HPOS="900" VPOS="900" WIDTH="500" HEIGHT="500"/>',
      '</PrintSpace></Page></Layout></alto>',
    ].join('\n');
    const { pages, problems } = readAlto(text);
    expect(problems.map((p) => [p.code, p.line])).toEqual([
      ['bad-number', 4],
      ['bad-number', 5],
      ['alto-missing-position', 6],
      ['alto-string-without-content', 7],
      ['box-clipped', 10],
    ]);
    expect(textOf(pages[0]!)).toEqual(['五']);
    expect(pages[0]!.blocks.find((b) => b.kind === 'photo')!.box).toEqual({ x: 900, y: 900, w: 100, h: 100 });
  });

  it('sizes a page without WIDTH and HEIGHT by what it holds', () => {
    const { pages, problems } = readAlto(minimal('').replace(' WIDTH="100" HEIGHT="200"', ''));
    expect([pages[0]!.width, pages[0]!.height]).toEqual([90, 30]);
    expect(problems[0]!.code).toBe('alto-page-without-size');
  });

  it('says when a file is not ALTO', () => {
    expect(readAlto('<html/>').problems[0]!.code).toBe('alto-no-root');
  });
});
