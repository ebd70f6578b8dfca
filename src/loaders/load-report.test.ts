import { describe, expect, it } from 'vitest';
import { contentError, loadReport, type LoadProblem } from './load-report.ts';

const problem = (file: string, line?: number): LoadProblem => ({ file: `/archive/content/${file}`, ...(line ? { line } : {}), message: `${file} is broken`, hint: 'mend it' });

describe('one report of every loader’s problems', () => {
  it('waits for every collection, then each throws the same error listing them all', async () => {
    const report = loadReport(['papers', 'issues', 'articles'], '/archive');
    const settled = [
      report.settle('articles', [problem('a/2023-01-17/03/01.mdx', 4)], { watching: false }),
      report.settle('papers', [], { watching: false }),
    ];
    let done = 0;
    for (const promise of settled) promise.catch(() => done++);
    await Promise.resolve();
    expect(done).toBe(0);
    settled.push(report.settle('issues', [problem('a/2023-01-17/issue.yml', 7)], { watching: false }));
    const results = await Promise.allSettled(settled);
    const errors = results.map((r) => (r.status === 'rejected' ? (r.reason as Error) : null));
    expect(new Set(errors).size).toBe(1);
    expect(errors[0]!.message).toBe(
      '2 problems in 2 content files; nothing was built:\n' +
        '  content/a/2023-01-17/03/01.mdx:4: a/2023-01-17/03/01.mdx is broken\n      fix: mend it\n' +
        '  content/a/2023-01-17/issue.yml:7: a/2023-01-17/issue.yml is broken\n      fix: mend it',
    );
    expect(errors[0]!.name).toBe('ContentError');
  });

  it('lets the others finish when a loader fails for another reason', async () => {
    const report = loadReport(['papers', 'issues']);
    const papers = report.settle('papers', [], { watching: false });
    report.abandon('issues');
    await expect(papers).resolves.toBeUndefined();
  });

  it('reports at once under a file watcher (astro dev), where a loader may run alone', async () => {
    const report = loadReport(['papers', 'issues']);
    await expect(report.settle('issues', [problem('x/issue.yml')], { watching: true })).rejects.toThrow('1 problem in 1 content file');
    await expect(report.settle('papers', [], { watching: true })).resolves.toBeUndefined();
  });

  it('prints paths outside the project as they are', () => {
    expect(contentError([problem('p.yml')], '/elsewhere').message).toContain('  /archive/content/p.yml: p.yml is broken');
  });
});
