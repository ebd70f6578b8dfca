import { describe, expect, it } from 'vitest';
import { splitHeadline } from './headline.ts';

describe('splitHeadline without type sizes', () => {
  it('reads two reports of the same form, the second no longer, as kicker and title', () => {
    expect(splitHeadline(['六枝特区深化阵地建设', '六枝特区探索森林防火'])).toEqual({ kicker: '六枝特区深化阵地建设', title: '六枝特区探索森林防火', subtitle: null });
  });

  it('reads a longer report under a report as the subtitle that spells out the title', () => {
    expect(splitHeadline(['瓮安县推进义务教育', '瓮安县统筹义务教育工作取得明显成效'])).toEqual({ kicker: null, title: '瓮安县推进义务教育', subtitle: '瓮安县统筹义务教育工作取得明显成效' });
  });

  it('keeps a couplet as the title whatever stands under it', () => {
    expect(splitHeadline(['志愿服务聚合力 文明实践谱新篇', '新蒲新区推进新时代文明实践工作走深走实'])).toMatchObject({ kicker: null, title: '志愿服务聚合力 文明实践谱新篇' });
  });
});
