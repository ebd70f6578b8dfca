import { z } from 'astro/zod';

/**
 * Who holds a content folder's lock, `<content>/.import/lock` (src/io/content-lock.ts): enough to
 * tell a live holder from a dead one, and to name it in a message.
 */
export const lockHolderSchema = z.object({
  /** Process id of the holder. */
  pid: z.number().int().positive(),
  /** Host name; a lock from another host cannot be checked and is never taken over. */
  host: z.string(),
  /**
   * The process's start time, so that a pid reused by another process is not taken for the
   * holder: field 22 of /proc/<pid>/stat on Linux (clock ticks since boot); null elsewhere.
   */
  start: z.string().nullable(),
  /** When the lock was taken (ISO 8601). */
  since: z.string(),
  /** What holds it, e.g. `npm run import -- issue/`. */
  command: z.string(),
});

export type LockHolder = z.output<typeof lockHolderSchema>;
