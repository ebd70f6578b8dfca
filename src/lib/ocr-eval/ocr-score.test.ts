import { describe, expect, it } from 'vitest';
import { parseTsv, scoreOcr, type OcrWord } from './ocr-score.ts';
import type { PageTruth, TruthItem } from './truth.ts';

const item = (paragraphs: string[]): TruthItem => ({ kind: 'article', column: null, kicker: null, title: 'T', subtitle: null, dateline: null, reporters: [], correspondents: [], photographers: [], paragraphs, credit: null, continuation: null, photos: 0 });

// two items, each two body lines; item 0 left, item 1 right
const truth: PageTruth = {
  key: 'test',
  width: 1000,
  height: 1000,
  items: [item(['文明实践新蒲有约']), item(['疫情防控明白卡片'])],
  boxes: [[{ x: 0, y: 0, w: 400, h: 200 }], [{ x: 500, y: 0, w: 400, h: 200 }]],
  lines: [
    { item: 0, field: 'body', text: '文明实践', box: { x: 0, y: 0, w: 400, h: 40 } },
    { item: 0, field: 'body', text: '新蒲有约', box: { x: 0, y: 50, w: 400, h: 40 } },
    { item: 1, field: 'body', text: '疫情防控', box: { x: 500, y: 0, w: 400, h: 40 } },
    { item: 1, field: 'body', text: '明白卡片', box: { x: 500, y: 50, w: 400, h: 40 } },
  ],
};
const word = (text: string, x: number, y: number): OcrWord => ({ block: 1, par: 1, line: 1, x, y, w: 40, h: 30, conf: 90, text });

describe('scoreOcr', () => {
  it('scores a perfect reading: CER 0, every item one run, all steps forward', () => {
    const words = [word('文明实践', 10, 5), word('新蒲有约', 10, 55), word('疫情防控', 510, 5), word('明白卡片', 510, 55)];
    const s = scoreOcr(truth, words, '文明实践\n新蒲有约\n\n疫情防控\n明白卡片\n', []);
    expect(s.body).toEqual({ edits: 0, chars: 16 });
    expect(s.lines).toEqual({ edits: 0, chars: 16 });
    expect(s.page).toEqual({ edits: 0, chars: 16 });
    expect(s.order).toEqual({ forward: 2, pairs: 2 });
    expect(s.runs).toEqual({ runs: 2, items: 2 });
  });

  it('sees columns read across: misread-free text, but items interleaved', () => {
    const words = [word('文明实践', 10, 5), word('疫情防控', 510, 5), word('新蒲有约', 10, 55), word('明白卡片', 510, 55)];
    const s = scoreOcr(truth, words, '文明实践 疫情防控\n新蒲有约 明白卡片\n', []);
    // each item's own words are still in order, so its body reads right
    expect(s.body.edits).toBe(0);
    expect(s.lines.edits).toBe(0);
    expect(s.runs).toEqual({ runs: 4, items: 2 });
    expect(s.page.edits).toBeGreaterThan(0);
  });

  it('counts misreads and maps words through the scan geometry', () => {
    // the scan is the page at half size: word boxes are at half the coordinates
    const words = [word('文明实践', 5, 2), word('新薄有约', 5, 27)];
    const s = scoreOcr(truth, words, '文明实践新薄有约', [{ pageWidth: 1000, pageHeight: 1000, scale: 0.5, skewDeg: 0 }]);
    // item 0: 1 misread in 8; item 1: nothing read, 8 lost
    expect(s.body).toEqual({ edits: 1 + 8, chars: 16 });
    expect(s.lines).toEqual({ edits: 1 + 8, chars: 16 });
  });
});

describe('parseTsv', () => {
  it('keeps the words (level 5) with text, in order', () => {
    const tsv = ['level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext', '1\t1\t0\t0\t0\t0\t0\t0\t100\t100\t-1\t', '5\t1\t1\t1\t1\t1\t10\t20\t30\t40\t95.5\t义务', '5\t1\t1\t1\t1\t2\t40\t20\t30\t40\t95\t '].join('\n');
    expect(parseTsv(tsv)).toEqual([{ block: 1, par: 1, line: 1, x: 10, y: 20, w: 30, h: 40, conf: 95.5, text: '义务' }]);
  });
});

describe('scoreOcr on one item read across its own two columns', () => {
  it('keeps recognition (lines) perfect while the item\'s body CER counts the scrambled order', () => {
    const one: PageTruth = {
      ...truth,
      items: [item(['文明实践新蒲有约疫情防控明白卡片'])],
      lines: truth.lines.map((l) => ({ ...l, item: 0 })),
    };
    const across = [word('文明实践', 10, 5), word('疫情防控', 510, 5), word('新蒲有约', 10, 55), word('明白卡片', 510, 55)];
    const s = scoreOcr(one, across, '', []);
    expect(s.lines.edits).toBe(0);
    expect(s.body.edits).toBeGreaterThan(0);
    // forward steps: 文明实践 -> 疫情防控 (forward), -> 新蒲有约 (back), -> 明白卡片 (forward)
    expect(s.order).toEqual({ forward: 2, pairs: 3 });
  });
});
