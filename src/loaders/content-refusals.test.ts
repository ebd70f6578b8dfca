import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, ROOT } from '../io/astro-build.ts';

/**
 * The build refuses content it cannot publish, naming every broken file in one run: one archive
 * imported with the real CLI, then broken by hand in ten ways, and one `astro build` over it.
 * Each problem must appear with its file, its line where there is one, and a fix; the build must
 * stop before writing any page.
 */
const work = resolve(ROOT, `.cache/test-refusals/${process.pid}`);
const content = join(work, 'content');
const issue = join(content, 'zunyi-daily/2023-01-17');
const page = join(issue, '03');
let output = '';
let failed = false;

/** Replace one line of a file (it must be there). */
function edit(path: string, from: RegExp, to: string): void {
  const text = readFileSync(path, 'utf8');
  if (!from.test(text)) throw new Error(`${path}: nothing matches ${from}`);
  writeFileSync(path, text.replace(from, to));
}

/** The first line of a file (1-based) that starts with `prefix`. */
function lineOf(path: string, prefix: string): number {
  return readFileSync(path, 'utf8').split('\n').findIndex((line) => line.startsWith(prefix)) + 1;
}

/** The last such line. */
function lastLineOf(path: string, prefix: string): number {
  return readFileSync(path, 'utf8').split('\n').findLastIndex((line) => line.startsWith(prefix)) + 1;
}

