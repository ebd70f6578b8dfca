import { describe, expect, it } from 'vitest';
import { gapRuns, publicationWeekdays, yearCalendar, type HeldIssue } from './calendar.ts';

const issue = (date: string, pages = 4): HeldIssue => ({ date, url: `/p/${date}/`, pages, articles: pages * 3 });

describe('year calendar', () => {
  it('lays out twelve months, Sunday first, with every day once', () => {
    const months = yearCalendar({ year: 2023, issues: [], weekdays: new Set([0, 1, 2, 3, 4, 5, 6]), range: { first: '2023-01-01', last: '2023-12-31' }, fullest: 1 });
    expect(months).toHaveLength(12);
    const days = months.flatMap((m) => m.weeks.flat()).filter((cell) => cell !== null);
    expect(days).toHaveLength(365);
    // 1 January 2023 was a Sunday, 1 February a Wednesday
    expect(months[0]!.weeks[0]![0]!.date).toBe('2023-01-01');
    expect(months[1]!.weeks[0]!.slice(0, 3)).toEqual([null, null, null]);
    for (const month of months) for (const week of month.weeks) expect(week).toHaveLength(7);
  });

  it('marks heat by pages held and gaps only inside the held range', () => {
    const issues = [issue('2023-01-16', 8), issue('2023-01-17', 2), issue('2023-01-20', 8)];
    const months = yearCalendar({ year: 2023, issues, weekdays: new Set([0, 1, 2, 3, 4, 5, 6]), range: { first: '2023-01-16', last: '2023-01-20' }, fullest: 8 });
    const cell = (date: string) => months.flatMap((m) => m.weeks.flat()).find((c) => c?.date === date)!;
    expect(cell('2023-01-16').level).toBe(4);
    expect(cell('2023-01-17').level).toBe(1);
    expect(cell('2023-01-18').missing).toBe(true);
    expect(cell('2023-01-15').missing).toBe(false);
    expect(cell('2023-01-21').missing).toBe(false);
    expect(months[0]!.held).toBe(3);
    expect(months[0]!.missing).toBe(2);
    expect(gapRuns(months)).toEqual([{ from: '2023-01-18', to: '2023-01-19', days: 2 }]);
  });

  it('does not count the days a paper never appears on as gaps', () => {
    // Monday to Saturday for four weeks, no Sundays
    const dates: string[] = [];
    for (let day = 2; day <= 28; day++) {
      const date = `2023-01-${String(day).padStart(2, '0')}`;
      if (new Date(`${date}T00:00:00Z`).getUTCDay() !== 0) dates.push(date);
    }
    const weekdays = publicationWeekdays(dates);
    expect([...weekdays].sort()).toEqual([1, 2, 3, 4, 5, 6]);
    const held = dates.filter((d) => d !== '2023-01-14' && d !== '2023-01-16');
    const months = yearCalendar({ year: 2023, issues: held.map((d) => issue(d)), weekdays, range: { first: held[0]!, last: held.at(-1)! }, fullest: 4 });
    // Saturday 14th and Monday 16th are missing; Sunday 15th is no gap and does not split the run
    expect(gapRuns(months)).toEqual([{ from: '2023-01-14', to: '2023-01-16', days: 2 }]);
  });
});
