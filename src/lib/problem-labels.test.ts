import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROBLEM_CODES, problemSchema } from '../schemas/problem.ts';
import { PROBLEM_CODES_DOC, problemCodesMarkdown, problemLabel } from './problem-labels.ts';

describe('problem codes', () => {
  it('each have a label for readers and a meaning for maintainers', () => {
    for (const [code, { scope, label, meaning }] of Object.entries(PROBLEM_CODES)) {
      expect(code).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
      expect(['text', 'file']).toContain(scope);
      expect(label, code).toMatch(/\p{Script=Han}/u);
      expect(meaning, code).toMatch(/^[a-z]/);
    }
  });

  it('label a flag by its code, and any change the importer made as a change', () => {
    expect(problemLabel({ code: 'ocr-suspect' })).toBe('疑似形近字误识');
    expect(problemLabel({ code: 'ocr-suspect', fixed: true })).toBe(PROBLEM_CODES['ocr-fixed'].label);
  });

  it('refuse a code that is not in the table, saying where the list is', () => {
    expect(problemSchema.safeParse({ code: 'ocr-suspect', line: 3, message: 'm' }).success).toBe(true);
    const result = problemSchema.safeParse({ code: 'ocr-confusable', line: 3, message: 'm' });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toContain('unknown problem code "ocr-confusable"');
    expect(result.error?.issues[0]?.message).toContain('docs/problem-codes.md');
  });

  it(`are listed in ${PROBLEM_CODES_DOC} as the table says (else run npm run docs:problems)`, () => {
    const doc = readFileSync(join(resolve(import.meta.dirname, '../..'), PROBLEM_CODES_DOC), 'utf8');
    expect(doc).toBe(problemCodesMarkdown());
    // and the list is complete: one row per code
    for (const code of Object.keys(PROBLEM_CODES)) expect(doc).toContain(`| \`${code}\` |`);
  });
});
