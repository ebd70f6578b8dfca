import { describe, expect, it } from 'vitest';
import { excerpt } from './article-text.ts';

describe('excerpt', () => {
  it('keeps a text that fits, whole', () => {
    expect(excerpt(['近日，新蒲新区开展活动。'], 12)).toBe('近日，新蒲新区开展活动。');
    expect(excerpt(['一二三', '四五'], 5)).toBe('一二三四五');
  });

  it('cuts a longer text at a sentence end near the limit, else marks the cut', () => {
    const text = `${'甲'.repeat(8)}。${'乙'.repeat(20)}`;
    expect(excerpt([text], 10)).toBe(`${'甲'.repeat(8)}。`);
    // a sentence end too early (before 60 % of the length) is not used
    expect(excerpt([`甲。${'乙'.repeat(20)}`], 10)).toBe(`甲。${'乙'.repeat(8)}……`);
  });

  it('counts characters, not UTF-16 units: a character outside the BMP is one', () => {
    expect(excerpt(['𠮷'.repeat(5)], 5)).toBe('𠮷'.repeat(5));
    expect(excerpt(['𠮷'.repeat(6)], 5)).toBe(`${'𠮷'.repeat(5)}……`);
  });
});
