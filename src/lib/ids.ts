/**
 * Stable, readable ASCII identifiers. An article's id is also its URL path and its file path:
 * `zunyi-daily/2023-01-17/03/01` is article 1 in reading order on page 3. Never derived from the
 * headline, so a corrected headline never breaks a citation.
 */
export function pad(value: number): string {
  return String(value).padStart(2, '0');
}

export function articleId(paper: string, date: string, page: number, seq: number): string {
  return `${paper}/${date}/${pad(page)}/${pad(seq)}`;
}

export interface ArticleKey {
  paper: string;
  date: string;
  page: number;
  seq: number;
}

const ARTICLE_ID = /^([a-z0-9-]+)\/(\d{4}-\d{2}-\d{2})\/(\d{2,3})\/(\d{2,3})$/;

/** The parts of an article id, or null when it is not one. */
export function parseArticleId(id: string): ArticleKey | null {
  const match = ARTICLE_ID.exec(id);
  if (!match) return null;
  return { paper: match[1]!, date: match[2]!, page: Number(match[3]), seq: Number(match[4]) };
}

/** Paths relative to the content folder. */
export const contentPaths = {
  paper: (paper: string) => `papers/${paper}.yml`,
  issue: (paper: string, date: string) => `${paper}/${date}/issue.yml`,
  pageDir: (paper: string, date: string, page: number) => `${paper}/${date}/${pad(page)}`,
  article: (id: string) => `${id}.mdx`,
  photo: (id: string, index: number, ext: string) => `${id}-${index}.${ext}`,
};
