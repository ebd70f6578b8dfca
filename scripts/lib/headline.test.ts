import { describe, expect, it } from 'vitest';
import { splitHeadline } from './headline.ts';

describe('splitHeadline without type sizes', () => {
  it('reads two reports of the same form, the second no longer, as kicker and title', () => {
    expect(splitHeadline(['六枝特区深化阵地建设', '六枝特区探索森林防火'])).toEqual({ kicker: '六枝特区深化阵地建设', title: '六枝特区探索森林防火', subtitle: null });
  });

  it('reads a longer report under a report as the subtitle that spells out the title', () => {
    expect(splitHeadline(['瓮安县推进义务教育', '瓮安县统筹义务教育工作取得明显成效'])).toEqual({ kicker: null, title: '瓮安县推进义务教育', subtitle: '瓮安县统筹义务教育工作取得明显成效' });
  });

  it('reads two plain reports, the second longer but neither saying how the work went, as kicker and title', () => {
    expect(splitHeadline(['赤水市组织网格化管理', '赤水市加快未成年人保护'])).toEqual({ kicker: '赤水市组织网格化管理', title: '赤水市加快未成年人保护', subtitle: null });
  });

  it('reads a report of the work and its result as the subtitle under a short report', () => {
    expect(splitHeadline(['普安县组织河长制', '普安县启动河长制工作常态长效'])).toEqual({ kicker: null, title: '普安县组织河长制', subtitle: '普安县启动河长制工作常态长效' });
  });

  it('keeps a couplet as the title whatever stands under it', () => {
    expect(splitHeadline(['志愿服务聚合力 文明实践谱新篇', '新蒲新区推进新时代文明实践工作走深走实'])).toMatchObject({ kicker: null, title: '志愿服务聚合力 文明实践谱新篇' });
  });
});
