import { createHash } from 'node:crypto';
import type { Archive, ArticleRef, IssueRef } from './archive.ts';
import { articleView, neighbours } from './article-view.ts';

/**
 * Cache keys for Astro's incremental builds (`experimental.incrementalBuild`): a page whose key,
 * code and config are those of the previous build is not rendered again, and the file that
 * build wrote stays (README, Scale). Astro checks the page's code (its module graph), the
 * config (the site's address among it) and the lockfile itself; the key must change whenever
 * the data the page shows changes.
 */

/**
 * An article page shows its own file (the loader's digest covers the file and the code that
 * renders it), its paper, issue and page as printed (names, numbers), where its jump lines lead
 * (the other page, and the piece there by its headline, which also names a continued piece
 * printed without one), and the headlines of the previous and next article of the paper.
 */
export function articlePageKey(archive: Archive, ref: ArticleRef): string {
  const view = articleView(archive, ref);
  const { previous, next } = neighbours(archive, ref);
  const link = (other: ArticleRef | undefined) => (other ? [other.url, articleView(archive, other).headline] : null);
  return digest([
    ref.entry.digest ?? null,
    view.paper.data,
    { date: view.issue.date, number: view.issue.data.number ?? null },
    view.page.page,
    view.jumps.map((jump) => [jump.direction, jump.label, jump.page, jump.target?.url ?? null, link(jump.article)]),
    link(previous),
    link(next),
  ]);
}

/**
 * An issue's bundle of article files (src/lib/article-files.ts): each article's record, text and
 * citations, made from its file, its headline (which may come from another piece), its paper,
 * the issue and the page names.
 */
export function issueFilesKey(archive: Archive, issue: IssueRef): string {
  return digest([
    archive.paper(issue.paper)!.data,
    issue.data,
    issue.pages.map((page) => [page.page, page.articles.map((ref) => [ref.entry.id, ref.entry.digest ?? null, articleView(archive, ref).headline])]),
  ]);
}

function digest(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('base64url').slice(0, 22);
}
