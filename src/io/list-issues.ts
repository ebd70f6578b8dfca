import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { IssueKey } from '../lib/shard-plan.ts';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The issues in a content folder, from its folder names alone (`<paper>/<date>/issue.yml`). */
export function listIssues(base: string): IssueKey[] {
  if (!existsSync(base)) return [];
  const issues: IssueKey[] = [];
  for (const paper of readdirSync(base, { withFileTypes: true })) {
    if (!paper.isDirectory() || paper.name === 'papers' || paper.name.startsWith('.')) continue;
    for (const date of readdirSync(join(base, paper.name))) {
      if (DATE.test(date) && existsSync(join(base, paper.name, date, 'issue.yml'))) issues.push({ paper: paper.name, date });
    }
  }
  return issues;
}
