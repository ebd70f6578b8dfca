import type { APIRoute } from 'astro';
import { loadArchive } from '../lib/archive.ts';
import { absolute } from '../lib/open-data.ts';
import { paths } from '../lib/paths.ts';
import { fileResponse } from '../lib/route-params.ts';
import { siteOf } from '../lib/site.ts';
import { archivePaths, chunk, sitemapIndex } from '../lib/sitemap.ts';

/** The sitemap index: the site's pages are listed in parts under /sitemaps/. */
export const GET: APIRoute = async ({ site }) => {
  const parts = chunk(archivePaths(await loadArchive(), paths));
  return fileResponse(sitemapIndex(parts.map((_, i) => absolute(siteOf(site), paths.sitemapPart(i + 1)))), 'application/xml; charset=utf-8');
};
