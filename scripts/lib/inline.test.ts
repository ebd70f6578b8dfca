import { describe, expect, it } from 'vitest';
import { cleanLine, joinPieces } from './inline.ts';
import { pairQuotes } from './quotes.ts';

const clean = (text: string) => cleanLine(text).text;

describe('cleanLine', () => {
  it('removes column-wrap spaces next to Chinese and keeps them between Latin words', () => {
    expect(clean('新 蒲新区新时代文明实 践中心')).toBe('新蒲新区新时代文明实践中心');
    expect(clean('有关 Windows 11 和 New York Times 的报道')).toBe('有关Windows 11和New York Times的报道');
    expect(clean('收集群众需求25 00条')).toBe('收集群众需求2500条');
  });

  it('never breaks or alters numbers, URLs, e-mail addresses, decimals and times', () => {
    for (const kept of ['7.6万', '12.5%', '10:30', 'www.12306.cn', 'szjj@zunyi.gov.cn', '0851-28221234', '1,000', 'PM2.5', '9:00—17:30']) {
      expect(clean(`数据为${kept}左右`)).toBe(`数据为${kept}左右`);
    }
  });

  it('widens , ; : ? ! ( ) in Chinese context only', () => {
    expect(clean('2022年,新蒲新区;活动时间:2月(每周一闭馆)!')).toBe('2022年，新蒲新区；活动时间：2月（每周一闭馆）！');
    expect(clean('He said: yes, (really)?')).toBe('He said: yes, (really)?');
  });

  it('mends marks that context makes certain', () => {
    expect(clean('<<书香遵义>>')).toBe('《书香遵义》');
    expect(clean('等活动...活动')).toBe('等活动……活动');
    expect(clean('两大板块--其中')).toBe('两大板块——其中');
    expect(clean('〈记者 陈静)')).toBe('（记者陈静）');
  });

  it('fixes certain OCR misreadings and reports each fix', () => {
    const result = cleanLine('2O22年12月17曰，把群众的事当作自已的事，H2O分子');
    expect(result.text).toBe('2022年12月17日，把群众的事当作自己的事，H2O分子');
    expect(result.findings.map((f) => f.fixed)).toEqual([true, true, true]);
  });

  it('flags a lone dash instead of guessing', () => {
    const result = cleanLine('我们的中国梦— 化进万家');
    expect(result.text).toBe('我们的中国梦—化进万家');
    expect(result.findings).toMatchObject([{ code: 'lone-dash', suggestion: expect.stringContaining('——') }]);
  });

  it('keeps a headline in parts with its spaces', () => {
    expect(cleanLine('志愿服务聚合力 文明实践谱新篇', 'headline').text).toBe('志愿服务聚合力 文明实践谱新篇');
    expect(cleanLine('稳就业  惠民生 促发展', 'headline').text).toBe('稳就业 惠民生 促发展');
  });
});

describe('joinPieces', () => {
  it('joins a wrap without a space, except between Latin words', () => {
    expect(joinPieces('文明实', '践中心')).toBe('文明实践中心');
    expect(joinPieces('2300', '条')).toBe('2300条');
    expect(joinPieces('New York', 'Times')).toBe('New York Times');
  });
});

describe('pairQuotes', () => {
  it('pairs straight quotes and keeps length', () => {
    const result = pairQuotes('"工地有约""和美新蒲"');
    expect(result.text).toBe('“工地有约”“和美新蒲”');
    expect(result.findings).toEqual([]);
  });

  it('reports an unclosed quote and a stray single quote', () => {
    const result = pairQuotes('暨"志愿服务送文明实践树新风\'送文化');
    expect(result.findings.map((f) => f.code)).toEqual(['unbalanced-quotes', 'unbalanced-quotes']);
  });
});
