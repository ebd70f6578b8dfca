import { PROBLEM_CODES, type Problem, type ProblemCode, type ProblemScope } from '../schemas/problem.ts';

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
  const rows = (scope: ProblemScope) =>
    (Object.entries(PROBLEM_CODES) as Array<[ProblemCode, (typeof PROBLEM_CODES)[ProblemCode]]>)
      .filter(([, entry]) => entry.scope === scope)
      .map(([code, { label, meaning }]) => `| \`${code}\` | ${cell(meaning)} | ${cell(label)} |`);
  return [
    '# Problem codes',
    '',
    '<!-- Generated from src/schemas/problem.ts by `npm run docs:problems`; edit the table there. -->',
    '',
    'Every problem the importer reports has one of these codes, the source line, a message and,',
    'where there is one, the excerpt and a suggestion. A code not in this list in an article\'s',
    '`problems:` front matter stops the build with a message naming the article: correct the code',
    'or delete the problem.',
    '',
    '## In the text',
    '',
    'Flags for a person to decide; the importer never guesses. They are stored in the article\'s',
    '`problems:` front matter, and the article page lists them under the headline with the label',
    'in the last column.',
    '',
    '| Code | Meaning | Shown to readers as |',
    '| --- | --- | --- |',
    ...rows('text'),
    '',
    '## In an OCR file with positions (hOCR, ALTO)',
    '',
    'What the reader of a positioned OCR file could not read as it stands, and what it did instead.',
    'Each code is listed at most 20 times per file, then once with the number of the others.',
    '',
    '| Code | Meaning | Label |',
    '| --- | --- | --- |',
    ...rows('file'),
    '',
  ].join('\n');
}
