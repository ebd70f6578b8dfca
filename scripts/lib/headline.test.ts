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

describe('splitHeadline with a wrapped end', () => {
  it('joins a last line of one to three characters to the line before it: no subtitle is that short', () => {
    expect(splitHeadline(['文明实践·新蒲有约让党员干部暖', '心田'])).toEqual({ kicker: null, title: '文明实践·新蒲有约让党员干部暖心田', subtitle: null });
    expect(splitHeadline(['凤冈县启动阵地建设', '敲门行动让党员干部暖心', '田'], [1.2, 2.0, 1.9])).toEqual({ kicker: '凤冈县启动阵地建设', title: '敲门行动让党员干部暖心田', subtitle: null });
    // a speck in other type stays apart
    expect(splitHeadline(['敲门行动让党员干部暖心田', '回'], [2.0, 0.9]).title).toBe('敲门行动让党员干部暖心田');
    // one glyph measured at two thirds of the line above is still the line's end (eval:ocr seed 4,
    // qiandongnan-daily 2022-09-29/07: 田 had become the subtitle)
    expect(splitHeadline(['最多跑一次让党员干部暖心', '田'], [1.81, 1.23])).toEqual({ kicker: null, title: '最多跑一次让党员干部暖心田', subtitle: null });
  });
});

describe('splitHeadline with type sizes', () => {
  it('joins a short wrapped end to its title line when a kicker and a subtitle stand around them', () => {
    // OCR measured the short line's height from three glyphs: 0.82 of the line above, and not
    // the largest type, so the sizes alone could not put the title together (eval:ocr seed 4,
    // anshun-daily 2022-11-10/13: the subtitle had read 心里甜 ——西秀区…)
    const lines = ['西秀区组织工作机制', '最多跑一次让党员干部', '心里甜', '——西秀区打造义务教育工作实现新突破'];
    expect(splitHeadline(lines, [0.93, 1.69, 1.38, 0.93])).toEqual({ kicker: '西秀区组织工作机制', title: '最多跑一次让党员干部心里甜', subtitle: '——西秀区打造义务教育工作实现新突破' });
    // a title of two characters under a kicker in body type is half as large again: it stays apart
    expect(splitHeadline(['遵义市召开全市安全生产会议', '实干', '——各县区落实安全生产责任'], [0.95, 2.1, 0.95])).toEqual({ kicker: '遵义市召开全市安全生产会议', title: '实干', subtitle: '——各县区落实安全生产责任' });
  });

  it('reads the line in the largest type as the title, a smaller one above as the kicker and one below as the subtitle', () => {
    expect(splitHeadline(['凤冈县启动阵地建设', '未成年人保护筑防线', '凤冈县夯实未成年人保护工作落地见效'], [1.2, 2.0, 1.2])).toEqual({ kicker: '凤冈县启动阵地建设', title: '未成年人保护筑防线', subtitle: '凤冈县夯实未成年人保护工作落地见效' });
  });

  it('reads a title set on two lines, or wrapped in a narrow column, as one title', () => {
    expect(splitHeadline(['防汛抗旱抓落实', '数字惠民生'], [2.2, 2.2])).toEqual({ kicker: null, title: '防汛抗旱抓落实 数字惠民生', subtitle: null });
    // one to three characters are the wrapped end of the line above, joined as printed
    expect(splitHeadline(['最多跑一次让党员干部', '心里甜', '——西秀区打造义务教育工作实现新突破'], [1.8, 1.75, 1.2])).toEqual({ kicker: null, title: '最多跑一次让党员干部心里甜', subtitle: '——西秀区打造义务教育工作实现新突破' });
    expect(splitHeadline(['安顺经开区公安分局落实数字化平台', '文明实践·新蒲有约', '让村民暖心田'], [1.2, 2.0, 2.0])).toEqual({ kicker: '安顺经开区公安分局落实数字化平台', title: '文明实践·新蒲有约 让村民暖心田', subtitle: null });
  });
});

describe('the middle dot in a headline', () => {
  it('is restored where OCR read a period, a hyphenation point or a bullet for it, between two Chinese characters', () => {
    expect(splitHeadline(['文明实践.新蒲有约让网格员得实惠']).title).toBe('文明实践·新蒲有约让网格员得实惠');
    expect(splitHeadline(['文明實踐‧新蒲有約讓村民笑開顏']).title).toBe('文明實踐·新蒲有約讓村民笑開顏');
    expect(splitHeadline(['我们的节日 ． 春节']).title).toBe('我们的节日·春节');
  });

  it('leaves quotation marks, and a period after a figure, as read', () => {
    expect(splitHeadline(['让‘两会’精神落地生根']).title).toBe('让‘两会’精神落地生根');
    expect(splitHeadline(['增长3.5个百分点']).title).toBe('增长3.5个百分点');
  });
});
