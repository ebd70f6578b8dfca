import { describe, expect, it } from 'vitest';
import { atomFeed, chinaMidnight } from './atom.ts';
import { chunk, sitemapIndex, urlSet } from './sitemap.ts';

describe('Atom feeds', () => {
  it('escape text and HTML content so that the XML stays well formed', () => {
    const xml = atomFeed({
      id: 'https://a.example/p/',
      title: '报 & <刊>',
      self: 'https://a.example/p/feed.xml',
      alternate: 'https://a.example/p/',
      updated: chinaMidnight('2023-01-17'),
      author: '报社',
      entries: [{ id: 'https://a.example/p/2023-01-17/', title: '“一期”', updated: chinaMidnight('2023-01-17'), link: 'https://a.example/p/2023-01-17/?a=1&b=2', summary: 'a < b', content: '<h3>第1版</h3>' }],
    });
    expect(xml).toContain('<title>报 &amp; &lt;刊&gt;</title>');
    expect(xml).toContain('href="https://a.example/p/2023-01-17/?a=1&amp;b=2"');
    expect(xml).toContain('<content type="html">&lt;h3&gt;第1版&lt;/h3&gt;</content>');
    expect(xml).toContain('<updated>2023-01-17T00:00:00+08:00</updated>');
    expect(xml).not.toMatch(/&(?!amp;|lt;|gt;|quot;|apos;)/u);
  });
});

describe('sitemaps', () => {
  it('split into parts below the protocol limit of 50,000 URLs', () => {
    const urls = Array.from({ length: 90_001 }, (_, i) => `/a/${i}/`);
    const parts = chunk(urls);
    expect(parts.map((part) => part.length)).toEqual([40_000, 40_000, 10_001]);
    expect(parts.flat()).toEqual(urls);
    expect(chunk([])).toEqual([[]]);
  });

  it('write urlset and sitemapindex documents', () => {
    expect(urlSet(['https://a.example/?x=1&y=2'])).toContain('<url><loc>https://a.example/?x=1&amp;y=2</loc></url>');
    expect(sitemapIndex(['https://a.example/sitemaps/1.xml'])).toContain('<sitemap><loc>https://a.example/sitemaps/1.xml</loc></sitemap>');
  });
});
