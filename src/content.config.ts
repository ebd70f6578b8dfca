import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { articleSchema } from './schemas/article.ts';
import { issueSchema } from './schemas/issue.ts';
import { paperSchema } from './schemas/paper.ts';
import { contentDir } from './lib/content-dir.ts';
import { listIssues } from './loaders/list-issues.ts';
import { mdxArticles } from './loaders/mdx-articles.ts';
import { issuesToLoad, parseShard } from './loaders/shard.ts';

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
 * comparison. ARCHIVE_SHARD builds one shard of the archive (src/loaders/shard.ts).
 */
const base = contentDir();
const shard = parseShard(process.env.ARCHIVE_SHARD);
// a shard build loads the issues it renders and their neighbours; the index build every issue
// (paper calendars) but only the articles of the latest ones (home page)
const loaded = shard ? issuesToLoad(shard, listIssues(base)) : null;
const issueOf = (id: string) => id.split('/').slice(0, 2).join('/');

const papers = defineCollection({
  loader: glob({ pattern: '*.yml', base: `${base}/papers`, generateId: ({ entry }) => entry.replace(/\.yml$/, '') }),
  schema: paperSchema,
});

const issues = defineCollection({
  loader: glob({
    pattern: loaded && shard?.kind === 'articles' ? [...loaded].map((key) => `${key}/issue.yml`) : '*/*/issue.yml',
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
      : mdxArticles({ base, pattern: ARTICLE_FILE, generateId: articleId, ...(loaded ? { include: (id: string) => loaded.has(issueOf(id)) } : {}) }),
  schema: articleSchema,
});

export const collections = { papers, issues, articles };
