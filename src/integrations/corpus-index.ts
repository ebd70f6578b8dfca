import type { APIRoute } from 'astro';
import { loadArchive } from '../lib/archive.ts';
import { absolute, paperSummaries } from '../lib/open-data.ts';
import { siteOf } from '../lib/site.ts';
import type { CorpusIndex } from '../lib/corpus.ts';

/**
 * A build-only endpoint injected by the article-files integration at `/_corpus/papers.json`:
 * the papers for the corpus manifest and the site's address (src/integrations/corpus.ts). A
 * shard build of articles drops it with the other archive-wide pages.
 */
export const GET: APIRoute = async ({ site }) => {
  const index: CorpusIndex = { site: absolute(siteOf(site), '/'), papers: paperSummaries(await loadArchive()) };
  return new Response(JSON.stringify(index), { headers: { 'content-type': 'application/json; charset=utf-8' } });
};
