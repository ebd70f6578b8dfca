import { z } from 'astro/zod';

/**
 * A suspicion or defect found while reading OCR text. Problems never stop an import; they are
 * printed for review, stored with the article and can be shown on the article page.
 */
export const problemSchema = z.object({
  /** Stable rule id, e.g. `truncated-text`, `unbalanced-quotes`, `ocr-confusable`. */
  code: z.string().regex(/^[a-z0-9-]+$/),
  /** 1-based line in the OCR source file where the problem was seen. */
  line: z.number().int().min(1),
  /** What is wrong, in words a maintainer understands. */
  message: z.string().min(1),
  /** The text the problem is about, as it reads after cleaning, e.g. `村医人户走访`. */
  excerpt: z.string().optional(),
  /** A proposed correction of `excerpt`, e.g. `村医入户走访`. */
  suggestion: z.string().optional(),
  /**
   * True when the importer already applied the correction because context made it certain
   * (2O22 -> 2022, 17曰 -> 17日); kept so that every changed character can be reviewed.
   */
  fixed: z.boolean().optional(),
});

export type Problem = z.output<typeof problemSchema>;
