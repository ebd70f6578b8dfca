import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmdirSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commitChange, JournalError, journalPathOf, recoverContent, unfinishedImport, type CommitFs, type ContentChange } from './content-journal.ts';
import { createRng } from '../lib/random.ts';

/**
 * The journaled commit attacked at every step: the k-th file operation fails (an error the
 * commit sees: it must undo in-process) or "crashes" (that operation and every one after it
 * fail, as if the process had been killed there: nothing more reaches the disk, a write is left
 * half-written), for every k. Then a recovery, itself crashed at a random step and run again,
 * must leave the folder exactly as before or exactly as after, byte for byte, with every
 * replaced file of a forced commit in its backup, and no staging left.
 */

let root: string;
beforeAll(() => {
  // hundreds of small folders: in memory when the machine has a tmpfs (what is tested is the
  // order of operations, not the disk; syncing is left out anyway)
  root = mkdtempSync(join(existsSync('/dev/shm') ? '/dev/shm' : tmpdir(), 'content-journal-'));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Every file and folder under `dir` (the transaction folder `.import/` aside) with its bytes. */
function tree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  if (!existsSync(dir)) return out;
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const path = join(d, name);
      const key = relative(dir, path);
      if (key === '.import') continue;
      if (statSync(path).isDirectory()) {
        out[`${key}/`] = '';
        walk(path);
      } else out[key] = readFileSync(path).toString('base64');
    }
  };
  walk(dir);
  return out;
}

/** What the transaction folder holds besides the (absent) lock: should be nothing after a recovery. */
function leftovers(content: string): string[] {
  const dir = join(content, '.import');
  return existsSync(dir) ? readdirSync(dir) : [];
}

const jpeg = Uint8Array.from({ length: 3000 }, (_, i) => (i * 37) % 256);

/** A folder with replaced, removed, added and unchanged files, and folders that come and go. */
function scenario(name: string): { content: string; backups: string; change: (force: boolean, backups?: string) => ContentChange } {
  const base = join(root, name);
  const content = join(base, 'content');
  const files: Record<string, string | Uint8Array> = {
    'papers/p.yml': 'name: 测试报\n',
    'p/2023-01-17/issue.yml': 'paper: p\n',
    'p/2023-01-17/03/01.mdx': 'old one',
    'p/2023-01-17/03/02.mdx': 'old two, corrected by hand',
    'p/2023-01-17/03/03.mdx': 'old three',
    'p/2023-01-17/03/03-1.jpg': jpeg.slice(0, 1000),
    'p/2023-01-17/04/01.mdx': 'old four: its folder empties',
  };
  for (const [path, data] of Object.entries(files)) {
    mkdirSync(join(content, path, '..'), { recursive: true });
    writeFileSync(join(content, path), data);
  }
  const change = (force: boolean, backups = join(base, 'backups')): ContentChange => ({
    writes: [
      { path: 'p/2023-01-17/issue.yml', data: 'paper: p\n' }, // unchanged: no operation
      { path: 'p/2023-01-17/03/01.mdx', data: 'new one' },
      { path: 'p/2023-01-17/03/02.mdx', data: 'new two' },
      { path: 'p/2023-01-17/03/02-1.jpg', data: jpeg },
      { path: 'p/2023-01-18/05/01.mdx', data: 'a new issue, new folders' },
    ],
    removals: ['p/2023-01-17/03/03.mdx', 'p/2023-01-17/03/03-1.jpg', 'p/2023-01-17/04/01.mdx', 'p/2023-01-17/04/09.mdx'],
    backup: force ? { root: backups, paths: ['p/2023-01-17/03/01.mdx', 'p/2023-01-17/03/02.mdx', 'p/2023-01-17/03/03.mdx', 'p/2023-01-17/03/03-1.jpg', 'p/2023-01-17/04/01.mdx'] } : null,
  });
  return { content, backups: join(base, 'backups'), change };
}

class Crash extends Error {}

/**
 * node:fs without syncing (durability is not what a kill tests), counting operations; the k-th
 * one fails, or crashes (it and all later ones throw; a write leaves half its bytes).
 */
function faultyFs(mode: 'fail' | 'crash' | 'none', at = 0): CommitFs & { count: () => number } {
  let n = 0;
  let dead = false;
  const step = <A extends unknown[]>(op: (...args: A) => void, torn?: (...args: A) => void) =>
    (...args: A) => {
      n++;
      if (dead) throw new Crash('the process is dead');
      if (n === at && mode === 'fail') throw Object.assign(new Error('simulated: no space left on device'), { code: 'ENOSPC' });
      if (n === at && mode === 'crash') {
        dead = true;
        torn?.(...args);
        throw new Crash(`killed at operation ${n}`);
      }
      op(...args);
    };
  return {
    count: () => n,
    mkdir: step((path: string) => mkdirSync(path)),
    writeFile: step(
      (path: string, data: string | Uint8Array) => writeFileSync(path, data),
      (path: string, data: string | Uint8Array) => {
        const bytes = typeof data === 'string' ? Buffer.from(data) : data;
        writeFileSync(path, bytes.subarray(0, Math.floor(bytes.length / 2)));
      },
    ),
    sync: (() => {
      const once = step(() => {});
      return async (_paths: string[]) => once();
    })(),
    rename: step((from: string, to: string) => renameSync(from, to)),
    unlink: step((path: string) => unlinkSync(path)),
    rmdir: step((path: string) => rmdirSync(path)),
  };
}

