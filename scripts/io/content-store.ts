import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { commitChange, JournalError, journalPathOf, recoverContent, type CommitFs, type CommitResult, type RecoveryReport } from '../../src/io/content-journal.ts';
import { acquireContentLock, type LockOptions } from '../../src/io/content-lock.ts';
import type { ContentSnapshot, ImportPlan } from '../lib/import-plan.ts';

/**
 * The importer's side of the content folder: a read-only view for planning, and the commit of a
 * plan through the journal (src/io/content-journal.ts) under the folder's lock
 * (src/io/content-lock.ts). The journal and the lock live in src/io because the build checks
 * them too; what a plan is belongs to the importer.
 */

/** A read-only view of the content folder for planning. */
export function snapshotOf(contentDir: string): ContentSnapshot {
  const bytes = (path: string) => {
    const full = join(contentDir, path);
    return existsSync(full) && statSync(full).isFile() ? readFileSync(full) : null;
  };
  return {
    read(path) {
      return bytes(path)?.toString('utf8') ?? null;
    },
    hash(path) {
      const data = bytes(path);
      return data === null ? null : createHash('sha256').update(data).digest('hex');
    },
    list(dir) {
      const full = join(contentDir, dir);
      return existsSync(full) ? readdirSync(full).filter((name) => statSync(join(full, name)).isFile()) : [];
    },
  };
}

/** Where `--force` and merged issue.yml files keep what they replace: `backups/` beside the content folder. */
export function backupRootOf(contentDir: string): string {
  return join(dirname(contentDir), 'backups');
}

export interface CommitPlanOptions {
  /** Injected in tests: fail or stop at the k-th file operation. */
  fs?: CommitFs;
  command?: string;
}

/** Apply a plan: all of it or none of it, keeping the files it lists for backup. The caller holds the lock. */
export function commitPlan(contentDir: string, plan: ImportPlan, options: CommitPlanOptions = {}): Promise<CommitResult> {
  return commitChange(
    contentDir,
    { writes: plan.writes, removals: plan.removals, backup: plan.backups.length > 0 ? { root: backupRootOf(contentDir), paths: plan.backups } : null },
    { ...(options.fs ? { fs: options.fs } : {}), ...(options.command ? { command: options.command } : {}) },
  );
}

/**
 * Take the content folder's lock and finish whatever an interrupted import left (completing or
 * undoing it), so that the caller plans against a whole folder. Release the lock when done.
 */
export async function openContent(contentDir: string, lockOptions: LockOptions = {}): Promise<{ release: () => void; recovery: RecoveryReport }> {
  const lock = await acquireContentLock(contentDir, lockOptions);
  try {
    return { release: () => lock.release(), recovery: await recoverContent(contentDir) };
  } catch (error) {
    lock.release();
    if (error instanceof JournalError) throw error;
    throw new JournalError(
      `an earlier import was interrupted, and finishing it failed: ${(error as Error).message}`,
      journalPathOf(contentDir),
      'fix the cause (permissions, disk space), then run `npm run import -- --recover`; until then the folder may hold a mix of old and new files and the build refuses to run',
      { cause: error },
    );
  }
}
