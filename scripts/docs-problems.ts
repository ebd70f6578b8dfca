/**
 * `npm run docs:problems`: write docs/problem-codes.md from the table of problem codes in
 * src/schemas/problem.ts.
 */
import { join, resolve } from 'node:path';
import { runCommand } from '../src/io/cli.ts';
import { writeFileAtomic } from '../src/io/write-atomic.ts';
import { PROBLEM_CODES_DOC, problemCodesMarkdown } from '../src/lib/problem-labels.ts';

async function main(): Promise<void> {
  writeFileAtomic(join(resolve(import.meta.dirname, '..'), PROBLEM_CODES_DOC), problemCodesMarkdown());
  process.stdout.write(`wrote ${PROBLEM_CODES_DOC}\n`);
}

if (import.meta.main) runCommand(main);
