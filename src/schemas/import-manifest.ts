import { z } from 'astro/zod';
import { relativePathSchema } from './common.ts';
import { issueSchema } from './issue.ts';
import { eachPageOnce, pageSchema } from './page.ts';

/**
 * `issue.yml` in an import folder: the content issue plus where each page's files are.
 *
 * ```yaml
 * paper: zunyi-daily
 * date: 2023-01-17
 * pages:
 *   - number: 3
 *     name: 文明实践
 *     file: 03.txt        # default: the page number, two digits, .txt
 *     photos: photos/03   # default: photos/03 when that folder exists
 * ```
 */
export const importPageSchema = pageSchema.extend({
  /** The OCR text file, relative to the folder (inside it). Defaults to `NN.txt`. */
  file: relativePathSchema.optional(),
  /** A folder of photos for this page, relative to the folder (inside it). */
  photos: relativePathSchema.optional(),
});

export const importManifestSchema = issueSchema.extend({
  pages: z
    .array(importPageSchema)
    .min(1, 'list at least one page under `pages:`')
    .superRefine(eachPageOnce),
});

export type ImportManifest = z.output<typeof importManifestSchema>;
export type ImportPage = z.output<typeof importPageSchema>;
