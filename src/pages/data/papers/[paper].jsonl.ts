import type { APIRoute, GetStaticPaths } from 'astro';
import { loadArchive } from '../../../lib/archive.ts';
import { corpusFiles } from '../../../lib/open-data.ts';
import { paths } from '../../../lib/paths.ts';
import { fileResponse, siteOf } from '../../../lib/route-params.ts';

/** One paper's articles, one JSON record per line. */
export const getStaticPaths = (async () => {
  const archive = await loadArchive();
  return archive.papers.map((paper) => ({ params: { paper: paper.slug } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params, site }) => {
  const files = corpusFiles(await loadArchive(), siteOf(site));
  return fileResponse(files.find((file) => file.path === paths.paperCorpus(params.paper!))!.body, 'application/x-ndjson; charset=utf-8');
};
