import { z } from 'astro/zod';

/**
 * What the import last wrote into one issue's folder, `<content>/<paper>/<date>/.import-record.json`,
 * so that the next import can tell its own files from a maintainer's corrections: a file whose
 * bytes differ from the record was edited by hand, a recorded file that is missing was deleted
 * by hand, and an `issue.yml` field that differs from what the import set was corrected by hand.
 * Written in the same commit as the files it describes; it holds no time, so that importing the
 * same input again writes nothing. Committed to git with the content, so the protection survives
 * a clone.
 */
export const importRecordSchema = z.object({
  version: z.literal(1),
  /** SHA-256 (hex) of each file as the import wrote it, by path inside the issue folder (`03/01.mdx`, `issue.yml`). */
  files: z.record(z.string(), z.string().regex(/^[0-9a-f]{64}$/)),
  /**
   * The value the import gave each `issue.yml` field it sets, by field path (`number`,
   * `estimated.note`, `pages.3.name`, `pages.3.credits`, `pages.3.source`).
   */
  fields: z.record(z.string(), z.unknown()),
});

export type ImportRecord = z.output<typeof importRecordSchema>;
