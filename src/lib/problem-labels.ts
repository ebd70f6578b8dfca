import { PROBLEM_CODES, type Problem, type ProblemCode } from '../schemas/problem.ts';

/**
 * What an importer flag means, for readers (zh-CN), from the table in src/schemas/problem.ts.
 * The importer's own messages are written for maintainers, in English; these are shown beside
 * the text on the article page. A change the importer made itself reads as one, whatever rule
 * made it.
 */
export function problemLabel(problem: Pick<Problem, 'code' | 'fixed'>): string {
  return PROBLEM_CODES[problem.fixed ? 'ocr-fixed' : problem.code].label;
}

/** Where the generated list of codes lives, relative to the repository root. */
export const PROBLEM_CODES_DOC = 'docs/problem-codes.md';

const cell = (text: string) => text.replace(/\|/gu, '\\|');

/**
 * docs/problem-codes.md: every code with its meaning and the label readers see, made from the
 * table (`npm run docs:problems` writes it; a test fails when the file is out of date).
 */
export function problemCodesMarkdown(): string {
  const rows = (Object.entries(PROBLEM_CODES) as Array<[ProblemCode, { label: string; meaning: string }]>).map(
    ([code, { label, meaning }]) => `| \`${code}\` | ${cell(meaning)} | ${cell(label)} |`,
  );
  return [
    '# Problem codes',
    '',
    '<!-- Generated from src/schemas/problem.ts by `npm run docs:problems`; edit the table there. -->',
    '',
    'The importer flags what a person should decide and never guesses. Each problem it stores in an',
    "article's `problems:` front matter has one of these codes, the source line, the excerpt and,",
    'where there is one, a suggestion. The article page lists them under the headline with the label',
    'in the last column.',
    '',
    '| Code | Meaning | Shown to readers as |',
    '| --- | --- | --- |',
    ...rows,
    '',
    'A code not in this list stops the build with a message naming the article: correct the code or',
    'delete the problem.',
    '',
  ].join('\n');
}
