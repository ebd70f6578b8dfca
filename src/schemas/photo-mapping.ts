import { z } from 'astro/zod';

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
    /** A file in the same folder. */
    file: z.string().min(1),
    /** The item's position on the page, 1-based (the last part of its id). */
    article: z.number().int().min(1).optional(),
    /** A piece of the item's caption or text, copied exactly. */
    caption: z.string().min(1).optional(),
  })
  .refine((entry) => entry.article !== undefined || entry.caption !== undefined, 'give `article:` or `caption:`');

export const photoMappingSchema = z.array(photoMappingEntrySchema);

export type PhotoMappingEntry = z.output<typeof photoMappingEntrySchema>;
