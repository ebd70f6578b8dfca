import { describe, expect, it } from 'vitest';
import {
  encodeParts,
  partitionOf,
  articleId,
  articlesBetween,
  encodeDates,
  bundleInfo,
  decodeFilterValue,
  encodeFilter,
  fragmentUrl,
  groupId,
  manifestBundles,
  mergeFacets,
  parseGroupId,
  placeInUrl,
  recordText,
  resultFragment,
  sourceLines,
  unframe,
} from './index-format.ts';
import type { SearchSource } from './records.ts';
import { indexWords, termWords } from './tokens.ts';

const source: SearchSource = {
  url: '/zunyi-daily/2023-01-17/03/01/',
  date: '2023-01-17',
  paper: '遵义日报',
  page: 3,
  pageName: '文明实践',
  kind: 'article',
  title: '志愿服务聚合力 文明实践谱新篇',
  kicker: null,
  subtitle: '新蒲新区推进新时代文明实践工作走深走实',
  byline: '本报讯（记者 张婷）',
  credit: null,
  headline: '志愿服务聚合力 文明实践谱新篇',
  paragraphs: ['2022年，新蒲新区新时代文明实践中心以“文明实践·新蒲有约”品牌为抓手，强化项目引领。', '完成率达90%以上；惠及群众7.6万余人。'],
  people: ['张婷'],
};

describe('records', () => {
  it('keeps dates out of the searchable words', () => {
    const words = indexWords(sourceLines(source));
    const has = (text: string) => termWords(text).every((word) => words.includes(word));
    expect(has('7.6万')).toBe(true);
    expect(has('2023')).toBe(false);
    expect(has('01-17')).toBe(false);
  });

  it('lays the header fields on lines 0-4 and the body after them, one line per line', () => {
    const lines = sourceLines({ ...source, kicker: '引\n题', paragraphs: ['一\n二', '三'] });
    expect(lines).toEqual(['志愿服务聚合力 文明实践谱新篇', '引 题', '新蒲新区推进新时代文明实践工作走深走实', '本报讯（记者 张婷）', '', '一', '二', '三']);
  });

  it('gives a result its text as printed (OCR spaces removed), headline and what the result line shows', () => {
    const fragment = resultFragment({ ...source, paragraphs: [...source.paragraphs, 'New  York 的 ５G 网络'] }, 99);
    const text = recordText(fragment.content);
    expect(text.title).toBe('志愿服务聚合力文明实践谱新篇');
    expect(text.byline).toBe('本报讯（记者张婷）');
    expect(text.paragraphs).toHaveLength(3);
    expect(text.paragraphs[2]).toBe('New York的５G网络');
    expect(fragment.meta.headline).toBe('志愿服务聚合力 文明实践谱新篇');
    expect(fragment.filters).toEqual({ paper: ['遵义日报'], section: ['文明实践'], kind: ['article'] });
    expect(fragment.word_count).toBe(99);
  });
});

describe('names and ids', () => {
  it('names articles and groups by the bundle key and a base-36 number, and reads group ids back', () => {
    expect(articleId('x1a2b3c4d', 36)).toBe('x1a2b3c4d_10');
    expect(groupId('x1a2b3c4d', 35)).toBe('x1a2b3c4d_gz');
    expect(parseGroupId('x1a2b3c4d_g10')).toEqual({ bundle: 'x1a2b3c4d', group: 36 });
  });

  it('reads the date and page of a result from its URL', () => {
    expect(placeInUrl('/zunyi-daily/2023-01-17/03/01/')).toEqual({ date: '2023-01-17', page: 3 });
    expect(placeInUrl('/shards/other/guizhou-daily/2024-02-01/01/01/')).toEqual({ date: '2024-02-01', page: 1 });
    expect(placeInUrl('/about/')).toEqual({ date: '', page: null });
  });

  it('links a fragment under the site of its bundle, as Pagefind does', () => {
    expect(fragmentUrl('/pagefind/', '/a/2023-01-17/03/01/')).toBe('/a/2023-01-17/03/01/');
    expect(fragmentUrl('/shards/other/pagefind/', '/a/2023-01-17/03/01/')).toBe('/shards/other/a/2023-01-17/03/01/');
    expect(fragmentUrl('/archive/pagefind/shards/x1/', '/a/')).toBe('/archive/a/');
    expect(fragmentUrl('/pagefind/', 'https://example.org/a/')).toBe('https://example.org/a/');
  });
});

