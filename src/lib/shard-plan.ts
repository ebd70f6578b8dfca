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
 * prefix of the date, any other path (home, paper and year pages, data files) to `index`.
 * Pure: the caller supplies the list of issues.
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

const DATED = /^\/([^/]+)\/(\d{4})(-\d{2}-\d{2})(?:\/|$)/;

/**
 * Does this shard's output own this site path (`/zunyi-daily/2023-01-17/03/01/index.html`)?
 * Year pages (`/<paper>/<year>/`) belong to the index build: they name the paper's first and
 * latest issue and shade days against its fullest issue, so each new issue changes all of them.
 */
export function ownsPath(shard: Shard, path: string): boolean {
  const match = DATED.exec(path);
  if (shard.kind === 'index') return match === null;
  if (!match) return false;
  const [, paper, year, rest] = match;
  return rest ? ownsIssue(shard, paper!, `${year}${rest}`) : false;
}

export interface IssueKey {
  paper: string;
  date: string;
}

/**
 * The issues whose articles a shard build must load: the ones it renders, plus the issue just
 * before and just after each run of them, because an article page links the previous and next
 * article of its paper (and an issue page the previous and next issue) across a shard
 * boundary. The pages rendered from that context belong to another build and are not written.
 */
export function issuesToLoad(shard: Shard, issues: IssueKey[]): Set<string> {
  const keys = new Set<string>();
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

export type ShardPlan = 'year' | 'paper-year' | 'year-month';

/**
 * The shards of an archive, as ARCHIVE_SHARD values, oldest first:
 *
 * - `year`: one per year, all papers together;
 * - `paper-year`: one per paper and year;
 * - `year-month`: one per closed year, and one per month of the latest year, so that the daily
 *   import rebuilds a month rather than a year (merge the months into their year when it ends).
 */
export function planShards(issues: IssueKey[], by: ShardPlan): string[] {
  const values = new Set<string>();
  const latestYear = issues.reduce((max, issue) => (issue.date.slice(0, 4) > max ? issue.date.slice(0, 4) : max), '');
  for (const issue of issues) {
    const year = issue.date.slice(0, 4);
    if (by === 'paper-year') values.add(`${issue.paper}/${year}`);
    else if (by === 'year-month' && year === latestYear) values.add(`*/${issue.date.slice(0, 7)}`);
    else values.add(`*/${year}`);
  }
  return [...values].sort((a, b) => a.split('/')[1]!.localeCompare(b.split('/')[1]!) || a.localeCompare(b));
}

/**
 * Do the shards, in this order, hold disjoint date ranges listed oldest first? Then the search
 * page can keep results in date order without merging (the `ordered` flag of search-shards.json).
 */
export function shardsInDateOrder(shards: Shard[]): boolean {
  let last = '';
  for (const shard of shards) {
    if (shard.kind !== 'articles' || shard.selectors.some((s) => s.paper !== '*')) return false;
    const periods = shard.selectors.map((s) => s.period).sort();
    if (periods[0]! <= last || (last !== '' && periods[0]!.startsWith(last))) return false;
    last = periods.at(-1)!;
  }
  return true;
}
