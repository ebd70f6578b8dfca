/**
 * `npm run docs:problems`: write docs/problem-codes.md from the table of problem codes in
 * src/schemas/problem.ts.
 */
import { join, resolve } from 'node:path';
import { writeFileAtomic } from '../src/io/write-atomic.ts';
import { PROBLEM_CODES_DOC, problemCodesMarkdown } from '../src/lib/problem-labels.ts';

if (import.meta.main) {
  const file = join(resolve(import.meta.dirname, '..'), PROBLEM_CODES_DOC);
  writeFileAtomic(file, problemCodesMarkdown());
  process.stdout.write(`wrote ${PROBLEM_CODES_DOC}\n`);
}
