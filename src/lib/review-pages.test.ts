import { describe, expect, it } from 'vitest';
import type { ArticleRecord } from './open-data.ts';
import { reviewPages } from './review-pages.ts';

const record = (id: string, fields: Partial<ArticleRecord> = {}): ArticleRecord =>
  ({
    id,
    url: `https://archive.example/${id}/`,
    kind: 'article',
    paper: id.split('/')[0]!,
    paperName: '遵义日报',
    date: id.split('/')[1]!,
    page: Number(id.split('/')[2]),
    title: '标题',
    headline: '标题',
    text: '正文',
    photos: [],
    estimated: null,
    ...fields,
  }) as ArticleRecord;

describe('the pages a review shows', () => {
  it('finds each page type and each designed state the archive has, and leaves out those it lacks', () => {
    const records = [
      record('zunyi-daily/2023-01-17/03/01', { title: '志愿服务聚合力 文明实践谱新篇', estimated: { date: true, pages: true, note: 'x' }, text: '很长的正文'.repeat(20) }),
      record('zunyi-daily/2023-01-17/03/02', { kind: 'photo', title: null }),
      record('zunyi-daily/2024-03-01/01/01'),
      record('zunyi-daily/2024-03-02/01/01'),
    ];
    const pages = reviewPages({ papers: [{ slug: 'zunyi-daily', name: '遵义日报', issues: 3, articles: 4, first: null, last: null }] }, records);
    const byName = Object.fromEntries(pages.map((page) => [page.name, page.path]));
    expect(byName).toMatchObject({
      home: '/',
      paper: '/zunyi-daily/',
      year: '/zunyi-daily/2023/',
      issue: '/zunyi-daily/2023-01-17/',
      page: '/zunyi-daily/2023-01-17/03/',
      article: '/zunyi-daily/2023-01-17/03/01/',
      'photo-missing': '/zunyi-daily/2023-01-17/03/02/',
      'year-one-issue': '/zunyi-daily/2023/',
      data: '/data/',
    });
    expect(byName.search).toMatch(/^\/search\/\?q=/u);
    // the article already shows the two-part headline and the estimate; no paper lacks issues
    expect(byName).not.toHaveProperty('two-part-headline');
    expect(byName).not.toHaveProperty('estimated');
    expect(byName).not.toHaveProperty('paper-empty');
    const withEmpty = reviewPages({ papers: [{ slug: 'empty-weekly', name: '样例周报', issues: 0, articles: 0, first: null, last: null }] }, []);
    expect(withEmpty.map((page) => page.name)).toEqual(['home', 'paper-empty', 'data']);
  });
});
