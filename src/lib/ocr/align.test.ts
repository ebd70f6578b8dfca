import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePage } from '../../../scripts/lib/parse-page.ts';
import { regionsSchema } from '../../schemas/scan.ts';
import { alignItems, entriesFromOrdered, entriesFromParserText, entriesFromWords, matchKey, type AlignItem } from './align.ts';
import type { OrderedPage } from './reading-order.ts';
import { readAlto } from './alto.ts';
import { readHocr } from './hocr.ts';
import type { Box } from './model.ts';
import { toParserText } from './parser-text.ts';
import { orderPage } from './reading-order.ts';

const FIXTURES = new URL('../../../tests/fixtures/', import.meta.url);
const fixture = (name: string) => readFileSync(new URL(name, FIXTURES), 'utf8');
const truth = JSON.parse(fixture('ocr-positioned/sample-page.truth.json')) as { width: number; height: number; lines: (Box & { text: string })[] };

/** The sample's items from its plain text, each with the text of its lines, as the importer gives them. */
function sampleItems(): AlignItem[] {
  const text = fixture('sample/zunyi-2023-01-page.txt');
  const lines = text.split('\n');
  const parsed = parsePage(text, { paper: 'zunyi-daily', date: '2023-01-17', page: 3 });
  return parsed.articles.map((item) => ({ text: lines.slice(item.lines[0] - 1, item.lines[1]).join('\n'), photo: item.kind === 'photo' }));
}

/** Which item a truth line belongs to, found without the aligner: its characters, spaces and punctuation dropped, inside the item's. */
function itemOfTruthLine(items: AlignItem[], line: string): number {
  const strip = (s: string) => s.replace(/[\s\p{P}\p{S}]/gu, '');
  const target = strip(line);
  const found = items.map((item, i) => (strip(item.text).includes(target) ? i : -1)).filter((i) => i >= 0);
  return found.length === 1 ? found[0]! : -1;
}

const centreIn = (line: Box, boxes: Box[]) => boxes.some((b) => line.x + line.w / 2 >= b.x && line.x + line.w / 2 <= b.x + b.w && line.y + line.h / 2 >= b.y && line.y + line.h / 2 <= b.y + b.h);

describe('matchKey', () => {
  it('keeps Han characters, letters and digits, folds width and case, drops spaces and punctuation', () => {
    expect(matchKey('本报讯 （记者 张婷）２０２２年，ＣＰＩ')).toBe('本报讯记者张婷2022年cpi');
  });
});

