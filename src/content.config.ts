import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { articleSchema } from './schemas/article.ts';
import { issueSchema } from './schemas/issue.ts';
import { paperSchema } from './schemas/paper.ts';
import { contentDir } from './lib/content-dir.ts';
import { listIssues } from './io/list-issues.ts';
import { mdxArticles } from './loaders/mdx-articles.ts';
import { issuesToLoad, parseShard } from './lib/shard-plan.ts';

/**
 * The archive lives in `content/` (or ARCHIVE_CONTENT_DIR, used by tests and benchmarks):
 *
 *   papers/<paper>.yml                     a paper
 *   <paper>/<date>/issue.yml               an issue and its pages
 *   <paper>/<date>/<page>/<nn>.mdx         an article or photo item; id = <paper>/<date>/<page>/<nn>
 *
 * Articles are MDX. The mdxArticles loader renders those that use no MDX feature at sync time and
 * keeps the HTML in the content store (src/loaders/mdx-articles.ts, "Design notes" in the
 * README); ARCHIVE_ARTICLE_RENDER=mdx compiles every file with @astrojs/mdx instead, for
 * comparison. ARCHIVE_SHARD builds one shard of the archive (src/lib/shard-plan.ts).
 */
const base = contentDir();
const shard = parseShard(process.env.ARCHIVE_SHARD);
// A shard build loads the articles of the issues it renders and of their neighbours (previous
// and next links); the index build loads every article's data, without rendering the bodies
// and with the text of untitled items only (their headlines), for the archive-wide pages and files
// (totals, headlines, sitemaps, 历史上的今天; the corpus is made from the shards' parts). Every build loads every
// issue.yml: calendars shade each day against the paper's fullest issue and its weekdays.
const loaded = shard?.kind === 'articles' ? issuesToLoad(shard, listIssues(base)) : null;
const issueOf = (id: string) => id.split('/').slice(0, 2).join('/');

const papers = defineCollection({
  loader: glob({ pattern: '*.yml', base: `${base}/papers`, generateId: ({ entry }) => entry.replace(/\.yml$/, '') }),
  schema: paperSchema,
});

const issues = defineCollection({
  loader: glob({
    pattern: '*/*/issue.yml',
    base,
    generateId: ({ entry }) => entry.replace(/\/issue\.yml$/, ''),
  }),
  schema: issueSchema,
});

const ARTICLE_FILE = /^(?!\.)[^/]+\/(?!\.)[^/]+\/(?!\.)[^/]+\/(?!\.)[^/]+\.mdx$/;
const articleId = (entry: string) => entry.replace(/\.mdx$/, '');

const articles = defineCollection({
  loader:
    process.env.ARCHIVE_ARTICLE_RENDER === 'mdx'
      ? glob({ pattern: '*/*/*/*.mdx', base, generateId: ({ entry }) => articleId(entry) })
      : mdxArticles({
          base,
          pattern: ARTICLE_FILE,
          generateId: articleId,
          ...(loaded ? { include: (id: string) => loaded.has(issueOf(id)) } : {}),
          render: shard?.kind !== 'index',
        }),
  schema: articleSchema,
});

export const collections = { papers, issues, articles };
