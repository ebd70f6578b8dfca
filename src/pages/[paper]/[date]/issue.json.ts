import type { APIRoute, GetStaticPaths } from 'astro';
import { loadArchive, type IssueRef } from '../../../lib/archive.ts';
import { issueRecord } from '../../../lib/open-data.ts';
import { fileResponse } from '../../../lib/route-params.ts';
import { siteOf } from '../../../lib/site.ts';

/** Open data: an issue's pages and their articles in reading order. */
export const getStaticPaths = (async () => {
  const archive = await loadArchive();
  return archive.papers.flatMap((paper) => paper.issues.map((issue) => ({ params: { paper: paper.slug, date: issue.date }, props: { issue } })));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props, site }) => {
  const archive = await loadArchive();
  return fileResponse(`${JSON.stringify(issueRecord(archive, (props as { issue: IssueRef }).issue, siteOf(site)), null, 2)}\n`, 'application/json; charset=utf-8');
};
