import { describe, expect, it } from 'vitest';
import { archiveOf, type ArchiveSpec, type ArticleSpec } from '../../tests/support/archive-fixture.ts';
import { articlePageKey } from './page-keys.ts';

/**
 * An article page's cache key must change with everything the page shows, and only with that:
 * a key that misses something leaves a stale page in an incremental build.
 */
const ARTICLES: ArticleSpec[] = [
  { id: 'zunyi-daily/2023-01-16/01/01', data: { kind: 'article', title: '前一天的头条' }, body: '正文。\n', digest: 'd0' },
  { id: 'zunyi-daily/2023-01-17/01/01', data: { kind: 'article', title: '志愿服务聚合力', continuation: '下转第3版', reporters: ['张婷'] }, body: '近日，新蒲新区开展活动。\n', digest: 'd1' },
  { id: 'zunyi-daily/2023-01-17/01/02', data: { kind: 'photo', photographers: ['向婧'] }, body: '日前，赤水市举行活动。图为群众展示领到的春联。\n', digest: 'd2' },
  { id: 'zunyi-daily/2023-01-17/03/01', data: { kind: 'article', continuation: '上接第1版' }, body: '活动持续到月底。\n', digest: 'd3' },
  { id: 'zunyi-daily/2023-01-18/01/01', data: { kind: 'article', title: '后一天的头条' }, body: '正文。\n', digest: 'd4' },
];
const BASE: ArchiveSpec = { pages: { '2023-01-17': { 1: '要闻', 3: '文明实践' } }, articles: ARTICLES };

/** The keys of every article page of an archive, by id. */
function keys(spec: ArchiveSpec): Record<string, string> {
  const archive = archiveOf(spec);
  return Object.fromEntries(archive.articles.map((ref) => [ref.entry.id, articlePageKey(archive, ref)]));
}

/** The spec with one article's data or digest changed. */
function edit(id: string, change: Partial<ArticleSpec> & { data?: Record<string, unknown> }): ArchiveSpec {
  return { ...BASE, articles: ARTICLES.map((a) => (a.id === id ? { ...a, ...change, data: { ...a.data, ...change.data } } : a)) };
}

/** The ids whose key differs between two archives. */
function changed(before: ArchiveSpec, after: ArchiveSpec): string[] {
  const a = keys(before);
  const b = keys(after);
  return Object.keys(b).filter((id) => a[id] !== b[id]).sort();
}

describe('cache keys of article pages', () => {
  it('are the same for the same archive', () => {
    expect(keys(BASE)).toEqual(keys(BASE));
    expect(new Set(Object.values(keys(BASE))).size).toBe(ARTICLES.length);
  });

  it("change with the article's own file, and with its neighbours' headlines only where they are shown", () => {
    // a corrected body: that page only (its headline is not made from the text)
    expect(changed(BASE, edit('zunyi-daily/2023-01-17/01/01', { digest: 'd1-corrected' }))).toEqual(['zunyi-daily/2023-01-17/01/01']);
    // a corrected title: the page, its previous and next article, and the piece continued from it,
    // which is named after it (志愿服务聚合力（接第1版）), and so that piece's neighbours too
    expect(changed(BASE, edit('zunyi-daily/2023-01-17/01/01', { digest: 'd1b', data: { title: '志愿服务聚合力量' } }))).toEqual(ARTICLES.map((a) => a.id).sort());
    expect(changed(BASE, edit('zunyi-daily/2023-01-16/01/01', { digest: 'd0b', data: { title: '前一天的新头条' } }))).toEqual(['zunyi-daily/2023-01-16/01/01', 'zunyi-daily/2023-01-17/01/01']);
    // a photo item's caption makes its headline: its neighbours show it
    expect(changed(BASE, edit('zunyi-daily/2023-01-17/01/02', { digest: 'd2b', body: '图为新的说明。\n' }))).toEqual([
      'zunyi-daily/2023-01-17/01/01',
      'zunyi-daily/2023-01-17/01/02',
      'zunyi-daily/2023-01-17/03/01',
    ]);
  });

  it('change with the paper, the page as printed, and with articles added next to them', () => {
    expect(changed(BASE, { ...BASE, paper: { name: '遵义晚报' } })).toEqual(ARTICLES.map((a) => a.id).sort());
    expect(changed(BASE, { ...BASE, pages: { '2023-01-17': { 1: '要闻', 3: '综合' } } })).toEqual(['zunyi-daily/2023-01-17/03/01']);
    const added = { ...BASE, articles: [...ARTICLES, { id: 'zunyi-daily/2023-01-17/03/02', data: { kind: 'article', title: '新的稿件' }, body: '正文。\n', digest: 'd5' }] };
    // the article before and after it link to it now
    expect(changed(BASE, added).filter((id) => id in keys(BASE))).toEqual(['zunyi-daily/2023-01-17/03/01', 'zunyi-daily/2023-01-18/01/01']);
  });
});
