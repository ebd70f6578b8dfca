import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { regionsSchema } from '../../schemas/scan.ts';
import { readAlto } from './alto.ts';
import { readHocr } from './hocr.ts';
import type { Box } from './model.ts';
import { regionsFor, toParserText, type ParserText } from './parser-text.ts';
import { orderPage } from './reading-order.ts';

const FIXTURES = new URL('../../../tests/fixtures/ocr-positioned/', import.meta.url);
const fixture = (name: string) => readFileSync(new URL(name, FIXTURES), 'utf8');
const truth = JSON.parse(fixture('sample-page.truth.json')) as { lines: (Box & { text: string })[] };

const handWritten = () => toParserText(orderPage(readAlto(fixture('sample-page.alto-v4.xml')).pages[0]!));
const tesseract = () => toParserText(orderPage(readHocr(fixture('sample-page.tesseract.hocr')).pages[0]!));

/** Output line numbers (1-based) whose text starts with `prefix`. */
function lineOf(input: ParserText, prefix: string): number {
  const index = input.text.split('\n').findIndex((line) => line.replace(/^\u3000+/u, '').startsWith(prefix));
  if (index < 0) throw new Error(`no line starts with ${prefix}`);
  return index + 1;
}

const centreIn = (line: Box, boxes: Box[]) => boxes.some((b) => line.x + line.w / 2 >= b.x && line.x + line.w / 2 <= b.x + b.w && line.y + line.h / 2 >= b.y && line.y + line.h / 2 <= b.y + b.h);

describe('toParserText', () => {
  it('writes one printed line per line, a blank line between blocks, the header row as one line', () => {
    const input = handWritten();
    const lines = input.text.split('\n');
    expect(lines.slice(0, 6)).toEqual(['7 2023年1月17日 星期二  新闻  责任编辑 王静', '', '志愿服务聚合力 文明实践谱新篇', '', '新蒲新区推进新时代文明实践工作走深走实', '']);
    expect(lines[6]).toBe('\u3000\u3000本报讯（记者 张婷）2022年，新蒲');
    expect(lines[7]).toBe('新区新时代文明实践中心以“文明实践·新');
    // no line is lost or made up: every truth line is an output line
    const written = new Set(lines.map((l) => l.replace(/^\u3000+/u, '')));
    const header = truth.lines.slice(0, 3).map((l) => l.text);
    for (const line of truth.lines) if (!header.includes(line.text)) expect(written).toContain(line.text.replace(/\u3000/gu, ' '));
  });

  it('keeps geometry for every output line: text lines, photos, blank lines', () => {
    const input = handWritten();
    const lines = input.text.split('\n');
    expect(input.text.endsWith('\n')).toBe(true);
    expect(input.geometry).toHaveLength(lines.length - 1);
    input.geometry.forEach((entry, i) => {
      if (lines[i] === '') expect(entry === null || entry.type === 'photo').toBe(true);
      else expect(entry?.type).toBe('text');
    });
    const header = input.geometry[0]!;
    expect(header).toMatchObject({ type: 'text', band: 'header' });
    expect(header.type === 'text' && header.boxes).toHaveLength(3);
    expect(input.geometry.filter((e) => e?.type === 'photo').map((e) => e!.box)).toEqual([
      { x: 1080, y: 840, w: 450, h: 280 },
      { x: 1080, y: 1370, w: 450, h: 220 },
    ]);
    const headline = input.geometry[lineOf(input, '志愿服务') - 1]!;
    expect(headline.type === 'text' && [headline.bold, headline.size > 2]).toEqual([true, true]);
  });

  it('loses and invents no character: the text holds exactly the words of every text block', () => {
    for (const name of ['sample-page.tesseract.hocr', 'sample-page.tesseract-nodpi.hocr']) {
      const page = readHocr(fixture(name)).pages[0]!;
      const input = toParserText(orderPage(page));
      const sorted = (text: string) => [...text.replace(/[\s\u3000]/gu, '')].sort().join('');
      const words = page.blocks.flatMap((b) => b.lines.flatMap((l) => l.words.map((w) => w.text))).join('');
      expect(sorted(input.text)).toBe(sorted(words));
    }
  });

  it('can leave indents out', () => {
    const input = toParserText(orderPage(readAlto(fixture('sample-page.alto-v4.xml')).pages[0]!), { indent: false });
    expect(input.text).not.toContain('\u3000');
  });
});

describe('regionsFor', () => {
  it("gives an article its headline box and one box per column, covering all of its lines and none of another's", () => {
    for (const input of [handWritten(), tesseract()]) {
      const first = lineOf(input, '志愿服务');
      const last = lineOf(input, '明实践工作聚民心');
      const regions = regionsFor(input, first, last)!;
      expect(regionsSchema.safeParse(regions).success).toBe(true);
      expect(regions.every((box) => box.x + box.w <= input.width && box.y + box.h <= input.height)).toBe(true);
      expect(regions).toHaveLength(4);
      // truth lines 3-31 are the top article; 32 onwards belong to others
      truth.lines.forEach((line, index) => expect(centreIn(line, regions)).toBe(index >= 3 && index <= 31));
    }
  });

  it('gives a photo item its photo, caption and credit', () => {
    const input = handWritten();
    const first = lineOf(input, '日前，赤水市');
    const last = lineOf(input, '（张浪');
    expect(regionsFor(input, first, last)).toEqual([{ x: 1080, y: 1606, w: 450, h: 133 }]);
    expect(regionsFor(input, first, last, { photo: true })).toEqual([{ x: 1080, y: 1370, w: 450, h: 369 }]);
  });

  it('gives nothing for lines without positions', () => {
    expect(regionsFor({ text: 'a\n', geometry: [null], width: 10, height: 10 }, 1, 1)).toBeNull();
  });
});
