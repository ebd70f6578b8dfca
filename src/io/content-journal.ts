import { createHash, randomBytes } from 'node:crypto';
import { open } from 'node:fs/promises';
import { closeSync, existsSync, lstatSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmdirSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { contentJournalSchema, type ContentJournal, type JournalOp } from '../schemas/content-journal.ts';
import { IMPORT_DIR } from './content-lock.ts';

/**
 * A journaled commit of many files into a content folder: after a crash at any instant (SIGKILL,
 * power loss once the disk has what fsync gave it) the folder is exactly as before or exactly as
 * after, and the next run finds out which and finishes the job.
 *
 *   1. journal `prepare`: names the staging folder `<content>/.import/staging-<id>/` (inside the
 *      content folder, so that every rename stays on one file system) and the backup folder.
 *   2. Every new file is written into `staging/new/`, every file to back up is copied into the
 *      backup folder, each synced.
 *   3. journal `ready`, listing every swap with the SHA-256 of the file before and after. From
 *      here the commit can be completed: the journal proves the staged files whole.
 *   4. The swaps: each replaced or removed file is renamed into `staging/old/`, each new file
 *      renamed into place. Every step can be told from the file system, so completing or undoing
 *      is idempotent and needs no record of progress.
 *   5. journal `done`; the staging folder is deleted, folders emptied by removals are pruned,
 *      the journal is deleted.
 *
 * A failure (an error, not a crash) undoes in the same process. Whoever takes the content lock
 * next (every import, `npm run import -- --recover`) calls recoverContent, which completes a
 * `ready` journal whose staged files are whole and undoes it otherwise; the build refuses to run
 * while a journal exists. The caller holds the lock (content-lock.ts) throughout.
 *
 * Every change to the disk goes through a CommitFs, so that tests can fail or "crash" (stop
 * dead) the k-th operation, for every k.
 */

/** The operations that change the disk. Reads go straight to node:fs. */
export interface CommitFs {
  mkdir(path: string): void;
  /** Create or replace a file with `data` (not yet synced). */
  writeFile(path: string, data: string | Uint8Array): void;
  /**
   * Make files and folders durable (fsync): a file's bytes, a folder's names. All at once: many
   * fsyncs in flight share the file system's journal commits (700 files: 0.2-0.6 s here, against
   * 4-5 s one after the other while other processes write to the disk).
   */
  sync(paths: string[]): Promise<void>;
  rename(from: string, to: string): void;
  unlink(path: string): void;
  rmdir(path: string): void;
}

export const realFs: CommitFs = {
  mkdir: (path) => {
    try {
      // one level at a time: callers create parents first, so each step is one operation
      mkdirSync(path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  },
  writeFile: (path, data) => {
    const fd = openSync(path, 'w');
    try {
      const bytes = typeof data === 'string' ? Buffer.from(data) : data;
      for (let offset = 0; offset < bytes.length; ) offset += writeSync(fd, bytes, offset, bytes.length - offset);
    } finally {
      closeSync(fd);
    }
  },
  sync: async (paths) => {
    const queue = [...new Set(paths)];
    const worker = async () => {
      for (let path = queue.pop(); path !== undefined; path = queue.pop()) await syncPath(path);
    };
    await Promise.all(Array.from({ length: Math.min(16, queue.length) }, worker));
  },
  rename: renameSync,
  unlink: unlinkSync,
  rmdir: rmdirSync,
};

async function syncPath(path: string): Promise<void> {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  try {
    await handle.sync();
  } catch (error) {
    // some file systems (and Windows) cannot sync a folder
    if (!['EINVAL', 'EPERM', 'EISDIR', 'EBADF'].includes((error as NodeJS.ErrnoException).code ?? '')) throw error;
  } finally {
    await handle.close();
  }
}

/** A commit that needs a human or the next run: the message names the journal and the fix. */
export class JournalError extends Error {
  readonly file: string;
  readonly hint: string;
  constructor(message: string, file: string, hint: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'JournalError';
    this.file = file;
    this.hint = hint;
  }
}

export const RECOVER_HINT = 'run `npm run import -- --recover` (add `--content <dir>` for another content folder); it completes the import or undoes it';

export function importDirOf(contentDir: string): string {
  return join(contentDir, IMPORT_DIR);
}

export function journalPathOf(contentDir: string): string {
  return join(contentDir, IMPORT_DIR, 'journal.json');
}

function stagingOf(contentDir: string, journal: ContentJournal): string {
  return join(contentDir, IMPORT_DIR, `staging-${journal.id}`);
}

export function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

function hashOf(path: string): string | null {
  try {
    return sha256(readFileSync(path));
  } catch (error) {
    if (['ENOENT', 'ENOTDIR', 'EISDIR'].includes((error as NodeJS.ErrnoException).code ?? '')) return null;
    throw error;
  }
}

/** Does the path exist (as anything, a dangling link included)? */
function present(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}

export interface ContentChange {
  /** Files to create or replace, relative to the content folder with `/` separators. */
  writes: Array<{ path: string; data: string | Uint8Array }>;
  /** Files to remove. */
  removals: string[];
  /** Copy these files (those that exist and are replaced or removed) into `<root>/<time>/` first. */
  backup: { root: string; paths: string[] } | null;
}

export interface CommitOptions {
  fs?: CommitFs;
  /** What makes the commit, for the journal (and so for messages after a crash). */
  command?: string;
  now?: Date;
}

export interface CommitResult {
  written: string[];
  removed: string[];
  /** The folder that keeps the replaced files, or null. */
  backupDir: string | null;
  /** The commit is made, but its cleanup failed; the next run (or --recover) finishes it. */
  cleanupError: Error | null;
}

/**
 * Apply a change to the content folder: exactly all of it, or (after an error) none of it. The
 * caller holds the content lock and has run recoverContent first.
 */
export async function commitChange(contentDir: string, change: ContentChange, options: CommitOptions = {}): Promise<CommitResult> {
  const fs = options.fs ?? realFs;
  const journalPath = journalPathOf(contentDir);
  if (existsSync(journalPath)) throw new JournalError('an earlier import was interrupted and is not finished', journalPath, RECOVER_HINT);

  const ops: JournalOp[] = [];
  const data = new Map<string, string | Uint8Array>();
  for (const write of change.writes) {
    const before = hashOf(join(contentDir, write.path));
    const after = sha256(write.data);
    if (before === after) continue;
    ops.push({ path: write.path, before, after });
    data.set(write.path, write.data);
  }
  for (const path of change.removals) {
    const before = hashOf(join(contentDir, path));
    if (before !== null) ops.push({ path, before, after: null });
  }
  const result: CommitResult = { written: ops.filter((op) => op.after !== null).map((op) => op.path), removed: ops.filter((op) => op.after === null).map((op) => op.path), backupDir: null, cleanupError: null };
  if (ops.length === 0) return result;

  const now = options.now ?? new Date();
  const id = `${now.toISOString().replace(/[:.]/g, '-')}-${randomBytes(3).toString('hex')}`;
  const protectedPaths = new Set(change.backup?.paths ?? []);
  const backupPaths = ops.filter((op) => op.before !== null && protectedPaths.has(op.path)).map((op) => op.path);
  let backupDir: string | null = null;
  if (change.backup && backupPaths.length > 0) {
    const stamp = now.toISOString().replace(/[:.]/g, '-');
    backupDir = join(change.backup.root, stamp);
    for (let n = 2; present(backupDir); n++) backupDir = join(change.backup.root, `${stamp}-${n}`);
  }
  const newDirs = missingDirs(contentDir, ops);
  const journal: ContentJournal = {
    version: 1,
    id,
    state: 'prepare',
    pid: process.pid,
    host: hostname(),
    command: options.command ?? 'import',
    started: now.toISOString(),
    backup: backupDir === null ? null : relative(contentDir, backupDir).split(sep).join('/'),
    backupPaths,
    ops,
    newDirs,
  };

  const staging = stagingOf(contentDir, journal);
  try {
    ensureDir(fs, importDirOf(contentDir));
    await writeJournal(contentDir, journal, fs);
    const madeDirs = new Set<string>();
    const written: string[] = [];
    ensureDir(fs, join(staging, 'new'), madeDirs);
    for (const op of ops) {
      if (op.after === null) continue;
      const target = join(staging, 'new', op.path);
      ensureDir(fs, dirname(target), madeDirs);
      fs.writeFile(target, data.get(op.path)!);
      written.push(target);
    }
    if (backupDir !== null) {
      ensureDir(fs, change.backup!.root, madeDirs);
      fs.mkdir(backupDir);
      madeDirs.add(backupDir);
      for (const path of backupPaths) {
        const target = join(backupDir, path);
        ensureDir(fs, dirname(target), madeDirs);
        fs.writeFile(target, readFileSync(join(contentDir, path)));
        written.push(target);
      }
    }
    // everything staged and backed up is on the disk before the journal says so
    await fs.sync([...written, ...madeDirs, dirname(staging), ...(backupDir !== null ? [dirname(backupDir)] : [])]);
    journal.state = 'ready';
    await writeJournal(contentDir, journal, fs);
  } catch (error) {
    try {
      await discard(contentDir, journal, fs);
    } catch (again) {
      throw new JournalError(`the import failed (${(error as Error).message}) and its staging could not be removed (${(again as Error).message}); content/ was not changed`, journalPath, RECOVER_HINT, { cause: error });
    }
    throw error;
  }

  try {
    applyForward(contentDir, journal, fs);
    await syncTouchedDirs(contentDir, journal, fs);
    journal.state = 'done';
    await writeJournal(contentDir, journal, fs);
  } catch (error) {
    try {
      journal.state = 'undo';
      await writeJournal(contentDir, journal, fs);
      applyUndo(contentDir, journal, fs);
      await discard(contentDir, journal, fs);
    } catch (again) {
      throw new JournalError(`the import failed (${(error as Error).message}) and could not be undone (${(again as Error).message})`, journalPath, RECOVER_HINT, { cause: error });
    }
    throw error;
  }

  result.backupDir = backupDir;
  try {
    await finish(contentDir, journal, fs);
  } catch (error) {
    result.cleanupError = error as Error;
  }
  return result;
}

/** Folders that the writes need and that do not exist yet, shallowest first. */
function missingDirs(contentDir: string, ops: JournalOp[]): string[] {
  const missing = new Set<string>();
  for (const op of ops) {
    if (op.after === null) continue;
    for (let dir = dirname(op.path); dir !== '.' && dir !== ''; dir = dirname(dir)) {
      if (missing.has(dir)) break;
      if (present(join(contentDir, dir))) break;
      missing.add(dir);
    }
  }
  return [...missing].sort((a, b) => a.split('/').length - b.split('/').length || (a < b ? -1 : a > b ? 1 : 0));
}

/** Create a folder and its missing parents, one operation per level. */
function ensureDir(fs: CommitFs, dir: string, made?: Set<string>): void {
  const missing: string[] = [];
  for (let d = dir; !present(d); d = dirname(d)) {
    missing.unshift(d);
    if (dirname(d) === d) break;
  }
  for (const d of missing) {
    fs.mkdir(d);
    made?.add(d);
  }
}

/** Write the journal atomically: a synced temp file renamed over the old one, then the folder synced. */
async function writeJournal(contentDir: string, journal: ContentJournal, fs: CommitFs): Promise<void> {
  const path = journalPathOf(contentDir);
  const temp = `${path}.${process.pid}.tmp`;
  try {
    fs.writeFile(temp, `${JSON.stringify(journal, null, 1)}\n`);
    await fs.sync([temp]);
    fs.rename(temp, path);
  } catch (error) {
    try {
      if (present(temp)) fs.unlink(temp);
    } catch {
      // a later recovery sweeps it
    }
    throw error;
  }
  await fs.sync([dirname(path)]);
}

/** Make every swap that is not made yet. Idempotent: each step is told from the file system. */
function applyForward(contentDir: string, journal: ContentJournal, fs: CommitFs): void {
  const staging = stagingOf(contentDir, journal);
  const journalPath = journalPathOf(contentDir);
  for (const op of journal.ops) {
    const target = join(contentDir, op.path);
    const staged = join(staging, 'new', op.path);
    const aside = join(staging, 'old', op.path);
    const moveAside = () => {
      if (!present(target)) return;
      if (present(aside)) throw new JournalError(`${op.path} is both in place and set aside`, journalPath, 'the content folder was changed during the import; compare the file with the one under .import/ by hand');
      ensureDir(fs, dirname(aside));
      fs.rename(target, aside);
    };
    if (op.after === null) {
      moveAside();
    } else if (present(staged)) {
      moveAside();
      ensureDir(fs, dirname(target));
      fs.rename(staged, target);
    } else if (hashOf(target) !== op.after) {
      throw new JournalError(`${op.path} is neither staged nor in place`, journalPath, 'the staging folder was changed; the import is undone instead');
    }
  }
}

/** Undo every swap that was made. Idempotent. */
function applyUndo(contentDir: string, journal: ContentJournal, fs: CommitFs): void {
  const staging = stagingOf(contentDir, journal);
  for (const op of [...journal.ops].reverse()) {
    const target = join(contentDir, op.path);
    const aside = join(staging, 'old', op.path);
    if (present(aside)) {
      ensureDir(fs, dirname(target));
      fs.rename(aside, target);
    } else if (op.before === null && op.after !== null && present(target)) {
      fs.unlink(target);
    }
  }
  for (const dir of [...journal.newDirs].reverse()) removeIfEmpty(fs, join(contentDir, dir));
}

async function syncTouchedDirs(contentDir: string, journal: ContentJournal, fs: CommitFs): Promise<void> {
  const dirs = new Set<string>();
  for (const op of journal.ops) dirs.add(dirname(join(contentDir, op.path)));
  for (const dir of journal.newDirs) dirs.add(dirname(join(contentDir, dir)));
  await fs.sync([...dirs]);
}

/** After `done`: delete the staging folder, prune folders emptied by removals, delete the journal. */
async function finish(contentDir: string, journal: ContentJournal, fs: CommitFs): Promise<void> {
  removeTree(fs, stagingOf(contentDir, journal));
  const root = resolve(contentDir);
  for (const op of journal.ops) {
    if (op.after !== null) continue;
    for (let dir = dirname(join(root, op.path)); dir !== root && dir.startsWith(root + sep); dir = dirname(dir)) {
      if (!removeIfEmpty(fs, dir)) break;
    }
  }
  await removeJournal(contentDir, fs);
}

/** Throw away what a commit prepared (staging, its backup copies) and its journal; content is as before. */
async function discard(contentDir: string, journal: ContentJournal, fs: CommitFs): Promise<void> {
  removeTree(fs, stagingOf(contentDir, journal));
  if (journal.backup !== null) {
    const backup = join(contentDir, journal.backup);
    removeTree(fs, backup);
    removeIfEmpty(fs, dirname(backup));
  }
  await removeJournal(contentDir, fs);
}

async function removeJournal(contentDir: string, fs: CommitFs): Promise<void> {
  const path = journalPathOf(contentDir);
  if (present(path)) fs.unlink(path);
  await fs.sync([dirname(path)]);
}

function removeIfEmpty(fs: CommitFs, dir: string): boolean {
  try {
    if (readdirSync(dir).length > 0) return false;
  } catch {
    return false;
  }
  fs.rmdir(dir);
  return true;
}

/** rm -rf, one operation per file and folder (so that a crash can strike half-way). */
function removeTree(fs: CommitFs, path: string): void {
  let stat;
  try {
    stat = lstatSync(path);
  } catch {
    return;
  }
  if (stat.isDirectory()) {
    for (const name of readdirSync(path)) removeTree(fs, join(path, name));
    fs.rmdir(path);
  } else fs.unlink(path);
}

export type RecoveryAction = 'completed' | 'undone' | 'discarded';

export interface RecoveryReport {
  /** The interrupted commit found, and what was done with it; null when there was none. */
  journal: { id: string; pid: number; host: string; command: string; started: string; state: ContentJournal['state']; action: RecoveryAction; files: number; backup: string | null } | null;
  /** Staging folders of earlier crashes that no journal named, removed. */
  removedStaging: string[];
  /** `../.import-staging/` of the importer before journals: it may hold replaced files, so it is only reported. */
  legacyStaging: string | null;
}

/** Read the journal of an interrupted commit, or null. Throws JournalError when it is unreadable. */
export function readJournal(contentDir: string): ContentJournal | null {
  const path = journalPathOf(contentDir);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  try {
    return contentJournalSchema.parse(JSON.parse(text));
  } catch (error) {
    throw new JournalError(
      `the journal of an interrupted import cannot be read (${(error as Error).message.split('\n')[0]})`,
      path,
      'it is written atomically, so it was changed by hand or by another program; restore it from a backup of the disk, or look at .import/staging-*/ (new/ holds the new files, old/ the replaced ones), put the files where they belong and delete the journal',
    );
  }
}

/**
 * Finish what an interrupted commit left: complete it when every staged file is whole (as the
 * journal's hashes prove) and every backup it promised is there, undo it otherwise. Then remove
 * staging folders that no journal names. The caller holds the content lock.
 */
export async function recoverContent(contentDir: string, options: { fs?: CommitFs } = {}): Promise<RecoveryReport> {
  const fs = options.fs ?? realFs;
  const report: RecoveryReport = { journal: null, removedStaging: [], legacyStaging: null };
  const journal = readJournal(contentDir);
  if (journal) {
    let action: RecoveryAction;
    if (journal.state === 'prepare') {
      await discard(contentDir, journal, fs);
      action = 'discarded';
    } else if (journal.state === 'done') {
      await finish(contentDir, journal, fs);
      action = 'completed';
    } else if (journal.state === 'ready' && canComplete(contentDir, journal)) {
      try {
        applyForward(contentDir, journal, fs);
        await syncTouchedDirs(contentDir, journal, fs);
        journal.state = 'done';
        await writeJournal(contentDir, journal, fs);
        await finish(contentDir, journal, fs);
        action = 'completed';
      } catch (error) {
        if (!(error instanceof JournalError)) throw error;
        await undo(contentDir, journal, fs);
        action = 'undone';
      }
    } else {
      await undo(contentDir, journal, fs);
      action = 'undone';
    }
    report.journal = {
      id: journal.id,
      pid: journal.pid,
      host: journal.host,
      command: journal.command,
      started: journal.started,
      state: journal.state,
      action,
      files: journal.ops.length,
      backup: action === 'completed' && journal.backup !== null ? join(contentDir, journal.backup) : null,
    };
  }
  const dir = importDirOf(contentDir);
  for (const name of existsSync(dir) ? readdirSync(dir) : []) {
    if (/^staging-/.test(name) || /^journal\.json\.\d+\.tmp$/.test(name)) {
      removeTree(fs, join(dir, name));
      if (name.startsWith('staging-')) report.removedStaging.push(join(dir, name));
    }
  }
  const legacy = join(dirname(resolve(contentDir)), '.import-staging');
  if (existsSync(legacy) && statSync(legacy).isDirectory() && readdirSync(legacy).length > 0) report.legacyStaging = legacy;
  return report;
}

async function undo(contentDir: string, journal: ContentJournal, fs: CommitFs): Promise<void> {
  if (journal.state !== 'undo') {
    journal.state = 'undo';
    await writeJournal(contentDir, journal, fs);
  }
  applyUndo(contentDir, journal, fs);
  await discard(contentDir, journal, fs);
}

/** Can the commit be completed: every file to place is staged whole or already in place, every backup whole? */
function canComplete(contentDir: string, journal: ContentJournal): boolean {
  const staging = stagingOf(contentDir, journal);
  for (const op of journal.ops) {
    if (op.after === null) continue;
    const staged = join(staging, 'new', op.path);
    const hash = present(staged) ? hashOf(staged) : hashOf(join(contentDir, op.path));
    if (hash !== op.after) return false;
  }
  if (journal.backup !== null) {
    const before = new Map(journal.ops.map((op) => [op.path, op.before]));
    for (const path of journal.backupPaths) {
      if (hashOf(join(contentDir, journal.backup, path)) !== before.get(path)) return false;
    }
  }
  return true;
}

/** What the build needs to know: an interrupted commit's journal, or null (read-only). */
export function unfinishedImport(contentDir: string): { path: string; journal: ContentJournal | null } | null {
  const path = journalPathOf(contentDir);
  if (!existsSync(path)) return null;
  try {
    return { path, journal: readJournal(contentDir) };
  } catch {
    return { path, journal: null };
  }
}

/** The build's message for an interrupted import: what happened, and the command that fixes it. */
export function interruptedImportMessage(contentDir: string, unfinished: { path: string; journal: ContentJournal | null }): { message: string; hint: string } {
  const journal = unfinished.journal;
  const who = journal ? ` (pid ${journal.pid} on ${journal.host}, started ${journal.started}, \`${journal.command}\`)` : '';
  const near = relative(process.cwd(), contentDir);
  const content = near === '' ? '.' : near.startsWith('..') ? contentDir : near;
  const flag = content === 'content' ? '' : ` --content ${content}`;
  return {
    message: `An import into ${contentDir} was interrupted${who} and is not finished (journal: ${unfinished.path}). The folder may hold a mix of old and new files, so the site is not built.`,
    hint: `Run \`npm run import -- --recover${flag}\`: it completes the import or undoes it. Then build again.`,
  };
}

/**
 * A fingerprint of the transaction folder `<content>/.import/`: every lock taken or released
 * and every journal written changes its modification time, so a build that finds it changed
 * knows an import ran while it read the content.
 */
export function importActivity(contentDir: string): string {
  try {
    const stat = statSync(importDirOf(contentDir), { bigint: true });
    return `${stat.ino}:${stat.mtimeNs}:${stat.ctimeNs}`;
  } catch {
    return 'none';
  }
}
