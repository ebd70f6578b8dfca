import { siteOf } from './site.ts';
import { pad } from './ids.ts';
import { loadArchive, type ArticleRef } from './archive.ts';
import { articleFile, type ArticleFileFormat } from './article-files.ts';
import { articleView } from './article-view.ts';

declare global {
  interface ImportMetaEnv {
    /** Set by the article-files integration in `astro build`: it writes the per-article files. */
    readonly ARCHIVE_ARTICLE_FILE_BUNDLES?: boolean;
  }
}

/**
 * getStaticPaths of the per-article files (JSON, text, citations): one per article in
 * `astro dev`, none in a build, which writes the same files from one bundle per issue
 * (src/integrations/article-files.ts): five Astro routes per article cost more than the files
 * themselves (README, Citations and open data). The integration says so rather than
 * `import.meta.env.DEV`, which is true in a build run with NODE_ENV=test (as the tests do).
 */
export async function articleFilePaths(): Promise<Array<{ params: { paper: string; date: string; page: string; seq: string }; props: { article: ArticleRef } }>> {
  if (import.meta.env.ARCHIVE_ARTICLE_FILE_BUNDLES) return [];
  const archive = await loadArchive();
  return archive.articles.map((article) => ({
    params: { paper: article.key.paper, date: article.key.date, page: pad(article.key.page), seq: pad(article.key.seq) },
    props: { article },
  }));
}

/** The response of a per-article file endpoint (src/lib/article-files.ts makes the body). */
export async function articleFileResponse(format: ArticleFileFormat, props: Record<string, unknown>, site: URL | undefined): Promise<Response> {
  const archive = await loadArchive();
  const file = articleFile(format, articleView(archive, (props as { article: ArticleRef }).article), siteOf(site));
  return fileResponse(file.body, file.type);
}

export function fileResponse(body: string, type: string): Response {
  return new Response(body, { headers: { 'Content-Type': type } });
}
