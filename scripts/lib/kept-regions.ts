import { parse as parseYaml } from 'yaml';
import { articleSchema } from '../../src/schemas/article.ts';
import { issueSchema } from '../../src/schemas/issue.ts';
import type { ParsedItem } from '../../src/schemas/parsed-page.ts';
import type { Regions, Scan } from '../../src/schemas/scan.ts';
import { bodyOf, frontmatterOf } from './import-plan.ts';
import { articleToMdx, isHandEdited } from './to-mdx.ts';

/**
 * Regions an item already has, kept on a re-import. When a page's articles come from its text
 * and only their places come from the scan (OCR aligned to the text, src/lib/ocr/align.ts), an
 * item that the import would write exactly as it is, on the same scan, keeps the regions it has:
 * a re-import runs no OCR for it, another Tesseract version does not move its boxes, and
 * regions from a better source than OCR (the sample's, drawn where its text was rendered) stay.
 * Changed items, a new scan, or an OCR file given with the page make them anew.
 */

/** The scan the archive records for a page, from the issue's issue.yml; null when none. */
export function recordedScan(issueYaml: string | null, page: number): Scan | null {
  if (issueYaml === null) return null;
  try {
    const parsed = issueSchema.safeParse(parseYaml(issueYaml));
    return parsed.success ? (parsed.data.pages.find((p) => p.number === page)?.scan ?? null) : null;
  } catch {
    return null;
  }
}

/**
 * The regions of the article file `existing` when the import of `item` from `sourceFile` would
 * write that very file with them, apart from its list of problems (the file as the import wrote
 * it: not edited by hand since). Problems are the parser's suspicions, not the item's text: a
 * parser that words them differently does not move the item on its page.
 */
export function keptRegions(item: ParsedItem, sourceFile: string, existing: string | null): Regions | null {
  if (existing === null || isHandEdited(existing)) return null;
  const yaml = /^---\n([\s\S]*?\n)---\n/u.exec(existing)?.[1];
  if (!yaml) return null;
  let front;
  try {
    const parsed = articleSchema.safeParse(parseYaml(yaml));
    if (!parsed.success) return null;
    front = parsed.data;
  } catch {
    return null;
  }
  if (!front.regions || front.regions.length === 0) return null;
  const again = articleToMdx({ ...frontmatterOf(item, front.photos, sourceFile, front.regions), problems: front.problems }, bodyOf(item));
  return again === existing ? front.regions : null;
}
