import { xml } from './xml.ts';

/**
 * sitemaps.org XML. One file holds at most 50,000 URLs; the site writes its URLs in parts of
 * `SITEMAP_PART_SIZE` and a sitemap index at /sitemap.xml that lists them.
 */
export const SITEMAP_PART_SIZE = 40_000;

export function urlSet(urls: string[]): string {
  return `<?xml version="1.0" encoding="utf-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${urls.map((url) => `  <url><loc>${xml(url)}</loc></url>\n`).join('')}</urlset>
`;
}

export function sitemapIndex(parts: string[]): string {
  return `<?xml version="1.0" encoding="utf-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${parts.map((url) => `  <sitemap><loc>${xml(url)}</loc></sitemap>\n`).join('')}</sitemapindex>
`;
}

/** Split a list into parts of at most `size`; always at least one part. */
export function chunk<T>(items: T[], size = SITEMAP_PART_SIZE): T[][] {
  if (items.length === 0) return [[]];
  return Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));
}

/** Every HTML page of the archive, as site paths: what a search engine should crawl. */
export function archivePaths(archive: import('./archive.ts').Archive, paths: typeof import('./paths.ts').paths): string[] {
  const list = [paths.home(), paths.search(), paths.data()];
  for (const paper of archive.papers) {
    list.push(paper.url);
    for (const year of new Set(paper.issues.map((issue) => issue.date.slice(0, 4)))) list.push(paths.year(paper.slug, year));
    for (const issue of paper.issues) {
      list.push(issue.url);
      for (const page of issue.pages) {
        list.push(page.url);
        for (const article of page.articles) list.push(article.url);
      }
    }
  }
  return list;
}
