/** How many articles the issues hold, all their pages together (an IssueRef of archive.ts fits). */
export function articleCount(issues: Iterable<{ pages: ReadonlyArray<{ articles: readonly unknown[] }> }>): number {
  let n = 0;
  for (const issue of issues) for (const page of issue.pages) n += page.articles.length;
  return n;
}
