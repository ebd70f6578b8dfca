import type { AstroLoggerMessage } from 'astro';
import { progressLine } from './progress.ts';

/**
 * What `astro build` prints, made readable. Astro announces each route it renders on a line
 * that its timing ends later; rendering four at a time, it runs the lines together
 * (`├─ /a├─ /b├─ /c (+13ms)`), and it lists the build's internal outputs (the per-issue bundles
 * of article files, the search sources, the corpus parts), which later steps consume and
 * delete. Here each route gets a line of its own, internal outputs are counted but not listed,
 * the timings that belong to nobody are dropped, and past the first routes a line of progress
 * replaces the list every few seconds; a summary closes the step. Every other line passes as it
 * is (the bench reads several of them: scripts/lib/bench-stats.ts).
 */

/**
 * A file the build writes for its own later steps and removes before it ends: a path with a
 * segment that starts with `_` (`/_corpus/papers.json`, `/_search-sources/0.json`,
 * `/<paper>/<date>/_article-files.json`). No page or file of the site has one.
 */
export function isInternalOutput(path: string): boolean {
  return path.split('/').some((segment) => segment.startsWith('_'));
}

export interface BuildLogOptions {
  /** Routes listed one per line before progress lines take over (default 40). */
  listed?: number;
  /** Milliseconds between progress lines (default 5,000). */
  everyMs?: number;
  now?: () => number;
}

// eslint-disable-next-line no-control-regex
const count = (n: number) => n.toLocaleString('en-US');
const ANSI = /\u001b\[[0-9;]*m/gu;
const ROUTE = /├─\s*(\S+)/u;
const TIMING = /^\s*\((?:\+[\d.]+\s*m?s|cached|restored)\)/u;

/** A filter from Astro's log events to the events to print. */
export function buildLogFilter({ listed = 40, everyMs = 5_000, now = () => performance.now() }: BuildLogOptions = {}): (event: AstroLoggerMessage) => AstroLoggerMessage[] {
  let routes = 0;
  let pages = 0;
  let internal = 0;
  let cached = 0;
  let started: number | null = null;
  let next = 0;
  const info = (message: string): AstroLoggerMessage => ({ label: 'build', level: 'info', message, newLine: true });
  return (event) => {
    const text = event.message.replace(ANSI, '');
    const route = event.newLine ? null : ROUTE.exec(text);
    if (route) {
      if (started === null) {
        started = now();
        next = started + everyMs;
      }
      if (isInternalOutput(route[1]!)) {
        internal++;
        return [];
      }
      routes++;
      if (route[1]!.endsWith('.html')) pages++;
      if (routes <= listed) return [{ ...event, newLine: true }];
      if (routes === listed + 1) return [info(`more pages and files to render: progress every ${Math.round(everyMs / 1000)} s`)];
      const time = now();
      if (time < next) return [];
      next = time + everyMs;
      return [info(progressLine('pages and files rendered', routes, undefined, time - started))];
    }
    if (event.label === 'SKIP_FORMAT' && TIMING.test(text)) {
      if (/\((?:cached|restored)\)/u.test(text)) cached++;
      return [];
    }
    if (started !== null && text.includes('✓ Completed in')) {
      const summary = info(
        `rendered ${count(pages)} pages and ${count(routes - pages)} other files${cached > 0 ? ` (${count(cached)} unchanged, from the incremental build cache)` : ''}; ${count(internal)} internal files for the steps after rendering, not listed`,
      );
      started = null;
      routes = pages = internal = cached = 0;
      return [summary, event];
    }
    return [event];
  };
}
