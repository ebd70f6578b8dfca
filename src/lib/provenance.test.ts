import { describe, expect, it } from 'vitest';
import { DEFAULT_RIGHTS_URI, estimateNote, estimateOf, originalNote, paperRights } from './provenance.ts';

const paper = { name: '遵义日报', place: '贵州省遵义市', publisher: '遵义日报社' };

describe('provenance', () => {
  it('names what an editor estimated, and ignores an estimate of nothing', () => {
    expect(estimateNote({ date: true, pages: true, note: 'x' })).toBe('出版日期和版次系编者推定，原件未印出或未能识别。');
    expect(estimateNote({ date: true, pages: false, note: 'x' })).toMatch(/^出版日期系/u);
    expect(estimateNote({ date: false, pages: true, note: 'x' })).toMatch(/^版次系/u);
    expect(estimateOf({ estimated: { date: false, pages: false, note: 'x' } })).toBeNull();
    expect(estimateOf({})).toBeNull();
  });

  it("states a paper's own rights, else rights in copyright naming its publisher", () => {
    const rights = paperRights(paper);
    expect(rights.text).toContain('遵义日报社');
    expect(rights.photos).toContain('摄影者和遵义日报社');
    expect(rights.uri).toBe(DEFAULT_RIGHTS_URI);
    const own = paperRights({ ...paper, rights: { text: '公有领域。', uri: 'http://rightsstatements.org/vocab/NoC-US/1.0/' } });
    expect(own).toEqual({ text: '公有领域。', photos: rights.photos, uri: 'http://rightsstatements.org/vocab/NoC-US/1.0/' });
    expect(paperRights({ name: '样报', place: '某地' }).text).toContain('样报');
  });

  it('says where the original can be consulted', () => {
    expect(originalNote({ ...paper, original: { where: '遵义市图书馆报刊阅览室' } }).text).toBe('《遵义日报》原版可在遵义市图书馆报刊阅览室查阅。');
    expect(originalNote(paper).text).toContain('遵义日报社');
  });

  it("points to the page's scan once it has one photographed from print, never to one rendered from the text", () => {
    const own = { ...paper, original: { where: '遵义市图书馆报刊阅览室' } };
    expect(originalNote(own, { page: '/zunyi-daily/2023-01-17/03/' })).toEqual({ text: '本版原版图像', url: '/zunyi-daily/2023-01-17/03/', scan: true });
    expect(originalNote(own, { page: '/zunyi-daily/2023-01-17/03/', synthetic: 'rendered from the archive text' }).scan).toBe(false);
    expect(originalNote(own, { page: '/x/', synthetic: 'rendered' }).text).toContain('遵义市图书馆报刊阅览室');
  });
});
