/** Site-wide settings shown in the user interface (zh-CN). */
export const site = {
  /** The archive's name, shown in the header and the <title>. */
  title: '地方报纸档案',
  description: '地方报纸的版面、文章与图片，按日期浏览，全文精确检索，可引用、可下载。',
  /** The home page's heading: what the archive holds (the header's wordmark names it). */
  tagline: '地方报纸的版面、文章与图片',
  /** The line under it. */
  lead: '按日期浏览，全文精确检索，每篇稿件可引用、可下载。',
  lang: 'zh-CN',
} as const;

/**
 * The site's public address when ARCHIVE_SITE_URL is not set: where `npm start` and
 * `npm run preview` serve it. Permalinks, citations, feeds and the sitemap carry it.
 */
export const DEFAULT_SITE_URL = 'http://localhost:4321';

/** The site's address: astro.config's `site`, which the archive sets from ARCHIVE_SITE_URL. */
export function siteOf(site: URL | undefined): URL {
  return site ?? new URL(DEFAULT_SITE_URL);
}
