import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, sep } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { ARTICLE_FILE_BUNDLE } from '../../src/lib/article-files.ts';
import { readBuiltCorpus } from '../../src/io/corpus-files.ts';

/**
 * The JSON, text and citation files of each article in the real build of the bundled archive.
 * The build writes them from one bundle per issue (src/integrations/article-files.ts, whose test
 * checks the bytes against src/lib/article-files.ts); here: none is missing, none is extra, no
 * bundle is left, and article.json is the same record as the article's line in the corpus.
 */
describe('per-article files of the built site', () => {
  const distDir = inject('distDir');
  const files = (readdirSync(distDir, { recursive: true, encoding: 'utf8' }) as string[])
    .filter((path) => statSync(join(distDir, path)).isFile())
    .map((path) => `/${path.split(sep).join('/')}`);
  const { lines, records } = readBuiltCorpus(distDir);

  it('leaves no issue bundle and no corpus part in the site', () => {
    expect(files.filter((path) => path.endsWith(`/${ARTICLE_FILE_BUNDLE}`))).toEqual([]);
    expect(files.filter((path) => path.startsWith('/_corpus/'))).toEqual([]);
  });

  it('holds the five files of every article at the URLs its record lists, and no others', () => {
    expect(records.length).toBeGreaterThan(0);
    const listed = records.flatMap((record) => Object.entries(record.files).filter(([kind]) => kind !== 'html').map(([, url]) => new URL(url as string).pathname));
    expect(listed).toHaveLength(records.length * 5);
    const written = files.filter((path) => /\/(?:article\.json|article\.txt|citation\.(?:bib|ris|json))$/.test(path));
    expect(written.sort()).toEqual(listed.sort());
  });

  it('writes article.json as the record of the corpus, pretty-printed', () => {
    for (const [index, record] of records.entries()) {
      const json = readFileSync(join(distDir, new URL(record.files.json).pathname), 'utf8');
      expect(json).toBe(`${JSON.stringify(JSON.parse(lines[index]!), null, 2)}\n`);
    }
  });
});
