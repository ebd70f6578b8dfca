import { describe, expect, it } from 'vitest';
import { excerptSegments, recordText, resultFragment, sourceFilters, sourceWords, type SearchSource } from './records.ts';
import { termWords } from './tokens.ts';

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

describe('search records', () => {
  it('keeps dates out of the searchable words and in the filters', () => {
    const words = sourceWords(source);
    const has = (text: string) => termWords(text).every((word) => words.includes(word));
    expect(has('7.6万')).toBe(true);
    expect(has('2023')).toBe(false);
    expect(has('01-17')).toBe(false);
    expect(sourceFilters(source)).toMatchObject({ year: ['2023'], month: ['2023-01'], paper: ['遵义日报'], section: ['文明实践'], kind: ['article'], author: ['张婷'] });
  });

  it('gives a result its text as printed (OCR spaces removed), headline and what the result line shows', () => {
    const fragment = resultFragment({ ...source, paragraphs: [...source.paragraphs, 'New  York 的 ５G 网络'] });
    const text = recordText(fragment.content);
    expect(text.title).toBe('志愿服务聚合力文明实践谱新篇');
    expect(text.byline).toBe('本报讯（记者张婷）');
    expect(text.paragraphs).toHaveLength(3);
    expect(text.paragraphs[2]).toBe('New York的5G网络');
    expect(fragment.meta.headline).toBe('志愿服务聚合力 文明实践谱新篇');
    expect(fragment.filters).toEqual({ paper: ['遵义日报'], section: ['文明实践'], kind: ['article'] });
  });
});

describe('excerptSegments', () => {
  const text = recordText(resultFragment(source).content);

  it('shows the hit in its sentence, marked as a whole run', () => {
    const segments = excerptSegments(text, ['7.6万']);
    expect(segments.filter((s) => s.hit).map((s) => s.text)).toEqual(['7.6万']);
    expect(segments.map((s) => s.text).join('')).toContain('惠及群众7.6万余人');
  });

  it('finds hits in the byline when the body has none, and falls back to the start of the body', () => {
    expect(excerptSegments(text, ['张婷']).some((s) => s.hit && s.text === '张婷')).toBe(true);
    expect(excerptSegments(text, ['不存在']).map((s) => s.text).join('')).toMatch(/^2022年/u);
  });
});
