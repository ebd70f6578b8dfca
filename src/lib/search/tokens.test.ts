import { describe, expect, it } from 'vitest';
import { decodeContent, decodeToken, encodeChar, indexContent, phraseQuery, rankingQuery, tokensOf } from './tokens.ts';

describe('index tokens', () => {
  it('writes one token per character, escaping everything Pagefind would drop', () => {
    expect(tokensOf('7.6万，PM2.5')).toEqual(['7', 'q2e', '6', '万', 'qff0c', 'P', 'M', '2', 'q2e', '5']);
    expect(encodeChar('“')).toBe('q201c');
    expect(encodeChar(' ')).toBe('q20');
    expect(encodeChar('\n')).toBe('qa');
    expect(encodeChar('𠀀')).toBe('𠀀');
  });

  it('never confuses an escape with text: natural tokens are one character', () => {
    expect(decodeToken('q')).toBe('q');
    expect(decodeToken('q2e')).toBe('.');
    expect(decodeToken('Q')).toBe('Q');
  });

  it('reads back the normalised lines, also with the zero-width spaces Pagefind may add', () => {
    const lines = ['志愿服务聚合力 文明实践谱新篇', '', '本报讯（记者 张婷）', 'New  York 的 5G 网络，“文明实践·新蒲有约”。'];
    const content = indexContent(lines);
    expect(decodeContent(content)).toEqual(['志愿服务聚合力文明实践谱新篇', '', '本报讯（记者张婷）', 'New York的5G网络，“文明实践·新蒲有约”。']);
    expect(decodeContent(content.replaceAll(' ', ' \u200b'))).toEqual(decodeContent(content));
  });

  it('makes a quoted phrase of the folded query', () => {
    expect(phraseQuery('疫情防控')).toBe('"疫 情 防 控"');
    expect(phraseQuery('ＰＭ2.5')).toBe('"p m 2 q2e 5"');
    expect(phraseQuery('  ')).toBe('');
  });

  it('ranks by letters, digits and Han characters only (no q: it prefixes every escape)', () => {
    expect(rankingQuery(['疫情防控', 'Q2.'])).toBe('疫 情 防 控 2');
  });
});
