import { describe, expect, it } from 'vitest';
import { headlineFromText } from '../../src/lib/article-view.ts';
import { sourceLines } from '../../src/lib/search/index-format.ts';
import { parseLeadingByline } from './people.ts';
import { lexiconFrom, MISREAD_AFTER, MISREAD_BEFORE, MISREADS, NEAR_MISSES, PLANTED, syntheticSources } from './search-corpus.ts';

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
    const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
    // and the misread clauses (，组织村医人户走访), which come whatever the planting rate
    const misread = `，(?:${MISREAD_BEFORE.join('|')})(?:${MISREADS.flat().join('|')})(?:${MISREAD_AFTER.join('|')})`;
    const words = new RegExp(`^(?:${['建设', '群众', '工作', '服务', ...NEAR_MISSES.map(escape), '\\d+', misread, '[，。、；：]'].join('|')})+$`, 'u');
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

  it('flags misreads as the importer does: the excerpt in the text, one character changed', () => {
    const sources = syntheticSources(3000, lexicon, 7);
    const flagged = sources.filter((source) => source.suspects?.length);
    expect(flagged.length).toBeGreaterThan(30);
    const pairs = MISREADS.map(([printed, correct]) => [...printed].flatMap((ch, i) => (ch !== [...correct][i] ? [`${ch}>${[...correct][i]}`] : []))[0]);
    for (const source of flagged) {
      expect(source.kind).toBe('article');
      const { excerpt, suggestion } = source.suspects![0]!;
      expect(source.paragraphs.some((paragraph) => paragraph.includes(excerpt))).toBe(true);
      const changed = [...excerpt].flatMap((ch, i) => (ch !== [...suggestion][i] ? [`${ch}>${[...suggestion][i]}`] : []));
      expect(changed).toHaveLength(1);
      expect(pairs).toContain(changed[0]);
    }
    // misreads left unflagged, and correct forms, are there too
    const printed = (source: (typeof sources)[number]) => MISREADS.some(([wrong]) => source.paragraphs.some((paragraph) => paragraph.includes(wrong)));
    expect(sources.filter((source) => printed(source) && !source.suspects?.length).length).toBeGreaterThan(3);
    const correct = (source: (typeof sources)[number]) => MISREADS.some(([, right]) => MISREAD_BEFORE.some((before) => source.paragraphs.some((paragraph) => paragraph.includes(before + right))));
    expect(sources.filter(correct).length).toBeGreaterThan(3);
  });
});
