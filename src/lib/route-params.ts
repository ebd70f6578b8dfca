import { pad } from '../../scripts/lib/ids.ts';
import { loadArchive, type ArticleRef } from './archive.ts';

/** getStaticPaths of every per-article file (JSON, text, citations): one per article. */
export async function articlePaths(): Promise<Array<{ params: { paper: string; date: string; page: string; seq: string }; props: { article: ArticleRef } }>> {
  const archive = await loadArchive();
  return archive.articles.map((article) => ({
    params: { paper: article.key.paper, date: article.key.date, page: pad(article.key.page), seq: pad(article.key.seq) },
    props: { article },
  }));
}

/** The site's address: astro.config's `site`, which the archive sets from ARCHIVE_SITE_URL. */
export function siteOf(site: URL | undefined): URL {
  return site ?? new URL('http://localhost:4321');
}

export function fileResponse(body: string, type: string): Response {
  return new Response(body, { headers: { 'Content-Type': type } });
}
