import { describe, expect, it } from 'vitest';
import { findRuns, segmentsOf } from './matches.ts';

describe('findRuns', () => {
  it('marks every occurrence as a whole run and merges overlapping terms', () => {
    const text = '疫情防控工作，防控工作';
    expect(findRuns(text, ['疫情防控', '防控工作'])).toEqual([[0, 6], [7, 11]]);
  });

  it('matches across spaces next to Chinese text, in the text’s own offsets', () => {
    const text = '疫情 防控';
    expect(findRuns(text, ['疫情防控'])).toEqual([[0, 5]]);
    expect(segmentsOf(text, findRuns(text, ['情防']))).toEqual([
      { text: '疫', hit: false },
      { text: '情 防', hit: true },
      { text: '控', hit: false },
    ]);
  });

  it('folds case and width, and counts supplementary characters right', () => {
    expect(findRuns('空气 PM2.5 指数', ['pm2.5'])).toEqual([[3, 8]]);
    expect(findRuns('𠀀张婷', ['张婷'])).toEqual([[2, 4]]);
    expect(findRuns('ＰＭ２．５', ['PM2'])).toEqual([[0, 3]]);
    expect(findRuns('PM2.5', ['ＰＭ２．５'])).toEqual([[0, 5]]);
    expect(findRuns('（滨湖中学）', ['(滨湖'])).toEqual([[0, 3]]);
  });
});