for (const force of [false, true]) {
  describe(`a commit${force ? ' with backups (--force)' : ''}, attacked at every step`, () => {
    let reference: ReturnType<typeof scenario>;
    let old: Record<string, string>;
    let fresh: Record<string, string>;
    let template: string;
    let done: Awaited<ReturnType<typeof commitChange>>;
    let steps = 0;
    let cases = 0;
    beforeAll(async () => {
      reference = scenario(`reference-${force}`);
      old = tree(reference.content);
      template = join(root, `template-${force}`);
      cpSync(reference.content, join(template, 'content'), { recursive: true });
      const counter = faultyFs('none');
      done = await commitChange(reference.content, reference.change(force), { fs: counter });
      fresh = tree(reference.content);
      steps = counter.count();
    });

    const copy = (name: string) => {
      const base = join(root, name);
      cpSync(join(template, 'content'), join(base, 'content'), { recursive: true });
      return { content: join(base, 'content'), backups: join(base, 'backups') };
    };

    /** The backup of a forced commit that is in place: every replaced or removed file, as it was. */
    const expectBackup = (backups: string) => {
      const dirs = existsSync(backups) ? readdirSync(backups) : [];
      expect(dirs).toHaveLength(1);
      const kept = tree(join(backups, dirs[0]!));
      for (const path of ['p/2023-01-17/03/01.mdx', 'p/2023-01-17/03/02.mdx', 'p/2023-01-17/03/03.mdx', 'p/2023-01-17/03/03-1.jpg', 'p/2023-01-17/04/01.mdx']) {
        expect(kept[path], path).toBe(old[path]);
      }
    };

    it('replaces, adds and removes, prunes emptied folders, and leaves no staging', () => {
      expect(done.written.sort()).toEqual(['p/2023-01-17/03/01.mdx', 'p/2023-01-17/03/02-1.jpg', 'p/2023-01-17/03/02.mdx', 'p/2023-01-18/05/01.mdx']);
      expect(done.removed.sort()).toEqual(['p/2023-01-17/03/03-1.jpg', 'p/2023-01-17/03/03.mdx', 'p/2023-01-17/04/01.mdx']);
      expect(fresh['p/2023-01-17/03/02.mdx']).toBe(Buffer.from('new two').toString('base64'));
      expect(fresh['p/2023-01-17/04/']).toBeUndefined();
      expect(fresh['p/2023-01-18/05/']).toBe('');
      expect(leftovers(reference.content)).toEqual([]);
      if (force) expectBackup(reference.backups);
      else expect(existsSync(reference.backups)).toBe(false);
      expect(steps).toBeGreaterThan(30);
    });

    it('undoes in-process when any one operation fails: the folder is as it was, no journal, no staging, no backup', async () => {
      for (let k = 1; k <= steps; k++) {
        const { content, backups } = copy(`fail-${force}-${k}`);
        let result: Awaited<ReturnType<typeof commitChange>> | null = null;
        try {
          result = await commitChange(content, reference.change(force, backups), { fs: faultyFs('fail', k) });
        } catch (error) {
          expect((error as Error).message, `operation ${k}`).toContain('simulated');
        }
        if (result === null) {
          expect(tree(content), `operation ${k}`).toEqual(old);
          expect(leftovers(content), `operation ${k}`).toEqual([]);
          expect(existsSync(backups) ? readdirSync(backups) : [], `operation ${k}`).toEqual([]);
        } else {
          // a failure in the cleanup after `done`: the commit is made; the next run finishes the cleanup
          expect(result.cleanupError?.message, `operation ${k}`).toContain('simulated');
          await recoverContent(content);
          expect(tree(content), `operation ${k}`).toEqual(fresh);
          expect(leftovers(content), `operation ${k}`).toEqual([]);
          if (force) expectBackup(backups);
        }
        rmSync(join(content, '..'), { recursive: true, force: true });
        cases++;
      }
    });

    it('after a crash at any operation, recovery (whole, or crashed too and run again) leaves exactly the old or the new folder', async () => {
      const rng = createRng(force ? 11 : 7);
      const outcomes = { old: 0, new: 0 };
      for (let k = 1; k <= steps; k++) {
        for (const recoveryCrashes of [false, true]) {
          const { content, backups } = copy(`crash-${force}-${k}-${recoveryCrashes}`);
          const what = `crash at operation ${k} of ${steps}${recoveryCrashes ? ', recovery crashed once' : ''}`;
          // a crash in the cleanup after `done` is not an error of the commit: it reports it
          try {
            const result = await commitChange(content, reference.change(force, backups), { fs: faultyFs('crash', k) });
            expect(result.cleanupError, what).toBeInstanceOf(Crash);
          } catch (error) {
            expect(error, what).toBeInstanceOf(Error);
          }
          if (recoveryCrashes) {
            // killed at a random step of its own (or not at all, when it has fewer)
            try {
              await recoverContent(content, { fs: faultyFs('crash', 1 + Math.floor(rng() * steps)) });
            } catch (error) {
              expect(error, what).toBeInstanceOf(Crash);
            }
          }
          await recoverContent(content);
          const after = JSON.stringify(tree(content));
          const state = after === JSON.stringify(old) ? 'old' : after === JSON.stringify(fresh) ? 'new' : 'mixed';
          expect(state, what).not.toBe('mixed');
          outcomes[state as 'old' | 'new']++;
          expect(leftovers(content), what).toEqual([]);
          expect(unfinishedImport(content), what).toBeNull();
          if (state === 'new' && force) expectBackup(backups);
          if (state === 'old') expect(existsSync(backups) ? readdirSync(backups) : [], what).toEqual([]);
          rmSync(join(content, '..'), { recursive: true, force: true });
        }
        cases++;
      }
      // crashes before the journal is `ready` are undone, later ones completed
      expect(outcomes.old).toBeGreaterThan(10);
      expect(outcomes.new).toBeGreaterThan(10);
    });

    it('ran every case', () => {
      expect(cases).toBe(2 * steps);
    });
  });
}

