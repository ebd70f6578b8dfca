import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { archiveOf } from '../../tests/support/archive-fixture.ts';
import type { Archive } from '../lib/archive.ts';
import { ARTICLE_FILE_BUNDLE, articleFileBundle, articleFiles, type ArticleFileBundle } from '../lib/article-files.ts';
import { articleView } from '../lib/article-view.ts';
import { paths } from '../lib/paths.ts';
import { unpackArticleFiles } from './article-files.ts';
import { markBuildStart, removeStale } from './output-in-place.ts';

const SITE_URL = 'https://archive.example';

/** An archive of one issue with two pages: an article, a photo item and an article without a title. */
function sampleArchive(): Archive {
  return archiveOf({
    pages: { '2023-01-17': { 1: '要闻', 3: null } },
    articles: [
      { id: 'zunyi-daily/2023-01-17/01/01', data: { kind: 'article', title: '志愿服务聚合力 文明实践谱新篇', dateline: '本报讯', reporters: ['张婷'], correspondents: ['陈静'] }, body: '本报讯 近日，新蒲新区开展活动。\n\n活动持续到月底。\n' },
      { id: 'zunyi-daily/2023-01-17/01/02', data: { kind: 'photo', photographers: ['向婧'], credit: '（记者 向婧 摄影报道）' }, body: '日前，赤水市春节“送文化下乡”活动举行。图为群众展示领到的春联。\n' },
      { id: 'zunyi-daily/2023-01-17/03/01', data: { kind: 'article', column: '我们的节日，春节', reporters: ['李明', '王芳', '赵强', '钱多'] }, body: '`<新蒲>` {记者} 1. 第一段 "引号" -- 破折号\n' },
    ],
  });
}

/** Every file under a folder, as site paths. */
function listFiles(root: string): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) walk(join(dir, entry.name));
      else found.push(`/${relative(root, join(dir, entry.name)).split(sep).join('/')}`);
    }
  };
  walk(root);
  return found.sort();
}

let site: string;
beforeEach(() => {
  site = mkdtempSync(join(tmpdir(), 'article-files-'));
});
afterEach(() => rmSync(site, { recursive: true, force: true }));

/** Write a bundle where the build writes it, as the injected endpoint would. */
function writeBundle(bundle: ArticleFileBundle, issueUrl = '/zunyi-daily/2023-01-17/'): void {
  mkdirSync(join(site, issueUrl), { recursive: true });
  writeFileSync(join(site, issueUrl, ARTICLE_FILE_BUNDLE), JSON.stringify(bundle));
}

