import type { APIRoute } from 'astro';
import { loadArchive, type ArticleRef } from '../../../../../lib/archive.ts';
import { articleView } from '../../../../../lib/article-view.ts';
import { cslJson } from '../../../../../lib/citations.ts';
import { citationSourceOf } from '../../../../../lib/open-data.ts';
import { articlePaths, fileResponse, siteOf } from '../../../../../lib/route-params.ts';

/** CSL-JSON is a list of items, even for one. */
export const getStaticPaths = articlePaths;

export const GET: APIRoute = async ({ props, site }) => {
  const archive = await loadArchive();
  const item = cslJson(citationSourceOf(articleView(archive, (props as { article: ArticleRef }).article), siteOf(site)));
  return fileResponse(`${JSON.stringify([item], null, 2)}\n`, 'application/vnd.citationstyles.csl+json; charset=utf-8');
};
