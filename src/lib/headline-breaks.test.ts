import { describe, expect, it } from 'vitest';
import { headlineParts, textRuns } from './headline-breaks.ts';

const kept = (headline: string) => headlineParts(headline).map((runs) => runs.filter((run) => run.keep).map((run) => run.text));

describe('headline breaks', () => {
  it('splits a two-part headline at its printed space and never changes the text', () => {
    const headline = '志愿服务聚合力 文明实践谱新篇';
    const parts = headlineParts(headline);
    expect(parts.map((runs) => runs.map((run) => run.text).join(''))).toEqual(['志愿服务聚合力', '文明实践谱新篇']);
    // a full-width space and runs of spaces are printed spaces too
    expect(headlineParts('守护万家灯火\u3000  温暖群众心田').map((runs) => runs.map((run) => run.text).join(''))).toEqual(['守护万家灯火', '温暖群众心田']);
  });

  it('keeps the last two characters of each part together', () => {
    expect(kept('志愿服务聚合力 文明实践谱新篇')).toEqual([['合力'], ['新篇']]);
    expect(kept('实')).toEqual([[]]);
  });

  it('keeps a middle dot and closing punctuation with the character before, opening punctuation with the one after', () => {
    expect(kept('“文明实践·新蒲有约”活动启动')).toEqual([['“文', '践·', '约”', '启动']]);
    expect(kept('党的二十大精神（宣讲）进万家')).toEqual([['（宣', '讲）', '万家']]);
  });

  it('glues the last cluster to the one before when it ends the part', () => {
    // “ belongs to 有, ” to 约, and 约” may not stand alone on the part's last line
    expect(kept('新蒲“有约”')).toEqual([['“有约”']]);
  });

  it('keeps punctuation with its character in running text, and the text as it was', () => {
    const text = '2022年，新蒲新区以“文明实践·新蒲有约”品牌为抓手。';
    const runs = textRuns(text);
    expect(runs.map((run) => run.text).join('')).toBe(text);
    expect(runs.filter((run) => run.keep).map((run) => run.text)).toEqual(['年，', '“文', '践·', '约”', '手。']);
  });
});
