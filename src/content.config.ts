import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { articleSchema, type ArticleFrontmatter } from './schemas/article.ts';
import { issueSchema } from './schemas/issue.ts';
import { paperSchema } from './schemas/paper.ts';
import { contentDir } from './lib/content-dir.ts';
import { articlePathProblem, issueFolderProblem, paperSlugProblem } from './lib/content-names.ts';
import { listIssues } from './io/list-issues.ts';
import { loadReport } from './loaders/load-report.ts';
import { mdxArticles } from './loaders/mdx-articles.ts';
import { yamlFiles } from './loaders/yaml-files.ts';
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
 *
 * The loaders refuse what the site cannot publish, each file with its line and the fix, all in
 * one build (src/loaders/load-report.ts): YAML or front matter that is invalid or does not fit
 * its schema, names the site does not accept (src/lib/content-names.ts), an issue.yml in the
 * wrong folder, a page listed twice, a photo named in front matter but missing.
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

const compileEveryArticle = process.env.ARCHIVE_ARTICLE_RENDER === 'mdx';
const report = loadReport(compileEveryArticle ? ['papers', 'issues'] : ['papers', 'issues', 'articles']);

const papers = defineCollection({
  loader: yamlFiles({
    base: `${base}/papers`,
    pattern: /^(?!\.)[^/]+\.yml$/,
    depth: 1,
    generateId: (entry) => entry.replace(/\.yml$/, ''),
    schema: paperSchema,
    check: (slug) => {
      const problem = paperSlugProblem(slug);
      return problem && { message: `the file name ${problem.message}`, hint: `rename the file and the paper's folder; ${problem.hint}` };
    },
    hint: 'see src/schemas/paper.ts for the fields',
    report,
  }),
  schema: paperSchema,
});

const issues = defineCollection({
  loader: yamlFiles({
    base,
    pattern: /^(?!\.)[^/]+\/(?!\.)[^/]+\/issue\.yml$/,
    depth: 3,
    generateId: (entry) => entry.replace(/\/issue\.yml$/, ''),
    schema: issueSchema,
    check: issueFolderProblem,
    hint: 'see src/schemas/issue.ts for the fields, or import the issue again',
    report,
  }),
  schema: issueSchema,
});

/** Every .mdx file outside hidden folders: those the site does not accept are reported, not skipped. */
const MDX_FILE = /^(?:(?!\.)[^/]+\/)*(?!\.)[^/]+\.mdx$/;
const articleId = (entry: string) => entry.replace(/\.mdx$/, '');

const articles = defineCollection({
  loader: compileEveryArticle
    ? glob({ pattern: '*/*/*/*.mdx', base, generateId: ({ entry }) => articleId(entry) })
    : mdxArticles({
        base,
        pattern: MDX_FILE,
        generateId: articleId,
        ...(loaded ? { include: (id: string) => loaded.has(issueOf(id)) } : {}),
        render: shard?.kind !== 'index',
        schema: articleSchema,
        checkPath: articlePathProblem,
        files: (data) => ((data as ArticleFrontmatter).photos ?? []).map((photo, index) => ({ file: photo.file, at: ['photos', index, 'file'] })),
        report,
      }),
  schema: articleSchema,
});

export const collections = { papers, issues, articles };
