import type { SuspectReading } from './aliases.ts';

/**
 * What the search index knows of an article. The build writes one of these per article (from
 * the same view the article page renders), and the index writer (bundle-writer.ts) turns it into
 * index words, filter entries and a result fragment (its layout: index-format.ts).
 */
export interface SearchSource {
  /** The article's URL path, e.g. `/zunyi-daily/2023-01-17/03/01/`. */
  url: string;
  /** Issue date, YYYY-MM-DD. */
  date: string;
  /** The paper's name as printed (遵义日报). */
  paper: string;
  /** 版次. */
  page: number;
  /** 版名, when known. */
  pageName: string | null;
  kind: 'article' | 'photo';
  /** 主题 as printed (null when none was printed). */
  title: string | null;
  kicker: string | null;
  subtitle: string | null;
  /** The byline as printed, e.g. 本报讯（记者 张婷）. */
  byline: string | null;
  /** A photo credit line. */
  credit: string | null;
  /** The headline the site shows, which may be made from the text when none was printed. */
  headline: string;
  paragraphs: string[];
  /** Reporters, correspondents and photographers named in the byline. */
  people: string[];
  /** Flagged look-alike misreadings not yet corrected by hand (see aliases.ts). */
  suspects?: SuspectReading[];
}

/** The filters a search can narrow by; their values are what the page shows. */
export const FILTER_KEYS = ['paper', 'year', 'month', 'section', 'kind', 'author'] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];

/** The filter values of an article. */
export function sourceFilters(source: SearchSource): Record<FilterKey, string[]> {
  const [year, month] = source.date.split('-');
  return {
    paper: [source.paper],
    year: [year!],
    month: [`${year}-${month}`],
    section: source.pageName ? [source.pageName] : [],
    kind: [source.kind],
    author: [...new Set(source.people)],
  };
}
