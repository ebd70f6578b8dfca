import type { Archive } from './archive.ts';
import { articleView } from './article-view.ts';

/**
 * 历史上的今天: the issues the archive holds of one month and day (MM-DD), across the years,
 * each with a few of its articles. The home page shows the ones before the reader's own year;
 * which day is "today" is decided in the reader's browser, since a static page outlives its build.
 */
export interface DayIssue {
  year: number;
  date: string;
  paper: string;
  paperName: string;
  url: string;
  articles: Array<{ headline: string; url: string; kind: 'article' | 'photo'; page: number }>;
}

export interface DayFile {
  /** MM-DD */
  day: string;
  /** Newest first. */
  issues: DayIssue[];
}

/** Articles shown per issue: titled articles first, in page and reading order. */
export const ARTICLES_PER_ISSUE = 3;

export function onThisDay(archive: Archive): Map<string, DayFile> {
  const days = new Map<string, DayFile>();
  for (const paper of archive.papers) {
    for (const issue of paper.issues) {
      const day = issue.date.slice(5);
      const refs = issue.pages.flatMap((page) => page.articles);
      const picked = [...refs.filter((ref) => ref.entry.data.title !== null), ...refs.filter((ref) => ref.entry.data.title === null)].slice(0, ARTICLES_PER_ISSUE);
      const entry: DayIssue = {
        year: Number(issue.date.slice(0, 4)),
        date: issue.date,
        paper: paper.slug,
        paperName: paper.data.name,
        url: issue.url,
        articles: picked.map((ref) => ({ headline: articleView(archive, ref).headline, url: ref.url, kind: ref.entry.data.kind, page: ref.key.page })),
      };
      const file = days.get(day) ?? { day, issues: [] };
      file.issues.push(entry);
      days.set(day, file);
    }
  }
  for (const file of days.values()) file.issues.sort((a, b) => b.date.localeCompare(a.date) || a.paper.localeCompare(b.paper));
  return days;
}

/** Today's date where the archive's papers appear, YYYY-MM-DD (used for the build's snapshot). */
export function todayInChina(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}
