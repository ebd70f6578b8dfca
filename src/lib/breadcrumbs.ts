import type { IssueRef, PageRef, PaperRef } from './archive.ts';
import { pageLabel, parseIsoDate } from './dates.ts';
import { paths } from './paths.ts';

export interface Crumb {
  label: string;
  href?: string;
}

/** Where a page of the reading room sits: each level down to it, and the page's own name. */
export interface Place {
  paper?: Pick<PaperRef, 'slug' | 'url'> & { data: { name: string } };
  /** A year of the paper (its year view), or the year of `issue`. */
  year?: number;
  issue?: Pick<IssueRef, 'date' | 'url'>;
  page?: Pick<PageRef, 'url'> & { page: { number: number } };
  /** The page's own name when it is not one of the levels (an article's headline, 数据下载). */
  here?: string;
}

/**
 * The trail from the home page down to a place: 首页 / 遵义日报 / 2023年 / 1月17日 / 第3版 /
 * headline. Every level links to its page; the component shows the last one as where the
 * reader is, without a link.
 */
export function trail(place: Place): Crumb[] {
  const crumbs: Crumb[] = [{ label: '首页', href: paths.home() }];
  const { paper, issue, page } = place;
  if (paper) crumbs.push({ label: paper.data.name, href: paper.url });
  const year = place.year ?? (issue ? parseIsoDate(issue.date).year : undefined);
  if (paper && year !== undefined) crumbs.push({ label: `${year}年`, href: paths.year(paper.slug, year) });
  if (issue) {
    const { month, day } = parseIsoDate(issue.date);
    crumbs.push({ label: `${month}月${day}日`, href: issue.url });
  }
  if (page) crumbs.push({ label: pageLabel(page.page.number), href: page.url });
  if (place.here !== undefined) crumbs.push({ label: place.here });
  return crumbs;
}
