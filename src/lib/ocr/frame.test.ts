import { describe, expect, it } from 'vitest';
import { pageToScan } from '../ocr-eval/boxes.ts';
import { boxToMaster, identityFrame, pageToMaster, pointToMaster, type OcrFrame } from './frame.ts';
import type { PositionedPage } from './model.ts';

describe('OCR frame to master', () => {
  it("undoes a turn about the centre: the eval's own page-to-scan mapping comes back to where it started", () => {
    const frame: OcrFrame = { width: 2480, height: 3508, masterWidth: 2480, masterHeight: 3508, rotateDeg: 1.3 };
    for (const [x, y] of [[0, 0], [2480, 0], [1240, 1754], [100, 3400], [2000, 500]] as const) {
      const [sx, sy] = pageToScan({ pageWidth: 2480, pageHeight: 3508, scale: 1, skewDeg: 1.3 }, x, y);
      const [mx, my] = pointToMaster(frame, sx, sy);
      expect(mx).toBeCloseTo(x, 6);
      expect(my).toBeCloseTo(y, 6);
    }
  });

  it('scales a file made on another size of the scan, x and y apart', () => {
    const frame: OcrFrame = { width: 1000, height: 1500, masterWidth: 2000, masterHeight: 3300, rotateDeg: 0 };
    expect(boxToMaster(frame, { x: 10, y: 20, w: 100, h: 50 })).toEqual({ x: 20, y: 44, w: 200, h: 110 });
  });

  it('makes a turned box the bounding box of its corners, cut to the master', () => {
    const frame: OcrFrame = { width: 1000, height: 1000, masterWidth: 1000, masterHeight: 1000, rotateDeg: 2 };
    const box = boxToMaster(frame, { x: 400, y: 480, w: 200, h: 40 })!;
    // 200 px wide turned by 2°: about 7 px taller; the centre stays
    expect(box.h).toBeGreaterThanOrEqual(40 + 6);
    expect(box.h).toBeLessThanOrEqual(40 + 9);
    expect(Math.abs(box.x + box.w / 2 - 500)).toBeLessThan(1.5);
    expect(Math.abs(box.y + box.h / 2 - 500)).toBeLessThan(1.5);
    const corner = boxToMaster(frame, { x: 950, y: 0, w: 50, h: 50 })!;
    expect(corner.x + corner.w).toBeLessThanOrEqual(1000);
    expect(corner.y).toBeGreaterThanOrEqual(0);
    expect(boxToMaster(frame, { x: 500, y: 500, w: 10, h: 10 })).not.toBeNull();
  });

  it('leaves a page read on the master itself as it is', () => {
    const page: PositionedPage = { format: 'hocr', width: 50, height: 60, dpi: null, engine: null, image: null, sourceLine: 1, blocks: [] };
    expect(pageToMaster(page, identityFrame(50, 60))).toBe(page);
  });

  it('maps every word, line and block of a page, and sizes it as the master', () => {
    const word = { text: '文', box: { x: 10, y: 10, w: 20, h: 20 }, confidence: 0.9, bold: null, sourceLine: 3 };
    const line = { box: { x: 10, y: 10, w: 20, h: 20 }, kind: 'line' as const, words: [word], fontSizePx: 20, fontSizePt: null, xHeightPx: null, bold: null, hyphenated: false, sourceLine: 2 };
    const page: PositionedPage = { format: 'hocr', width: 100, height: 100, dpi: null, engine: null, image: null, sourceLine: 1, blocks: [{ id: 'b1', kind: 'text', box: line.box, area: null, role: null, lines: [line], sourceLine: 1 }] };
    const mapped = pageToMaster(page, { width: 100, height: 100, masterWidth: 200, masterHeight: 200, rotateDeg: 0 });
    expect(mapped.width).toBe(200);
    expect(mapped.blocks[0]!.lines[0]!.words[0]!.box).toEqual({ x: 20, y: 20, w: 40, h: 40 });
    expect(mapped.blocks[0]!.box).toEqual({ x: 20, y: 20, w: 40, h: 40 });
  });
});
