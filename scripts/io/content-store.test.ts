import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ImportPlan } from '../lib/import-plan.ts';
import { commitPlan } from './content-store.ts';

let root: string;
let content: string;

function tree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) {
        out[`${relative(dir, path)}/`] = '';
        walk(path);
      } else out[relative(dir, path)] = readFileSync(path, 'utf8');
    }
  };
  walk(dir);
  return out;
}

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'content-store-'));
  content = join(root, 'content');
  mkdirSync(join(content, 'p/2023-01-17/03'), { recursive: true });
  writeFileSync(join(content, 'p/2023-01-17/03/01.mdx'), 'old one');
  writeFileSync(join(content, 'p/2023-01-17/03/02.mdx'), 'old two');
  writeFileSync(join(content, 'p/2023-01-17/03/03.mdx'), 'old three');
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const plan: () => ImportPlan = () => ({
  writes: [
    { path: 'p/2023-01-17/03/01.mdx', data: 'new one' },
    { path: 'p/2023-01-17/03/02.mdx', data: 'new two' },
    { path: 'p/2023-01-18/05/01.mdx', data: 'new page' },
  ],
  removals: ['p/2023-01-17/03/03.mdx'],
  conflicts: [],
  unchanged: [],
});

describe('commitPlan', () => {
  it('replaces, adds and removes files, and leaves no staging folder behind', () => {
    commitPlan(content, plan(), { backupRoot: join(root, 'backups'), keepBackup: false });
    expect(tree(content)).toEqual({
      'p/': '',
      'p/2023-01-17/': '',
      'p/2023-01-17/03/': '',
      'p/2023-01-17/03/01.mdx': 'new one',
      'p/2023-01-17/03/02.mdx': 'new two',
      'p/2023-01-18/': '',
      'p/2023-01-18/05/': '',
      'p/2023-01-18/05/01.mdx': 'new page',
    });
    expect(existsSync(join(root, '.import-staging'))).toBe(false);
    expect(existsSync(join(root, 'backups'))).toBe(false);
  });

  it('keeps the replaced and removed files as a backup when asked', () => {
    const result = commitPlan(content, plan(), { backupRoot: join(root, 'backups'), keepBackup: true });
    expect(result.backupDir).not.toBeNull();
    expect(tree(result.backupDir!)).toMatchObject({
      'p/2023-01-17/03/01.mdx': 'old one',
      'p/2023-01-17/03/02.mdx': 'old two',
      'p/2023-01-17/03/03.mdx': 'old three',
    });
  });

  // the plan makes six renames (two files moved aside, three placed, one removed): fail at each
  // in turn; wherever the failure strikes, the folder is as it was
  for (let failAt = 1; failAt <= 6; failAt++) {
    it(`rolls everything back when rename number ${failAt} fails`, () => {
      const before = tree(content);
      let calls = 0;
      const flaky = (from: string, to: string) => {
        calls++;
        if (calls === failAt) throw Object.assign(new Error('simulated: disk full'), { code: 'ENOSPC' });
        renameSync(from, to);
      };
      expect(() => commitPlan(content, plan(), { backupRoot: join(root, 'backups'), keepBackup: true, rename: flaky })).toThrow('simulated');
      expect(tree(content)).toEqual(before);
      expect(existsSync(join(root, '.import-staging'))).toBe(false);
    });
  }
});
