import type { APIRoute } from 'astro';
import { loadArchive, type ArticleRef } from '../../../../../lib/archive.ts';
import { articleView } from '../../../../../lib/article-view.ts';
import { articleText } from '../../../../../lib/open-data.ts';
import { articlePaths, fileResponse, siteOf } from '../../../../../lib/route-params.ts';

/** Open data: one article as a plain-text clipping. */
export const getStaticPaths = articlePaths;

export const GET: APIRoute = async ({ props, site }) => {
  const archive = await loadArchive();
  return fileResponse(articleText(articleView(archive, (props as { article: ArticleRef }).article), siteOf(site)), 'text/plain; charset=utf-8');
};
