import { z } from 'astro/zod';
import { issueSchema } from './issue.ts';
import { pageSchema } from './page.ts';

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
  /** The OCR text file, relative to the folder. Defaults to `NN.txt`. */
  file: z.string().min(1).optional(),
  /** A folder of photos for this page, relative to the folder. */
  photos: z.string().min(1).optional(),
});

export const importManifestSchema = issueSchema.extend({
  pages: z.array(importPageSchema).min(1, 'list at least one page under `pages:`'),
});

export type ImportManifest = z.output<typeof importManifestSchema>;
export type ImportPage = z.output<typeof importPageSchema>;
