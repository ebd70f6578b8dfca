import { z } from 'astro/zod';

/**
 * A newspaper, described once in `content/papers/<slug>.yml`; the file name is the slug.
 *
 * ```yaml
 * name: 遵义日报
 * place: 贵州省遵义市
 * cn: CN 52-0015
 * ```
 */
export const paperSchema = z.object({
  /** The paper's printed name, e.g. 遵义日报. */
  name: z.string().min(1),
  /** Where it is published, e.g. 贵州省遵义市. */
  place: z.string().min(1),
  /** Domestic serial number (国内统一连续出版物号), e.g. `CN 52-0015`. */
  cn: z
    .string()
    .regex(/^CN ?\d{2}-\d{4}(?:\/[A-Z0-9]+)?$/, 'write the CN number as `CN 52-0015`')
    .optional(),
  /** International Standard Serial Number, e.g. `1234-5678`. */
  issn: z
    .string()
    .regex(/^\d{4}-\d{3}[\dX]$/, 'write the ISSN as `1234-5678`')
    .optional(),
  /** The publisher, e.g. 遵义日报社. */
  publisher: z.string().optional(),
  /** One or two sentences for the paper's page. */
  description: z.string().optional(),
});

export type Paper = z.output<typeof paperSchema>;
