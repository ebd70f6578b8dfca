import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readAlto } from './alto.ts';
import { readHocr } from './hocr.ts';
import { boxInside, overlap, type Block, type Box, type PositionedPage } from './model.ts';
import { orderPage, type OrderedLine, type OrderedPage } from './reading-order.ts';

const FIXTURES = new URL('../../../tests/fixtures/ocr-positioned/', import.meta.url);
const fixture = (name: string) => readFileSync(new URL(name, FIXTURES), 'utf8');
const lines = (page: OrderedPage): OrderedLine[] => page.items.flatMap((item) => (item.type === 'line' ? [item.line] : []));
/** The first character of each line in reading order: which column or headline each line came from. */
const firstCharacters = (page: Parameters<typeof orderPage>[0]) => lines(orderPage(page)).map((line) => line.text[0]).join('');
const sequence = (page: OrderedPage) => page.items.map((item) => (item.type === 'photo' ? '[photo]' : item.line.text));

interface TruthLine extends Box {
  text: string;
}
const truth = JSON.parse(fixture('sample-page.truth.json')) as { width: number; height: number; lines: TruthLine[] };

/**
 * The truth lines in the order an editor reads the page (see the fixture README): the indexes
 * of sample-page.truth.json, with the photos where they stand.
 */
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
const READING_ORDER: (number | 'photo')[] = [...range(0, 31), ...range(32, 53), 64, 54, 'photo', ...range(55, 59), 'photo', ...range(60, 63), 65];

/** The truth line a box covers most of, or -1. */
function truthIndex(box: Box): number {
  let best = -1;
  let bestArea = 0;
  truth.lines.forEach((line, index) => {
    const area = overlap(box.x, box.x + box.w, line.x, line.x + line.w) * overlap(box.y, box.y + box.h, line.y, line.y + line.h);
    if (area > bestArea) {
      best = index;
      bestArea = area;
    }
  });
  return bestArea >= box.w * box.h * 0.3 ? best : -1;
}

/** The ordered page as truth indexes, runs of the same line merged (Tesseract splits some lines). */
function asTruth(page: OrderedPage): (number | 'photo')[] {
  const out: (number | 'photo')[] = [];
  for (const item of page.items) {
    const value = item.type === 'photo' ? 'photo' : truthIndex(item.line.box);
    if (value === -1) continue;
    if (value !== 'photo' && out[out.length - 1] === value) continue;
    out.push(value);
  }
  return out;
}

function everyBoxInside(page: OrderedPage): boolean {
  return page.items.every((item) => {
    const boxes = item.type === 'photo' ? [item.photo.box] : [item.line.box, ...item.line.words.map((w) => w.box)];
    return boxes.every((box) => boxInside(box, page.width, page.height));
  });
}

