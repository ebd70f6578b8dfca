import type { APIRoute } from 'astro';
import { loadArchive } from '../../lib/archive.ts';
import { corpusFiles } from '../../lib/open-data.ts';
import { paths } from '../../lib/paths.ts';
import { fileResponse, siteOf } from '../../lib/route-params.ts';

/** The whole corpus: one JSON article record per line. */
export const GET: APIRoute = async ({ site }) => {
  const files = corpusFiles(await loadArchive(), siteOf(site));
  return fileResponse(files.find((file) => file.path === paths.corpus())!.body, 'application/x-ndjson; charset=utf-8');
};
