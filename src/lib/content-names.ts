import { isRealDate, paperSlugSchema } from '../schemas/common.ts';
import { pad } from './ids.ts';

/**
 * The names the site accepts in the content folder, in one place: the importer writes only
 * these, and the site's loaders refuse anything else with the file named.
 *
 *   papers/<slug>.yml                     a paper; the slug rule is paperSlugSchema
 *   <paper>/<YYYY-MM-DD>/issue.yml        an issue
 *   <paper>/<YYYY-MM-DD>/<pp>/<nn>.mdx    an item; pp and nn are positions (below)
 */

/** The highest page number and item position: ids, URLs and file names have two or three digits. */
export const MAX_POSITION = 999;

/** What is wrong with a name, and how to fix it. */
export interface NameProblem {
  message: string;
  hint: string;
}

/**
 * A page number or item position as a path writes it: 01-99 with two digits, 100-999 with
 * three (ids.ts `pad`). `1`, `001` and `1000` are not positions: `03/1.mdx` and `03/01.mdx`
 * would be two files for one URL, and 1000 has no URL.
 */
export function positionOf(segment: string): number | null {
  if (!/^\d{2,3}$/u.test(segment)) return null;
  const value = Number(segment);
  return value >= 1 && pad(value) === segment ? value : null;
}

/** Why a paper slug is refused, or null. */
export function paperSlugProblem(slug: string): NameProblem | null {
  const result = paperSlugSchema.safeParse(slug);
  if (result.success) return null;
  return {
    message: `"${printable(slug)}" cannot be a paper slug: ${result.error.issues[0]!.message}`,
    hint: 'a slug is the name of content/papers/<slug>.yml: lowercase ASCII letters, digits and hyphens, e.g. zunyi-daily',
  };
}

/**
 * Why the site would refuse an article file, by its path relative to the content folder (with
 * `/`), or null when it is a valid `<paper>/<date>/<page>/<nn>.mdx`.
 */
export function articlePathProblem(entry: string): NameProblem | null {
  const parts = entry.split('/');
  if (parts.length !== 4 || !parts[3]!.endsWith('.mdx')) {
    return {
      message: 'an article file must lie at <paper>/<YYYY-MM-DD>/<page>/<nn>.mdx; this one is not published',
      hint: 'move it into its page folder (e.g. zunyi-daily/2023-01-17/03/01.mdx), or out of the content folder',
    };
  }
  const [paper, date, page, file] = parts as [string, string, string, string];
  const slug = paperSlugProblem(paper);
  if (slug) return { message: `the paper folder ${slug.message}`, hint: `rename the folder and content/papers/${paper}.yml; ${slug.hint}` };
  if (!/^\d{4}-\d{2}-\d{2}$/u.test(date) || !isRealDate(date)) {
    return { message: `the issue folder "${printable(date)}" is not a date`, hint: 'name the folder after the issue date, YYYY-MM-DD, e.g. 2023-01-17' };
  }
  if (positionOf(page) === null) return { message: `the page folder "${printable(page)}" is not a page number`, ...positionHint(page, 'page', '') };
  const seq = file.slice(0, -'.mdx'.length);
  if (positionOf(seq) === null) return { message: `"${printable(file)}" is not an item number the site accepts`, ...positionHint(seq, 'item', '.mdx') };
  return null;
}

function positionHint(segment: string, what: 'page' | 'item', suffix: string): { hint: string } {
  const value = /^\d+$/u.test(segment) ? Number(segment) : NaN;
  if (value > MAX_POSITION) {
    return {
      hint:
        what === 'item'
          ? `a page holds at most ${MAX_POSITION} items (01-${MAX_POSITION}); remove the file if an earlier import left it, or split the page`
          : `an issue has at most ${MAX_POSITION} pages; fix the page number`,
    };
  }
  if (value >= 1) return { hint: `write the number with two digits (three from 100): rename it to ${pad(value)}${suffix}` };
  return { hint: `name it with the ${what}'s number, 01-${MAX_POSITION}` };
}

/**
 * Files the importer writes in a page folder (`01.mdx`, `01-1.jpg`), including names the site
 * refuses (`1000.mdx`) that an older import may have left: a re-import of the page removes them.
 */
export function isItemFileName(name: string): boolean {
  return /^\d+(?:\.mdx|-\d+\.[a-z]+)$/u.test(name);
}

/** Why an issue.yml does not fit the folder it lies in (`<paper>/<date>`), or null. */
export function issueFolderProblem(id: string, issue: { paper: string; date: string }): NameProblem | null {
  if (id === `${issue.paper}/${issue.date}`) return null;
  return {
    message: `issue.yml says paper ${issue.paper}, date ${issue.date}, but lies in ${id}/`,
    hint: `move it to ${issue.paper}/${issue.date}/issue.yml, or correct \`paper:\` and \`date:\``,
  };
}

/** A name as it can be printed in a message: control characters shown as escapes. */
export function printable(name: string): string {
  return name.replace(/[\u0000-\u001f\u007f]/gu, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
