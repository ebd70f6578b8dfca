import { z } from 'astro/zod';
import { boxSchema } from './scan.ts';

/**
 * One word as the OCR engine boxed it. For Chinese a "word" is what the engine printed between
 * spaces: often one character, sometimes a run of them. `chars`, when the engine gives them
 * (Tesseract's `hocr_char_boxes`, ALTO `Glyph`, or a page rendered from known text), holds one
 * box per character of `text`, in order; without them a character's box is its share of the word.
 */
export const pageWordSchema = z
  .object({
    /** The word as read, without spaces. */
    text: z.string().min(1),
    /** The word's box in the master's pixels. */
    box: boxSchema,
    /** One box per character (Unicode code point) of `text`, when known. */
    chars: z.array(boxSchema).optional(),
    /** The engine's confidence, 0-100, when it gives one. */
    confidence: z.number().min(0).max(100).optional(),
  })
  .refine((word) => word.chars === undefined || word.chars.length === [...word.text].length, {
    message: 'chars must hold one box per character of text',
    path: ['chars'],
  });

/** A printed line: its box and its words in reading order (left to right). */
export const pageLineSchema = z.object({
  box: boxSchema,
  words: z.array(pageWordSchema).min(1),
});

/**
 * The words of one page scan with their boxes, for marking search hits on the page image.
 * Kept in the scan store next to the master, named by the scan's SHA-256
 * (`<aa>/<sha256>.words.json.gz`, src/io/scan-store.ts); the importer writes it from the OCR's
 * hOCR or ALTO. Every box lies inside the scan (`width` x `height`).
 */
export const pageWordsSchema = z
  .object({
    /** The scan these words were read from: its SHA-256, as in the page's `scan` in issue.yml. */
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    /** Pixel size of the scan's master, the space of every box. */
    width: z.number().int().positive(),
    height: z.number().int().positive(),
    /** What read the words, e.g. `tesseract 5.3.0 chi_sim hocr`, or `rendered` for a page made from its text. */
    engine: z.string().min(1),
    /** The page's lines in reading order. */
    lines: z.array(pageLineSchema),
  })
  .superRefine((page, ctx) => {
    const outside = (box: { x: number; y: number; w: number; h: number }) => box.x + box.w > page.width || box.y + box.h > page.height;
    page.lines.forEach((line, l) => {
      if (outside(line.box)) ctx.addIssue({ code: 'custom', path: ['lines', l, 'box'], message: `the line's box reaches outside the ${page.width}x${page.height} scan` });
      line.words.forEach((word, w) => {
        if (outside(word.box)) ctx.addIssue({ code: 'custom', path: ['lines', l, 'words', w, 'box'], message: `the box of "${word.text}" reaches outside the ${page.width}x${page.height} scan` });
      });
    });
  });

export type PageWord = z.output<typeof pageWordSchema>;
export type PageLine = z.output<typeof pageLineSchema>;
export type PageWords = z.output<typeof pageWordsSchema>;
