import type { APIRoute, GetStaticPaths } from 'astro';
import { loadArchive } from '../../lib/archive.ts';
import { absolute } from '../../lib/open-data.ts';
import { paths } from '../../lib/paths.ts';
import { fileResponse } from '../../lib/route-params.ts';
import { siteOf } from '../../lib/site.ts';
import { archivePaths, chunk, urlSet } from '../../lib/sitemap.ts';

export const getStaticPaths = (async () => {
  const parts = chunk(archivePaths(await loadArchive(), paths));
  return parts.map((list, i) => ({ params: { part: String(i + 1) }, props: { list } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props, site }) => fileResponse(urlSet((props as { list: string[] }).list.map((path) => absolute(siteOf(site), path))), 'application/xml; charset=utf-8');
