import { describe, expect, it } from 'vitest';
import { shardsForUpdate } from './shard.ts';

describe('npm run shard -- update', () => {
  const issues = ['2020-12-30', '2020-12-31', '2021-01-01', '2021-02-01'].map((date) => ({ paper: 'zunyi-daily', date }));

  it('rebuilds the shard of a new issue, the shard of its neighbours, and the index', () => {
    expect(shardsForUpdate(issues, [{ paper: 'zunyi-daily', date: '2021-01-01' }], ['*/2020', '*/2021-01', '*/2021-02']).sort()).toEqual(['*/2020', '*/2021-01', '*/2021-02', 'index']);
    expect(shardsForUpdate(issues, [{ paper: 'zunyi-daily', date: '2020-12-30' }], ['*/2020', '*/2021-01', '*/2021-02']).sort()).toEqual(['*/2020', 'index']);
  });

  it('adds the shard the plan gives an issue that no build owns yet', () => {
    const withMarch = [...issues, { paper: 'zunyi-daily', date: '2021-03-01' }];
    expect(shardsForUpdate(withMarch, [{ paper: 'zunyi-daily', date: '2021-03-01' }], ['*/2020', '*/2021-01', '*/2021-02'], 'year-month').sort()).toEqual(['*/2021-02', '*/2021-03', 'index']);
    // never a shard that overlaps the builds made with another plan
    expect(() => shardsForUpdate(withMarch, [{ paper: 'zunyi-daily', date: '2021-03-01' }], ['*/2020', '*/2021-01', '*/2021-02'], 'year')).toThrow(/overlaps the existing builds/);
  });

  it('rebuilds the months between an issue and its neighbour, and every shard of a paper whose calendar facts changed', () => {
    const gap = [{ paper: 'zunyi-daily', date: '2020-10-30' }, ...issues];
    const built = ['*/2020-10', '*/2020-11', '*/2020-12', '*/2021-01', '*/2021-02'];
    // 2020-10-30 then 2020-12-30: November lies in the gap, its calendars change
    expect(shardsForUpdate(gap, [{ paper: 'zunyi-daily', date: '2020-12-30' }], built).sort()).toEqual(['*/2020-10', '*/2020-11', '*/2020-12', 'index']);
    // (November holds no issue of the paper, so nothing of it changes)
    expect(shardsForUpdate(gap, [{ paper: 'zunyi-daily', date: '2021-02-01' }], built, 'year-month', new Set(['zunyi-daily'])).sort()).toEqual(['*/2020-10', '*/2020-12', '*/2021-01', '*/2021-02', 'index']);
  });

  it('rebuilds the shards of a removed issue\'s neighbours', () => {
    // 2020-12-31 was removed: 2020-12-30 and 2021-01-01 now link to each other
    const remaining = issues.filter((issue) => issue.date !== '2020-12-31');
    expect(shardsForUpdate(remaining, [{ paper: 'zunyi-daily', date: '2020-12-31' }], ['*/2020', '*/2021-01', '*/2021-02']).sort()).toEqual(['*/2020', '*/2021-01', 'index']);
  });
});
