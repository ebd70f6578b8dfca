import { describe, expect, inject, it } from 'vitest';
import { parseBuildLog, plainText, SEARCH_PHASE } from '../../scripts/lib/bench-stats.ts';

/**
 * `npm run bench` reads its figures out of what `astro build` prints (scripts/lib/bench-stats.ts).
 * Against the log of a real build: every phase is found, so that a changed log line fails here
 * and not silently as a blank or zero column in the bench's table.
 */
describe('the build log the bench reads', () => {
  const log = inject('buildLog');

  it('names the loader, Vite, rendering, the search index and the page count', () => {
    const phases = parseBuildLog(log);
    expect(phases.loader).toEqual({ rendered: expect.any(Number), unchanged: expect.any(Number), compiled: 0 });
    expect(phases.loader!.rendered + phases.loader!.unchanged).toBeGreaterThan(0);
    for (const key of ['viteMs', 'renderMs', 'searchMs', 'pages'] as const) expect(phases[key], key).toBeGreaterThan(0);
  });

  it('marks where the search index step starts and ends, in that order', () => {
    const lines = log.split('\n').map(plainText);
    const start = lines.findIndex((line) => SEARCH_PHASE.start.test(line));
    const end = lines.findIndex((line) => SEARCH_PHASE.end.test(line));
    expect(start, log.slice(-2000)).toBeGreaterThanOrEqual(0);
    expect(end).toBeGreaterThan(start);
  });

  it('lists each route on a line of its own, and no internal output of the build', () => {
    const lines = log.split('\n').map(plainText);
    const routes = lines.filter((line) => line.includes('├─'));
    expect(routes.length).toBeGreaterThan(5);
    for (const line of routes) expect(line, line).toMatch(/^\d\d:\d\d:\d\d +├─ \/\S*$/u);
    expect(routes.some((line) => /\/_/u.test(line))).toBe(false);
    // the step says what it rendered, internal outputs counted
    expect(lines.some((line) => /rendered \d+ pages and \d+ other files.*; [1-9]\d* internal files/u.test(line))).toBe(true);
    // no timing left over from a route of its own
    expect(lines.some((line) => /^\s*\(\+\d/u.test(line))).toBe(false);
  });
});