describe('site and bundle files', () => {
  it('reads the manifest: paths under the base, the primary bundle without one', () => {
    expect(manifestBundles({ bundles: ['/pagefind/', '/shards/b/pagefind/'], ordered: true }, '/archive')).toEqual({ paths: ['/archive/pagefind/', '/archive/shards/b/pagefind/'], ordered: true });
    expect(manifestBundles(null, '/')).toEqual({ paths: ['/pagefind/'], ordered: false });
    expect(manifestBundles({ bundles: [] }, '/')).toEqual({ paths: ['/pagefind/'], ordered: false });
    expect(manifestBundles({ bundles: ['https://a.example/pagefind/'] }, '/').paths).toEqual(['https://a.example/pagefind/']);
  });

  it('reads a bundle file, tolerating a missing one', () => {
    expect(bundleInfo({ key: 'xab', format: 'f', articles: 70, average_words: 900, parts: encodeParts([48, 20000, 20001]) })).toEqual({ key: 'xab', articles: 70, averageWords: 900, parts: [48, 20000, 20001], span: null });
    expect(bundleInfo({ key: 'xab', format: 'f', articles: 1, average_words: 9, parts: [], from: '2020-01-02', to: '2021-03-04' }).span).toEqual({ from: '2020-01-02', to: '2021-03-04' });
    expect(bundleInfo(null)).toEqual({ key: '', articles: 0, averageWords: 0, parts: [], span: null });
  });

  it('finds the partition of a word or a one-character prefix by its first character', () => {
    const parts = [48, 0x4e00, 0x7000];
    const word = (ch: string) => ch.codePointAt(0)!.toString(36).padStart(4, '0');
    expect(partitionOf(parts, word('5') + word('g'))).toBe(0);
    expect(partitionOf(parts, word('一'))).toBe(1);
    expect(partitionOf(parts, word('疫') + word('情'))).toBe(2);
    expect(partitionOf(parts, word('\u4dff'))).toBe(0);
    // before the first partition, or no partitions at all
    expect(partitionOf(parts, word('!'))).toBe(-1);
    expect(partitionOf([], word('疫'))).toBe(-1);
  });

  it('writes filter values as differences and reads them back', () => {
    const file = encodeFilter(new Map([['张婷', [3, 4, 10]], ['一丁', [0]]]));
    expect(file).toEqual({ 张婷: [3, 1, 6], 一丁: [0] });
    expect(decodeFilterValue(file['张婷']!)).toEqual([3, 4, 10]);
  });

  it('writes each article’s date as runs of days and finds the articles of a date range', () => {
    const dates = ['2022-12-31', '2022-12-31', '2023-01-01', '2023-03-01', '2023-03-01', '2023-03-01'];
    const file = encodeDates(dates);
    expect(file).toEqual({ first: '2022-12-31', runs: [[0, 2], [1, 1], [59, 3]] });
    expect(articlesBetween(file, '2023-01-01', '2023-03-01')).toEqual([2, 3, 4, 5]);
    expect(articlesBetween(file, '2022-01-01', '2022-12-31')).toEqual([0, 1]);
    expect(articlesBetween(file, '2023-01-02', '2023-02-28')).toEqual([]);
    // any order of articles
    expect(articlesBetween(encodeDates(['2023-03-01', '2022-12-31', '2023-03-01']), '2023-01-01', '2023-12-31')).toEqual([0, 2]);
    expect(articlesBetween(encodeDates([]), '0000-01-01', '9999-12-31')).toEqual([]);
  });

  it('adds up the facets of several bundles', () => {
    expect(mergeFacets([{ paper: { 遵义日报: 2 } }, { paper: { 遵义日报: 1, 贵州日报: 4 }, year: { 2024: 4 } }])).toEqual({ paper: { 遵义日报: 3, 贵州日报: 4 }, year: { 2024: 4 } });
  });

  it('strips Pagefind’s signature, and refuses bytes without it', () => {
    const framed = new TextEncoder().encode('pagefind_dcd{"a":1}');
    expect(new TextDecoder().decode(unframe(framed)!)).toBe('{"a":1}');
    expect(unframe(new TextEncoder().encode('{"a":1}'))).toBeNull();
  });
});
