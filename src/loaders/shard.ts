/**
 * Shards: one archive, several builds. A shard build renders the pages of some papers and
 * periods; the `index` build renders everything else (home, paper pages with their calendars,
 * search, 404). `scripts/shard.ts` runs the builds and combines their output into one site.
 *
 *   ARCHIVE_SHARD=zunyi-daily/2023          one paper, one year
 *   ARCHIVE_SHARD=*\/2023                    every paper, one year
 *   ARCHIVE_SHARD=zunyi-daily/2023-01,zunyi-daily/2023-02   several periods
 *   ARCHIVE_SHARD=index                     the pages outside /<paper>/<year…>
 *
 * A path belongs to exactly one build: `/<paper>/<date>/…` to the shard whose period is a
 * prefix of the date, `/<paper>/<year>/…` to the shard of that whole year, any other path to
 * `index`. Pure: the caller supplies the list of issues.
 */
export interface ShardSelector {
  /** A paper slug, or `*` for all papers. */
  paper: string;
  /** `YYYY` or `YYYY-MM`: the dates that start with it. */
  period: string;
}

export type Shard = { kind: 'index' } | { kind: 'articles'; selectors: ShardSelector[] };

const SELECTOR = /^([a-z0-9]+(?:-[a-z0-9]+)*|\*)\/(\d{4}(?:-\d{2})?)$/;

/** Read ARCHIVE_SHARD; null means a full build. Throws with the expected syntax on bad input. */
export function parseShard(value: string | undefined): Shard | null {
  if (value === undefined || value.trim() === '') return null;
  if (value.trim() === 'index') return { kind: 'index' };
  const selectors = value.split(',').map((part) => {
    const match = SELECTOR.exec(part.trim());
    if (!match) throw new Error(`ARCHIVE_SHARD: "${part}" is not <paper>/<YYYY> or <paper>/<YYYY-MM> (paper may be *), nor "index"`);
    return { paper: match[1]!, period: match[2]! };
  });
  return { kind: 'articles', selectors };
}

/** A short name for a shard, usable in a path: `zunyi-daily-2023`, `all-2023`, `index`. */
export function shardName(shard: Shard): string {
  if (shard.kind === 'index') return 'index';
  return shard.selectors.map((s) => `${s.paper === '*' ? 'all' : s.paper}-${s.period}`).join('+');
}

/** Does this shard render the pages of this issue? */
export function ownsIssue(shard: Shard, paper: string, date: string): boolean {
  if (shard.kind === 'index') return false;
  return shard.selectors.some((s) => (s.paper === '*' || s.paper === paper) && date.startsWith(s.period));
}

const DATED = /^\/([^/]+)\/(\d{4})(-\d{2}-\d{2})?(?:\/|$)/;

/** Does this shard's output own this site path (`/zunyi-daily/2023-01-17/03/01/index.html`)? */
export function ownsPath(shard: Shard, path: string): boolean {
  const match = DATED.exec(path);
  if (shard.kind === 'index') return match === null;
  if (!match) return false;
  const [, paper, year, rest] = match;
  if (rest) return ownsIssue(shard, paper!, `${year}${rest}`);
  // a year page covers the whole year: only a shard of that whole year renders it
  return shard.selectors.some((s) => (s.paper === '*' || s.paper === paper) && s.period === year);
}

export interface IssueKey {
  paper: string;
  date: string;
}

/** How many of the latest issues the home page lists (src/pages/index.astro). */
export const HOME_LATEST_ISSUES = 12;

/**
 * The issues whose articles a build must load: the ones it renders, plus the context its pages
 * show from other shards, so that every page comes out as in a full build:
 *
 * - an article page links the previous and next article of its paper, and an issue page the
 *   previous and next issue, across a shard boundary: the issue just before and just after
 *   each run of owned issues;
 * - the home page (index build) counts the articles of the latest issues.
 *
 * Pages rendered for context are thrown away: another build owns them.
 */
export function issuesToLoad(shard: Shard, issues: IssueKey[]): Set<string> {
  const keys = new Set<string>();
  const key = (issue: IssueKey) => `${issue.paper}/${issue.date}`;
  if (shard.kind === 'index') {
    const latest = [...issues].sort((a, b) => b.date.localeCompare(a.date));
    const cutoff = latest[Math.min(HOME_LATEST_ISSUES, latest.length) - 1]?.date;
    // every issue on the cut-off day too: which of them the home page shows is its business
    for (const issue of latest) if (cutoff !== undefined && issue.date >= cutoff) keys.add(key(issue));
    return keys;
  }
  const byPaper = new Map<string, string[]>();
  for (const issue of issues) byPaper.set(issue.paper, [...(byPaper.get(issue.paper) ?? []), issue.date]);
  for (const [paper, dates] of byPaper) {
    dates.sort();
    dates.forEach((date, index) => {
      if (!ownsIssue(shard, paper, date)) return;
      keys.add(`${paper}/${date}`);
      if (index > 0) keys.add(`${paper}/${dates[index - 1]}`);
      if (index < dates.length - 1) keys.add(`${paper}/${dates[index + 1]}`);
    });
  }
  return keys;
}
