import { describe, expect, it } from 'vitest';
import { foldCase, normalizeLine } from './text.ts';

describe('normalizeLine', () => {
  it('drops OCR spaces next to Chinese text and keeps one space between Latin words', () => {
    expect(normalizeLine('疫情 防控  工作')).toBe('疫情防控工作');
    expect(normalizeLine('New   York 时报')).toBe('New York时报');
    expect(normalizeLine(' 记者　张婷 ')).toBe('记者张婷');
    expect(normalizeLine('5 G')).toBe('5 G');
  });

  it('folds full-width letters and digits but keeps Chinese punctuation', () => {
    expect(normalizeLine('ＰＭ２．５，')).toBe('PM2．5，');
  });

  it('folds case one code point at a time', () => {
    expect(foldCase('PM2.5 Ａ')).toBe('pm2.5 ａ');
  });
});
