import { z } from 'astro/zod';

/**
 * A newspaper, described once in `content/papers/<slug>.yml`; the file name is the slug.
 *
 * ```yaml
 * name: 遵义日报
 * place: 贵州省遵义市
 * cn: CN 52-0015
 * script: simplified     # optional; traditional for a paper printed in 繁體 (its scans are read with chi_tra)
 * rights:                # optional; the defaults name the publisher (src/lib/provenance.ts)
 *   text: 文字版权归遵义日报社所有……
 *   photos: 图片版权归摄影者和遵义日报社所有……
 * original:              # optional: where readers can see the printed paper
 *   where: 遵义市图书馆报刊阅览室（合订本）
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
  /**
   * The characters the paper is printed in: `simplified` (default) or `traditional`. Scans are
   * read by Tesseract with that script's model alone (`chi_sim` or `chi_tra`): the two together
   * misread simplified pages six times as often (docs/0001-ocr-engine-settings.md). An issue
   * folder's issue.yml can say otherwise for one issue (`script:`).
   */
  script: z.enum(['simplified', 'traditional']).optional(),
  /** The publisher, e.g. 遵义日报社. */
  publisher: z.string().optional(),
  /** One or two sentences for the paper's page. */
  description: z.string().optional(),
  /**
   * The rights in what the archive shows of this paper, stated on every article and on the data
   * page. Each part is optional: by default the text and the photos are in copyright of the
   * publisher (and the photographers), for study and research use (src/lib/provenance.ts).
   */
  rights: z
    .object({
      /** The rights in the text, e.g. 文字版权归遵义日报社所有，仅供研究和个人学习使用。 */
      text: z.string().min(1).optional(),
      /** The rights in the photos. */
      photos: z.string().min(1).optional(),
      /**
       * A rights statement URI for machines, e.g. http://rightsstatements.org/vocab/InC-EDU/1.0/
       * (default: In Copyright, http://rightsstatements.org/vocab/InC/1.0/).
       */
      uri: z.url().optional(),
    })
    .optional(),
  /**
   * Where readers can consult the printed original (a library's holdings, the publisher's
   * archive), said in the footer of the paper's pages until a page has its scan.
   */
  original: z
    .object({
      /** The place, in words: 遵义市图书馆报刊阅览室（1985 年以来合订本）. */
      where: z.string().min(1),
      /** A page about it (a catalogue record, opening hours). */
      url: z.url().optional(),
    })
    .optional(),
});

export type Paper = z.output<typeof paperSchema>;