beforeAll(async () => {
  rmSync(work, { recursive: true, force: true });
  mkdirSync(join(content, 'papers'), { recursive: true });
  cpSync(resolve(ROOT, 'content/papers/zunyi-daily.yml'), join(content, 'papers/zunyi-daily.yml'));
  const imported = spawnSync(
    process.execPath,
    [resolve(ROOT, 'scripts/import.ts'), resolve(ROOT, 'tests/fixtures/sample/zunyi-2023-01-page.txt'), '--paper', 'zunyi-daily', '--date', '2023-01-17', '--page', '3', '--content', content],
    { encoding: 'utf8' },
  );
  if (imported.status !== 0) throw new Error(imported.stderr);

  // 1. front matter that is not YAML
  edit(join(page, '01.mdx'), /^title: .*$/m, 'title: [志愿服务聚合力');
  // 2. a field of the wrong type
  edit(join(page, '02.mdx'), /^kind: .*$/m, 'kind: 7');
  // 3. a photo named in front matter but not there
  edit(join(page, '03.mdx'), /^photos: \[\]$/m, `photos:\n  - file: 03-1.jpg\n    width: 800\n    height: 600\n    sha256: ${'ab'.repeat(32)}`);
  // 4. an item number beyond 999, and 5. one written with three digits below 100
  cpSync(join(page, '04.mdx'), join(page, '1000.mdx'));
  cpSync(join(page, '04.mdx'), join(page, '005.mdx'));
  // 6. a page listed twice in issue.yml
  writeFileSync(join(issue, 'issue.yml'), `${readFileSync(join(issue, 'issue.yml'), 'utf8')}  - number: 3\n    name: 重复\n`);
  // 7. an issue.yml in the wrong folder, 8. one that is not YAML
  mkdirSync(join(content, 'zunyi-daily/2023-01-18'), { recursive: true });
  writeFileSync(join(content, 'zunyi-daily/2023-01-18/issue.yml'), 'paper: zunyi-daily\ndate: 2023-01-19\npages: []\n');
  mkdirSync(join(content, 'zunyi-daily/2023-01-20'), { recursive: true });
  writeFileSync(join(content, 'zunyi-daily/2023-01-20/issue.yml'), 'paper: zunyi-daily\ndate: 2023-01-20\npages:\n  - number: [3\n');
  // 9. a paper whose slug is a path of the site
  writeFileSync(join(content, 'papers/search.yml'), 'name: 检索报\nplace: 某地\n');
  // 10. an article file outside any page folder, 11. one saved as GBK by an editor
  cpSync(join(page, '04.mdx'), join(issue, 'notes.mdx'));
  writeFileSync(join(page, '05.mdx'), Buffer.concat([Buffer.from(readFileSync(join(page, '05.mdx'), 'utf8').slice(0, 40)), Buffer.from([0xd6, 0xd0, 0xce, 0xc4, 0x0a])]));

  try {
    ({ output } = await buildSite({ contentDir: content, outDir: join(work, 'dist'), astroCache: join(work, 'astro'), env: { FORCE_COLOR: '0', NO_COLOR: '1' } }));
  } catch (error) {
    failed = true;
    output = (error as Error).message;
  }
}, 300_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('a build over broken content', () => {
  it('fails before writing any page, and says how many problems in how many files', () => {
    expect(failed, output).toBe(true);
    expect(output).toMatch(/\[ContentError\] 11 problems in 11 content files; nothing was built:/);
    expect(existsSync(join(work, 'dist/index.html'))).toBe(false);
    // the message is the report: no stack trace of the loader
    expect(output).not.toMatch(/Stack trace:|^\s+at .*\.(?:ts|js):\d+/m);
    expect(output).toMatch(/Hint:\s+Fix each file as its line says/);
  });

  // paths as the build prints them: relative to the project
  const at = (file: string, line?: number) => new RegExp(`^\\s+${relative(ROOT, join(content, file)).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}${line !== undefined ? `:${line}` : ''}: `, 'm');
  const cases: Array<[string, () => RegExp[]]> = [
    ['invalid YAML in front matter', () => [at('zunyi-daily/2023-01-17/03/01.mdx', lineOf(join(page, '01.mdx'), 'title:') + 1), /the front matter is not valid YAML \(here or just above\): /, /fix: correct the YAML between the --- lines/]],
    ['a field of the wrong type', () => [at('zunyi-daily/2023-01-17/03/02.mdx', lineOf(join(page, '02.mdx'), 'kind:')), /front matter `kind`: Invalid option: expected one of "article"\|"photo"/]],
    ['a missing photo', () => [at('zunyi-daily/2023-01-17/03/03.mdx', lineOf(join(page, '03.mdx'), '  - file: 03-1.jpg')), /names 03-1\.jpg \(`photos\.0\.file`\), which is not in zunyi-daily\/2023-01-17\/03\/: the page would show a broken image/, /fix: put 03-1\.jpg back \(import the page again with its photos\), or delete the entry from `photos\.0`/]],
    ['an item number beyond 999', () => [at('zunyi-daily/2023-01-17/03/1000.mdx'), /"1000\.mdx" is not an item number the site accepts\n\s+fix: a page holds at most 999 items/]],
    ['an item number with a leading zero', () => [at('zunyi-daily/2023-01-17/03/005.mdx'), /fix: write the number with two digits \(three from 100\): rename it to 05\.mdx/]],
    ['a page listed twice', () => [at('zunyi-daily/2023-01-17/issue.yml', lastLineOf(join(issue, 'issue.yml'), '  - number: 3')), /`pages\.1\.number`: page 3 is listed twice \(entries 1 and 2 of `pages:`\)/]],
    ['an issue.yml in the wrong folder', () => [at('zunyi-daily/2023-01-18/issue.yml'), /issue\.yml says paper zunyi-daily, date 2023-01-19, but lies in zunyi-daily\/2023-01-18\//]],
    ['an issue.yml that is not YAML', () => [at('zunyi-daily/2023-01-20/issue.yml', 5), /not valid YAML: /]],
    ['a reserved paper slug', () => [at('papers/search.yml'), /the file name "search" cannot be a paper slug: the site uses this path itself/]],
    ['an article file outside a page folder', () => [at('zunyi-daily/2023-01-17/notes.mdx'), /an article file must lie at <paper>\/<YYYY-MM-DD>\/<page>\/<nn>\.mdx/]],
    ['an article saved in another encoding', () => [at('zunyi-daily/2023-01-17/03/05.mdx'), /not UTF-8 text\n\s+fix: save the file as UTF-8/]],
  ];
  for (const [what, patterns] of cases) {
    it(`names ${what}, with the line and the fix`, () => {
      for (const pattern of patterns()) expect(output).toMatch(pattern);
    });
  }
});
