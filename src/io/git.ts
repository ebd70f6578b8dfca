import { execFileSync } from 'node:child_process';

/**
 * The commit a measurement ran at, for its results file: the short hash, with `-dirty` when
 * tracked files were changed since. A run from an exported tree (git archive, no .git) names
 * its commit in BENCH_COMMIT; `unknown` when git cannot tell.
 */
export function currentCommit(root: string): string {
  if (process.env.BENCH_COMMIT) return process.env.BENCH_COMMIT;
  try {
    const sha = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], { cwd: root, encoding: 'utf8' }).trim() !== '';
    return dirty ? `${sha}-dirty` : sha;
  } catch {
    return 'unknown';
  }
}
