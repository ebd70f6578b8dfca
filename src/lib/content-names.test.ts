import { describe, expect, it } from 'vitest';
import { articleId } from './ids.ts';
import { articlePathProblem, isItemFileName, issueFolderProblem, MAX_POSITION, paperSlugProblem, positionOf } from './content-names.ts';
import { RESERVED_SLUGS } from './paths.ts';

describe('the names the site accepts', () => {
  it('takes a position as ids.ts writes it, and nothing else', () => {
    for (const n of [1, 9, 10, 99, 100, 999]) {
      const segment = articleId('p', '2023-01-17', n, n).split('/')[3]!;
      expect(positionOf(segment)).toBe(n);
    }
    for (const segment of ['0', '00', '1', '001', '010', '1000', '-1', '1e2', ' 01', '01 ', '٠١']) expect(positionOf(segment), segment).toBeNull();
    expect(MAX_POSITION).toBe(999);
  });

  it('refuses slugs that are not lowercase ASCII words, or that the site uses itself', () => {
    expect(paperSlugProblem('zunyi-daily')).toBeNull();
    expect(paperSlugProblem('a1-2b')).toBeNull();
    for (const slug of ['../papers/zunyi-daily', 'Zunyi', 'zunyi_daily', '-zunyi', 'zunyi-', 'zun--yi', '', '遵义日报', 'zunyi\u0000', 'x'.repeat(61), ...RESERVED_SLUGS]) {
      const problem = paperSlugProblem(slug);
      expect(problem, slug).not.toBeNull();
      expect(problem!.hint).toContain('content/papers/<slug>.yml');
    }
    // control characters are shown, never printed raw
    expect(paperSlugProblem('a\u0000b')!.message).toContain('a\\u0000b');
    expect(paperSlugProblem('search')!.message).toContain('the site uses this path itself');
  });

  it('accepts an article path only as <paper>/<date>/<page>/<nn>.mdx', () => {
    expect(articlePathProblem('zunyi-daily/2023-01-17/03/01.mdx')).toBeNull();
    expect(articlePathProblem('zunyi-daily/2023-01-17/120/999.mdx')).toBeNull();
    const refused: Array<[string, RegExp]> = [
      ['zunyi-daily/2023-01-17/03/1000.mdx', /at most 999 items/],
      ['zunyi-daily/2023-01-17/03/001.mdx', /rename it to 01\.mdx/],
      ['zunyi-daily/2023-01-17/03/1.mdx', /rename it to 01\.mdx/],
      ['zunyi-daily/2023-01-17/03/00.mdx', /name it with the item's number/],
      ['zunyi-daily/2023-01-17/3/01.mdx', /rename it to 03$/],
      ['zunyi-daily/2023-01-17/1000/01.mdx', /at most 999 pages/],
      ['zunyi-daily/2023-02-30/03/01.mdx', /YYYY-MM-DD/],
      ['search/2023-01-17/03/01.mdx', /rename the folder/],
      ['Zunyi/2023-01-17/03/01.mdx', /rename the folder/],
      ['zunyi-daily/2023-01-17/01.mdx', /must lie at/],
      ['zunyi-daily/2023-01-17/03/extra/01.mdx', /must lie at/],
    ];
    for (const [path, hint] of refused) {
      const problem = articlePathProblem(path);
      expect(problem, path).not.toBeNull();
      expect(`${problem!.message} / ${problem!.hint}`, path).toMatch(hint);
    }
  });

  it('knows the importer’s files in a page folder, the ones the site refuses included', () => {
    for (const name of ['01.mdx', '999.mdx', '1000.mdx', '01-1.jpg', '1000-2.jpg']) expect(isItemFileName(name), name).toBe(true);
    for (const name of ['notes.txt', 'a01.mdx', '01.md', '01-a.jpg', '.01.mdx', '01.mdx.tmp']) expect(isItemFileName(name), name).toBe(false);
  });

  it('matches an issue.yml with its folder', () => {
    expect(issueFolderProblem('zunyi-daily/2023-01-17', { paper: 'zunyi-daily', date: '2023-01-17' })).toBeNull();
    expect(issueFolderProblem('zunyi-daily/2023-01-18', { paper: 'zunyi-daily', date: '2023-01-17' })!.hint).toContain('zunyi-daily/2023-01-17/issue.yml');
  });
});
