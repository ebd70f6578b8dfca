import type { APIRoute, GetStaticPaths } from 'astro';
import { loadArchive } from '../lib/archive.ts';
import { articleView, bylineText } from '../lib/article-view.ts';
import { suspectsOf } from '../lib/search/aliases.ts';
import type { SearchSource } from '../lib/search/records.ts';

/**
 * A build-only endpoint injected by the search-index integration: the searchable text and
 * filters of every article, in files of `PER_FILE`, made from the same article view the pages
 * render. The integration indexes them after the build and deletes them from the output.
 */
const PER_FILE = 1000;

export const getStaticPaths = (async () => {
  const archive = await loadArchive();
  const files = Math.max(1, Math.ceil(archive.articles.length / PER_FILE));
  return Array.from({ length: files }, (_, index) => ({ params: { part: String(index) } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const archive = await loadArchive();
  const part = Number(params.part);
  const sources = archive.articles.slice(part * PER_FILE, (part + 1) * PER_FILE).map((ref): SearchSource => {
    const view = articleView(archive, ref);
    const { data } = ref.entry;
    return {
      url: ref.url,
      date: ref.key.date,
      paper: view.paper.data.name,
      page: ref.key.page,
      pageName: view.page.page.name ?? null,
      kind: data.kind,
      title: data.title,
      kicker: data.kicker,
      subtitle: data.subtitle,
      byline: bylineText(data) || null,
      credit: data.credit,
      headline: view.headline,
      paragraphs: view.paragraphs,
      people: [...new Set([...data.reporters, ...data.correspondents, ...data.photographers])],
      suspects: suspectsOf(data.problems),
    };
  });
  return new Response(JSON.stringify(sources), { headers: { 'content-type': 'application/json; charset=utf-8' } });
};
