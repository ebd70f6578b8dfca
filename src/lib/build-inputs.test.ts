import { describe, expect, it } from 'vitest';
import { describeChanges, diffInputs, type BuildInputs } from './build-inputs.ts';

const base: BuildInputs = {
  code: 'c1',
  papers: { 'zunyi-daily': 'p1', 'qiannan-daily': 'p2' },
  issues: { 'zunyi-daily/2023-01-16': 'a', 'zunyi-daily/2023-01-17': 'b', 'qiannan-daily/2023-01-17': 'c' },
};

describe('what changed between two builds', () => {
  it('finds nothing when nothing changed', () => {
    const changes = diffInputs(base, structuredClone(base));
    expect(changes).toEqual({ everything: false, papers: [], issues: [] });
    expect(describeChanges(changes)).toBe('nothing changed since the last build');
  });

  it('finds issues added, edited and removed, and paper descriptions changed', () => {
    const now = structuredClone(base);
    now.issues['zunyi-daily/2023-01-18'] = 'new';
    now.issues['zunyi-daily/2023-01-17'] = 'edited';
    delete now.issues['qiannan-daily/2023-01-17'];
    now.papers['qiannan-daily'] = 'renamed';
    const changes = diffInputs(base, now);
    expect(changes.everything).toBe(false);
    expect(changes.papers).toEqual(['qiannan-daily']);
    expect(changes.issues).toEqual([
      { paper: 'qiannan-daily', date: '2023-01-17' },
      { paper: 'zunyi-daily', date: '2023-01-17' },
      { paper: 'zunyi-daily', date: '2023-01-18' },
    ]);
    expect(describeChanges(changes)).toMatch(/papers qiannan-daily; 3 issue\(s\)/);
  });

  it('rebuilds everything when the code changed or nothing was recorded', () => {
    expect(diffInputs(base, { ...base, code: 'c2' }).everything).toBe(true);
    expect(diffInputs(undefined, base).everything).toBe(true);
  });
});