describe('alignItems', () => {
  const items = sampleItems();
  const sources = {
    'hand-written ALTO': toParserText(orderPage(readAlto(fixture('ocr-positioned/sample-page.alto-v4.xml')).pages[0]!)),
    'Tesseract hOCR': toParserText(orderPage(readHocr(fixture('ocr-positioned/sample-page.tesseract.hocr')).pages[0]!)),
    // without a resolution Tesseract reads lines across the gutters: the matching must not care
    'Tesseract hOCR without dpi': toParserText(orderPage(readHocr(fixture('ocr-positioned/sample-page.tesseract-nodpi.hocr')).pages[0]!)),
  };

  for (const [name, input] of Object.entries(sources)) {
    it(`places every item of the plain text on the page (${name}): each of its printed lines inside its regions, no other item's`, () => {
      const { regions, stats } = alignItems(items, entriesFromParserText(input), input.width, input.height);
      // the positioned page prints four of the text's five items (not the last photo, 近日，仁怀市…)
      expect(regions.map((r) => r !== null)).toEqual([true, true, true, true, false]);
      expect(stats.placed).toBe(4);
      let checked = 0;
      for (const line of truth.lines) {
        const item = itemOfTruthLine(items, line.text);
        if (item < 0) continue;
        checked++;
        expect(centreIn(line, regions[item]!), `${line.text} in item ${item + 1}`).toBe(true);
        regions.forEach((boxes, other) => {
          if (other !== item && boxes) expect(centreIn(line, boxes), `${line.text} (item ${item + 1}) inside item ${other + 1}`).toBe(false);
        });
      }
      expect(checked).toBeGreaterThan(50);
      for (const boxes of regions.filter((r) => r !== null)) {
        expect(regionsSchema.safeParse(boxes).success).toBe(true);
        for (const box of boxes!) expect(box.x + box.w <= input.width && box.y + box.h <= input.height).toBe(true);
      }
    });
  }

  it('gives a photo item the photo printed above its caption', () => {
    const input = sources['hand-written ALTO'];
    const { regions } = alignItems(items, entriesFromParserText(input), input.width, input.height);
    const photo = items.findIndex((item) => item.text.includes('日前，赤水市') || item.text.includes('日前,赤水市'));
    expect(items[photo]!.photo).toBe(true);
    // the photo box (1080,1370 450x225 in the ALTO) is part of the item's region, above the caption
    expect(regions[photo]).toEqual([{ x: 1080, y: 1370, w: 450, h: 369 }]);
  });

  it('leaves the page header and lines of no item alone, and places nothing on an unrelated page', () => {
    const input = sources['Tesseract hOCR'];
    const { owner } = alignItems(items, entriesFromParserText(input), input.width, input.height);
    const entries = entriesFromParserText(input);
    entries.forEach((entry, i) => {
      if (entry.type === 'line' && entry.band === 'header') expect(owner[i]).toBe(-1);
    });
    const unrelated: AlignItem[] = [{ text: '今天天气晴朗，气温回升，市民纷纷外出踏青赏花。', photo: false }];
    expect(alignItems(unrelated, entries, input.width, input.height).regions).toEqual([null]);
  });

  it('aligns to stored page words, whose columns are unknown', () => {
    const page = readAlto(fixture('ocr-positioned/sample-page.alto-v4.xml')).pages[0]!;
    const words = {
      sha256: '0'.repeat(64),
      width: page.width,
      height: page.height,
      engine: 'test',
      lines: page.blocks.flatMap((b) => b.lines.map((l) => ({ box: l.box, words: l.words.map((w) => ({ text: w.text, box: w.box })) }))),
    };
    const { regions } = alignItems(items, entriesFromWords(words), page.width, page.height);
    for (const line of truth.lines) {
      const item = itemOfTruthLine(items, line.text);
      if (item >= 0) expect(centreIn(line, regions[item]!), line.text).toBe(true);
    }
  });

  it('cuts a line where its words stand far apart: two headlines side by side go to their own items', () => {
    const word = (text: string, x: number) => ({ text, box: { x, y: 100, w: 40 * [...text].length, h: 40 }, confidence: null, bold: null, sourceLine: 1 });
    const words = [word('义务教育绘新景', 100), word('七彩假期让村医笑开颜', 600)];
    const page: OrderedPage = {
      width: 1200,
      height: 400,
      bodyLineHeight: 40,
      problems: [],
      items: [{ type: 'line', line: { text: '', box: { x: 100, y: 100, w: 900, h: 40 }, words, block: 'b1', column: 1, band: 'body', kind: 'line', size: 1, bold: null, startsBlock: true, indent: false, sourceLine: 1 } }],
    };
    const entries = entriesFromOrdered(page);
    expect(entries.map((e) => (e.type === 'line' ? [e.text, e.boxes[0]!.x, e.boxes[0]!.w] : null))).toEqual([
      ['义务教育绘新景', 100, 280],
      ['七彩假期让村医笑开颜', 600, 400],
    ]);
    const { regions } = alignItems([{ text: '七彩假期让村医笑开颜', photo: false }, { text: '义务教育绘新景走访展新颜', photo: false }], entries, 1200, 400);
    expect(regions).toEqual([[{ x: 600, y: 100, w: 400, h: 40 }], [{ x: 100, y: 100, w: 280, h: 40 }]]);
  });
});