describe('article files written from the per-issue bundles', () => {
  it('writes each file of each article exactly as articleFiles makes it, and deletes the bundle', () => {
    const archive = sampleArchive();
    const issue = archive.issue('zunyi-daily', '2023-01-17')!;
    // what the build writes before this step: the pages, and the issue's other files
    writeFileSync(join(site, 'index.html'), '<!doctype html>');
    mkdirSync(join(site, 'zunyi-daily', '2023-01-17', '01', '01'), { recursive: true });
    writeFileSync(join(site, 'zunyi-daily', '2023-01-17', '01', '01', 'index.html'), '<!doctype html>');
    writeBundle(articleFileBundle(archive, issue, SITE_URL));

    expect(unpackArticleFiles(site)).toEqual({ bundles: 1, files: 15, unchanged: 0 });

    const expected = new Map(archive.articles.flatMap((ref) => articleFiles(articleView(archive, ref), SITE_URL)).map((file) => [file.path, file.body]));
    expect(expected.size).toBe(15);
    const written = listFiles(site).filter((path) => !path.endsWith('.html') && !path.startsWith('/_corpus/'));
    // no bundle is left, no file is missing, none is extra
    expect(written.filter((path) => path.endsWith(`/${ARTICLE_FILE_BUNDLE}`))).toEqual([]);
    expect(written).toEqual([...expected.keys()].sort());
    for (const [path, body] of expected) expect(readFileSync(join(site, path), 'utf8'), path).toBe(body);
  });

  it("keeps the issue's corpus lines as its part: the records of its article.json files, in reading order", () => {
    const archive = sampleArchive();
    writeBundle(articleFileBundle(archive, archive.issue('zunyi-daily', '2023-01-17')!, SITE_URL));
    unpackArticleFiles(site);
    const lines = readFileSync(join(site, '_corpus', 'zunyi-daily', '2023-01-17.jsonl'), 'utf8').split('\n');
    expect(lines.pop()).toBe('');
    expect(lines.map((line) => JSON.parse(line).id)).toEqual(archive.articles.map((ref) => ref.entry.id));
    for (const line of lines) {
      const record = JSON.parse(line) as { files: { json: string } };
      expect(`${JSON.stringify(record, null, 2)}\n`).toBe(readFileSync(join(site, new URL(record.files.json).pathname), 'utf8'));
    }
  });

  it('writes the files at the URLs that article.json lists for them', () => {
    const archive = sampleArchive();
    writeBundle(articleFileBundle(archive, archive.issue('zunyi-daily', '2023-01-17')!, SITE_URL));
    unpackArticleFiles(site);
    for (const ref of archive.articles) {
      const record = JSON.parse(readFileSync(join(site, paths.articleJson(ref.entry.id)), 'utf8')) as { files: Record<string, string> };
      const { html, ...files } = record.files;
      expect(html).toBe(`${SITE_URL}${ref.url}`);
      expect(Object.keys(files).sort()).toEqual(['bib', 'csl', 'json', 'ris', 'txt']);
      for (const url of Object.values(files)) expect(existsSync(join(site, new URL(url).pathname)), url).toBe(true);
    }
  });

  it('keeps every path of a bundle inside its issue folder', () => {
    const archive = sampleArchive();
    const bundle = articleFileBundle(archive, archive.issue('zunyi-daily', '2023-01-17')!, SITE_URL);
    expect(bundle.files.map((file) => file.path).slice(0, 5)).toEqual(['01/01/article.json', '01/01/article.txt', '01/01/citation.bib', '01/01/citation.ris', '01/01/citation.json']);
    for (const path of ['../2023-01-18/01/01/article.json', '/etc/passwd', '01/../../x.json']) {
      writeBundle({ files: [{ path, body: 'x' }], corpus: '' });
      expect(() => unpackArticleFiles(site), path).toThrow(/not a path inside the issue's folder/);
    }
  });

  it('refuses to overwrite a file that another route wrote', () => {
    writeBundle({ files: [{ path: '01/01/article.json', body: '{}\n' }], corpus: '' });
    mkdirSync(join(site, 'zunyi-daily', '2023-01-17', '01', '01'), { recursive: true });
    writeFileSync(join(site, 'zunyi-daily', '2023-01-17', '01', '01', 'article.json'), '{}\n');
    expect(() => unpackArticleFiles(site)).toThrow(/already written by another route/);
  });

  it("replaces a file of the previous build in the same folder, not one of this build's", () => {
    const path = join(site, 'zunyi-daily', '2023-01-17', '01', '01', 'article.json');
    mkdirSync(join(site, 'zunyi-daily', '2023-01-17', '01', '01'), { recursive: true });
    writeFileSync(path, '{"old":true}\n');
    writeFileSync(join(site, 'zunyi-daily', '2023-01-17', '01', '01', 'article.txt'), '正文\n');
    markBuildStart(site);
    writeBundle({ files: [{ path: '01/01/article.json', body: '{}\n' }, { path: '01/01/article.txt', body: '正文\n' }], corpus: '' });
    expect(unpackArticleFiles(site)).toEqual({ bundles: 1, files: 2, unchanged: 0 });
    expect(readFileSync(path, 'utf8')).toBe('{}\n');
    // written again in this build by someone else: refused
    writeBundle({ files: [{ path: '01/01/article.json', body: '{}\n' }], corpus: '' });
    expect(() => unpackArticleFiles(site)).toThrow(/already written by another route/);
    // a file that was already right is kept, and counts as written by this build
    expect(removeStale(site)).toEqual({ removed: 0 });
    expect(readFileSync(join(site, 'zunyi-daily', '2023-01-17', '01', '01', 'article.txt'), 'utf8')).toBe('正文\n');
  });

  it('leaves the files of an issue whose bundle is the one it last wrote there, while they are all there', () => {
    const archive = sampleArchive();
    const issue = archive.issue('zunyi-daily', '2023-01-17')!;
    const record = join(site, '..', `${site.split(sep).at(-1)}-record.json`);
    const build = () => {
      markBuildStart(site);
      writeBundle(articleFileBundle(archive, issue, SITE_URL));
      return unpackArticleFiles(site, { record });
    };
    try {
      expect(build()).toMatchObject({ files: 15, unchanged: 0 });
      const json = join(site, paths.articleJson('zunyi-daily/2023-01-17/01/01'));
      const before = statSync(json, { bigint: true }).ctimeNs;
      expect(build()).toEqual({ bundles: 1, files: 0, unchanged: 1 });
      expect(statSync(json, { bigint: true }).ctimeNs).toBe(before);
      // the corpus part is written every time (the corpus step deletes the parts)
      expect(existsSync(join(site, '_corpus', 'zunyi-daily', '2023-01-17.jsonl'))).toBe(true);
      // a file gone from the folder: the bundle is written again
      rmSync(join(site, paths.articleText('zunyi-daily/2023-01-17/03/01')));
      expect(build()).toMatchObject({ files: 15, unchanged: 0 });
      // a bundle that changed is written
      const edited = archiveOf({ articles: [{ id: 'zunyi-daily/2023-01-17/01/01', data: { kind: 'article', title: '新标题' }, body: '正文。\n' }] });
      markBuildStart(site);
      writeBundle(articleFileBundle(edited, edited.issue('zunyi-daily', '2023-01-17')!, SITE_URL));
      expect(unpackArticleFiles(site, { record })).toMatchObject({ files: 5, unchanged: 0 });
      expect(JSON.parse(readFileSync(json, 'utf8')).title).toBe('新标题');
    } finally {
      rmSync(record, { force: true });
    }
  });

  it('finds nothing to do in a site without bundles', () => {
    mkdirSync(join(site, 'zunyi-daily', '2023-01-17'), { recursive: true });
    mkdirSync(join(site, 'photos', '0123456789abcdef'), { recursive: true });
    expect(unpackArticleFiles(site)).toEqual({ bundles: 0, files: 0, unchanged: 0 });
  });
});
