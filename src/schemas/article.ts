import { z } from 'astro/zod';
import { personNameSchema } from './common.ts';
import { problemSchema } from './problem.ts';
import { regionsSchema } from './scan.ts';

/** What an item on a page is: a news article, or a photo with its caption (图片新闻). */
export const articleKindSchema = z.enum(['article', 'photo']);

/** A photo attached to an article, processed once at import (rotated, stripped, capped). */
export const articlePhotoSchema = z.object({
  /** File name next to the article's MDX file, e.g. `02-1.jpg`. */
  file: z.string().regex(/^[\w.-]+\.(?:jpe?g|png|webp|avif)$/i),
  /** Pixel size of the stored file. */
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  /** A tiny blurred preview as a `data:image/webp;base64,...` URL, shown while loading. */
  placeholder: z.string().startsWith('data:image/').optional(),
  /** SHA-256 of the stored file, hex; names the responsive sizes so caches stay valid. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});

/**
 * The front matter of an article's MDX file, `content/<paper>/<date>/<page>/<nn>.mdx`. The
 * body holds the text: the paragraphs of an article, or the caption of a photo item. The file's
 * path gives its paper, date, page and position; nothing here repeats them.
 */
export const articleSchema = z.object({
  kind: articleKindSchema,
  /** 引题: the short line above the title. */
  kicker: z.string().min(1).nullable().default(null),
  /** 主题: the main headline. Photo items often have none. */
  title: z.string().min(1).nullable().default(null),
  /** 副题: the explanatory line below the title. */
  subtitle: z.string().min(1).nullable().default(null),
  /** 栏目: a column banner the item was printed under, e.g. 我们的节日，春节. */
  column: z.string().min(1).nullable().default(null),
  /** 电头: 本报讯, 新华社北京2月5日电 ... */
  dateline: z.string().min(1).nullable().default(null),
  /** 记者 (including 特约记者, 实习生): the authors cited for the article. */
  reporters: z.array(personNameSchema).default([]),
  /** 通讯员. */
  correspondents: z.array(personNameSchema).default([]),
  /** 摄影: cited as the authors of a photo item. */
  photographers: z.array(personNameSchema).default([]),
  /** A photo credit line as printed, e.g. （记者 向婧 摄影报道）. */
  credit: z.string().min(1).nullable().default(null),
  /** A jump line found on the page, e.g. 下转第3版 or 上接第1版. */
  continuation: z.string().min(1).nullable().default(null),
  /** Photos shown with the item, in order. */
  photos: z.array(articlePhotoSchema).default([]),
  /** Suspicions found at import, kept for review; fix the text and delete the entry. */
  problems: z.array(problemSchema).default([]),
  /**
   * Where the item is printed on its page's scan (`issue.yml` names the scan): boxes in the
   * master's pixels, several when it jumps columns. Absent for pages imported from text only.
   */
  regions: regionsSchema.optional(),
  /** Where the text came from: the OCR file and its line range. */
  source: z
    .object({
      file: z.string().min(1),
      lines: z.tuple([z.number().int().min(1), z.number().int().min(1)]),
    })
    .optional(),
  /**
   * Checksum the import wrote of the file as it generated it. When the file no longer matches,
   * someone edited it by hand and a re-import will not overwrite it without `--force`.
   */
  importHash: z.string().regex(/^sha256-[0-9a-f]{64}$/).optional(),
});

export type ArticleFrontmatter = z.output<typeof articleSchema>;
export type ArticleKind = z.output<typeof articleKindSchema>;
export type ArticlePhoto = z.output<typeof articlePhotoSchema>;
