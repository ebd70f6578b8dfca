import { describe, expect, it } from 'vitest';
import { headlineFromText } from '../../src/lib/article-view.ts';
import { sourceLines } from '../../src/lib/search/records.ts';
import { parseLeadingByline } from './people.ts';
import { lexiconFrom, NEAR_MISSES, PLANTED, syntheticSources } from './search-corpus.ts';

describe('the search evaluation corpus', () => {
  // a lexicon of four words, so that anything else in the text was planted
  const lexicon = lexiconFrom([
    ['建设', 5],
    ['群众', 3],
    ['工作', 2],
    ['abc', 9], // not Han: left out
    ['发展', 0], // weighs nothing: left out
    ['服务', 1],
  ]);

  it('reads a lexicon of Han words with weights', () => {
    expect(lexicon.words).toEqual(['建设', '群众', '工作', '服务']);
    expect(lexicon.cumulative).toEqual([5, 8, 10, 11]);
  });

  it('is the same for a seed, and made of the synthetic archive', () => {
    const sources = syntheticSources(400, lexicon, 5);
    expect(syntheticSources(400, lexicon, 5)).toEqual(sources);
    expect(syntheticSources(400, lexicon, 6)).not.toEqual(sources);
    expect(sources).toHaveLength(400);
    expect(new Set(sources.map((source) => source.url)).size).toBe(400);
    for (const source of sources) {
      expect(source.url).toMatch(/^\/[a-z-]+\/\d{4}-\d{2}-\d{2}\/\d{2}\/\d{2}\/$/);
      // never the bundled archive's year, so that no URL is taken twice
      expect(source.date < '2023-01-01').toBe(true);
      // the headline the site would show: the title, else one made from the text
      expect(source.headline).toBe(source.title ?? headlineFromText(source.kind, source.paragraphs));
      // the byline reads back as the people named
      if (source.byline) {
        const people = parseLeadingByline(source.byline)!.people;
        expect([...people.reporters, ...people.correspondents].every((name) => source.people.includes(name))).toBe(true);
        expect(people.reporters.length).toBeGreaterThan(0);
      }
    }
    expect(sources.some((source) => source.kind === 'photo' && source.title === null && source.credit !== null)).toBe(true);
  });

  it('writes articles in the lexicon\'s words, with the query strings planted at the rate asked for', () => {
    const plain = syntheticSources(200, lexicon, 1, 0).filter((source) => source.kind === 'article');
    const words = new RegExp(`^(?:${['建设', '群众', '工作', '服务', ...NEAR_MISSES.map((s) => s.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')), '\\d+', '[，。、；：]'].join('|')})+$`, 'u');
    for (const source of plain) for (const paragraph of source.paragraphs) expect(paragraph).toMatch(words);

    const planted = syntheticSources(300, lexicon, 1, 0.01).filter((source) => source.kind === 'article');
    const text = planted.map((source) => source.paragraphs.join('')).join('');
    const found = PLANTED.filter((string) => text.includes(string));
    expect(found).toEqual(PLANTED);
    // about one word in a hundred: articles of ~500 words carry a few each
    const perArticle = planted.map((source) => PLANTED.filter((string) => source.paragraphs.join('').includes(string)).length);
    expect(perArticle.filter((n) => n > 0).length / perArticle.length).toBeGreaterThan(0.9);
    expect(sourceLines(planted[0]!).length).toBeGreaterThan(5);
  });
});
