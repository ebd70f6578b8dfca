import { z } from 'astro/zod';
import { isoDateSchema, paperSlugSchema, personNameSchema } from './common.ts';
import { articleKindSchema } from './article.ts';
import { pageCreditSchema } from './page.ts';
import { problemSchema } from './problem.ts';
import { regionsSchema } from './scan.ts';

/**
 * What the importer reads on one OCR'd page: the contract of `npm run import -- --json`.
 * Parsing never fails on odd text; it reports problems instead.
 */
export const parsedItemSchema = z.object({
  /** Stable ASCII id and URL path, e.g. `zunyi-daily/2023-01-17/03/01`. */
  id: z.string().regex(/^[a-z0-9-]+\/\d{4}-\d{2}-\d{2}\/\d{2,3}\/\d{2,3}$/),
  kind: articleKindSchema,
  kicker: z.string().nullable(),
  title: z.string().nullable(),
  subtitle: z.string().nullable(),
  column: z.string().nullable(),
  dateline: z.string().nullable(),
  reporters: z.array(personNameSchema),
  correspondents: z.array(personNameSchema),
  photographers: z.array(personNameSchema),
  /** Body paragraphs of an article; empty for a photo item. */
  paragraphs: z.array(z.string()),
  /** A photo item's whole caption; null for an article. */
  caption: z.string().nullable(),
  credit: z.string().nullable(),
  continuation: z.string().nullable(),
  problems: z.array(problemSchema),
  /** First and last OCR line of the item. */
  lines: z.tuple([z.number().int().min(1), z.number().int().min(1)]),
  /**
   * Where the item is printed on the page's scan, in the master's pixels (`--json` of a page
   * imported with a scan); absent when not known. The parser itself never sets it.
   */
  regions: regionsSchema.optional(),
});

/** Text on the page that belongs to no item (a lone label from an advertisement). */
export const unassignedTextSchema = z.object({
  text: z.string(),
  line: z.number().int().min(1),
});

export const parsedPageSchema = z.object({
  paper: paperSlugSchema,
  date: isoDateSchema,
  page: z.number().int().min(1),
  pageName: z.string().nullable(),
  /** People credited in the page header (责任编辑 ...). */
  credits: z.array(pageCreditSchema),
  articles: z.array(parsedItemSchema),
  unassigned: z.array(unassignedTextSchema),
  /** Page-level problems (header, decoding, leftovers). */
  problems: z.array(problemSchema),
});

export type ParsedItem = z.output<typeof parsedItemSchema>;
export type ParsedPage = z.output<typeof parsedPageSchema>;
export type UnassignedText = z.output<typeof unassignedTextSchema>;
