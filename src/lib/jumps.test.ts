import { describe, expect, it } from 'vitest';
import { parseJumps, readPageNumber } from './jumps.ts';

describe('jump lines', () => {
  it('reads Arabic and Chinese page numbers', () => {
    expect(readPageNumber('3')).toBe(3);
    expect(readPageNumber('03')).toBe(3);
    expect(readPageNumber('三')).toBe(3);
    expect(readPageNumber('十')).toBe(10);
    expect(readPageNumber('十二')).toBe(12);
    expect(readPageNumber('二十')).toBe(20);
    expect(readPageNumber('二十四')).toBe(24);
    expect(readPageNumber('')).toBeNull();
    expect(readPageNumber('三三')).toBeNull();
  });

  it('tells continued-on from continued-from', () => {
    expect(parseJumps('下转第3版')).toEqual([{ direction: 'to', page: 3, label: '下转第3版' }]);
    expect(parseJumps('上接第1版')).toEqual([{ direction: 'from', page: 1, label: '上接第1版' }]);
    expect(parseJumps('转第 四 版')).toEqual([{ direction: 'to', page: 4, label: '转第四版' }]);
    expect(parseJumps('上接第1版；下转第6版').map((j) => [j.direction, j.page])).toEqual([
      ['from', 1],
      ['to', 6],
    ]);
    expect(parseJumps(null)).toEqual([]);
    expect(parseJumps('见本报明日')).toEqual([]);
  });
});
