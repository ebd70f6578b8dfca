import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, realpathSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { lockHolderSchema, type LockHolder } from '../schemas/content-lock.ts';

/**
 * One writer at a time per content folder. The lock is a file, `<content>/.import/lock`, created
 * with O_EXCL (so that of two processes creating it at once exactly one succeeds) and holding
 * the holder's pid, host and process start time. A lock whose holder is dead, or whose pid now
 * belongs to a process that started at another time, is stale and taken over; a live lock makes
 * the next writer wait a bounded time and then stop, naming the holder.
 *
 * Taking over a stale lock is itself guarded by a second O_EXCL file (`lock.takeover`): only its
 * holder may delete the stale lock, after checking that it is still the same stale lock. Without
 * it, two processes that both saw the stale lock could each delete it, the second deleting the
 * first's new, live lock. (The guard is held for microseconds; a guard left by a process killed in
 * that window is stale by the same rule and removed.)
 */

/** The folder of a content folder's transactions: lock, journal, staging. Ignored by git and the site. */
export const IMPORT_DIR = '.import';

/** How long a writer waits for a live lock by default, in seconds (ARCHIVE_LOCK_WAIT overrides). */
export const DEFAULT_LOCK_WAIT_S = 30;

export function lockPathOf(contentDir: string): string {
  return join(contentDir, IMPORT_DIR, 'lock');
}

/** The wait for a live lock, in milliseconds: ARCHIVE_LOCK_WAIT (seconds) or the default. */
export function lockWaitMs(seconds: string | undefined = process.env.ARCHIVE_LOCK_WAIT): number {
  const value = seconds === undefined || seconds === '' ? DEFAULT_LOCK_WAIT_S : Number(seconds);
  return Number.isFinite(value) && value >= 0 ? value * 1000 : DEFAULT_LOCK_WAIT_S * 1000;
}

/** A process's start time (field 22 of /proc/<pid>/stat, clock ticks since boot), or null off Linux. */
export function processStart(pid: number): string | null {
  const stat = procStat(pid);
  return stat?.[19] ?? null;
}

/** The fields of /proc/<pid>/stat after the command name (field 3 onwards), or null. */
function procStat(pid: number): string[] | null {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // the command name (field 2) is in parentheses and may hold spaces and parentheses itself
    return text.slice(text.lastIndexOf(')') + 2).trim().split(' ');
  } catch {
    return null;
  }
}

export type HolderState = 'live' | 'dead' | 'reused' | 'remote';

/** Whether the holder of a lock still runs. A lock of another host cannot be checked: 'remote'. */
export function holderState(holder: LockHolder): HolderState {
  if (holder.host !== hostname()) return 'remote';
  try {
    process.kill(holder.pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return 'dead';
  }
  const stat = procStat(holder.pid);
  // a killed process that its parent has not reaped yet holds nothing
  if (stat && (stat[0] === 'Z' || stat[0] === 'X')) return 'dead';
  if (holder.start !== null && stat && stat[19] !== holder.start) return 'reused';
  return 'live';
}

export function describeHolder(holder: LockHolder): string {
  return `pid ${holder.pid} on ${holder.host}, since ${holder.since}, running \`${holder.command}\``;
}

/** A live lock did not come free in time. */
export class LockBusyError extends Error {
  readonly lockPath: string;
  readonly holder: LockHolder | null;
  readonly hint: string;
  constructor(lockPath: string, holder: LockHolder | null, waitedMs: number) {
    super(`another process holds the lock of this content folder (${holder ? describeHolder(holder) : 'its lock file is being written'}); waited ${Math.round(waitedMs / 1000)} s`);
    this.name = 'LockBusyError';
    this.lockPath = lockPath;
    this.holder = holder;
    this.hint =
      holder?.host !== undefined && holder.host !== hostname()
        ? `wait for it to finish and run this again; a lock of another host cannot be checked from here: if nothing runs on ${holder.host} any more, delete ${lockPath}`
        : `wait for it to finish and run this again (--wait <seconds> or ARCHIVE_LOCK_WAIT waits longer); if process ${holder?.pid ?? '?'} is not an import or build of this folder, delete ${lockPath}`;
  }
}

export interface LockOptions {
  /** How long to wait for a live lock, in ms (default ARCHIVE_LOCK_WAIT or 30 s). */
  waitMs?: number;
  /** What takes the lock, for the holder's record and messages (default: this process's command line). */
  command?: string;
  /** Called once when the lock is busy and the caller starts to wait. */
  onWait?: (holder: LockHolder | null) => void;
  /** Called when a stale lock is taken over. */
  onTakeover?: (holder: LockHolder, state: HolderState) => void;
  /** How often to look again while waiting, in ms. */
  pollMs?: number;
}

export interface ContentLock {
  readonly path: string;
  release(): void;
}

/** Locks this process holds, by lock path: taking a lock twice in one process nests. */
const held = new Map<string, { text: string; count: number }>();

type ReadLock = { kind: 'missing' } | { kind: 'holder'; holder: LockHolder; text: string } | { kind: 'unreadable'; text: string; ageMs: number };

function readLock(path: string): ReadLock {
  let text: string;
  let ageMs: number;
  try {
    text = readFileSync(path, 'utf8');
    ageMs = Date.now() - statSync(path).mtimeMs;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'missing' };
    throw error;
  }
  try {
    return { kind: 'holder', holder: lockHolderSchema.parse(JSON.parse(text)), text };
  } catch {
    return { kind: 'unreadable', text, ageMs };
  }
}

/**
 * A lock file that cannot be read was left by a process killed between creating it and writing
 * into it (microseconds), or is being written right now: stale once it is this old.
 */
