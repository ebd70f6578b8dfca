import { z } from 'astro/zod';

/**
 * A rectangle on a page scan, in pixels of the scan's stored master (origin top left), e.g. the
 * part of the page an article covers. Integers; `w` and `h` at least 1.
 */
export const boxSchema = z.object({
  /** Left edge, pixels from the master's left. */
  x: z.number().int().min(0),
  /** Top edge, pixels from the master's top. */
  y: z.number().int().min(0),
  /** Width in pixels. */
  w: z.number().int().min(1),
  /** Height in pixels. */
  h: z.number().int().min(1),
});

/**
 * The boxes an item covers on its page: several when it jumps columns, in reading order. Empty
 * when the page was imported from text without positions.
 */
export const regionsSchema = z.array(boxSchema);

/**
 * A page's scan as kept in the scan store (ARCHIVE_SCAN_DIR, default `scans/` beside
 * `content/`): stored once, normalised at import (upright, stripped of metadata), named by its
 * SHA-256. Recorded on the page in `issue.yml`:
 *
 * ```yaml
 * pages:
 *   - number: 3
 *     scan:
 *       sha256: 9f2c…
 *       file: 9f/9f2c….png
 *       format: png
 *       width: 2480
 *       height: 3508
 *       bytes: 1843221
 *       source: scans/03.tif
 * ```
 */
export const scanSchema = z.object({
  /** SHA-256 of the stored master, hex. Names the file and every size or tile made from it. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  /** The master's path inside the scan store, `<first two hex digits>/<sha256>.<ext>`. */
  file: z.string().regex(/^[0-9a-f]{2}\/[0-9a-f]{64}\.(?:png|jpg|webp|tif)$/),
  /** The master's format. */
  format: z.enum(['png', 'jpg', 'webp', 'tif']),
  /** Pixel size of the master; every box of the page's items is in these pixels. */
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  /** Size of the master in bytes. */
  bytes: z.number().int().positive(),
  /** The file it was imported from, relative to the import folder (for the record). */
  source: z.string().min(1).optional(),
  /**
   * Set when the scan is not a photograph of the printed page but was rendered from its text
   * (the bundled sample: its scan was made with the eval:ocr machinery); says how.
   */
  synthetic: z.string().min(1).optional(),
});

export type Box = z.output<typeof boxSchema>;
export type Regions = z.output<typeof regionsSchema>;
export type Scan = z.output<typeof scanSchema>;
