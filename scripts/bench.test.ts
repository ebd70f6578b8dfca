import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tables } from './bench.ts';

/**
 * The tables `npm run bench` prints, from the results it keeps in bench-results/. The README
 * quotes these tables; the recorded runs below hold both the results and the table printed then.
 */
const recorded = (name: string) => JSON.parse(readFileSync(join(import.meta.dirname, '..', 'bench-results', name), 'utf8')) as { results: Parameters<typeof tables>[0]; table: string };

describe('the bench tables', () => {
  it.each(['run-50k-7d3476d.json', 'run-1k-10k-0b32983.json'])('print %s as they were printed when it was measured', (name) => {
    const run = recorded(name);
    expect(tables(run.results)).toBe(run.table);
  });

  it('leave out the comparisons a run did not make, and show a missing figure as a dash', () => {
    const [result] = recorded('run-1k-10k-0b32983.json').results;
    const text = tables([{ ...result!, newIssue: undefined, plain: undefined, sharded: undefined, mdx: undefined, photoBuild: undefined }]);
    expect(text.startsWith('Build (median of runs')).toBe(true);
    expect(text).toContain('Import and update');
    for (const title of ['Sharded build', 'Rendering:', 'Incremental builds:', 'Photos:']) expect(text).not.toContain(title);
    const [buildRow, updateRow] = text.split('\n').filter((line) => line.startsWith('| 1k'));
    const cells = (row: string) => row.split('|').slice(1, -1).map((cell) => cell.trim());
    // the build figures stay; the update table has the import's figures and dashes for the new issue's
    expect(cells(buildRow!).slice(1, 9)).not.toContain('–');
    expect(cells(updateRow!).slice(0, 4)).toEqual([expect.stringMatching(/^1k/u), expect.stringMatching(/^\d/u), '40', expect.stringMatching(/^\d/u)]);
    expect(cells(updateRow!).slice(4)).toEqual(['–', '–', '–', '–', '–', '–']);
  });

  it('print nothing for no results', () => {
    expect(tables([])).toBe('');
  });
});
