import type { AstroIntegration } from 'astro';
import { AstroError } from 'astro/errors';
import { resolve } from 'node:path';
import { contentDir } from '../lib/content-dir.ts';
import { importActivity, interruptedImportMessage, unfinishedImport } from '../io/content-journal.ts';
import { describeHolder, liveHolder, LockBusyError, lockWaitMs, waitForContentLock } from '../io/content-lock.ts';

/**
 * The build never publishes a content folder that an import is half-way through. Before it
 * reads anything it waits for a running import to finish (ARCHIVE_LOCK_WAIT seconds, default
 * 30) and refuses to start while an interrupted import's journal is there, saying how to
 * recover; when it is done it fails if an import changed the folder while it was read.
 */
export function contentGuard(): AstroIntegration {
  let before: string | null = null;
  const dir = () => resolve(contentDir());
  const refuseInterrupted = () => {
    const unfinished = unfinishedImport(dir());
    if (unfinished) {
      const { message, hint } = interruptedImportMessage(dir(), unfinished);
      throw new AstroError(message, hint);
    }
  };
  return {
    name: 'archive:content-guard',
    hooks: {
      'astro:config:setup': async ({ command, logger }) => {
        if (command !== 'build' && command !== 'dev') return;
        try {
          await waitForContentLock(dir(), {
            waitMs: lockWaitMs(),
            onWait: (holder) => logger.info(`waiting for an import into ${dir()} to finish${holder ? ` (${describeHolder(holder)})` : ''}`),
          });
        } catch (error) {
          if (error instanceof LockBusyError) throw new AstroError(`${error.message}: ${error.lockPath}`, error.hint);
          throw error;
        }
        refuseInterrupted();
        if (command === 'build') before = importActivity(dir());
      },
      'astro:build:done': () => {
        refuseInterrupted();
        const holder = liveHolder(dir());
        if (before !== null && (importActivity(dir()) !== before || holder !== null)) {
          throw new AstroError(`${dir()} was changed by an import while the site was built, so the build may hold a mix of old and new files.`, 'Build again.');
        }
      },
    },
  };
}
