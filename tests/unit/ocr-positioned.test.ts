import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePage } from '../../scripts/lib/parse-page.ts';
import { readAlto } from '../../src/lib/ocr/alto.ts';
import { readHocr } from '../../src/lib/ocr/hocr.ts';
import { regionsFor, toParserText } from '../../src/lib/ocr/parser-text.ts';
import { orderPage } from '../../src/lib/ocr/reading-order.ts';
import { regionsSchema } from '../../src/schemas/scan.ts';

/**
 * Positioned OCR through today's parser: the converter's text is what the parser already reads,
 * and the regions it gives each parsed item are valid and inside the page. What the parser does
 * not yet use (sizes, columns, photo boxes) is left for the parser change; these tests hold what
 * already works so that it keeps working.
 */

const FIXTURES = new URL('../fixtures/ocr-positioned/', import.meta.url);
const fixture = (name: string) => readFileSync(new URL(name, FIXTURES), 'utf8');
const META = { paper: 'zunyi-daily', date: '2023-01-17', page: 7 };

describe('positioned OCR through the parser', () => {
  it('reads the hand-written ALTO page: header, both articles with their headline parts and reporters', () => {
    const input = toParserText(orderPage(readAlto(fixture('sample-page.alto-v4.xml')).pages[0]!));
    const parsed = parsePage(input.text, META);
    expect(parsed.pageName).toBe('新闻');
    expect(parsed.credits).toEqual([{ role: '责任编辑', names: ['王静'] }]);
    const [first, second] = parsed.articles;
    expect(first).toMatchObject({ kind: 'article', title: '志愿服务聚合力 文明实践谱新篇', subtitle: '新蒲新区推进新时代文明实践工作走深走实', dateline: '本报讯', reporters: ['张婷'] });
    // the indents the print shows split the paragraphs where the print does
    expect(first!.paragraphs.map((p) => p.slice(0, 4))).toEqual(['2022', '建强阵地', '项目支撑', '2023']);
    expect(second).toMatchObject({ kind: 'article', kicker: '花山苗族乡', title: '扎实抓好疫情防控工作', reporters: ['一丁'] });
    expect(second!.paragraphs).toHaveLength(3);
    expect(parsed.articles.filter((a) => a.kind === 'photo').map((a) => a.photographers)).toEqual([['向婧'], ['张浪']]);
  });

  it('gives every parsed item of a Tesseract page regions inside the page', () => {
    const page = readHocr(fixture('sample-page.tesseract.hocr')).pages[0]!;
    const input = toParserText(orderPage(page));
    const parsed = parsePage(input.text, META);
    expect(parsed.pageName).toBe('新闻');
    expect(parsed.articles[0]!.title).toMatch(/^志愿服务聚合力/u);
    for (const item of parsed.articles) {
      const regions = regionsFor(input, item.lines[0], item.lines[1], { photo: item.kind === 'photo' });
      expect(regions).not.toBeNull();
      expect(regionsSchema.safeParse(regions).success).toBe(true);
      expect(regions!.every((box) => box.x + box.w <= page.width && box.y + box.h <= page.height)).toBe(true);
    }
  });
});
