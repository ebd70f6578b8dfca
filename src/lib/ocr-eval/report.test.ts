import { describe, expect, it } from 'vitest';
import { conditionRows, formatTable, type ResultLike } from './report.ts';
import { scorePage, type EvalItem } from './score.ts';

const item = (body: string): EvalItem => ({ kind: 'article', kicker: null, title: 'T', subtitle: null, reporters: [], correspondents: [], photographers: [], body });
const ocr = (edits: number, chars: number) => ({ body: { edits, chars }, lines: { edits, chars }, page: { edits: 2 * edits, chars }, order: { forward: 9, pairs: 10 }, runs: { runs: 3, items: 2 } });
const seconds = { render: 1, degrade: 0.5, preprocess: 0.2, ocr: 10, import: 0.05 };

describe('conditionRows', () => {
  it('sums pages per condition and importer, and Tesseract ratios over characters', () => {
    const truth = [item('一二三四五六七八九十')];
    const results: ResultLike[] = [
      { condition: 'degraded', importer: 'plain', score: scorePage(truth, [item('一二三四五六七八九十')]), ocr: ocr(1, 10), seconds, ocrCached: false },
      { condition: 'degraded', importer: 'plain', score: scorePage(truth, []), ocr: ocr(3, 30), seconds: { ...seconds, ocr: 20 }, ocrCached: true },
      { condition: 'degraded', importer: 'hocr', score: scorePage(truth, [item('一二三四五六七八九十')]), ocr: ocr(1, 10), seconds, ocrCached: false },
    ];
    const [plain, hocr] = conditionRows(results, ['degraded'], ['plain', 'hocr']);
    expect(plain!.condition).toBe('degraded/plain');
    expect(plain!.summary.recall).toBe(0.5);
    expect(plain!.summary.bodyCer).toBe(0.5);
    expect(plain!.tesseractCer).toBe(0.1);
    expect(plain!.pageCer).toBe(0.2);
    expect(plain!.order).toBe(0.9);
    expect(plain!.runsPerItem).toBe(1.5);
    expect(plain!.seconds.ocr).toBe(15);
    expect(plain!.cached).toBe(1);
    expect(hocr!.summary.f1).toBe(1);
    const table = formatTable([plain!, hocr!]);
    expect(table).toMatch(/degraded\/plain\s+2\s+2\s+0\.667/);
    expect(table).toContain('50.0%');
  });
});
