import type { APIRoute } from 'astro';
import { loadArchive, type ArticleRef } from '../../../../../lib/archive.ts';
import { articleView } from '../../../../../lib/article-view.ts';
import { ris } from '../../../../../lib/citations.ts';
import { citationSourceOf } from '../../../../../lib/open-data.ts';
import { articlePaths, fileResponse, siteOf } from '../../../../../lib/route-params.ts';

export const getStaticPaths = articlePaths;

export const GET: APIRoute = async ({ props, site }) => {
  const archive = await loadArchive();
  return fileResponse(ris(citationSourceOf(articleView(archive, (props as { article: ArticleRef }).article), siteOf(site))), 'application/x-research-info-systems; charset=utf-8');
};
