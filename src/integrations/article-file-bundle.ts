import type { APIRoute, GetStaticPaths } from 'astro';
import { loadArchive } from '../lib/archive.ts';
import { articleFileBundle } from '../lib/article-files.ts';
import { issueFilesKey } from '../lib/page-keys.ts';
import { siteOf } from '../lib/site.ts';

/**
 * A build-only endpoint injected by the article-files integration: per issue, the JSON, text
 * and citation files of all its articles (src/lib/article-files.ts). The integration writes
 * them next to the article pages after the build and deletes the bundle.
 */
export const getStaticPaths = (async () => {
  const archive = await loadArchive();
  // an unchanged issue's bundle is not made again (src/lib/page-keys.ts)
  return archive.papers.flatMap((paper) => paper.issues.map((issue) => ({ params: { paper: paper.slug, date: issue.date }, cacheKey: issueFilesKey(archive, issue) })));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params, site }) => {
  const archive = await loadArchive();
  const issue = archive.issue(params.paper!, params.date!);
  if (!issue) throw new Error(`[article-files] no issue ${params.paper} ${params.date}`);
  return new Response(JSON.stringify(articleFileBundle(archive, issue, siteOf(site))), { headers: { 'content-type': 'application/json; charset=utf-8' } });
};
