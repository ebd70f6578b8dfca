import { z } from 'astro/zod';
import { fileNameSchema } from './common.ts';

/**
 * `photos.yml` in a photo folder: which file goes with which item when reading order is not
 * enough. Without it, photos sorted by file name go to the photo items in reading order.
 *
 * ```yaml
 * - file: DSC_0412.jpg
 *   article: 3          # the page's third item, id …/03
 * - file: DSC_0399.jpg
 *   caption: 群众展示    # the item whose caption contains this text
 * ```
 */
export const photoMappingEntrySchema = z
  .object({
    /** A file in the same folder (a name, not a path). */
    file: fileNameSchema,
    /** The item's position on the page, 1-based (the last part of its id). */
    article: z.number().int().min(1).optional(),
    /** A piece of the item's caption or text, copied exactly. */
    caption: z.string().min(1).optional(),
  })
  .refine((entry) => entry.article !== undefined || entry.caption !== undefined, 'give `article:` or `caption:`');

export const photoMappingSchema = z.array(photoMappingEntrySchema).superRefine((entries, context) => {
  const seen = new Set<string>();
  entries.forEach((entry, index) => {
    if (seen.has(entry.file)) {
      context.addIssue({ code: 'custom', path: [index, 'file'], message: `${entry.file} is listed twice; map each photo once` });
    }
    seen.add(entry.file);
  });
});

export type PhotoMappingEntry = z.output<typeof photoMappingEntrySchema>;