const UNREADABLE_STALE_MS = 10_000;

function staleness(lock: ReadLock): HolderState | null {
  if (lock.kind === 'holder') {
    const state = holderState(lock.holder);
    return state === 'dead' || state === 'reused' ? state : null;
  }
  if (lock.kind === 'unreadable') return lock.ageMs > UNREADABLE_STALE_MS ? 'dead' : null;
  return null;
}

function myHolder(command: string): LockHolder {
  return { pid: process.pid, host: hostname(), start: processStart(process.pid), since: new Date().toISOString(), command };
}

/** Create `path` exclusively with `text`; false when it exists. */
function createExclusive(path: string, text: string): boolean {
  let fd: number;
  try {
    fd = openSync(path, 'wx');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  return true;
}

function unlinkIfSame(path: string, text: string): boolean {
  const now = readLock(path);
  if (now.kind === 'missing' || now.text !== text) return false;
  try {
    unlinkSync(path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
}

/** Remove a stale lock, under the takeover guard. True when it was removed (by us or another). */
function takeOver(lockPath: string, stale: ReadLock & { text: string }, command: string): boolean {
  const guard = `${lockPath}.takeover`;
  const guardText = `${JSON.stringify(myHolder(command))}\n`;
  if (!createExclusive(guard, guardText)) {
    const other = readLock(guard);
    if (other.kind !== 'missing' && staleness(other) !== null) unlinkIfSame(guard, other.text);
    return false;
  }
  try {
    // still the same stale lock? (another process may have taken it over meanwhile)
    unlinkIfSame(lockPath, stale.text);
    return true;
  } finally {
    unlinkIfSame(guard, guardText);
  }
}

/**
 * Take the lock of a content folder, waiting up to `waitMs` for a live holder. Stale locks are
 * taken over (and `onTakeover` told). Throws LockBusyError when the wait runs out.
 */
export async function acquireContentLock(contentDir: string, options: LockOptions = {}): Promise<ContentLock> {
  const dir = join(contentDir, IMPORT_DIR);
  mkdirSync(dir, { recursive: true });
  const path = join(realpathSync(dir), 'lock');
  const mine = held.get(path);
  if (mine) {
    mine.count++;
    return handle(path);
  }
  const command = options.command ?? commandLine();
  const waitMs = options.waitMs ?? lockWaitMs();
  const pollMs = options.pollMs ?? 100;
  const started = Date.now();
  let told = false;
  for (;;) {
    const text = `${JSON.stringify(myHolder(command))}\n`;
    if (createExclusive(path, text)) {
      held.set(path, { text, count: 1 });
      return handle(path);
    }
    const lock = readLock(path);
    if (lock.kind === 'missing') continue;
    const stale = staleness(lock);
    if (stale !== null) {
      if (takeOver(path, lock, command)) {
        if (lock.kind === 'holder') options.onTakeover?.(lock.holder, stale);
      } else await sleep(5);
      continue;
    }
    const holder = lock.kind === 'holder' ? lock.holder : null;
    if (Date.now() - started >= waitMs) throw new LockBusyError(path, holder, Date.now() - started);
    if (!told) {
      options.onWait?.(holder);
      told = true;
    }
    await sleep(Math.min(pollMs, Math.max(1, waitMs - (Date.now() - started))));
  }
}

function handle(path: string): ContentLock {
  let released = false;
  return {
    path,
    release() {
      if (released) return;
      released = true;
      const mine = held.get(path);
      if (!mine) return;
      if (--mine.count > 0) return;
      held.delete(path);
      unlinkIfSame(path, mine.text);
    },
  };
}

/** Run `fn` holding the content folder's lock. */
export async function withContentLock<T>(contentDir: string, fn: () => Promise<T> | T, options: LockOptions = {}): Promise<T> {
  const lock = await acquireContentLock(contentDir, options);
  try {
    return await fn();
  } finally {
    lock.release();
  }
}

/**
 * Wait until no live process holds the lock, without taking it (the build reads content and
 * must not read it half-written). Returns the holder that was waited for, or throws LockBusyError.
 */
export async function waitForContentLock(contentDir: string, options: Pick<LockOptions, 'waitMs' | 'onWait' | 'pollMs'> = {}): Promise<LockHolder | null> {
  const dir = join(contentDir, IMPORT_DIR);
  const path = existsSync(dir) ? join(realpathSync(dir), 'lock') : lockPathOf(contentDir);
  const waitMs = options.waitMs ?? lockWaitMs();
  const started = Date.now();
  let waitedFor: LockHolder | null = null;
  for (;;) {
    const lock = readLock(path);
    if (lock.kind === 'missing' || staleness(lock) !== null) return waitedFor;
    const holder = lock.kind === 'holder' ? lock.holder : null;
    if (held.has(path)) return null;
    if (Date.now() - started >= waitMs) throw new LockBusyError(path, holder, Date.now() - started);
    if (waitedFor === null && holder) {
      waitedFor = holder;
      options.onWait?.(holder);
    }
    await sleep(Math.min(options.pollMs ?? 100, Math.max(1, waitMs - (Date.now() - started))));
  }
}

/** The live holder of a content folder's lock, or null (no lock, or a stale one). */
export function liveHolder(contentDir: string): LockHolder | null {
  const lock = readLock(lockPathOf(contentDir));
  return lock.kind === 'holder' && staleness(lock) === null ? lock.holder : null;
}

function commandLine(): string {
  const args = process.argv.slice(1).map((arg) => (/[\s'"]/.test(arg) ? JSON.stringify(arg) : arg));
  return args.join(' ').slice(0, 300);
}
