import { describe, expect, it } from 'vitest';
import { groupLines, pageToScan, scanToPage, type CharRect } from './boxes.ts';

describe('groupLines', () => {
  it('breaks lines where the text wraps, the role changes or the column changes', () => {
    const chars: CharRect[] = [
      // a byline and the body on one printed line
      [0, 'byline', '本', 100, 100, 30, 40], [0, 'byline', '报', 130, 100, 30, 40],
      [0, 'body', '新', 160, 100, 30, 40], [0, 'body', '蒲', 190, 100, 30, 40],
      // wrap to the next line
      [0, 'body', '新', 100, 145, 30, 40], [0, 'body', '区', 130, 145, 30, 40],
      // the next column, at the top again
      [0, 'body', '文', 400, 100, 30, 40],
      // another item
      [1, 'title', '标', 400, 600, 60, 80],
    ];
    const lines = groupLines(chars);
    expect(lines.map((l) => [l.item, l.field, l.text])).toEqual([[0, 'byline', '本报'], [0, 'body', '新蒲'], [0, 'body', '新区'], [0, 'body', '文'], [1, 'title', '标']]);
    expect(lines[1]!.box).toEqual({ x: 160, y: 100, w: 60, h: 40 });
  });
});

describe('scan geometry', () => {
  it('maps page points to the scan and back', () => {
    const t = { pageWidth: 2500, pageHeight: 3500, scale: 0.85, skewDeg: -1.3 };
    for (const [x, y] of [[0, 0], [1250, 1750], [2400, 300], [90, 3400]] as const) {
      const [sx, sy] = pageToScan(t, x, y);
      const [px, py] = scanToPage(t, sx, sy);
      expect(px).toBeCloseTo(x, 6);
      expect(py).toBeCloseTo(y, 6);
    }
  });

  it('turns clockwise for a positive skew (y down) and keeps the centre', () => {
    const t = { pageWidth: 1000, pageHeight: 1000, scale: 1, skewDeg: 90 };
    const [x, y] = pageToScan(t, 1000, 500);
    expect(x).toBeCloseTo(500, 6);
    expect(y).toBeCloseTo(1000, 6);
    expect(pageToScan({ ...t, skewDeg: 1.5, scale: 0.5 }, 500, 500)).toEqual([250, 250]);
  });
});
