import { z } from 'astro/zod';

/** A paper's slug: lowercase ASCII words joined by hyphens, e.g. `zunyi-daily`. */
export const paperSlugSchema = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'use lowercase ASCII letters, digits and hyphens, e.g. zunyi-daily');

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
