import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { acquireContentLock } from '../io/content-lock.ts';
import { journalPathOf } from '../io/content-journal.ts';
import { contentGuard } from './content-guard.ts';

/** The build's side of the importer's transactions, through the integration's own hooks. */
type Setup = (options: { command: string; logger: { info: (line: string) => void } }) => Promise<void>;
type Done = () => void;

let content: string;
let previous: string | undefined;
beforeEach(() => {
  content = join(mkdtempSync(join(tmpdir(), 'content-guard-')), 'content');
  mkdirSync(join(content, 'papers'), { recursive: true });
  previous = process.env.ARCHIVE_CONTENT_DIR;
  process.env.ARCHIVE_CONTENT_DIR = content;
});
afterEach(() => {
  if (previous === undefined) delete process.env.ARCHIVE_CONTENT_DIR;
  else process.env.ARCHIVE_CONTENT_DIR = previous;
  rmSync(join(content, '..'), { recursive: true, force: true });
});

function hooks() {
  const guard = contentGuard();
  return { setup: guard.hooks['astro:config:setup'] as unknown as Setup, done: guard.hooks['astro:build:done'] as unknown as Done };
}
const logger = { info: () => {} };

describe('the content guard', () => {
  it('lets a build of a quiet folder through', async () => {
    const { setup, done } = hooks();
    await setup({ command: 'build', logger });
    expect(() => done()).not.toThrow();
  });

  it('refuses to build, or serve, a folder with an unfinished journal, naming the command that recovers it', async () => {
    mkdirSync(join(content, '.import'), { recursive: true });
    writeFileSync(journalPathOf(content), '{}');
    for (const command of ['build', 'dev']) {
      const error = await hooks()
        .setup({ command, logger })
        .catch((e: unknown) => e);
      expect((error as Error).message).toMatch(/^An import into .* was interrupted and is not finished \(journal: .*journal\.json\)/);
      expect((error as { hint: string }).hint).toBe(`Run \`npm run import -- --recover --content ${content}\`: it completes the import or undoes it. Then build again.`);
    }
    // `astro check` and `astro sync` read no content
    await expect(hooks().setup({ command: 'sync', logger })).resolves.toBeUndefined();
  });

  it('fails a build during which an import took the lock, or holds it still', async () => {
    const { setup, done } = hooks();
    await setup({ command: 'build', logger });
    const lock = await acquireContentLock(content, { command: 'an import' });
    expect(() => done()).toThrow(/was changed by an import while the site was built/);
    lock.release();
    expect(() => done()).toThrow(/was changed by an import while the site was built/);
  });
});
