import type { APIRoute } from 'astro';
import { loadArchive, type ArticleRef } from '../../../../../lib/archive.ts';
import { articleView } from '../../../../../lib/article-view.ts';
import { articleRecord } from '../../../../../lib/open-data.ts';
import { articlePaths, fileResponse, siteOf } from '../../../../../lib/route-params.ts';

/** Open data: one article with all its fields, clean text and problems. */
export const getStaticPaths = articlePaths;

export const GET: APIRoute = async ({ props, site }) => {
  const archive = await loadArchive();
  const record = articleRecord(articleView(archive, (props as { article: ArticleRef }).article), siteOf(site));
  return fileResponse(`${JSON.stringify(record, null, 2)}\n`, 'application/json; charset=utf-8');
};
