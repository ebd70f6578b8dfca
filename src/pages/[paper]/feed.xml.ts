import type { APIRoute, GetStaticPaths } from 'astro';
import { loadArchive, type PaperRef } from '../../lib/archive.ts';
import { articleView } from '../../lib/article-view.ts';
import { atomFeed, chinaMidnight } from '../../lib/atom.ts';
import { formatDate, pageLabel, weekday } from '../../lib/dates.ts';
import { absolute } from '../../lib/open-data.ts';
import { paths } from '../../lib/paths.ts';
import { fileResponse } from '../../lib/route-params.ts';
import { siteOf } from '../../lib/site.ts';
import { xml } from '../../lib/xml.ts';
import { site as siteConfig } from '../../lib/site.ts';

/** Issues listed in a paper's feed, newest first. */
const FEED_ISSUES = 30;

export const getStaticPaths = (async () => {
  const archive = await loadArchive();
  // a paper without issues has no feed: nothing to announce, and no date to give it
  return archive.papers.filter((paper) => paper.issues.length > 0).map((paper) => ({ params: { paper: paper.slug }, props: { paper } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props, site }) => {
  const archive = await loadArchive();
  const { paper } = props as { paper: PaperRef };
  const url = (path: string) => absolute(siteOf(site), path);
  const issues = paper.issues.slice(-FEED_ISSUES).reverse();
  const body = atomFeed({
    id: url(paper.url),
    title: `${paper.data.name} - ${siteConfig.title}`,
    subtitle: `${paper.data.name}（${paper.data.place}）新收录的各期`,
    self: url(paths.feed(paper.slug)),
    alternate: url(paper.url),
    updated: chinaMidnight(issues[0]!.date),
    author: paper.data.publisher ?? paper.data.name,
    entries: issues.map((issue) => {
      const headlines = issue.pages.flatMap((page) => page.articles.map((ref) => articleView(archive, ref).headline));
      return {
        id: url(issue.url),
        title: `${paper.data.name} ${formatDate(issue.date)} ${weekday(issue.date)}`,
        updated: chinaMidnight(issue.date),
        link: url(issue.url),
        summary: `${issue.pages.length} 个版面、${headlines.length} 篇稿件：${headlines.slice(0, 5).join('；')}${headlines.length > 5 ? '……' : ''}`,
        content: issue.pages
          .map(
            (page) =>
              `<h3><a href="${xml(url(page.url))}">${xml(`${pageLabel(page.page.number)}${page.page.name ? ` ${page.page.name}` : ''}`)}</a></h3><ul>${page.articles
                .map((ref) => `<li><a href="${xml(url(ref.url))}">${xml(articleView(archive, ref).headline)}</a></li>`)
                .join('')}</ul>`,
          )
          .join(''),
      };
    }),
  });
  return fileResponse(body, 'application/atom+xml; charset=utf-8');
};
