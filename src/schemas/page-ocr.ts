import { z } from 'astro/zod';

/**
 * A page scan's OCR as it was read, kept in the scan store beside the master
 * (`<aa>/<sha256>.ocr.json.gz`, src/io/scan-store.ts): the engine's own file (Tesseract's hOCR, or
 * the hOCR/ALTO delivered with the page) and where the image it read sits on the master. A
 * re-import of the page reads it instead of running Tesseract again, on any machine, and so
 * places the page's items exactly as the first import did (docs/0014).
 */
export const pageOcrSchema = z.object({
  /** The scan the file describes: its SHA-256, as in the page's `scan` in issue.yml. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  /** What read it, e.g. `tesseract 5.3.0 chi_sim hocr`. */
  engine: z.string().min(1),
  /** The file's format and its text, as the engine wrote it. */
  format: z.enum(['hocr', 'alto']),
  text: z.string().min(1),
  /**
   * The image the engine read, relative to the master (src/lib/ocr/frame.ts): its size and the
   * turn by which it was straightened (Tesseract reads the page deskewed).
   */
  frame: z.object({
    width: z.number().positive(),
    height: z.number().positive(),
    masterWidth: z.number().int().positive(),
    masterHeight: z.number().int().positive(),
    rotateDeg: z.number().min(-45).max(45),
  }),
});

export type PageOcr = z.output<typeof pageOcrSchema>;
