import type { ArticleRecord, Manifest } from './open-data.ts';
import { paths } from './paths.ts';

/**
 * The pages that show each page type and each state of the reading room in a built site,
 * picked from its corpus, for a person's review (`npm run screenshots`) and for Lighthouse
 * (`npm run lighthouse`). A state the archive does not have (a paper without issues, say) is
 * left out.
 */
export interface ReviewPage {
  /** A file-name-safe name: `article`, `year-one-issue`. */
  name: string;
  path: string;
  /** What it shows, for the list printed beside the files. */
  what: string;
}

export interface ReviewOptions {
  /** The article to show, instead of the first with a photo (else the longest). */
  article?: string | undefined;
}

const pathOf = (url: string) => new URL(url).pathname;

export function reviewPages(manifest: Pick<Manifest, 'papers'>, records: ArticleRecord[], options: ReviewOptions = {}): ReviewPage[] {
  const chosen = options.article
    ? records.find((record) => pathOf(record.url) === options.article)
    : (records.find((record) => record.photos.length > 0) ?? [...records].sort((a, b) => b.text.length - a.text.length)[0]);
  const article = options.article ?? (chosen ? pathOf(chosen.url) : undefined);
  const pages: ReviewPage[] = [{ name: 'home', path: paths.home(), what: 'home page' }];
  if (chosen) {
    pages.push(
      { name: 'paper', path: paths.paper(chosen.paper), what: `paper ${chosen.paperName}` },
      { name: 'year', path: paths.year(chosen.paper, chosen.date.slice(0, 4)), what: 'year calendars' },
      { name: 'issue', path: paths.issue(chosen.paper, chosen.date), what: 'issue' },
      { name: 'page', path: paths.page(chosen.paper, chosen.date, chosen.page), what: 'page (版面)' },
    );
  }
  if (article) pages.push({ name: 'article', path: article, what: 'article' });
  const titled = records.find((record) => /\S\s+\S/u.test(record.title ?? ''));
  if (titled && pathOf(titled.url) !== article) pages.push({ name: 'two-part-headline', path: pathOf(titled.url), what: `two-part headline ${titled.title}` });
  const estimated = records.find((record) => record.estimated !== null);
  if (estimated && pathOf(estimated.url) !== article) pages.push({ name: 'estimated', path: pathOf(estimated.url), what: 'an article whose date or page is estimated' });
  const missing = records.find((record) => record.kind === 'photo' && record.photos.length === 0);
  if (missing) pages.push({ name: 'photo-missing', path: pathOf(missing.url), what: 'a photo item without its image' });
  const oneIssue = yearsOfOneIssue(records)[0];
  if (oneIssue) pages.push({ name: 'year-one-issue', path: paths.year(oneIssue.paper, oneIssue.year), what: `a year of one issue (${oneIssue.paper} ${oneIssue.year})` });
  const empty = manifest.papers.find((paper) => paper.issues === 0);
  if (empty) pages.push({ name: 'paper-empty', path: paths.paper(empty.slug), what: `a paper without issues (${empty.name})` });
  const query = chosen ? [...(chosen.title ?? chosen.headline).replace(/\s/gu, '')].slice(0, 2).join('') : null;
  if (query) pages.push({ name: 'search', path: `${paths.search()}?q=${encodeURIComponent(query)}`, what: `search for ${query}` });
  pages.push({ name: 'data', path: paths.data(), what: 'data downloads' });
  return pages;
}

/** Papers' years that hold exactly one issue. */
function yearsOfOneIssue(records: ArticleRecord[]): Array<{ paper: string; year: string }> {
  const dates = new Map<string, Set<string>>();
  for (const record of records) {
    const key = `${record.paper}/${record.date.slice(0, 4)}`;
    dates.set(key, (dates.get(key) ?? new Set()).add(record.date));
  }
  return [...dates].filter(([, days]) => days.size === 1).map(([key]) => ({ paper: key.split('/')[0]!, year: key.split('/')[1]! }));
}
