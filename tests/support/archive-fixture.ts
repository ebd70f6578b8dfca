import { parseArticleId } from '../../src/lib/ids.ts';
import type { Archive, ArticleEntry, ArticleRef, IssueRef, PaperRef } from '../../src/lib/archive.ts';
import { paths } from '../../src/lib/paths.ts';
import { articleSchema } from '../../src/schemas/article.ts';
import { issueSchema } from '../../src/schemas/issue.ts';
import { pageSchema } from '../../src/schemas/page.ts';
import { paperSchema } from '../../src/schemas/paper.ts';

/**
 * An archive held in memory, as src/lib/archive.ts builds it from the content collections,
 * for unit tests of what the site makes of it. One paper; articles by id, each with its data
 * (checked by the article schema), MDX body and, optionally, the loader's digest.
 */
export interface ArticleSpec {
  id: string;
  data: Record<string, unknown>;
  body: string;
  digest?: string;
}

export interface ArchiveSpec {
  paper?: Record<string, unknown>;
  /** Page names by issue date and page number; pages that hold articles are listed anyway. */
  pages?: Record<string, Record<number, string | null>>;
  /** Page scans (src/schemas/scan.ts) by issue date and page number. */
  scans?: Record<string, Record<number, Record<string, unknown>>>;
  articles: ArticleSpec[];
}

export function archiveOf(spec: ArchiveSpec): Archive {
  const slug = 'zunyi-daily';
  const articles: ArticleRef[] = spec.articles
    .map(({ id, data, body, digest }) => ({
      key: parseArticleId(id)!,
      entry: { id, collection: 'articles', data: articleSchema.parse(data), body, digest } as unknown as ArticleEntry,
      url: paths.article(id),
    }))
    .sort((a, b) => a.key.date.localeCompare(b.key.date) || a.key.page - b.key.page || a.key.seq - b.key.seq);
  const dates = [...new Set(articles.map((a) => a.key.date).concat(Object.keys(spec.pages ?? {})))].sort();
  const issues: IssueRef[] = dates.map((date) => {
    const names = spec.pages?.[date] ?? {};
    const numbers = [...new Set([...Object.keys(names).map(Number), ...articles.filter((a) => a.key.date === date).map((a) => a.key.page)])].sort((a, b) => a - b);
    const pages = numbers.map((number) => ({
      page: pageSchema.parse({ number, name: names[number] ?? null, scan: spec.scans?.[date]?.[number] }),
      articles: articles.filter((a) => a.key.date === date && a.key.page === number),
      url: paths.page(slug, date, number),
    }));
    return {
      paper: slug,
      date,
      data: issueSchema.parse({ paper: slug, date, pages: numbers.map((number) => ({ number, name: names[number] ?? null, scan: spec.scans?.[date]?.[number] })) }),
      pages,
      url: paths.issue(slug, date),
    };
  });
  const paper: PaperRef = {
    slug,
    data: paperSchema.parse({ name: '遵义日报', place: '贵州省遵义市', cn: 'CN 52-0015', ...spec.paper }),
    issues,
    url: paths.paper(slug),
  };
  return {
    papers: [paper],
    paper: (s) => (s === slug ? paper : undefined),
    issue: (p, d) => (p === slug ? issues.find((issue) => issue.date === d) : undefined),
    articles,
  };
}
