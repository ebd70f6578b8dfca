import { z } from 'astro/zod';
import { isoDateSchema, paperSlugSchema } from './common.ts';
import { eachPageOnce, pageSchema } from './page.ts';

/**
 * One issue of a paper, stored as `content/<paper>/<date>/issue.yml`. The import writes and
 * updates it; maintainers may add notes by hand.
 */
export const issueSchema = z.object({
  /** The paper's slug; a file `content/papers/<slug>.yml` must exist. */
  paper: paperSlugSchema,
  /** Publication date, `YYYY-MM-DD`. */
  date: isoDateSchema,
  /** The issue's serial number (总第…期) when printed. */
  number: z.number().int().positive().optional(),
  /** The pages held, in any order, each once; the site sorts them by number. */
  pages: z.array(pageSchema).superRefine(eachPageOnce).default([]),
  /**
   * Set when the date or page numbers are not printed on the source and were estimated by
   * an editor; `note` says how.
   */
  estimated: z
    .object({
      date: z.boolean().default(false),
      pages: z.boolean().default(false),
      note: z.string().min(1),
    })
    .optional(),
});

export type Issue = z.output<typeof issueSchema>;
