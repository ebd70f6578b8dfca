import { z } from 'astro/zod';

/**
 * A rectangle on a page scan, in pixels of the stored master scan, with the origin at the
 * top-left corner (x to the right, y down), as hOCR `bbox` and ALTO `HPOS`/`VPOS` are.
 */
export const boxSchema = z.object({
  /** Left edge, pixels from the scan's left side. */
  x: z.number().int().min(0),
  /** Top edge, pixels from the scan's top. */
  y: z.number().int().min(0),
  /** Width in pixels. */
  w: z.number().int().min(0),
  /** Height in pixels. */
  h: z.number().int().min(0),
});

/**
 * Where an item (an article or a photo item) sits on its page: one box per column or block it
 * covers, so an article that jumps columns has several. Stored in the item's front matter and
 * in `article.json`; a page imported from text alone has none.
 */
export const pageRegionsSchema = z
  .object({
    /** Width of the page scan the boxes refer to, in pixels. */
    width: z.number().int().positive(),
    /** Height of the page scan the boxes refer to, in pixels. */
    height: z.number().int().positive(),
    /** The boxes, in reading order (headline first, then column by column). */
    boxes: z.array(boxSchema).min(1),
  })
  .refine((regions) => regions.boxes.every((box) => box.x + box.w <= regions.width && box.y + box.h <= regions.height), {
    message: 'every box must lie inside the page (x + w <= width, y + h <= height)',
  });

export type Box = z.output<typeof boxSchema>;
export type PageRegions = z.output<typeof pageRegionsSchema>;
