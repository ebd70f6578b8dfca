import { describe, expect, it } from 'vitest';
import { ALIAS_WINDOW, aliasWindows, correctLine, overlapsChange, suspectsOf } from './aliases.ts';
import { indexCodePoints } from './tokens.ts';

const problem = (extra: Record<string, unknown>) => ({ code: 'ocr-suspect' as const, line: 3, message: 'x', excerpt: '名村医人户走', suggestion: '名村医入户走', ...extra });
const text = (points: Uint32Array) => String.fromCodePoint(...points);

describe('suspectsOf', () => {
  it('keeps the flagged look-alike misreads that are not fixed, one character for another', () => {
    expect(suspectsOf([problem({})])).toEqual([{ excerpt: '名村医人户走', suggestion: '名村医入户走' }]);
    // other codes, fixed ones, without an excerpt or suggestion, of another length, or suggesting the same text
    expect(
      suspectsOf([
        problem({ code: 'dash-misread', excerpt: '探索一全面', suggestion: '探索——全面' }),
        problem({ fixed: true }),
        problem({ suggestion: undefined }),
        problem({ suggestion: '名村医入户走访' }),
        problem({ suggestion: '名村医人户走' }),
      ]),
    ).toEqual([]);
    // the same flag twice (two lines) once
    expect(suspectsOf([problem({}), problem({ line: 9 })])).toHaveLength(1);
  });
});

describe('aliasWindows', () => {
  const suspects = [{ excerpt: '名村医人户走', suggestion: '名村医入户走' }];

  it('keeps each flagged change with the characters around it, within its line, as printed and as suggested', () => {
    const points = indexCodePoints(['标题', '该乡组织村医开展敲门行动。7名村医人户走访600余次。']);
    const windows = aliasWindows(points, suspects);
    expect(windows).toHaveLength(1);
    const [window] = windows;
    expect(text(window!.original)).toBe('该乡组织村医开展敲门行动。7名村医人户走访600余次。');
    expect(text(window!.corrected)).toBe('该乡组织村医开展敲门行动。7名村医入户走访600余次。');
    // at the offset of its first character in the indexed text
    expect(window!.start).toBe(3);
  });

  it('stops ALIAS_WINDOW characters from the change, and merges windows that meet', () => {
    const far = '甲'.repeat(60);
    const points = indexCodePoints([`${far}名村医人户走${far}名村医人户走${far}`]);
    const [one, two, ...rest] = aliasWindows(points, suspects);
    expect(rest).toEqual([]);
    expect(one!.corrected.length).toBe(2 * ALIAS_WINDOW + 1);
    expect(text(one!.corrected)).toBe(`${'甲'.repeat(ALIAS_WINDOW - 3)}名村医入户走${'甲'.repeat(ALIAS_WINDOW - 2)}`);
    expect(two!.start - (one!.start + one!.original.length)).toBeGreaterThan(0);
    const near = aliasWindows(indexCodePoints([`名村医人户走${'甲'.repeat(10)}名村医人户走`]), suspects);
    expect(near).toHaveLength(1);
    expect(text(near[0]!.corrected)).toBe(`名村医入户走${'甲'.repeat(10)}名村医入户走`);
  });

  it('reads the text as search does (spaces, width, case) and finds nothing where the excerpt is gone', () => {
    expect(aliasWindows(indexCodePoints(['7名 村医人户 走访']), suspects)).toHaveLength(1);
    expect(aliasWindows(indexCodePoints(['7名村医入户走访']), suspects)).toEqual([]);
    expect(aliasWindows(indexCodePoints(['7名村医人户走访']), [])).toEqual([]);
  });
});

describe('correctLine', () => {
  it('reads a printed line as the flags suggest, saying where it changed', () => {
    expect(correctLine('7名 村医人户走访，村医人户', [{ excerpt: '名村医人户走', suggestion: '名村医入户走' }])).toEqual({ text: '7名 村医入户走访，村医人户', changes: [[5, 6]] });
    expect(correctLine('无关的一行', [{ excerpt: '名村医人户走', suggestion: '名村医入户走' }])).toEqual({ text: '无关的一行', changes: [] });
    expect(overlapsChange([3, 6], [[5, 6]])).toBe(true);
    expect(overlapsChange([6, 8], [[5, 6]])).toBe(false);
  });
});