describe('the transaction folder', () => {
  it('is ignored by git in any content folder, while each issue\'s import record is kept', () => {
    const repo = join(import.meta.dirname, '../..');
    const ignored = (path: string) => spawnSync('git', ['check-ignore', '-q', '--no-index', path], { cwd: repo }).status === 0;
    expect(ignored('content/.import/journal.json')).toBe(true);
    expect(ignored('content/.import/staging-2026-12-06T10-00-00-000Z-abcdef/new/p/2023-01-17/03/01.mdx')).toBe(true);
    expect(ignored('archive-b/.import/lock')).toBe(true);
    expect(ignored('content/zunyi-daily/2023-01-17/.import-record.json')).toBe(false);
    expect(ignored('content/zunyi-daily/2023-01-17/issue.yml')).toBe(false);
  });
});

describe('recovery', () => {
  it('undoes a ready journal whose staged file was damaged instead of completing it', async () => {
    const { content, change } = scenario('damaged');
    const old = tree(content);
    // crash right after the journal turns ready: find that step by counting
    let readyAt = 0;
    for (let k = 1; readyAt === 0 && k < 200; k++) {
      const probe = scenario(`damaged-probe-${k}`);
      try {
        await commitChange(probe.content, probe.change(false), { fs: faultyFs('crash', k) });
      } catch {
        // expected
      }
      const journal = existsSync(journalPathOf(probe.content)) ? JSON.parse(readFileSync(journalPathOf(probe.content), 'utf8')) : null;
      if (journal?.state === 'ready') readyAt = k;
    }
    expect(readyAt).toBeGreaterThan(0);
    await expect(commitChange(content, change(false), { fs: faultyFs('crash', readyAt) })).rejects.toThrow();
    const staging = readdirSync(join(content, '.import')).find((name) => name.startsWith('staging-'))!;
    writeFileSync(join(content, '.import', staging, 'new/p/2023-01-17/03/01.mdx'), 'bit rot');
    const report = await recoverContent(content);
    expect(report.journal?.action).toBe('undone');
    expect(tree(content)).toEqual(old);
  });

  it('removes staging folders that no journal names, and reports the staging folder of the old importer', async () => {
    const { content } = scenario('leftovers');
    mkdirSync(join(content, '.import/staging-2020-01-01-abc/new/p'), { recursive: true });
    writeFileSync(join(content, '.import/staging-2020-01-01-abc/new/p/x.mdx'), 'x');
    writeFileSync(join(content, '.import/journal.json.123.tmp'), '{');
    mkdirSync(join(content, '../.import-staging/2020-old/old'), { recursive: true });
    const report = await recoverContent(content);
    expect(report.removedStaging).toHaveLength(1);
    expect(leftovers(content)).toEqual([]);
    expect(report.legacyStaging).toBe(join(content, '../.import-staging'));
    expect(existsSync(join(content, '../.import-staging/2020-old'))).toBe(true);
  });

  it('refuses a journal it cannot read, naming it and the way out', async () => {
    const { content } = scenario('unreadable');
    mkdirSync(join(content, '.import'), { recursive: true });
    writeFileSync(journalPathOf(content), '{"version": 1, "state": "sideways"}');
    await expect(recoverContent(content)).rejects.toThrow(JournalError);
    expect(unfinishedImport(content)?.journal).toBeNull();
    await expect(commitChange(content, { writes: [{ path: 'a.mdx', data: 'a' }], removals: [], backup: null })).rejects.toThrow(/interrupted/);
  });
});