describe('orderPage on the sample page', () => {
  it('restores the reading order of the hand-written ALTO, whose blocks are printed out of order', () => {
    const page = orderPage(readAlto(fixture('sample-page.alto-v4.xml')).pages[0]!);
    expect(asTruth(page)).toEqual(READING_ORDER);
    expect(sequence(page).slice(0, 6)).toEqual([
      '7 2023年1月17日 星期二',
      '新闻',
      '责任编辑 王静',
      '志愿服务聚合力 文明实践谱新篇',
      '新蒲新区推进新时代文明实践工作走深走实',
      '本报讯（记者 张婷）2022年，新蒲',
    ]);
    expect(everyBoxInside(page)).toBe(true);
  });

  it('reads Tesseract hOCR and ALTO of the page in the editor\'s order', () => {
    for (const page of [readHocr(fixture('sample-page.tesseract.hocr')).pages[0]!, readAlto(fixture('sample-page.tesseract.alto.xml')).pages[0]!]) {
      const ordered = orderPage(page);
      expect(asTruth(ordered)).toEqual(READING_ORDER);
      expect(everyBoxInside(ordered)).toBe(true);
    }
  });

  it('gives the same order whatever order the engine printed the blocks in', () => {
    const page = readHocr(fixture('sample-page.tesseract.hocr')).pages[0]!;
    const expected = sequence(orderPage(page));
    const reversed: PositionedPage = { ...page, blocks: [...page.blocks].reverse() };
    // columns interleaved: every other block moved to the end
    const shuffled: PositionedPage = { ...page, blocks: [...page.blocks.filter((_, i) => i % 2 === 1), ...page.blocks.filter((_, i) => i % 2 === 0)] };
    expect(sequence(orderPage(reversed))).toEqual(expected);
    expect(sequence(orderPage(shuffled))).toEqual(expected);
  });

  it('marks the header and footer bands, block starts, indents and sizes', () => {
    const page = orderPage(readAlto(fixture('sample-page.alto-v4.xml')).pages[0]!);
    const all = lines(page);
    expect(all.filter((l) => l.band === 'header').map((l) => l.text)).toEqual(['7 2023年1月17日 星期二', '新闻', '责任编辑 王静']);
    expect(all.filter((l) => l.band === 'footer').map((l) => l.text)).toEqual(['遵义日报社出版 第7版']);
    const headline = all.find((l) => l.text.startsWith('志愿服务'))!;
    expect(headline.size).toBeGreaterThan(2);
    expect(headline.bold).toBe(true);
    // paragraphs open indented; the column's other lines are flush
    const indented = all.filter((l) => l.indent).map((l) => l.text.slice(0, 6));
    expect(indented).toContain('本报讯（记者');
    expect(indented).toContain('项目支撑，文');
    expect(indented).not.toContain('新区新时代文');
    // a credit set to the right is not an indent
    expect(all.find((l) => l.text.startsWith('（张浪'))!.indent).toBe(false);
    expect(all.filter((l) => l.startsBlock).length).toBe(new Set(all.map((l) => l.block)).size);
  });

  it('splits lines that Tesseract read across the gutters (no --dpi) back into columns', () => {
    const page = orderPage(readHocr(fixture('sample-page.tesseract-nodpi.hocr')).pages[0]!);
    expect(everyBoxInside(page)).toBe(true);
    // the top article's body: three columns 453 px wide at x = 70, 573, 1077
    const body = lines(page).filter((l) => l.box.y > 280 && l.box.y < 700 && l.text.length > 3);
    expect(body.length).toBeGreaterThanOrEqual(27);
    // a line belongs to the column its middle is in, and is no wider than a column and the
    // quote mark Tesseract reads into the gutter
    const columnOf = (l: OrderedLine) => [70, 573, 1077].findIndex((x) => l.box.x + l.box.w / 2 > x && l.box.x + l.box.w / 2 < x + 453 && l.box.w <= 453 + 40);
    expect(body.every((l) => columnOf(l) >= 0)).toBe(true);
    // column by column, top to bottom
    const columns = body.map(columnOf);
    expect(columns).toEqual([...columns].sort((a, b) => a - b));
    expect(body[0]!.text).toMatch(/^本报讯/u);
  });
});

/** A page from lines written as [x, y, w, h, text]: a word per character, as Tesseract gives Chinese. */
function syntheticPage(width: number, height: number, blocks: { id: string; lines: [number, number, number, number, string][]; kind?: 'photo' }[]): PositionedPage {
  return {
    format: 'hocr',
    width,
    height,
    dpi: null,
    engine: null,
    image: null,
    sourceLine: 1,
    blocks: blocks.map(
      (b, i): Block => ({
        id: b.id,
        kind: b.kind ?? 'text',
        area: null,
        role: null,
        sourceLine: i + 1,
        box: {
          x: Math.min(...b.lines.map((l) => l[0])),
          y: Math.min(...b.lines.map((l) => l[1])),
          w: Math.max(...b.lines.map((l) => l[0] + l[2])) - Math.min(...b.lines.map((l) => l[0])),
          h: Math.max(...b.lines.map((l) => l[1] + l[3])) - Math.min(...b.lines.map((l) => l[1])),
        },
        lines:
          b.kind === 'photo'
            ? []
            : b.lines.map(([x, y, w, h, text]) => {
                const chars = [...text];
                const advance = w / chars.length;
                return {
                  box: { x, y, w, h },
                  kind: 'line' as const,
                  fontSizePx: null,
                  fontSizePt: null,
                  xHeightPx: null,
                  bold: null,
                  hyphenated: false,
                  sourceLine: i + 1,
                  words: chars.map((ch, k) => ({ text: ch, box: { x: Math.round(x + k * advance), y, w: Math.round(advance), h }, confidence: null, bold: null, sourceLine: i + 1 })),
                };
              }),
      }),
    ),
  };
}

/** Column text: `rows` lines of 10 characters (200 px wide, 20 px high, 30 px apart) starting at (x, y). */
function column(x: number, y: number, rows: number, label: string): [number, number, number, number, string][] {
  return Array.from({ length: rows }, (_, i) => [x, y + i * 30, 200, 20, `${label}${'文'.repeat(8)}${i}`] as [number, number, number, number, string]);
}

