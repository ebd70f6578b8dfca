import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import type { ContentSnapshot, ImportPlan } from '../lib/import-plan.ts';

/** A read-only view of the content folder for planning. */
export function snapshotOf(contentDir: string): ContentSnapshot {
  return {
    read(path) {
      const full = join(contentDir, path);
      return existsSync(full) ? readFileSync(full, 'utf8') : null;
    },
    list(dir) {
      const full = join(contentDir, dir);
      return existsSync(full) ? readdirSync(full).filter((name) => statSync(join(full, name)).isFile()) : [];
    },
  };
}

export interface CommitOptions {
  /** Where replaced files are kept when the import was forced over hand edits. */
  backupRoot: string;
  /** Keep the replaced and removed files under `backupRoot`. */
  keepBackup: boolean;
  /** Injected in tests to make a rename fail part-way through. */
  rename?: (from: string, to: string) => void;
}

export interface CommitResult {
  written: string[];
  removed: string[];
  backupDir: string | null;
}

/**
 * Apply a plan so that the content folder ends up either fully updated or exactly as it was.
 *
 * 1. Every new file is written into a staging folder next to the content folder. A failure
 *    here touches nothing.
 * 2. Each target is swapped in by rename: an existing file is first moved aside into the
 *    staging folder, then the new one renamed into place. A failure here rolls every swap back,
 *    in reverse, and removes folders the import created.
 * 3. The files moved aside are deleted, or kept as a backup when the import was forced.
 */
export function commitPlan(contentDir: string, plan: ImportPlan, options: CommitOptions): CommitResult {
  const rename = options.rename ?? renameSync;
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const staging = join(dirname(contentDir), '.import-staging', `${stamp}-${randomBytes(3).toString('hex')}`);
  const fresh = join(staging, 'new');
  const aside = join(staging, 'old');

  try {
    for (const write of plan.writes) {
      const target = join(fresh, write.path);
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, write.data);
    }
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    removeIfEmpty(dirname(staging));
    throw error;
  }

  const applied: Array<{ path: string; movedAside: boolean; placed: boolean }> = [];
  const createdDirs: string[] = [];
  const ensureDir = (dir: string) => {
    const missing: string[] = [];
    for (let d = dir; !existsSync(d); d = dirname(d)) missing.unshift(d);
    for (const d of missing) {
      mkdirSync(d);
      createdDirs.push(d);
    }
  };

  const operations = [
    ...plan.writes.map((write) => ({ path: write.path, write: true })),
    ...plan.removals.map((path) => ({ path, write: false })),
  ];
  try {
    for (const operation of operations) {
      const target = join(contentDir, operation.path);
      const record = { path: operation.path, movedAside: false, placed: false };
      applied.push(record);
      if (existsSync(target)) {
        mkdirSync(dirname(join(aside, operation.path)), { recursive: true });
        rename(target, join(aside, operation.path));
        record.movedAside = true;
      }
      if (operation.write) {
        ensureDir(dirname(target));
        rename(join(fresh, operation.path), target);
        record.placed = true;
      }
    }
  } catch (error) {
    for (const record of applied.reverse()) {
      const target = join(contentDir, record.path);
      if (record.placed) rmSync(target, { force: true });
      if (record.movedAside) renameSync(join(aside, record.path), target);
    }
    for (const dir of createdDirs.reverse()) {
      try {
        rmdirSync(dir);
      } catch {
        // not empty: something else lives there now; leave it
      }
    }
    rmSync(staging, { recursive: true, force: true });
    removeIfEmpty(dirname(staging));
    throw error;
  }

  let backupDir: string | null = null;
  const movedAside = applied.filter((record) => record.movedAside);
  if (options.keepBackup && movedAside.length > 0) {
    backupDir = join(options.backupRoot, stamp);
    for (const record of movedAside) {
      const to = join(backupDir, record.path);
      mkdirSync(dirname(to), { recursive: true });
      renameSync(join(aside, record.path), to);
    }
  }
  rmSync(staging, { recursive: true, force: true });
  removeIfEmpty(dirname(staging));
  for (const path of plan.removals) pruneEmptyDirs(contentDir, dirname(join(contentDir, path)));

  return { written: plan.writes.map((w) => w.path), removed: plan.removals, backupDir };
}

function removeIfEmpty(dir: string): void {
  try {
    rmdirSync(dir);
  } catch {
    // not empty or gone
  }
}

function pruneEmptyDirs(root: string, dir: string): void {
  for (let d = dir; relative(root, d) !== '' && !relative(root, d).startsWith('..'); d = dirname(d)) {
    if (!existsSync(d) || readdirSync(d).length > 0) return;
    rmdirSync(d);
  }
}
