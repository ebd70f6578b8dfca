import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { contentGuard } from '../src/integrations/content-guard.ts';
import { commitChange, journalPathOf, type CommitFs } from '../src/io/content-journal.ts';
import { acquireContentLock, lockPathOf } from '../src/io/content-lock.ts';
import { contentTree, sameTree } from './io/content-tree.ts';
import { killTrial, pairTrial, prepareTrials, type TrialSetup } from './io/import-trials.ts';
import { createRng } from '../src/lib/random.ts';

/**
 * The importer's promises, attacked through the CLI as a maintainer (or bad luck) would: hand
 * corrections of every file it writes are kept, an interrupted import is finished or undone by
 * the next run and refused by the build, one import at a time per folder, and a real SIGKILL at
 * a random moment leaves the folder exactly as before or after. `npm run soak:import` does the
 * same thousands of times.
 */
const ROOT = resolve(import.meta.dirname, '..');
let scratch: string;

function run(args: string[], content: string) {
  const result = spawnSync(process.execPath, [resolve(ROOT, 'scripts/import.ts'), ...args, '--content', content], { cwd: scratch, encoding: 'utf8' });
  return { code: result.status, stderr: result.stderr };
}

function freshArchive(name: string): string {
  const content = join(scratch, name, 'content');
  mkdirSync(join(content, 'papers'), { recursive: true });
  cpSync(resolve(ROOT, 'content/papers/zunyi-daily.yml'), join(content, 'papers/zunyi-daily.yml'));
  return content;
}

const ISSUE = 'zunyi-daily/2023-01-17';
let folder: string;

