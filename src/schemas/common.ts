import { z } from 'astro/zod';

/**
 * First path segments of the site's own pages and files (src/pages, public/, the build's
 * folders), and `papers`, the folder of paper descriptions in `content/`. A paper slug is the
 * first segment of the paper's URLs and the name of its folder in `content/`, so it must not be
 * one of them.
 */
export const RESERVED_SLUGS = ['data', 'search', 'on-this-day', 'sitemaps', 'photos', 'scans', 'pagefind', '_astro', '404', 'papers'];

/**
 * A paper's slug: lowercase ASCII words joined by hyphens, e.g. `zunyi-daily`. It is the name
 * of `content/papers/<slug>.yml`, of the paper's folder in `content/` and the first segment of
 * its URLs; the importer and the site check it with this one rule.
 */
export const paperSlugSchema = z
  .string()
  .max(60, 'keep it under 60 characters, e.g. zunyi-daily')
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'use lowercase ASCII letters, digits and hyphens, e.g. zunyi-daily')
  .refine((slug) => !RESERVED_SLUGS.includes(slug), {
    message: `the site uses this path itself (reserved: ${RESERVED_SLUGS.join(', ')}); choose another slug, e.g. zunyi-daily`,
  });

/**
 * A path named in an import folder's files (`file:`, `photos:` in issue.yml), relative to that
 * folder, with `/` between folders: no absolute path, no `..` out of the folder, no control
 * characters. (Symbolic links are resolved and checked where the files are read.)
 */
export const relativePathSchema = z
  .string()
  .min(1)
  .max(255)
  .refine((path) => !/[\u0000-\u001f\u007f]/u.test(path), 'holds a control character (a NUL byte, a line break); write the plain file name')
  .refine((path) => !/^(?:[/\\]|[A-Za-z]:)/u.test(path), 'is an absolute path; write the path relative to the issue folder, e.g. 03.txt or photos/03')
  .refine((path) => !path.split(/[/\\]/u).includes('..'), 'goes up out of the issue folder (..); put the file inside the folder and name it relative to it');

/** A file name in the same folder (photos.yml `file:`): no folders, no control characters. */
export const fileNameSchema = z
  .string()
  .min(1)
  .max(255)
  .refine((name) => !/[\u0000-\u001f\u007f]/u.test(name), 'holds a control character (a NUL byte, a line break); write the plain file name')
  .refine((name) => !/[/\\]/u.test(name) && name !== '.' && name !== '..', 'names a path; write the name of a file in this folder, e.g. DSC_0412.jpg');

/**
 * A calendar date written as `YYYY-MM-DD` that exists (2023-02-30 is refused). YAML 1.1
 * parsers (Astro's) read an unquoted 2023-01-17 as a timestamp; it is turned back into the date.
 */
export const isoDateSchema = z.preprocess(
  (value) => (value instanceof Date && !Number.isNaN(value.getTime()) ? value.toISOString().slice(0, 10) : value),
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'write the date as YYYY-MM-DD, e.g. 2023-01-17')
    .refine(isRealDate, 'this date does not exist in the calendar'),
);

/** A person's name as printed in a byline or credit, e.g. 张婷 or 阿依古丽·买买提. */
export const personNameSchema = z.string().min(1).max(40);

export function isRealDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}
