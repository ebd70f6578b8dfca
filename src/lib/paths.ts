import { pad } from './ids.ts';

/**
 * Every URL of the site, in one place. URLs are permanent: they are made of the paper slug, the
 * date and page/position numbers only, never of headlines or template choices.
 */
export const paths = {
  home: () => '/',
  search: () => '/search/',
  paper: (paper: string) => `/${paper}/`,
  year: (paper: string, year: number | string) => `/${paper}/${year}/`,
  issue: (paper: string, date: string) => `/${paper}/${date}/`,
  page: (paper: string, date: string, page: number) => `/${paper}/${date}/${pad(page)}/`,
  article: (id: string) => `/${id}/`,
  /** Open data and citations of one article, next to its page. */
  articleJson: (id: string) => `/${id}/article.json`,
  articleText: (id: string) => `/${id}/article.txt`,
  citation: (id: string, format: 'bib' | 'ris' | 'csl') => `/${id}/citation.${format === 'csl' ? 'json' : format}`,
  issueJson: (paper: string, date: string) => `/${paper}/${date}/issue.json`,
  /** The IIIF Presentation 3 manifest of an issue with page scans (src/lib/iiif-manifest.ts). */
  iiifManifest: (paper: string, date: string) => `/${paper}/${date}/manifest.json`,
  feed: (paper: string) => `/${paper}/feed.xml`,
  data: () => '/data/',
  /** One paper's articles of one year, JSON Lines (src/lib/open-data.ts, corpusFiles). */
  corpusYear: (paper: string, year: number | string) => `/data/${paper}/${year}.jsonl`,
  manifest: () => '/data/manifest.json',
  checksums: () => '/data/SHA256SUMS.txt',
  corpusUrls: () => '/data/urls.txt',
  /** 历史上的今天: the articles of one month and day (MM-DD) across the years. */
  onThisDay: (monthDay: string) => `/on-this-day/${monthDay}.json`,
  sitemap: () => '/sitemap.xml',
  sitemapPart: (n: number) => `/sitemaps/${n}.xml`,
};

/** First path segments the site uses itself; the paper slug rule (src/schemas/common.ts) refuses them. */
export { RESERVED_SLUGS } from '../schemas/common.ts';
