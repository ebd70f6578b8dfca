import { describe, expect, it } from 'vitest';
import { allTiles, around, clipping, formatXywh, imageInfo, parseXywh, scanSizes, tileLevels, tilesIn } from './scan-images.ts';

describe('scan images', () => {
  const page = { width: 2480, height: 3508 };

  it('builds the pyramid down to the level that fits one tile', () => {
    expect(tileLevels(2480, 3508, 1024).map((l) => [l.scale, l.width, l.height, l.columns, l.rows])).toEqual([
      [1, 2480, 3508, 3, 4],
      [2, 1240, 1754, 2, 2],
      [4, 620, 877, 1, 1],
    ]);
    expect(allTiles(page, 1024)).toHaveLength(17);
    expect(tileLevels(800, 600, 1024)).toHaveLength(1);
  });

  it('names tiles as IIIF level 0 asks for them, edge tiles cut to the page', () => {
    const [full, half, quarter] = tileLevels(2480, 3508, 1024);
    const corner = tilesIn(full!, page, { x: 2400, y: 3400, w: 80, h: 108 }, 1024);
    expect(corner.map((t) => t.path)).toEqual(['2048,3072,432,436/432,436/0/default.jpg']);
    expect(tilesIn(half!, page, { x: 2000, y: 0, w: 100, h: 100 }, 1024).map((t) => t.path)).toEqual(['0,0,2048,2048/1024,1024/0/default.jpg', '2048,0,432,2048/216,1024/0/default.jpg']);
    expect(tilesIn(quarter!, page, { x: 0, y: 0, w: 10, h: 10 }, 1024).map((t) => t.path)).toEqual(['full/620,877/0/default.jpg']);
    // every tile of a level covers the page once
    const area = tilesIn(full!, page, { x: 0, y: 0, ...{ w: 2480, h: 3508 } }, 1024).reduce((sum, t) => sum + t.region.w * t.region.h, 0);
    expect(area).toBe(2480 * 3508);
  });

  it('describes the level-0 service with its sizes and tiles', () => {
    const info = imageInfo(page, 'https://example.org/scans/ee4e6e1ca4086309');
    expect(info).toMatchObject({ id: 'https://example.org/scans/ee4e6e1ca4086309', type: 'ImageService3', profile: 'level0', width: 2480, height: 3508 });
    expect(info.sizes).toEqual([
      { width: 400, height: 566 },
      { width: 620, height: 877 },
      { width: 800, height: 1132 },
      { width: 1600, height: 2263 },
    ]);
    expect(info.tiles).toEqual([{ width: 1024, height: 1024, scaleFactors: [1, 2, 4] }]);
    expect(scanSizes({ width: 700, height: 1000 }).map((s) => s.width)).toEqual([400]);
  });

  it('reads and writes a region in the URL fragment, clipped to the page', () => {
    expect(formatXywh({ x: 10.4, y: 20, w: 300, h: 400.6 })).toBe('xywh=10,20,300,401');
    expect(parseXywh('#xywh=10,20,300,400', page)).toEqual({ x: 10, y: 20, w: 300, h: 400 });
    expect(parseXywh('#hl=1&xywh=pixel:2400,3500,500,500', page)).toEqual({ x: 2400, y: 3500, w: 80, h: 8 });
    expect(parseXywh('#xywh=3000,10,5,5', page)).toBeUndefined();
    expect(parseXywh('#p3', page)).toBeUndefined();
  });

  it('frames boxes with a margin inside the page', () => {
    expect(around([{ x: 100, y: 100, w: 100, h: 100 }, { x: 300, y: 150, w: 100, h: 200 }], page, 0.1)).toEqual({ x: 70, y: 75, w: 360, h: 300 });
    expect(around([{ x: 0, y: 0, w: 2480, h: 100 }], page, 0.1)).toEqual({ x: 0, y: 0, w: 2480, h: 110 });
  });

  it('cuts a clipping from the smallest size that is sharp enough', () => {
    const scan = { sha256: 'e'.repeat(64), ...page };
    // a lead article 1784 px wide shown 320 px wide needs 480 px: the 800 size has 575
    const lead = clipping(scan, { x: 120, y: 288, w: 1784, h: 2212 }, 320);
    expect(lead.size.width).toBe(800);
    expect(lead.src).toBe(`/scans/${'e'.repeat(16)}/full/800,1132/0/default.jpg`);
    expect(lead.imageWidth).toBeCloseTo((2480 / 1784) * 100);
    expect(lead.left).toBeCloseTo((-120 / 1784) * 100);
    // a narrow photo item needs the 1600 size
    expect(clipping(scan, { x: 1963, y: 415, w: 397, h: 1129 }, 320).size.width).toBe(1600);
  });
});
