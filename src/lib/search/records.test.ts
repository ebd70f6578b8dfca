import { describe, expect, it } from 'vitest';
import { sourceFilters, type SearchSource } from './records.ts';

const source: SearchSource = {
  url: '/zunyi-daily/2023-01-17/03/01/',
  date: '2023-01-17',
  paper: '遵义日报',
  page: 3,
  pageName: '文明实践',
  kind: 'article',
  title: '志愿服务聚合力 文明实践谱新篇',
  kicker: null,
  subtitle: null,
  byline: '本报讯（记者 张婷）',
  credit: null,
  headline: '志愿服务聚合力 文明实践谱新篇',
  paragraphs: ['2022年，新蒲新区新时代文明实践中心以“文明实践·新蒲有约”品牌为抓手。'],
  people: ['张婷', '张婷'],
};

describe('sourceFilters', () => {
  it('gives each filter its values: the date as year and month, each person once', () => {
    expect(sourceFilters(source)).toEqual({ year: ['2023'], month: ['2023-01'], paper: ['遵义日报'], section: ['文明实践'], kind: ['article'], author: ['张婷'] });
    expect(sourceFilters({ ...source, pageName: null }).section).toEqual([]);
  });
});
