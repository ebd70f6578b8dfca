import { pad } from '../../scripts/lib/ids.ts';

/**
 * Every URL of the site, in one place. URLs are permanent: they are made of the paper slug, the
 * date and page/position numbers only, never of headlines or template choices.
 */
export const paths = {
  home: () => '/',
  search: () => '/search/',
  paper: (paper: string) => `/${paper}/`,
  year: (paper: string, year: number | string) => `/${paper}/${year}/`,
  issue: (paper: string, date: string) => `/${paper}/${date}/`,
  page: (paper: string, date: string, page: number) => `/${paper}/${date}/${pad(page)}/`,
  article: (id: string) => `/${id}/`,
};
