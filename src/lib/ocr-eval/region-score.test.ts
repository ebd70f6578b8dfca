import { describe, expect, it } from 'vitest';
import { scoreRegions } from './region-score.ts';

describe('scoreRegions', () => {
  const lines = [
    { text: '志愿服务聚合力　文明实践', box: { x: 10, y: 10, w: 200, h: 20 } },
    { text: '新蒲新区推进新时代文明', box: { x: 10, y: 40, w: 200, h: 20 } },
    { text: '扎实抓好疫情防控工作', box: { x: 300, y: 10, w: 200, h: 20 } },
    { text: '短行', box: { x: 300, y: 40, w: 40, h: 20 } },
  ];

  it('counts a line as covered when its centre is in the regions of the item that holds its text', () => {
    const items = [
      { text: '志愿服务聚合力，文明实践谱新篇。新蒲新区推进新时代文明实践', regions: [{ x: 0, y: 0, w: 220, h: 70 }] },
      { text: '扎实抓好疫情防控工作', regions: [{ x: 290, y: 0, w: 220, h: 30 }] },
    ];
    expect(scoreRegions(lines, items)).toEqual({ lines: 3, owned: 3, covered: 3, stray: 0, items: 2, placed: 2 });
  });

  it('counts a line inside another item as stray, one outside its own as not covered, and items without regions', () => {
    const items = [
      { text: '志愿服务聚合力文明实践新蒲新区推进新时代文明', regions: [{ x: 0, y: 0, w: 220, h: 30 }] },
      { text: '扎实抓好疫情防控工作', regions: [{ x: 0, y: 35, w: 500, h: 30 }] },
      { text: '无关', regions: null },
    ];
    const score = scoreRegions(lines, items);
    expect(score).toEqual({ lines: 3, owned: 3, covered: 1, stray: 1, items: 2, placed: 2 });
    // an item without regions that holds a line is counted as not placed
    expect(scoreRegions(lines, [items[0]!, { ...items[1]!, regions: null }])).toMatchObject({ items: 2, placed: 1 });
  });

  it('maps the printed page onto the scan', () => {
    const items = [{ text: '扎实抓好疫情防控工作', regions: [{ x: 600, y: 20, w: 400, h: 40 }] }];
    expect(scoreRegions(lines.slice(2, 3), items, (x, y) => [x * 2, y * 2]).covered).toBe(1);
  });
});
