import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { articleSchema } from './schemas/article.ts';
import { issueSchema } from './schemas/issue.ts';
import { paperSchema } from './schemas/paper.ts';
import { contentDir } from './lib/content-dir.ts';

/**
 * The archive lives in `content/` (or ARCHIVE_CONTENT_DIR, used by tests and benchmarks):
 *
 *   papers/<paper>.yml                     a paper
 *   <paper>/<date>/issue.yml               an issue and its pages
 *   <paper>/<date>/<page>/<nn>.mdx         an article or photo item; id = <paper>/<date>/<page>/<nn>
 */
const base = contentDir();

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

const articles = defineCollection({
  loader: glob({
    pattern: '*/*/*/*.mdx',
    base,
    generateId: ({ entry }) => entry.replace(/\.mdx$/, ''),
  }),
  schema: articleSchema,
});

export const collections = { papers, issues, articles };
