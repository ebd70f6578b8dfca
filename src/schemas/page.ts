import { z } from 'astro/zod';
import { scanSchema } from './scan.ts';

/** One person's role in producing a page, as printed in its header: 责任编辑 李明. */
export const pageCreditSchema = z.object({
  /** The role as printed, e.g. 责任编辑, 校对, 美编. */
  role: z.string().min(1),
  /** The names printed after it. */
  names: z.array(z.string().min(1)),
});

/** A printed page (版面) of an issue. Pages are listed in their issue's `issue.yml`. */
export const pageSchema = z.object({
  /** 版次: the page number within the issue, 1-based. */
  number: z.number().int().min(1).max(999),
  /** 版名: the page's section name, e.g. 文明实践 or 要闻; null when unknown. */
  name: z.string().min(1).nullable().default(null),
  /** People credited in the page header (责任编辑, 校对 ...). */
  credits: z.array(pageCreditSchema).default([]),
  /** The OCR file this page was imported from, relative to the import folder. */
  source: z.string().optional(),
  /** The page's scan in the scan store, when the page was imported from (or with) a scan. */
  scan: scanSchema.optional(),
});

export type Page = z.output<typeof pageSchema>;

/**
 * A check for a list of pages: each page number once. The second listing of a number is the
 * issue, at its own place in the file (`pages.3.number`), so that the message can point at it.
 */
export function eachPageOnce(pages: ReadonlyArray<{ number: number }>, context: z.RefinementCtx): void {
  const first = new Map<number, number>();
  pages.forEach((page, index) => {
    const earlier = first.get(page.number);
    if (earlier === undefined) {
      first.set(page.number, index);
      return;
    }
    context.addIssue({
      code: 'custom',
      path: [index, 'number'],
      message: `page ${page.number} is listed twice (entries ${earlier + 1} and ${index + 1} of \`pages:\`); list each page once and remove or renumber the other`,
    });
  });
}
