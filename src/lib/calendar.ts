import { articleCount } from './counts.ts';
import { daysInMonth, firstWeekday } from './dates.ts';

/**
 * Calendars of the issues held: month grids for the year view's heat map, and the days an
 * archive is missing. Pure: the pages pass in what they hold.
 */

/** What the calendar needs to know of an issue. */
export interface HeldIssue {
  date: string;
  url: string;
  /** Pages held of that issue: the heat of the day. */
  pages: number;
  articles: number;
}

export interface DayCell {
  day: number;
  date: string;
  /** 0 = Sunday. */
  weekday: number;
  issue: HeldIssue | undefined;
  /** 0 when no issue is held; 1-4 by the share of the paper's fullest issue held that day. */
  level: 0 | 1 | 2 | 3 | 4;
  /** A day the paper usually appears on (see `publicationWeekdays`) that the archive lacks. */
  missing: boolean;
}

export interface MonthGrid {
  year: number;
  month: number;
  /** Weeks of seven cells, Sunday first; null pads the first and last week. */
  weeks: Array<Array<DayCell | null>>;
  held: number;
  missing: number;
}

export function isoDate(year: number, month: number, day: number): string {
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * The weekdays a paper appears on, read from the issues held: a weekday counts when at least a
 * fifth as many issues fall on it as on the paper's busiest weekday. A daily appears on all
 * seven; a paper that skips Sundays on six. Without this, every Sunday of a six-day paper would
 * read as a gap.
 */
export function publicationWeekdays(dates: string[]): Set<number> {
  const counts = new Array<number>(7).fill(0);
  for (const date of dates) counts[weekdayOf(date)]!++;
  const busiest = Math.max(...counts);
  return new Set(counts.flatMap((count, weekday) => (busiest > 0 && count >= busiest / 5 ? [weekday] : [])));
}

export function weekdayOf(date: string): number {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day)).getUTCDay();
}

function levelOf(pages: number, fullest: number): DayCell['level'] {
  if (pages <= 0) return 0;
  const share = pages / Math.max(fullest, 1);
  return share > 0.75 ? 4 : share > 0.5 ? 3 : share > 0.25 ? 2 : 1;
}

export interface YearCalendarOptions {
  year: number;
  issues: HeldIssue[];
  /** Weekdays the paper appears on (see `publicationWeekdays`). */
  weekdays: Set<number>;
  /** The paper's first and last issue held: days outside them are not gaps, just not yet held. */
  range: { first: string; last: string };
  /** Pages of the paper's fullest issue, for the heat levels. */
  fullest: number;
}

/** The twelve month grids of a year, with heat levels and missing days marked. */
export function yearCalendar({ year, issues, weekdays, range, fullest }: YearCalendarOptions): MonthGrid[] {
  const byDate = new Map(issues.map((issue) => [issue.date, issue]));
  return Array.from({ length: 12 }, (_, index) => {
    const month = index + 1;
    const lead = firstWeekday(year, month);
    const cells: Array<DayCell | null> = new Array(lead).fill(null);
    let held = 0;
    let missing = 0;
    for (let day = 1; day <= daysInMonth(year, month); day++) {
      const date = isoDate(year, month, day);
      const weekday = (lead + day - 1) % 7;
      const issue = byDate.get(date);
      const isMissing = !issue && weekdays.has(weekday) && date > range.first && date < range.last;
      if (issue) held++;
      if (isMissing) missing++;
      cells.push({ day, date, weekday, issue, level: issue ? levelOf(issue.pages, fullest) : 0, missing: isMissing });
    }
    while (cells.length % 7 !== 0) cells.push(null);
    const weeks = Array.from({ length: cells.length / 7 }, (_, i) => cells.slice(i * 7, i * 7 + 7));
    return { year, month, weeks, held, missing };
  });
}

/**
 * Runs of missing days, e.g. 2023-01-18 to 2023-01-20, for the list of gaps. A day the paper
 * does not appear on (a Sunday of a six-day paper) does not break a run; a held issue does.
 */
export function gapRuns(months: MonthGrid[]): Array<{ from: string; to: string; days: number }> {
  const runs: Array<{ from: string; to: string; days: number }> = [];
  let current: { from: string; to: string; days: number } | null = null;
  for (const cell of months.flatMap((month) => month.weeks.flat())) {
    if (cell === null) continue;
    if (cell.missing) {
      if (current) {
        current.to = cell.date;
        current.days++;
      } else current = { from: cell.date, to: cell.date, days: 1 };
    } else if (cell.issue && current) {
      runs.push(current);
      current = null;
    }
  }
  if (current) runs.push(current);
  return runs;
}

/** What the calendars of one paper share: its publication weekdays, held range and fullest issue. */
export interface PaperCalendar {
  issues: HeldIssue[];
  weekdays: Set<number>;
  range: { first: string; last: string };
  fullest: number;
  /** Years with at least one issue, oldest first. */
  years: number[];
}

export function paperCalendar(issues: Array<{ date: string; url: string; pages: Array<{ articles: unknown[] }> }>): PaperCalendar {
  const held = issues.map((issue) => ({
    date: issue.date,
    url: issue.url,
    pages: issue.pages.length,
    articles: articleCount([issue]),
  }));
  const dates = held.map((issue) => issue.date).sort();
  return {
    issues: held,
    weekdays: publicationWeekdays(dates),
    range: { first: dates[0] ?? '', last: dates.at(-1) ?? '' },
    fullest: Math.max(1, ...held.map((issue) => issue.pages)),
    years: [...new Set(dates.map((date) => Number(date.slice(0, 4))))],
  };
}

export function yearOf(calendar: PaperCalendar, year: number): MonthGrid[] {
  return yearCalendar({
    year,
    issues: calendar.issues.filter((issue) => issue.date.startsWith(`${year}-`)),
    weekdays: calendar.weekdays,
    range: calendar.range,
    fullest: calendar.fullest,
  });
}