describe('orderPage on constructed layouts', () => {
  it('reads a headline over three columns before the columns, even when it is printed last', () => {
    const page = syntheticPage(800, 600, [
      { id: 'c3', lines: column(540, 150, 5, '丙') },
      { id: 'c1', lines: column(40, 150, 5, '甲') },
      { id: 'c2', lines: column(290, 150, 5, '乙') },
      { id: 'head', lines: [[100, 60, 600, 50, '大标题横跨三栏']] },
    ]);
    const order = orderPage(page);
    expect(lines(order).map((l) => l.text[0])).toEqual(['大', ...'甲甲甲甲甲乙乙乙乙乙丙丙丙丙丙']);
    expect(lines(order)[0]!.size).toBe(2.5);
  });

  it('reads side-by-side articles one after the other, though their headlines share a row', () => {
    // two articles, each a headline over two columns, next to each other; the gaps under the
    // headlines line up across the page
    const page = syntheticPage(1100, 600, [
      { id: 'b-head', lines: [[600, 60, 400, 50, '右边文章的标题']] },
      { id: 'a-head', lines: [[80, 60, 400, 50, '左边文章的标题']] },
      { id: 'b1', lines: column(560, 150, 6, '丁') },
      { id: 'a2', lines: column(300, 150, 6, '乙') },
      { id: 'a1', lines: column(40, 150, 6, '甲') },
      { id: 'b2', lines: column(820, 150, 6, '戊') },
    ]);
    expect(firstCharacters(page)).toBe('左甲甲甲甲甲甲乙乙乙乙乙乙右丁丁丁丁丁丁戊戊戊戊戊戊');
  });

  it('reads a column that runs beside a spanning headline below it, then the rest', () => {
    // a tall column on the right from the top; on the left a headline over two columns and its body
    const page = syntheticPage(800, 700, [
      { id: 'left-head', lines: [[60, 60, 400, 50, '左侧标题跨两栏']] },
      { id: 'l1', lines: column(40, 150, 5, '甲') },
      { id: 'l2', lines: column(290, 150, 5, '乙') },
      { id: 'right', lines: column(560, 60, 12, '丙') },
    ]);
    expect(firstCharacters(page)).toBe('左甲甲甲甲甲乙乙乙乙乙' + '丙'.repeat(12));
  });

  it('reads an article over two columns under a one-column headline before the article under it', () => {
    // the sample's layout: the headline sits over the first column only, its text fills two
    // columns, and a second article starts under the first column after a clear band that runs
    // through the second column at the same height; a third column runs the page's height
    const page = syntheticPage(800, 800, [
      { id: 'head', lines: [[40, 60, 200, 50, '标题只占一栏']] },
      { id: 'a1', lines: column(40, 150, 5, '甲') },
      { id: 'a2', lines: column(290, 150, 5, '乙') },
      { id: 'head2', lines: [[40, 360, 200, 40, '第二篇标题']] },
      { id: 'b1', lines: column(40, 430, 4, '丙') },
      { id: 'c2', lines: column(290, 360, 6, '丁') },
      { id: 'right', lines: column(540, 60, 22, '戊') },
    ]);
    expect(firstCharacters(page)).toBe('标甲甲甲甲甲乙乙乙乙乙第丙丙丙丙丁丁丁丁丁丁' + '戊'.repeat(22));
  });

  it('does not join a column that starts beside a headline to the article under that headline', () => {
    // the right column starts level with the headline, not with the text under it: it is read
    // whole after the left article's columns (an article jumping to the top of the next column)
    const page = syntheticPage(800, 800, [
      { id: 'head', lines: [[40, 60, 450, 50, '标题跨两栏']] },
      { id: 'a1', lines: column(40, 150, 5, '甲') },
      { id: 'a2', lines: column(290, 150, 5, '乙') },
      { id: 'head2', lines: [[40, 360, 200, 40, '第二篇标题']] },
      { id: 'b1', lines: column(40, 430, 4, '丙') },
      { id: 'b2', lines: column(290, 430, 4, '丁') },
      { id: 'right', lines: column(540, 60, 8, '戊') },
      { id: 'right2', lines: column(540, 360, 6, '己') },
    ]);
    expect(firstCharacters(page)).toBe('标甲甲甲甲甲乙乙乙乙乙第丙丙丙丙丁丁丁丁' + '戊'.repeat(8) + '己'.repeat(6));
  });

  /**
   * A headline centred over three columns whose text starts level, too short to stand over the
   * first and the last, then an article under the first column; a fourth column runs from the
   * top. With `subtitle`, one line in body type centred between the
   * headline and the columns.
   */
  const centredHeadlinePage = (subtitle: boolean) => {
    const top = subtitle ? 170 : 140;
    const sub: [number, number, number, number, string][] = [[210, 125, 360, 22, '副题居中']];
    return syntheticPage(1100, 800, [
      { id: 'head', lines: [[250, 70, 280, 45, '标题居中于三栏']] },
      ...(subtitle ? [{ id: 'sub', lines: sub }] : []),
      { id: 'a1', lines: column(40, top, 6, '甲') },
      { id: 'a2', lines: column(290, top, 6, '乙') },
      { id: 'a3', lines: column(540, top, 6, '丙') },
      { id: 'b1', lines: [[40, top + 260, 200, 40, '第二篇标题']] },
      { id: 'b2', lines: column(40, top + 330, 5, '丁') },
      { id: 'right', lines: column(800, 60, 20, '戊') },
    ]);
  };
  const centredReading = '甲甲甲甲甲甲乙乙乙乙乙乙丙丙丙丙丙丙第丁丁丁丁丁' + '戊'.repeat(20);

  it('reads the columns beside a headline narrower than its article under that headline', () => {
    expect(firstCharacters(centredHeadlinePage(false))).toBe('标' + centredReading);
  });

  it('gives a column between two headlines of one row to the headline set flush over it', () => {
    // 甲 set flush left over the first of its two columns, 丙 centred over the third; the
    // second column starts level with both and stands beside both headlines: it is 甲's, since
    // 丙 sits centred over its own column only
    const page = syntheticPage(800, 500, [
      { id: 'head-a', lines: [[40, 60, 180, 45, '甲标题靠左']] },
      { id: 'head-b', lines: [[560, 60, 160, 45, '丙标题居中']] },
      { id: 'a1', lines: column(40, 125, 6, '甲') },
      { id: 'a2', lines: column(290, 125, 6, '乙') },
      { id: 'b', lines: column(540, 125, 6, '丙') },
    ]);
    expect(firstCharacters(page)).toBe('甲' + '甲'.repeat(6) + '乙'.repeat(6) + '丙' + '丙'.repeat(6));
  });

  it('gives the columns between two headlines of one row that both reach over them to the left one', () => {
    // zunyi-daily 2022-08-24/09: 甲 set flush over the first of its two columns, 丙 flush over
    // the third of five and so also centred over the second to the fifth; the second column is
    // 甲's, its article running on to the right of its headline
    const page = syntheticPage(1300, 500, [
      { id: 'head-a', lines: [[40, 60, 220, 45, '甲标题靠左']] },
      { id: 'head-b', lines: [[540, 60, 450, 45, '丙标题靠左也居中']] },
      { id: 'cols', lines: [...column(40, 150, 8, '子'), ...column(290, 150, 8, '丑'), ...column(540, 150, 8, '寅'), ...column(790, 150, 8, '卯'), ...column(1040, 150, 8, '辰')] },
    ]);
    expect(firstCharacters(page)).toBe('甲' + '子'.repeat(8) + '丑'.repeat(8) + '丙' + '寅'.repeat(8) + '卯'.repeat(8) + '辰'.repeat(8));
  });

  it('reads a headline line the engine read across two articles side by side as two headlines', () => {
    // tongren-daily 2022-07-11/11 (degraded): 松桃县民生实事落地见效 … 技能谱新篇 read as one
    // line, its two halves 558 px apart in a line 91 px high
    const page = syntheticPage(1000, 400, [
      { id: 'heads', lines: [[40, 60, 860, 45, '甲标题在左栏□□□□□□□□□□□乙标题在右栏的']] },
      { id: 'cols', lines: [...column(40, 140, 6, '子'), ...column(290, 140, 6, '丑'), ...column(540, 140, 6, '寅'), ...column(790, 140, 6, '卯')] },
    ]);
    // the filler characters stand for the gap: the engine read no word there
    const line = page.blocks[0]!.lines[0]!;
    line.words = line.words.filter((word) => word.text !== '□');
    expect(firstCharacters(page)).toBe('甲' + '子'.repeat(6) + '丑'.repeat(6) + '乙' + '寅'.repeat(6) + '卯'.repeat(6));
  });

  it('places a headline the engine read as two pieces side by side as one', () => {
    // 台江县基层社 | 会治理 set flush left over four columns; an article under the first three
    // only: the fourth column is still the first article's, read before the second
    const page = syntheticPage(1100, 700, [
      { id: 'head-1', lines: [[45, 60, 285, 45, '台江县基层社']] },
      { id: 'head-2', lines: [[335, 60, 165, 45, '会治理']] },
      { id: 'a', lines: [...column(40, 125, 5, '甲'), ...column(290, 125, 5, '乙'), ...column(540, 125, 5, '丙'), ...column(790, 125, 5, '丁')] },
      { id: 'head-b', lines: [[40, 330, 300, 40, '第二篇标题']] },
      { id: 'b', lines: [...column(40, 390, 6, '戊'), ...column(290, 390, 6, '己'), ...column(540, 390, 6, '庚')] },
    ]);
    expect(firstCharacters(page)).toBe('台会' + '甲'.repeat(5) + '乙'.repeat(5) + '丙'.repeat(5) + '丁'.repeat(5) + '第' + '戊'.repeat(6) + '己'.repeat(6) + '庚'.repeat(6));
  });

  it('reaches the first column from a headline set on two lines, past a byline over that column', () => {
    // 生态环境保护强基础 / 示范促发展 centred over three columns but standing over the middle one
    // only, the byline over the first column, the text two lines lower; an article under the
    // first column only, and a column on the right from the top
    const page = syntheticPage(1100, 1000, [
      { id: 'head-1', lines: [[290, 40, 200, 45, '生态环境保护强基础']] },
      { id: 'head-2', lines: [[315, 95, 150, 45, '示范促发展']] },
      { id: 'byline', lines: [[40, 150, 120, 20, '本报记者白飞']] },
      { id: 'a', lines: [...column(40, 190, 5, '甲'), ...column(290, 190, 5, '乙'), ...column(540, 190, 5, '丙')] },
      { id: 'head-b', lines: [[40, 360, 200, 40, '第二篇标题']] },
      { id: 'b', lines: column(40, 420, 6, '己') },
      { id: 'right', lines: column(800, 40, 18, '戊') },
    ]);
    expect(firstCharacters(page)).toBe('生示本' + '甲'.repeat(5) + '乙'.repeat(5) + '丙'.repeat(5) + '第' + '己'.repeat(6) + '戊'.repeat(18));
  });

  it('reads the first characters of a line that the engine printed as a line of their own in that line', () => {
    // 年， | 乙乙乙…: the space after the comma split the row; the two characters are no column
    const page = syntheticPage(800, 600, [
      { id: 'a', lines: column(40, 100, 6, '甲') },
      { id: 'head', lines: [[320, 40, 150, 40, '乙标题']] },
      { id: 'b0', lines: [[330, 100, 160, 20, '本报讯记者二〇二']] },
      { id: 'b1a', lines: [[290, 130, 30, 20, '年，']] },
      { id: 'b1b', lines: [[345, 130, 145, 20, '乙乙乙乙乙乙乙']] },
    ]);
    expect(lines(orderPage(page)).map((l) => l.text.slice(0, 2)).slice(-4)).toEqual(['乙标', '本报', '年，', '乙乙']);
  });

  it('finds where the text under a headline starts below a byline read as two pieces side by side', () => {
    // 本报记者 | 孔瑛悦 under the headline, level with a line of the column on the right: the
    // text starts at the columns' first row, and the headline reaches the first and third
    const page = syntheticPage(1100, 900, [
      { id: 'head', lines: [[300, 40, 180, 45, '疫情防控常态长效']] },
      { id: 'by-1', lines: [[320, 100, 60, 20, '本报记者']] },
      { id: 'by-2', lines: [[400, 100, 60, 20, '孔瑛悦']] },
      { id: 'a', lines: [...column(40, 150, 6, '甲'), ...column(290, 150, 6, '乙'), ...column(540, 150, 6, '丙')] },
      { id: 'head-b', lines: [[40, 360, 200, 40, '第二篇标题']] },
      { id: 'b', lines: column(40, 420, 6, '己') },
      { id: 'right', lines: column(800, 40, 20, '戊') },
    ]);
    expect(firstCharacters(page)).toBe('疫本孔' + '甲'.repeat(6) + '乙'.repeat(6) + '丙'.repeat(6) + '第' + '己'.repeat(6) + '戊'.repeat(20));
  });

  it('finds where the text under a centred headline starts below a subtitle centred under it', () => {
    // the first column still starts level with the text under the headline, not with the subtitle
    expect(firstCharacters(centredHeadlinePage(true))).toBe('标副' + centredReading);
  });

  it('finds the text under a centred headline more than four lines below it, past a subtitle and a gap', () => {
    // the subtitle stands over the middle column only; the columns start five lines under the
    // headline: the headline still reaches the first and the third
    const page = syntheticPage(1100, 800, [
      { id: 'head', lines: [[250, 70, 280, 45, '标题居中于三栏']] },
      { id: 'sub', lines: [[320, 125, 140, 22, '副题居中']] },
      { id: 'a1', lines: column(40, 215, 6, '甲') },
      { id: 'a2', lines: column(290, 215, 6, '乙') },
      { id: 'a3', lines: column(540, 215, 6, '丙') },
      { id: 'b1', lines: [[40, 475, 200, 40, '第二篇标题']] },
      { id: 'b2', lines: column(40, 545, 5, '丁') },
      { id: 'right', lines: column(800, 60, 20, '戊') },
    ]);
    expect(firstCharacters(page)).toBe('标副' + centredReading);
  });

  it('reads two columns apart when Tesseract read one of their lines across the gutter', () => {
    // rows 0-3 and 5-7 in each column; row 4 read as one line from the first column's left
    // edge to the second's right edge, its words on either side of the gutter
    const across = `${'甲'.repeat(9)}${'　'.repeat(2)}${'乙'.repeat(9)}`;
    const page = syntheticPage(600, 400, [
      { id: 'a', lines: [...column(40, 40, 4, '甲'), ...column(40, 190, 3, '甲')] },
      { id: 'b', lines: [...column(290, 40, 4, '乙'), ...column(290, 190, 3, '乙')] },
      { id: 'x', lines: [[40, 160, 450, 20, across]] },
    ]);
    const line = page.blocks[2]!.lines[0]!;
    line.words = line.words.filter((word) => word.text !== '　');
    expect(firstCharacters(page)).toBe('甲'.repeat(8) + '乙'.repeat(8));
  });

  it('takes a free block off a page whose articles interlock, then cuts the rest', () => {
    // 甲 over three columns at the top, 乙 over two columns below it running to the foot, 丙 in
    // the third column under 甲, 戊 down the fourth column from the top, and an advertisement
    // under 丙 and 戊: no gutter or clear band runs through the whole page
    const page = syntheticPage(1100, 900, [
      { id: 'h1', lines: [[40, 40, 650, 45, '甲标题']] },
      { id: 'a', lines: [...column(40, 100, 5, '甲'), ...column(290, 100, 5, '甲'), ...column(540, 100, 5, '甲')] },
      { id: 'e', lines: column(800, 40, 20, '戊') },
      { id: 'h2', lines: [[40, 300, 400, 45, '乙标题']] },
      { id: 'b', lines: [...column(40, 360, 14, '乙'), ...column(290, 360, 14, '乙')] },
      { id: 'h3', lines: [[540, 300, 200, 45, '丙标题']] },
      { id: 'c', lines: column(540, 360, 8, '丙') },
      { id: 'ad', lines: [[560, 670, 400, 40, '广告一'], [560, 720, 400, 40, '广告二']] },
    ]);
    // each article read in one piece (which comes first after 甲 is the cutter's choice)
    const read = firstCharacters(page);
    const runs = read.replace(/(.)\1*/gu, '$1');
    expect([...runs].sort()).toEqual([...'甲乙丙戊广'].sort());
    expect(runs[0]).toBe('甲');
    expect([...read].filter((c) => c === '乙')).toHaveLength(29);
  });

  it('takes an advertisement set across a gutter off the page before it gives up the reach of a centred headline', () => {
    // tongren-daily 2022-05-30/10: 甲 centred over its four columns, its first column running on
    // below beside 乙; an advertisement stands across the gutter between 乙's last column and 戊,
    // which runs down the right from the top: nothing divides the page until it is taken off
    const page = syntheticPage(1300, 1000, [
      { id: 'h1', lines: [[340, 60, 350, 45, '甲标题居中']] },
      { id: 'a', lines: [...column(40, 140, 6, '子'), ...column(290, 140, 6, '丑'), ...column(540, 140, 6, '寅'), ...column(790, 140, 6, '卯')] },
      { id: 'a-on', lines: column(40, 360, 12, '子') },
      { id: 'h2', lines: [[290, 360, 300, 40, '乙标题']] },
      { id: 'b', lines: [...column(290, 430, 10, '辰'), ...column(540, 430, 5, '巳'), ...column(790, 430, 5, '未')] },
      { id: 'h3', lines: [[1040, 60, 200, 45, '戊标题'], [1040, 115, 200, 20, '戊副题']] },
      { id: 'e', lines: column(1040, 150, 16, '午') },
      { id: 'ad-photo', kind: 'photo', lines: [[790, 650, 460, 250, '']] },
      { id: 'ad', lines: [[850, 700, 300, 40, '广告一'], [850, 780, 300, 40, '广告二']] },
    ]);
    expect(firstCharacters(page)).toBe('甲' + '子'.repeat(6) + '丑'.repeat(6) + '寅'.repeat(6) + '卯'.repeat(6) + '子'.repeat(12) + '乙' + '辰'.repeat(10) + '巳'.repeat(5) + '未'.repeat(5) + '戊戊' + '午'.repeat(16) + '广广');
  });

  it('takes no "photo" that touches the edge of the scan for a picture: it is the scan\'s dark border', () => {
    // zunyi-daily 2022-12-07/01 (degraded): Tesseract reported the dark left edge of the scan,
    // over the first column, as a photo the height of the page, which bridged every gap
    const page = syntheticPage(800, 800, [
      { id: 'border', kind: 'photo', lines: [[0, 0, 140, 800, '']] },
      { id: 'h1', lines: [[100, 40, 450, 45, '甲标题']] },
      { id: 'a', lines: [...column(100, 120, 6, '子'), ...column(350, 120, 6, '丑')] },
      { id: 'h2', lines: [[100, 330, 450, 45, '乙标题']] },
      { id: 'b', lines: [...column(100, 410, 5, '寅'), ...column(350, 410, 5, '卯')] },
    ]);
    const ordered = orderPage(page);
    expect(sequence(ordered)).not.toContain('[photo]');
    expect(lines(ordered).map((line) => line.text[0]).join('')).toBe('甲' + '子'.repeat(6) + '丑'.repeat(6) + '乙' + '寅'.repeat(5) + '卯'.repeat(5));
  });

  it('finds a gutter that a photo box reaching into it leaves too narrow', () => {
    // bijie-daily 2022-04-09/09 (degraded): a picture one column wide whose box, blurred edge
    // and all, reached 20 px into a 27 px gutter; the 7 px left were too few for a gutter
    const page = syntheticPage(600, 800, [
      { id: 'a1', lines: column(40, 160, 5, '甲') },
      { id: 'pic', kind: 'photo', lines: [[40, 320, 222, 150, '']] },
      { id: 'a2', lines: column(40, 500, 6, '乙') },
      { id: 'b', lines: column(270, 160, 18, '丙') },
    ]);
    expect(sequence(orderPage(page)).map((text) => text[0])).toEqual([...'甲甲甲甲甲', '[', ...'乙乙乙乙乙乙', ...'丙'.repeat(18)]);
  });

  it('reads a headline before a byline set lower down on its left', () => {
    // the headline over both columns, starting past the byline's right end; the byline under
    // the subtitle's line, a line's space above the columns
    const page = syntheticPage(700, 500, [
      { id: 'head', lines: [[150, 40, 350, 45, '标题门前三包让志愿者得实惠'], [150, 100, 350, 30, '副题德江县做细文明城市创建']] },
      { id: 'byline', lines: [[40, 140, 90, 20, '国记者万丹桂']] },
      { id: 'a', lines: column(40, 200, 5, '甲') },
      { id: 'b', lines: column(300, 200, 5, '乙') },
    ]);
    expect(firstCharacters(page)).toBe('标副国' + '甲'.repeat(5) + '乙'.repeat(5));
  });

  it('keeps the last line of a column that runs lower than the others in the body, not the footer', () => {
    // three columns ending at different heights near the foot of the page; the third one line
    // lower than the second, the usual space between lines above it
    const page = syntheticPage(800, 1000, [
      { id: 'a', lines: column(40, 600, 9, '甲') },
      { id: 'b', lines: column(290, 600, 10, '乙') },
      { id: 'c', lines: column(540, 600, 11, '丙') },
    ]);
    const all = lines(orderPage(page));
    expect(all.filter((l) => l.band === 'footer')).toEqual([]);
    expect(all.map((l) => l.text[0]).join('')).toBe('甲'.repeat(9) + '乙'.repeat(10) + '丙'.repeat(11));
  });

  it('reads two captions side by side one after the other, though their lines do not line up', () => {
    // one photo box over both (the engine's box of two pictures side by side), the second
    // caption set 12 px lower than the first: no gutter runs the region's height
    const page = syntheticPage(800, 500, [
      { id: 'photo', kind: 'photo', lines: [[40, 20, 450, 100, '']] },
      { id: 'a', lines: column(40, 130, 4, '甲') },
      { id: 'b', lines: column(290, 142, 4, '乙') },
    ]);
    expect(orderPage(page).items.map((item) => (item.type === 'photo' ? '图' : item.line.text[0])).join('')).toBe('图' + '甲'.repeat(4) + '乙'.repeat(4));
  });

  it('takes off a page header whose page name is set large when it holds the date', () => {
    const page = syntheticPage(800, 600, [
      { id: 'name', lines: [[40, 20, 120, 50, '要闻']] },
      { id: 'date', lines: [[500, 30, 260, 20, '2023年1月17日星期二']] },
      { id: 'c1', lines: column(40, 150, 5, '甲') },
      { id: 'c2', lines: column(290, 150, 5, '乙') },
    ]);
    const order = lines(orderPage(page));
    expect(order.filter((l) => l.band === 'header').map((l) => l.text[0])).toEqual(['要', '2']);
  });

  it('puts photos in their place and drops specks that Tesseract calls photos', () => {
    const page = syntheticPage(600, 800, [
      { id: 'caption', lines: column(40, 400, 2, '说') },
      { id: 'photo', kind: 'photo', lines: [[40, 100, 400, 280, '']] },
      { id: 'speck', kind: 'photo', lines: [[300, 500, 3, 3, '']] },
      { id: 'banner', lines: [[40, 40, 200, 30, '栏目名称']] },
    ]);
    expect(sequence(orderPage(page)).map((s) => s[0] === '[' ? s : s[0])).toEqual(['栏', '[photo]', '说', '说']);
  });

  it('joins the words of a line without the spaces Tesseract puts between Han characters', () => {
    const page = syntheticPage(600, 200, [{ id: 'b', lines: [[20, 20, 400, 20, '新蒲新区推进新时代文明实践']] }]);
    expect(lines(orderPage(page))[0]!.text).toBe('新蒲新区推进新时代文明实践');
  });

  it('takes a line that starts two characters in for an indent, and one that lost its first character for none', () => {
    // bijie-daily 2022-04-22/05, degraded: 毒宣传结对帮扶… read 宣传结对帮扶…, one character in
    const rows: [number, number, number, number, string][] = [
      [140, 100, 160, 20, '本报讯记者张婷报道'],
      [100, 130, 200, 20, '新蒲新区推进文明实践工作'],
      [120, 160, 180, 20, '传结对帮扶推动禁毒宣传'],
      [100, 190, 200, 20, '工作提质增效今年以来该县'],
      [100, 220, 200, 20, '抓实数字化平台共计开展活'],
    ];
    const all = lines(orderPage(syntheticPage(400, 400, [{ id: 'a', lines: rows }])));
    expect(all.map((l) => l.indent)).toEqual([true, false, false, false, false]);
  });

  it('gives the lines of an engine block read across two columns one block per column, not one per line', () => {
    // tongren-daily 2022-03-27/01, degraded: Tesseract's block held the lines of two columns,
    // row by row; cut into columns, every line after the first had become a block of its own
    const rows: [number, number, number, number, string][] = [];
    for (let i = 0; i < 6; i++) rows.push([100, 100 + i * 30, 200, 20, `甲${'文'.repeat(8)}${i}`], [330, 100 + i * 30, 200, 20, `乙${'文'.repeat(8)}${i}`]);
    const all = lines(orderPage(syntheticPage(600, 400, [{ id: 'a', lines: rows }])));
    const blocks = (label: string) => new Set(all.filter((l) => l.text.startsWith(label)).map((l) => l.block));
    expect(blocks('甲').size).toBe(1);
    expect(blocks('乙').size).toBe(1);
    expect([...blocks('甲')][0]).not.toBe([...blocks('乙')][0]);
  });

  it('reports an empty page', () => {
    const order = orderPage(syntheticPage(100, 100, []));
    expect(order.items).toEqual([]);
    expect(order.problems[0]!.code).toBe('ocr-page-empty');
  });
});
