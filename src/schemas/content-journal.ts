import { z } from 'astro/zod';

/** A SHA-256 digest in lowercase hex. */
const sha256Schema = z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 digest in hex');

/** A path inside the content folder, with `/` separators, never leaving it. */
const contentPathSchema = z
  .string()
  .min(1)
  .refine((path) => !path.startsWith('/') && !path.split('/').some((part) => part === '' || part === '.' || part === '..'), 'a relative path inside the content folder');

/** One file of a commit: replaced, added or removed. */
export const journalOpSchema = z.object({
  /** The file, relative to the content folder. */
  path: contentPathSchema,
  /** SHA-256 of the file before the commit; null when it did not exist. */
  before: sha256Schema.nullable(),
  /** SHA-256 of the file after the commit; null when the commit removes it. */
  after: sha256Schema.nullable(),
});

/**
 * The journal of one import's commit, `<content>/.import/journal.json` (src/io/content-journal.ts).
 * It exists from the moment anything is written until the commit is finished or undone, so
 * that a run after a crash knows what to complete or undo:
 *
 *   prepare  new files and backups are being written into staging; content is untouched
 *   ready    every staged file and backup is whole and synced; the swaps may have begun
 *   undo     the swaps are being undone (a failure during them)
 *   done     every swap is made; only the cleanup is left
 */
export const contentJournalSchema = z.object({
  version: z.literal(1),
  /** Names the staging folder `.import/staging-<id>/`. */
  id: z.string().regex(/^[0-9A-Za-z-]+$/),
  state: z.enum(['prepare', 'ready', 'undo', 'done']),
  /** Who wrote it: process id, host and the command, for messages. */
  pid: z.number().int(),
  host: z.string(),
  command: z.string(),
  /** When the commit began (ISO 8601). */
  started: z.string(),
  /** The folder that keeps the replaced files, relative to the content folder (`../backups/<time>`), or null. */
  backup: z.string().nullable(),
  /** Files copied into `backup` before anything is replaced. */
  backupPaths: z.array(contentPathSchema),
  /** The swaps, in the order they are made. */
  ops: z.array(journalOpSchema),
  /** Folders the commit creates, shallowest first; an undo removes them again. */
  newDirs: z.array(contentPathSchema),
});

export type ContentJournal = z.output<typeof contentJournalSchema>;
export type JournalOp = z.output<typeof journalOpSchema>;
