import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acquireContentLock, holderState, LockBusyError, lockPathOf, processStart, waitForContentLock, withContentLock } from './content-lock.ts';

const MODULE = pathToFileURL(join(import.meta.dirname, 'content-lock.ts')).href;
let root: string;
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'content-lock-'));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

function contentFolder(name: string): string {
  const dir = join(root, name);
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** A child process that takes the lock, says so on stdout, and holds it until its stdin closes. */
async function holder(content: string): Promise<ChildProcess> {
  const script = `
    const { acquireContentLock } = await import(${JSON.stringify(MODULE)});
    const lock = await acquireContentLock(${JSON.stringify(content)}, { command: 'test holder' });
    process.stdout.write('locked\\n');
    process.stdin.resume();
    process.stdin.on('end', () => { lock.release(); process.exit(0); });`;
  const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: ['pipe', 'pipe', 'inherit'] });
  const [chunk] = (await once(child.stdout!, 'data')) as [Buffer];
  expect(chunk.toString()).toBe('locked\n');
  return child;
}

/** The pid of a process that has ended (and been reaped). */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(child.stdout);
}

function writeLock(content: string, holder: Record<string, unknown>): void {
  mkdirSync(join(content, '.import'), { recursive: true });
  writeFileSync(lockPathOf(content), `${JSON.stringify(holder)}\n`);
}

describe('the content lock', () => {
  it('is a file naming its holder (pid, host, start time), removed on release', async () => {
    const content = contentFolder('basic');
    const lock = await acquireContentLock(content, { command: 'npm run import -- x' });
    const data = JSON.parse(readFileSync(lockPathOf(content), 'utf8'));
    expect(data).toMatchObject({ pid: process.pid, host: hostname(), command: 'npm run import -- x' });
    expect(data.start).toMatch(/^\d+$/);
    expect(data.start).toBe(processStart(process.pid));
    // taken again by the same process: nested, released by the outer one
    const inner = await acquireContentLock(content, { waitMs: 0 });
    inner.release();
    expect(existsSync(lockPathOf(content))).toBe(true);
    lock.release();
    expect(existsSync(lockPathOf(content))).toBe(false);
  });

  it('makes another process wait, then stop naming the holder; free again once released', async () => {
    const content = contentFolder('live');
    const child = await holder(content);
    try {
      const error = await acquireContentLock(content, { waitMs: 200, pollMs: 20 }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(LockBusyError);
      expect((error as LockBusyError).holder).toMatchObject({ pid: child.pid, host: hostname(), command: 'test holder' });
      expect((error as LockBusyError).message).toContain(`pid ${child.pid}`);
      expect((error as LockBusyError).hint).toContain(lockPathOf(content));
      await expect(waitForContentLock(content, { waitMs: 100, pollMs: 20 })).rejects.toBeInstanceOf(LockBusyError);
    } finally {
      child.stdin!.end();
    }
    let waitedFor: unknown = null;
    const lock = await acquireContentLock(content, { waitMs: 30_000, pollMs: 20, onWait: (h) => (waitedFor = h) });
    lock.release();
    // it either found the lock free or waited for that very holder
    if (waitedFor !== null) expect(waitedFor).toMatchObject({ pid: child.pid });
  });

  it('takes over a lock whose holder is dead, or whose pid now belongs to another process, and says so', async () => {
    const content = contentFolder('stale');
    const dead = deadPid();
    writeLock(content, { pid: dead, host: hostname(), start: '1', since: '2026-01-01T00:00:00.000Z', command: 'killed import' });
    const taken: string[] = [];
    const lock = await acquireContentLock(content, { waitMs: 0, onTakeover: (h, state) => taken.push(`${h.pid} ${state}`) });
    expect(taken).toEqual([`${dead} dead`]);
    lock.release();

    // a live pid, but not the process that took the lock: another start time
    writeLock(content, { pid: process.pid, host: hostname(), start: '1', since: '2026-01-01T00:00:00.000Z', command: 'long gone' });
    const again = await acquireContentLock(content, { waitMs: 0, onTakeover: (h, state) => taken.push(`${h.pid} ${state}`) });
    expect(taken[1]).toBe(`${process.pid} reused`);
    again.release();
  });

  it('never takes over a lock of another host, and a half-written lock only once it is old', async () => {
    const content = contentFolder('remote');
    writeLock(content, { pid: 1, host: 'another-host', start: null, since: '2026-01-01T00:00:00.000Z', command: 'npm run import' });
    expect(holderState({ pid: 1, host: 'another-host', start: null, since: '', command: '' })).toBe('remote');
    const error = await acquireContentLock(content, { waitMs: 0 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LockBusyError);
    expect((error as LockBusyError).hint).toContain('another-host');

    const half = contentFolder('half-written');
    mkdirSync(join(half, '.import'), { recursive: true });
    writeFileSync(lockPathOf(half), '');
    await expect(acquireContentLock(half, { waitMs: 0 })).rejects.toBeInstanceOf(LockBusyError);
    const minuteAgo = new Date(Date.now() - 60_000);
    utimesSync(lockPathOf(half), minuteAgo, minuteAgo);
    (await acquireContentLock(half, { waitMs: 0 })).release();
  });

  it('lets one process at a time in: racing processes, a stale lock to take over first, no lost update', async () => {
    const content = contentFolder('race');
    writeLock(content, { pid: deadPid(), host: hostname(), start: '1', since: '2026-01-01T00:00:00.000Z', command: 'killed import' });
    const counter = join(root, 'race-counter');
    writeFileSync(counter, '0');
    // read, yield, write: without mutual exclusion, increments are lost
    const script = `
      const { withContentLock } = await import(${JSON.stringify(MODULE)});
      const { readFileSync, writeFileSync } = await import('node:fs');
      for (let i = 0; i < 15; i++) {
        await withContentLock(${JSON.stringify(content)}, async () => {
          const n = Number(readFileSync(${JSON.stringify(counter)}, 'utf8'));
          await new Promise((r) => setImmediate(r));
          writeFileSync(${JSON.stringify(counter)}, String(n + 1));
        }, { waitMs: 60000, pollMs: 2 });
      }`;
    const children = Array.from({ length: 4 }, () => spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: ['ignore', 'ignore', 'inherit'] }));
    const codes = await Promise.all(children.map(async (child) => (await once(child, 'exit'))[0]));
    expect(codes).toEqual([0, 0, 0, 0]);
    expect(readFileSync(counter, 'utf8')).toBe('60');
    expect(existsSync(lockPathOf(content))).toBe(false);
  });

  it('withContentLock releases the lock when the work throws', async () => {
    const content = contentFolder('throws');
    await expect(withContentLock(content, () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(existsSync(lockPathOf(content))).toBe(false);
  });
});
