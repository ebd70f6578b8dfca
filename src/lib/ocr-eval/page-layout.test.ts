import { describe, expect, it } from 'vitest';
import { createRng } from '../random.ts';
import { layoutPage } from './page-layout.ts';
import { SAMPLE_PAGE } from './sample-page.ts';
import type { TruthPageInput } from './truth.ts';

const chars = (texts: string[]) => texts.join('').length;

describe('layoutPage', () => {
  it('is deterministic for a seed', () => {
    const a = layoutPage(SAMPLE_PAGE, createRng(5));
    const b = layoutPage(SAMPLE_PAGE, createRng(5));
    expect(a.html).toBe(b.html);
    expect(a.items).toEqual(b.items);
  });

  it('varies the page from seed to seed: columns, type size, fonts', () => {
    const layouts = Array.from({ length: 12 }, (_, s) => layoutPage(SAMPLE_PAGE, createRng(s)));
    expect(new Set(layouts.map((l) => l.columns)).size).toBeGreaterThan(2);
    expect(new Set(layouts.map((l) => l.bodySize)).size).toBeGreaterThan(2);
    expect(new Set(layouts.map((l) => l.fonts.body)).size).toBeGreaterThanOrEqual(2);
    for (const l of layouts) {
      expect(l.columns).toBeGreaterThanOrEqual(3);
      expect(l.columns).toBeLessThanOrEqual(7);
    }
  });

  it('prints each item it keeps with data-item marks, and nothing it left out', () => {
    const layout = layoutPage(SAMPLE_PAGE, createRng(3));
    const marks = new Set([...layout.html.matchAll(/data-item="(-?\d+)"/g)].map((m) => Number(m[1])));
    expect([...marks].filter((i) => i >= 0).sort()).toEqual(layout.items.map((_, i) => i));
    for (const item of layout.items) {
      if (item.title) expect(layout.html).toContain(item.title.split(' ')[0]);
      // the printed text is what the truth says, up to where it is cut
      for (const paragraph of item.paragraphs) expect(layout.html.replace(/<[^>]+>/g, '')).toContain(paragraph.slice(0, 20).replace(/&/g, '&amp;'));
    }
  });

  it('keeps the items\' text, only trimmed or cut to fit (never invented)', () => {
    for (let s = 0; s < 8; s++) {
      const layout = layoutPage(SAMPLE_PAGE, createRng(s), { script: 'simplified' });
      for (const item of layout.items) {
        const source = SAMPLE_PAGE.items.find((i) => (i.title ?? i.paragraphs[0]!.slice(0, 10)) === (item.title ?? i.paragraphs[0]!.slice(0, 10)) || i.paragraphs[0]!.slice(0, 12) === item.paragraphs[0]!.replace('图为', '').slice(0, 12))!;
        expect(source).toBeDefined();
        if (item.kind === 'article') {
          expect(chars(item.paragraphs)).toBeLessThanOrEqual(chars(source.paragraphs));
          expect(source.paragraphs.join('').startsWith(item.paragraphs.join(''))).toBe(true);
        }
      }
    }
  });

  it('sets a traditional page in traditional characters, truth included', () => {
    const layout = layoutPage(SAMPLE_PAGE, createRng(1), { script: 'traditional' });
    expect(layout.script).toBe('traditional');
    expect(layout.fonts.body).toMatch(/TC|TW/);
    const text = layout.items.map((i) => i.paragraphs.join('')).join('');
    expect(text).toMatch(/實踐|誌願|時代/u);
    expect(text).not.toMatch(/实践/u);
  });

  it('leaves out what does not fit rather than printing it off the page', () => {
    const long = 'the long paragraph，'.repeat(1) + '文明实践志愿服务。'.repeat(400);
    const crowded: TruthPageInput = { ...SAMPLE_PAGE, items: Array.from({ length: 30 }, (_, i) => ({ ...SAMPLE_PAGE.items[0]!, title: `第${i}篇文章标题`, paragraphs: [long] })) };
    const layout = layoutPage(crowded, createRng(2), { columns: 4 });
    expect(layout.items.length).toBeGreaterThan(0);
    expect(layout.items.length).toBeLessThan(30);
    const tops = [...layout.html.matchAll(/top:(\d+)px/g)].map((m) => Number(m[1]));
    for (const top of tops) expect(top).toBeLessThan(layout.height);
  });
});
