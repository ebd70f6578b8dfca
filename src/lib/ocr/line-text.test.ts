import { describe, expect, it } from 'vitest';
import { joinWords, lineEm, MIN_SPACE_EM, spaceThreshold } from './line-text.ts';
import type { Word } from './model.ts';

/** Words laid out from x = 0: each [text, width, gap before]. */
function words(...spec: [string, number, number][]): Word[] {
  let x = 0;
  return spec.map(([text, w, gap]) => {
    x += gap;
    const word: Word = { text, box: { x, y: 0, w, h: 20 }, confidence: null, bold: null, sourceLine: 1 };
    x += w;
    return word;
  });
}

describe('joinWords', () => {
  it('writes Han characters that the engine split into words without spaces', () => {
    expect(joinWords(words(['新', 20, 0], ['蒲', 20, 6], ['新区', 40, 8]), 20, 1.2)).toBe('新蒲新区');
  });

  it('keeps one space between Latin words and numbers, and none between Latin and Han', () => {
    expect(joinWords(words(['COVID', 60, 0], ['19', 20, 2], ['疫情', 40, 1]), 20, 1.2)).toBe('COVID 19疫情');
    expect(joinWords(words(['Brann-', 60, 0], ['og', 20, 6], ['-', 8, 6], ['3', 10, 6]), 20, 1.2)).toBe('Brann- og - 3');
    // a Chinese bracket read as ASCII is not a Latin word: 张婷) 2022年 stays together
    expect(joinWords(words(['张婷)', 50, 0], ['2022年', 60, 6]), 20, 1.2)).toBe('张婷)2022年');
  });

  it('keeps a printed space where the boxes show one, and two at a field gap', () => {
    expect(joinWords(words(['记者', 40, 0], ['张婷', 40, 20]), 20, 0.5)).toBe('记者 张婷');
    expect(joinWords(words(['记者', 40, 0], ['张婷', 40, 8]), 20, 0.5)).toBe('记者张婷');
    expect(joinWords(words(['星期二', 60, 0], ['新闻', 40, 300]), 20, 1.2)).toBe('星期二  新闻');
    // a full-width mark carries its own space
    expect(joinWords(words(['记者', 40, 0], ['”', 20, 25], ['张婷', 40, 25]), 20, 0.5)).toBe('记者”张婷');
  });
});

describe('lineEm and spaceThreshold', () => {
  it('measures the em from full-width words, else from the line height', () => {
    expect(lineEm(words(['本报讯（记者', 132, 0], ['张婷）2022年', 200, 22]), 35)).toBe(22);
    expect(lineEm(words(['Tesseract', 100, 0]), 35)).toBe(35);
  });

  it('reads exact boxes with a small threshold and noisy ones (Tesseract) with a larger', () => {
    const exact = Array.from({ length: 30 }, () => ({ words: words(['文', 20, 0], ['字', 20, 0]), em: 20 }));
    expect(spaceThreshold(exact)).toBe(MIN_SPACE_EM);
    // Tesseract: neighbours 0.3-0.7 em apart
    const noisy = Array.from({ length: 30 }, (_, i) => ({ words: words(['文', 14, 0], ['字', 14, 6 + (i % 9)]), em: 20 }));
    expect(spaceThreshold(noisy)).toBeGreaterThan(1);
    // too few neighbours to measure: words split at spaces, boxes taken as exact
    expect(spaceThreshold([{ words: words(['文字', 40, 0], ['文字', 40, 25]), em: 20 }])).toBe(MIN_SPACE_EM);
  });
});
