import type { APIRoute, GetStaticPaths } from 'astro';
import { loadArchive, type IssueRef } from '../../../lib/archive.ts';
import { hasScans, issueManifest } from '../../../lib/iiif-manifest.ts';
import { fileResponse } from '../../../lib/route-params.ts';
import { siteOf } from '../../../lib/site.ts';

/** Open data: the IIIF Presentation 3 manifest of an issue with page scans (src/lib/iiif-manifest.ts). */
export const getStaticPaths = (async () => {
  const archive = await loadArchive();
  return archive.papers.flatMap((paper) => paper.issues.filter(hasScans).map((issue) => ({ params: { paper: paper.slug, date: issue.date }, props: { issue } })));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props, site }) => {
  const archive = await loadArchive();
  return fileResponse(`${JSON.stringify(issueManifest(archive, (props as { issue: IssueRef }).issue, siteOf(site)), null, 2)}\n`, 'application/ld+json;profile="http://iiif.io/api/presentation/3/context.json"');
};
