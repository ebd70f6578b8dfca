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
 * script: traditional   # optional: this issue's script, when it differs from the paper's
 * pages:
 *   - number: 3
 *     name: 文明实践
 *     file: 03.txt        # default: 03.txt when it exists
 *     scan: scans/03.jpg  # default: scans/03.jpg (.jpeg, .png, .tif, .tiff, .webp, .pdf) when it exists
 *     ocr: scans/03.hocr  # default: 03.hocr, 03.xml, scans/03.hocr or scans/03.xml when one exists
 *     photos: photos/03   # default: photos/03 when that folder exists
 * ```
 *
 * A page needs its text, its scan or its OCR file: with text, the text is the source of the
 * articles and the scan (with its OCR file, or read by Tesseract) says where they sit; with a
 * scan alone the importer reads it with Tesseract; with an OCR file (hOCR or ALTO), its text and
 * boxes are used.
 */
export const importPageSchema = pageSchema.extend({
  /** The OCR text file, relative to the folder (inside it). Defaults to `NN.txt` when it exists. */
  file: relativePathSchema.optional(),
  /**
   * The page's scan (JPEG, PNG, TIFF, WebP, or a PDF of one page: its image is taken out, or it
   * is rendered, with Poppler), relative to the folder. Defaults to `scans/NN.<ext>` when one exists.
   */
  scan: relativePathSchema.optional(),
  /**
   * The page's positioned OCR, hOCR or ALTO XML (v2-v4) from any engine, relative to the folder.
   * Defaults to `NN.hocr`, `NN.xml`, `scans/NN.hocr` or `scans/NN.xml` when one exists.
   */
  ocr: relativePathSchema.optional(),
  /**
   * Set when the scan is not a photograph of the print but was rendered from the page's text:
   * says how. Recorded with the scan in the archive's issue.yml.
   */
  synthetic: z.string().min(1).optional(),
  /** A folder of photos for this page, relative to the folder (inside it). */
  photos: relativePathSchema.optional(),
});

export const importManifestSchema = issueSchema.extend({
  /** The script this issue is printed in, when it differs from the paper's (`script:` in papers/<slug>.yml). */
  script: z.enum(['simplified', 'traditional']).optional(),
  pages: z
    .array(importPageSchema)
    .min(1, 'list at least one page under `pages:`')
    .superRefine(eachPageOnce),
});

export type ImportManifest = z.output<typeof importManifestSchema>;
export type ImportPage = z.output<typeof importPageSchema>;
