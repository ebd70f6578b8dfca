import { getCollection, type CollectionEntry } from 'astro:content';
import { parseArticleId, type ArticleKey } from './ids.ts';
import type { Issue } from '../schemas/issue.ts';
import type { Paper } from '../schemas/paper.ts';
import type { Page } from '../schemas/page.ts';
import { paths } from './paths.ts';

/**
 * The archive as the site sees it: papers, their issues, each issue's pages and each page's
 * items in reading order. Loaded once per build.
 */
export type ArticleEntry = CollectionEntry<'articles'>;

export interface ArticleRef {
  entry: ArticleEntry;
  key: ArticleKey;
  url: string;
}

export interface PageRef {
  page: Page;
  articles: ArticleRef[];
  url: string;
}

export interface IssueRef {
  paper: string;
  date: string;
  data: Issue;
  pages: PageRef[];
  url: string;
}

export interface PaperRef {
  slug: string;
  data: Paper;
  /** Issues, oldest first. */
  issues: IssueRef[];
  url: string;
}

export interface Archive {
  papers: PaperRef[];
  paper(slug: string): PaperRef | undefined;
  issue(paper: string, date: string): IssueRef | undefined;
  /** All articles in archive order: paper, date, page, position. */
  articles: ArticleRef[];
}

let cached: Promise<Archive> | null = null;

export function loadArchive(): Promise<Archive> {
  cached ??= build();
  return cached;
}

async function build(): Promise<Archive> {
  const [paperEntries, issueEntries, articleEntries] = await Promise.all([
    getCollection('papers'),
    getCollection('issues'),
    getCollection('articles'),
  ]);

  const articlesByPage = new Map<string, ArticleRef[]>();
  const articles: ArticleRef[] = [];
  for (const entry of articleEntries) {
    const key = parseArticleId(entry.id);
    if (!key) throw new Error(`[archive] ${entry.filePath ?? entry.id}: an article must live at <paper>/<YYYY-MM-DD>/<page>/<nn>.mdx`);
    const ref = { entry, key, url: paths.article(entry.id) };
    articles.push(ref);
    const pageKey = `${key.paper}/${key.date}/${key.page}`;
    articlesByPage.set(pageKey, [...(articlesByPage.get(pageKey) ?? []), ref]);
  }
  articles.sort(compareArticles);
  for (const list of articlesByPage.values()) list.sort(compareArticles);

  const issuesByPaper = new Map<string, IssueRef[]>();
  const issueIndex = new Map<string, IssueRef>();
  for (const entry of issueEntries) {
    const { paper, date } = entry.data;
    if (entry.id !== `${paper}/${date}`) {
      throw new Error(`[archive] ${entry.filePath ?? entry.id}: issue.yml says ${paper} ${date} but lives in ${entry.id}; move it or fix the fields`);
    }
    const pageNumbers = new Set(entry.data.pages.map((p) => p.number));
    // pages that hold articles but are missing from issue.yml still get listed
    for (const key of articlesByPage.keys()) {
      const [p, d, n] = key.split('/');
      if (p === paper && d === date && !pageNumbers.has(Number(n))) {
        entry.data.pages.push({ number: Number(n), name: null, credits: [] });
        pageNumbers.add(Number(n));
      }
    }
    const pages = [...entry.data.pages]
      .sort((a, b) => a.number - b.number)
      .map((page) => ({
        page,
        articles: articlesByPage.get(`${paper}/${date}/${page.number}`) ?? [],
        url: paths.page(paper, date, page.number),
      }));
    const ref: IssueRef = { paper, date, data: entry.data, pages, url: paths.issue(paper, date) };
    issueIndex.set(`${paper}/${date}`, ref);
    issuesByPaper.set(paper, [...(issuesByPaper.get(paper) ?? []), ref]);
  }
  for (const article of articles) {
    if (!issueIndex.has(`${article.key.paper}/${article.key.date}`)) {
      throw new Error(`[archive] ${article.entry.filePath ?? article.entry.id}: no issue.yml for ${article.key.paper} ${article.key.date}; import the page again or write the issue.yml`);
    }
  }

  const papers: PaperRef[] = paperEntries
    .map((entry) => ({
      slug: entry.id,
      data: entry.data,
      issues: (issuesByPaper.get(entry.id) ?? []).sort((a, b) => a.date.localeCompare(b.date)),
      url: paths.paper(entry.id),
    }))
    .sort((a, b) => a.slug.localeCompare(b.slug));
  for (const paper of issuesByPaper.keys()) {
    if (!papers.some((p) => p.slug === paper)) throw new Error(`[archive] issues of "${paper}" exist but content/papers/${paper}.yml does not; describe the paper there`);
  }
  const paperIndex = new Map(papers.map((p) => [p.slug, p]));
  return {
    papers,
    paper: (slug) => paperIndex.get(slug),
    issue: (paper, date) => issueIndex.get(`${paper}/${date}`),
    articles,
  };
}

function compareArticles(a: ArticleRef, b: ArticleRef): number {
  return a.key.paper.localeCompare(b.key.paper) || a.key.date.localeCompare(b.key.date) || a.key.page - b.key.page || a.key.seq - b.key.seq;
}