beforeAll(async () => {
  scratch = mkdtempSync(join(tmpdir(), 'import-transactions-'));
  // the sample page as an issue folder with a photo for each of its three photo items
  folder = join(scratch, 'issue');
  cpSync(resolve(ROOT, 'examples/zunyi-daily-2023-01-17'), folder, { recursive: true });
  mkdirSync(join(folder, 'photos/03'), { recursive: true });
  for (const [index, colour] of ['#aa3322', '#22aa33', '#3322aa'].entries()) {
    writeFileSync(join(folder, `photos/03/${index + 1}.jpg`), await sharp({ create: { width: 300, height: 200, channels: 3, background: colour } }).jpeg().toBuffer());
  }
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('hand corrections of every file the import writes', () => {
  it('keeps an article deleted by hand and edited issue.yml fields, refuses a photo replaced by hand, and --force replaces all with backups', async () => {
    const content = freshArchive('protect');
    const issueDir = join(content, ISSUE);
    expect(run([folder], content).code).toBe(0);
    const record = JSON.parse(readFileSync(join(issueDir, '.import-record.json'), 'utf8'));
    expect(Object.keys(record.files)).toEqual(expect.arrayContaining(['issue.yml', '03/01.mdx', '03/02-1.jpg', '03/05-1.jpg']));
    expect(record.fields['estimated.note']).toMatch(/^The scan's header/);

    // the same input again: nothing written
    const imported = contentTree(content);
    const importedYaml = readFileSync(join(issueDir, 'issue.yml'), 'utf8');
    const again = run([folder], content);
    expect(again.stderr).toContain('0 files written');
    expect(sameTree(contentTree(content), imported)).toBe(true);

    // a maintainer deletes an article, corrects the note and comments issue.yml
    rmSync(join(issueDir, '03/03.mdx'));
    const yml = join(issueDir, 'issue.yml');
    const handYaml = `${readFileSync(yml, 'utf8').replace(/note: .*/, 'note: 日期据报头残字核定。')}# 校对：张三\n`;
    writeFileSync(yml, handYaml);
    const kept = run([folder], content);
    expect(kept.code, kept.stderr).toBe(0);
    expect(kept.stderr).toMatch(/kept: .*03\/03\.mdx was deleted by hand after the last import; it stays deleted \(--force writes it again\)/);
    expect(kept.stderr).toMatch(/kept: .*issue\.yml: `estimated\.note` is "日期据报头残字核定。", corrected by hand/);
    expect(existsSync(join(issueDir, '03/03.mdx'))).toBe(false);
    expect(readFileSync(yml, 'utf8')).toBe(handYaml);
    const stable = contentTree(content);
    expect(run([folder], content).stderr).toContain('0 files written');
    expect(sameTree(contentTree(content), stable)).toBe(true);

    // a photo replaced by hand stops the import: exit 3, nothing written
    const handPhoto = await sharp({ create: { width: 64, height: 64, channels: 3, background: '#000000' } }).jpeg().toBuffer();
    writeFileSync(join(issueDir, '03/02-1.jpg'), handPhoto);
    const before = contentTree(content);
    const refused = run([folder], content);
    expect(refused.code).toBe(3);
    expect(refused.stderr).toMatch(/03\/02-1\.jpg \(photo replaced by hand\)/);
    expect(refused.stderr).toContain('--force');
    expect(sameTree(contentTree(content), before)).toBe(true);

    // --force: every file as imported, every hand version in backups/
    const forced = run([folder, '--force'], content);
    expect(forced.code, forced.stderr).toBe(0);
    expect(forced.stderr).toMatch(/restored: .*03\/03\.mdx/);
    expect(forced.stderr).toMatch(/replaced: .*issue\.yml: `estimated\.note`/);
    // the files as imported; issue.yml with the imported values, edited in place (the comment stays)
    const now = contentTree(content);
    const ownedByRecord = (tree: Record<string, string>) => Object.fromEntries(Object.entries(tree).filter(([path]) => !/(issue\.yml|\.import-record\.json)$/.test(path)));
    expect(ownedByRecord(now)).toEqual(ownedByRecord(imported));
    expect(parseYaml(readFileSync(yml, 'utf8'))).toEqual(parseYaml(importedYaml));
    expect(readFileSync(yml, 'utf8')).toContain('# 校对：张三');
    const backup = join(scratch, /kept in (.+)$/m.exec(forced.stderr)![1]!);
    expect(readFileSync(join(backup, ISSUE, '03/02-1.jpg'))).toEqual(handPhoto);
    expect(readFileSync(join(backup, ISSUE, 'issue.yml'), 'utf8')).toBe(handYaml);
  });
});

describe('a content folder on another file system', () => {
  it('imports and --force-imports (staging inside the folder, backups copied beside it), where renames across file systems fail', () => {
    // content/ a link into a tmpfs, its parent (where backups/ go) on the disk
    const base = join(scratch, 'other-disk');
    const target = mkdtempSync(join(existsSync('/dev/shm') ? '/dev/shm' : tmpdir(), 'content-'));
    try {
      mkdirSync(join(target, 'papers'), { recursive: true });
      cpSync(resolve(ROOT, 'content/papers/zunyi-daily.yml'), join(target, 'papers/zunyi-daily.yml'));
      mkdirSync(base, { recursive: true });
      const content = join(base, 'content');
      symlinkSync(target, content);
      expect(run([folder], content).code).toBe(0);
      const article = join(content, ISSUE, '03/01.mdx');
      const corrected = `${readFileSync(article, 'utf8')}\n改正。\n`;
      writeFileSync(article, corrected);
      const forced = run([folder, '--force'], content);
      expect(forced.code, forced.stderr).toBe(0);
      expect(readFileSync(join(base, 'backups', readdirSync(join(base, 'backups'))[0]!, ISSUE, '03/01.mdx'), 'utf8')).toBe(corrected);
      expect(readdirSync(join(target, '.import'))).toEqual([]);
    } finally {
      rmSync(target, { recursive: true, force: true });
    }
  });
});

describe('the lock and an interrupted import', () => {
  it('takes over a stale lock with a message, and stops after --wait when a live process holds it, naming it', async () => {
    const content = freshArchive('locks');
    const dead = Number(spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout);
    mkdirSync(join(content, '.import'), { recursive: true });
    writeFileSync(lockPathOf(content), JSON.stringify({ pid: dead, host: hostname(), start: '1', since: '2026-01-01T00:00:00.000Z', command: 'npm run import -- killed' }));
    const taken = run([folder], content);
    expect(taken.code, taken.stderr).toBe(0);
    expect(taken.stderr).toContain(`Took over a stale lock: pid ${dead} on ${hostname()}`);
    expect(existsSync(lockPathOf(content))).toBe(false);

    const lock = await acquireContentLock(content, { command: 'a long import' });
    try {
      const busy = run([folder, '--wait', '0.3'], content);
      expect(busy.code).toBe(1);
      expect(busy.stderr).toContain(`error: ${lockPathOf(content)}: another process holds the lock of this content folder (pid ${process.pid} on ${hostname()}`);
      expect(busy.stderr).toContain('`a long import`');
      expect(busy.stderr).toMatch(/hint: wait for it to finish/);
    } finally {
      lock.release();
    }
  });

  it('is refused by the build with the command that recovers it, and completed by --recover', async () => {
    const content = freshArchive('interrupted');
    expect(run(['--recover'], content).stderr).toContain('Nothing to recover');
    // an import stopped dead right after its journal was written `ready`
    const { realFs } = await import('../src/io/content-journal.ts');
    let dead = false;
    const fs: CommitFs = {
      ...realFs,
      sync: async (paths) => {
        if (existsSync(journalPathOf(content)) && JSON.parse(readFileSync(journalPathOf(content), 'utf8')).state === 'ready') dead = true;
        if (dead) throw new Error('killed');
        await realFs.sync(paths);
      },
      rename: (from, to) => {
        if (dead) throw new Error('killed');
        realFs.rename(from, to);
      },
      unlink: (path) => {
        if (dead) throw new Error('killed');
        realFs.unlink(path);
      },
      rmdir: (path) => {
        if (dead) throw new Error('killed');
        realFs.rmdir(path);
      },
    };
    await expect(commitChange(content, { writes: [{ path: `${ISSUE}/issue.yml`, data: 'paper: zunyi-daily\ndate: 2023-01-17\n' }, { path: `${ISSUE}/03/01.mdx`, data: '---\nkind: article\n---\n' }], removals: [], backup: null }, { fs })).rejects.toThrow();
    expect(JSON.parse(readFileSync(journalPathOf(content), 'utf8')).state).toBe('ready');

    const guard = contentGuard();
    const setup = guard.hooks['astro:config:setup'] as unknown as (options: { command: string; logger: { info: () => void } }) => Promise<void>;
    const previous = process.env.ARCHIVE_CONTENT_DIR;
    process.env.ARCHIVE_CONTENT_DIR = content;
    try {
      await expect(setup({ command: 'build', logger: { info: () => {} } })).rejects.toThrow(/An import into .* was interrupted \(pid \d+ .*\) and is not finished/);
      await expect(setup({ command: 'build', logger: { info: () => {} } })).rejects.toMatchObject({ hint: expect.stringMatching(/^Run `npm run import -- --recover --content .*`: it completes the import or undoes it/) });
      const recovered = run(['--recover'], content);
      expect(recovered.code, recovered.stderr).toBe(0);
      expect(recovered.stderr).toMatch(/Recovered an interrupted import \(pid \d+ .*\): completed it, 2 files in place/);
      expect(readFileSync(join(content, ISSUE, '03/01.mdx'), 'utf8')).toBe('---\nkind: article\n---\n');
      expect(readdirSync(join(content, '.import'))).toEqual([]);
      await expect(setup({ command: 'build', logger: { info: () => {} } })).resolves.toBeUndefined();
    } finally {
      if (previous === undefined) delete process.env.ARCHIVE_CONTENT_DIR;
      else process.env.ARCHIVE_CONTENT_DIR = previous;
    }
  });
});

describe('real processes', () => {
  let setup: TrialSetup;
  beforeAll(async () => {
    setup = await prepareTrials(join(scratch, 'trials'), { pages: 6, itemsPerPage: 3, photos: 2, edits: 8, pairPages: 4, seed: 5 });
  }, 120_000);

  // a kill of each kind at a seeded random moment of its commit or its swaps; the soak does a thousand
  for (const [kind, from, seed] of [
    ['import', 'ready', 1],
    ['reimport', 'ready', 2],
    ['force', 'commit', 3],
  ] as const) {
    it(`a ${kind} killed with SIGKILL at a random moment of its ${from === 'ready' ? 'swaps' : 'commit'} leaves the folder exactly old or new after the next run`, async () => {
      const result = await killTrial(setup, kind, `kill-${kind}`, createRng(seed), from);
      expect(result.state, JSON.stringify(result)).not.toBe('mixed');
      expect(result.nextCode).toBe(0);
      expect(result.lostEdits).toEqual([]);
      expect(result.leftovers).toEqual([]);
    });
  }

  it('two imports into one issue at once: both succeed, no page lost, one order or the other, never a mix', async () => {
    const [halves, versions] = await Promise.all([pairTrial(setup, 'pages', 'pair-pages'), pairTrial(setup, 'versions', 'pair-versions')]);
    for (const result of [halves, versions]) {
      expect(result.codes).toEqual([0, 0]);
      expect(result.lostPages).toEqual([]);
      expect(result.order).not.toBe('mixed');
    }
    const issue = parseYaml(readFileSync(join(setup.work, 'pair-pages/content', setup.issueDir, 'issue.yml'), 'utf8'));
    expect(issue.pages.map((p: { number: number }) => p.number)).toEqual(setup.pairs.pages.pages);
  });
});
