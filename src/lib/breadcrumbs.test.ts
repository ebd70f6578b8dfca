import { describe, expect, it } from 'vitest';
import { trail } from './breadcrumbs.ts';

describe('trail', () => {
  const paper = { slug: 'zunyi-daily', url: '/zunyi-daily/', data: { name: '遵义日报' } };
  const issue = { date: '2023-01-17', url: '/zunyi-daily/2023-01-17/' };
  const page = { url: '/zunyi-daily/2023-01-17/03/', page: { number: 3 } };

  it('leads from the home page down through paper, year, issue and page', () => {
    expect(trail({ paper, issue, page, here: '志愿服务聚合力' })).toEqual([
      { label: '首页', href: '/' },
      { label: '遵义日报', href: '/zunyi-daily/' },
      { label: '2023年', href: '/zunyi-daily/2023/' },
      { label: '1月17日', href: '/zunyi-daily/2023-01-17/' },
      { label: '第3版', href: '/zunyi-daily/2023-01-17/03/' },
      { label: '志愿服务聚合力' },
    ]);
  });

  it('stops at the level of the page it is on', () => {
    expect(trail({ paper, issue }).map((crumb) => crumb.label)).toEqual(['首页', '遵义日报', '2023年', '1月17日']);
    expect(trail({ paper, year: 2021 }).map((crumb) => crumb.label)).toEqual(['首页', '遵义日报', '2021年']);
    expect(trail({ paper }).map((crumb) => crumb.label)).toEqual(['首页', '遵义日报']);
    expect(trail({ here: '数据下载' })).toEqual([{ label: '首页', href: '/' }, { label: '数据下载' }]);
  });
});
