import { describe, expect, it } from 'vitest';
import { importManifestSchema } from '../schemas/import-manifest.ts';
import { issueSchema } from '../schemas/issue.ts';
import { photoMappingSchema } from '../schemas/photo-mapping.ts';
import { locateIssues, MAX_YAML_ALIASES, parseYamlData, yamlLines } from './yaml-data.ts';

describe('YAML checked by a schema, every problem at its line', () => {
  it('returns the data of a valid file', () => {
    const result = parseYamlData('paper: zunyi-daily\ndate: 2023-01-17\npages:\n  - number: 3\n', issueSchema);
    expect(result).toEqual({ ok: true, data: { paper: 'zunyi-daily', date: '2023-01-17', pages: [{ number: 3, name: null, credits: [] }] } });
  });

  it('reports every schema problem, not the first only, each at the line of its key', () => {
    const text = 'paper: search\ndate: 2023-02-30\nnumber: -1\npages:\n  - number: 3\n  - number: 4\n  - number: 3\n';
    const result = parseYamlData(text, issueSchema);
    expect(result.ok).toBe(false);
    const problems = result.ok ? [] : result.problems;
    expect(problems.map((p) => p.line)).toEqual([1, 2, 3, 7]);
    expect(problems[0]!.message).toMatch(/^`paper`: the site uses this path itself/);
    expect(problems[1]!.message).toBe('`date`: this date does not exist in the calendar');
    expect(problems[3]!.message).toMatch(/^`pages\.2\.number`: page 3 is listed twice \(entries 1 and 3 of `pages:`\)/);
  });

  it('says a missing key is missing, at the line of its mapping', () => {
    const result = parseYamlData('paper: zunyi-daily\npages: []\n', issueSchema);
    expect(result).toEqual({ ok: false, problems: [{ line: 1, message: '`date` is missing: add it (a string)' }] });
  });

  it('reports YAML syntax errors with their lines', () => {
    const result = parseYamlData('paper: zunyi-daily\npaper: again\ndate: 2023-01-17\n', issueSchema);
    expect(result).toEqual({ ok: false, problems: [{ line: 2, message: 'not valid YAML: Map keys must be unique' }] });
  });

  it('stops a billion-laughs file at the first alias, with a message instead of an exception', () => {
    const lines = ['- &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
    for (const [i, name] of [...'bcdefghi'].entries()) lines.push(`- &${name} [${Array(9).fill(`*${'abcdefghi'[i]}`).join(', ')}]`);
    const started = performance.now();
    const result = parseYamlData(lines.join('\n'), photoMappingSchema);
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.problems).toEqual([{ line: 2, message: expect.stringContaining(`more than ${MAX_YAML_ALIASES} copies`) }]);
    // a loose bound, only to show that nothing was expanded (9^9 strings would take minutes)
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it('refuses paths out of the import folder in issue.yml and photos.yml', () => {
    const manifest = parseYamlData('paper: zunyi-daily\ndate: 2023-01-17\npages:\n  - number: 3\n    file: ../x.txt\n  - number: 4\n    file: /etc/passwd\n    photos: "a\\0b"\n', importManifestSchema);
    expect(manifest.ok ? [] : manifest.problems.map((p) => [p.line, p.message.split(':')[0]])).toEqual([
      [5, '`pages.0.file`'],
      [7, '`pages.1.file`'],
      [8, '`pages.1.photos`'],
    ]);
    const mapping = parseYamlData('- file: sub/a.jpg\n  article: 1\n- file: ..\n  article: 2\n', photoMappingSchema);
    expect(mapping.ok ? [] : mapping.problems.map((p) => p.line)).toEqual([1, 3]);
  });

  it('places issues of data parsed elsewhere at their lines, and finds lines of valid data', () => {
    const text = 'kind: article\ntitle: x\nphotos:\n  - file: 01-1.jpg\n    width: wide\n';
    expect(locateIssues(text, [{ code: 'custom', path: ['photos', 0, 'width'], message: 'not a number', input: 'wide' }])).toEqual([{ line: 5, message: '`photos.0.width`: not a number' }]);
    expect(yamlLines(text)(['photos', 0, 'file'])).toBe(4);
    // an item that is not there: the list's first line
    expect(yamlLines(text)(['photos', 3, 'file'])).toBe(4);
  });
});
