import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Manifest } from '../lib/open-data.ts';
import type { CorpusIndex } from '../lib/corpus.ts';
import { assembleCorpus, listCorpusParts, readBuiltCorpus, writeCorpusPart, writeYearFile } from './corpus-files.ts';

const INDEX: CorpusIndex = {
  site: 'https://archive.example/',
  papers: [
    { slug: 'zunyi-daily', name: '遵义日报', issues: 3, articles: 3, first: '2022-12-31', last: '2023-01-02' },
    { slug: 'qiannan-daily', name: '黔南日报', issues: 1, articles: 0, first: '2023-01-01', last: '2023-01-01' },
  ],
};

const line = (id: string) => `${JSON.stringify({ id, text: '“引号”\n换行' })}\n`;

let site: string;
beforeEach(() => {
  site = mkdtempSync(join(tmpdir(), 'corpus-'));
  mkdirSync(join(site, '_corpus'), { recursive: true });
  writeFileSync(join(site, '_corpus', 'papers.json'), JSON.stringify(INDEX));
  // written out of order, as issues are unpacked
  writeCorpusPart(site, 'zunyi-daily', '2023-01-02', line('zunyi-daily/2023-01-02/01/01'));
  writeCorpusPart(site, 'zunyi-daily', '2022-12-31', line('zunyi-daily/2022-12-31/01/01'));
  writeCorpusPart(site, 'zunyi-daily', '2023-01-01', line('zunyi-daily/2023-01-01/01/01') + line('zunyi-daily/2023-01-01/02/01'));
  // an issue without articles still has its (empty) part
  writeCorpusPart(site, 'qiannan-daily', '2023-01-01', '');
});
afterEach(() => rmSync(site, { recursive: true, force: true }));

describe('the corpus files of a whole build', () => {
  it('joins the issue parts into one file per paper and year, in date order, and removes the parts', () => {
    expect(assembleCorpus(site)).toEqual({ files: 3, records: 4 });
    expect(existsSync(join(site, '_corpus'))).toBe(false);
    const ids = (path: string) => readFileSync(join(site, path), 'utf8').trimEnd().split('\n').map((l) => JSON.parse(l).id);
    expect(ids('data/zunyi-daily/2023.jsonl')).toEqual(['zunyi-daily/2023-01-01/01/01', 'zunyi-daily/2023-01-01/02/01', 'zunyi-daily/2023-01-02/01/01']);
    expect(ids('data/zunyi-daily/2022.jsonl')).toEqual(['zunyi-daily/2022-12-31/01/01']);
    expect(readFileSync(join(site, 'data/qiannan-daily/2023.jsonl'), 'utf8')).toBe('');
  });

  it('describes every file in the manifest with the bytes, checksum and records it holds', () => {
    assembleCorpus(site);
    const manifest = JSON.parse(readFileSync(join(site, 'data/manifest.json'), 'utf8')) as Manifest;
    expect(manifest.papers).toEqual(INDEX.papers);
    expect(manifest.site).toBe('https://archive.example/');
    expect(manifest.files.map((file) => file.path)).toEqual(['/data/qiannan-daily/2023.jsonl', '/data/zunyi-daily/2022.jsonl', '/data/zunyi-daily/2023.jsonl']);
    for (const file of manifest.files) {
      const bytes = readFileSync(join(site, file.path));
      expect(file.bytes).toBe(bytes.length);
      expect(file.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
      expect(file.records).toBe(bytes.toString('utf8').split('\n').length - 1);
      expect(file.url).toBe(`https://archive.example${file.path}`);
    }
    expect(manifest.files.find((file) => file.path === '/data/zunyi-daily/2022.jsonl')).toMatchObject({ paper: 'zunyi-daily', year: '2022', records: 1, description: '遵义日报 2022 年的全部稿件' });
    // sha256sum -c and wget -i read these
    expect(readFileSync(join(site, 'data/SHA256SUMS.txt'), 'utf8')).toBe(manifest.files.map((file) => `${file.sha256}  ${file.path.slice('/data/'.length)}\n`).join(''));
    expect(readFileSync(join(site, 'data/urls.txt'), 'utf8')).toBe(manifest.files.map((file) => `${file.url}\n`).join(''));
  });

  it('says which file is missing and what to build when there is no paper list', () => {
    rmSync(join(site, '_corpus', 'papers.json'));
    expect(() => assembleCorpus(site)).toThrow(/_corpus\/papers\.json is missing: .*build that again/);
  });

  it('refuses an issue held by two builds rather than writing it twice', () => {
    const other = mkdtempSync(join(tmpdir(), 'corpus-other-'));
    try {
      writeCorpusPart(other, 'zunyi-daily', '2023-01-01', line('x'));
      const parts = [...listCorpusParts(site), ...listCorpusParts(other)].filter((part) => part.paper === 'zunyi-daily' && part.date.startsWith('2023'));
      expect(() => writeYearFile(parts, join(site, 'data/zunyi-daily/2023.jsonl'))).toThrow(/two builds hold the issue zunyi-daily 2023-01-01/);
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
  });

  it('keeps the previous year file and leaves no temp file when a part cannot be read', () => {
    const target = join(site, 'data/zunyi-daily/2023.jsonl');
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, '旧的年份文件\n');
    const parts = [...listCorpusParts(site).filter((part) => part.paper === 'zunyi-daily' && part.date.startsWith('2023')), { paper: 'zunyi-daily', date: '2023-12-31', file: join(site, '_corpus/zunyi-daily/gone.jsonl') }];
    expect(() => writeYearFile(parts, target)).toThrow(/ENOENT/);
    expect(readFileSync(target, 'utf8')).toBe('旧的年份文件\n');
    expect(readdirSync(dirname(target))).toEqual(['2023.jsonl']);
  });

  it('reads a built corpus back through its manifest, and says to build first when there is none', () => {
    expect(() => readBuiltCorpus(site)).toThrow(/data\/manifest\.json is missing: build the site first/);
    assembleCorpus(site);
    const { manifest, records } = readBuiltCorpus(site);
    expect(records.length).toBe(manifest.files.reduce((n, file) => n + file.records, 0));
    expect(records.length).toBeGreaterThan(0);
  });
});
