import type { AstroLoggerMessage } from 'astro';
import { describe, expect, it } from 'vitest';
import { buildLogFilter, isInternalOutput } from './build-log.ts';

const route = (path: string): AstroLoggerMessage => ({ label: null, level: 'info', message: `  \u001b[34m├─\u001b[39m \u001b[2m${path}\u001b[22m`, newLine: false });
const timing = (text = ' (+13ms) '): AstroLoggerMessage => ({ label: 'SKIP_FORMAT', level: 'info', message: text, newLine: true });
const info = (label: string | null, message: string): AstroLoggerMessage => ({ label, level: 'info', message, newLine: true });

describe('the build log', () => {
  it('knows the build’s internal outputs from the pages and files of the site', () => {
    expect(isInternalOutput('/_corpus/papers.json')).toBe(true);
    expect(isInternalOutput('/_search-sources/0.json')).toBe(true);
    expect(isInternalOutput('/zunyi-daily/2023-01-17/_article-files.json')).toBe(true);
    expect(isInternalOutput('/zunyi-daily/2023-01-17/03/01/index.html')).toBe(false);
    expect(isInternalOutput('/data/index.html')).toBe(false);
  });

  it('gives each route a line, drops timings and internal outputs, and sums the step up before its end', () => {
    const filter = buildLogFilter({ now: () => 0 });
    const events = [
      info('build', 'Rearranging server assets...'),
      route('/_corpus/papers.json'),
      route('/404.html'),
      route('/data/index.html'),
      route('/zunyi-daily/2023-01-17/_article-files.json'),
      timing(),
      timing(' \u001b[31m(+1.2s)\u001b[39m '),
      route('/sitemap.xml'),
      timing(),
      route('/index.html'),
      timing(' \u001b[32m(cached)\u001b[39m'),
      timing(),
      info(null, '\u001b[32m✓ Completed in 203ms.\n\u001b[39m'),
      info('build', '13 page(s) built in 1.93s'),
    ];
    const out = events.flatMap(filter);
    expect(out.every((event) => event.newLine)).toBe(true);
    const text = out.map((event) => event.message.replace(/\u001b\[[0-9;]*m/gu, '').trim());
    expect(text).toEqual([
      'Rearranging server assets...',
      '├─ /404.html',
      '├─ /data/index.html',
      '├─ /sitemap.xml',
      '├─ /index.html',
      'rendered 3 pages and 1 other files (1 unchanged, from the incremental build cache); 2 internal files for the steps after rendering, not listed',
      '✓ Completed in 203ms.',
      '13 page(s) built in 1.93s',
    ]);
  });

  it('lists the first routes of a large build, then reports progress every few seconds', () => {
    let clock = 0;
    const filter = buildLogFilter({ listed: 3, everyMs: 5_000, now: () => clock });
    const out: string[] = [];
    for (let i = 1; i <= 20; i++) {
      clock = i * 1_000;
      out.push(...filter(route(`/a/${i}/index.html`)).map((event) => event.message.replace(/\u001b\[[0-9;]*m/gu, '').trim()));
      filter(timing());
    }
    expect(out.slice(0, 4)).toEqual(['├─ /a/1/index.html', '├─ /a/2/index.html', '├─ /a/3/index.html', 'more pages and files to render: progress every 5 s']);
    // the step started at the first route (1 s); reports at 6, 11 and 16 s
    expect(out.slice(4)).toEqual(['pages and files rendered: 6, 5 s', 'pages and files rendered: 11, 10 s', 'pages and files rendered: 16, 15 s']);
  });
});
