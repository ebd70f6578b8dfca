import { describe, expect, it } from 'vitest';
import { displayLine, foldCase, foldWidth, normalizeLine, searchChars } from './text.ts';

describe('normalizeLine', () => {
  it('drops OCR spaces next to Chinese text and keeps one space between Latin words', () => {
    expect(normalizeLine('疫情 防控  工作')).toBe('疫情防控工作');
    expect(normalizeLine('New   York 时报')).toBe('New York时报');
    expect(normalizeLine(' 记者　张婷 ')).toBe('记者张婷');
    expect(normalizeLine('5 G')).toBe('5 G');
  });

  it('folds the full-width forms of ASCII letters, digits and punctuation, not other CJK punctuation', () => {
    expect(normalizeLine('ＰＭ２．５，')).toBe('PM2.5,');
    expect(normalizeLine('（滨湖中学）１个。')).toBe('(滨湖中学)1个。');
    expect(foldWidth('！～＂｜－')).toBe('!~"|-');
    expect(normalizeLine('“文明实践·新蒲有约”、《方案》')).toBe('“文明实践·新蒲有约”、《方案》');
  });

  it('decides spaces on the printed characters: full-width punctuation is Chinese, full-width letters Latin', () => {
    expect(normalizeLine('乡村科技馆 （ 永乐镇 ）')).toBe('乡村科技馆(永乐镇)');
    expect(normalizeLine('Ｎｅｗ Ｙｏｒｋ')).toBe('New York');
    expect(normalizeLine('New York')).toBe(normalizeLine('Ｎｅｗ　Ｙｏｒｋ'));
  });

  it('shows a line as printed, without the OCR spaces', () => {
    expect(displayLine('本报讯 （记者 张婷） ＰＭ２．５')).toBe('本报讯（记者张婷）ＰＭ２．５');
  });

  it('composes a character with its combining marks', () => {
    expect(normalizeLine('Cafe\u0301 巴黎')).toBe('Café巴黎');
  });

  it('folds case one code point at a time', () => {
    expect(foldCase('PM2.5 Ａ')).toBe('pm2.5 ａ');
  });
});

describe('searchChars', () => {
  it('keeps each character’s place in the printed text', () => {
    expect(searchChars('Ａ 疫\u3000情')).toEqual([
      { ch: 'A', start: 0, end: 1 },
      { ch: '疫', start: 2, end: 3 },
      { ch: '情', start: 4, end: 5 },
    ]);
    expect(searchChars('a  b')).toEqual([
      { ch: 'a', start: 0, end: 1 },
      { ch: ' ', start: 1, end: 3 },
      { ch: 'b', start: 3, end: 4 },
    ]);
  });
});
