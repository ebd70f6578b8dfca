import { describe, expect, it } from 'vitest';
import { lexiconFrom, MISREADS, syntheticSources } from './search-corpus.ts';

const lexicon = lexiconFrom([
  ['工作', 50],
  ['发展', 30],
  ['社区', 20],
  ['群众', 10],
]);

describe('syntheticSources', () => {
  const sources = syntheticSources(3000, lexicon, 7);

  it('is the same for a seed', () => {
    expect(syntheticSources(3000, lexicon, 7)).toEqual(sources);
    expect(syntheticSources(3000, lexicon, 8)).not.toEqual(sources);
  });

  it('flags misreads as the importer does: the excerpt in the text, one character changed', () => {
    const flagged = sources.filter((s) => s.suspects?.length);
    expect(flagged.length).toBeGreaterThan(30);
    for (const source of flagged) {
      const { excerpt, suggestion } = source.suspects![0]!;
      expect(source.paragraphs.some((p) => p.includes(excerpt))).toBe(true);
      const changed = [...excerpt].flatMap((ch, i) => (ch !== [...suggestion][i] ? [`${ch}>${[...suggestion][i]}`] : []));
      const pairs = MISREADS.map(([printed, correct]) => [...printed].flatMap((ch, i) => (ch !== [...correct][i] ? [`${ch}>${[...correct][i]}`] : []))[0]);
      expect(changed).toHaveLength(1);
      expect(pairs).toContain(changed[0]);
    }
    // misreads left unflagged, and correct forms, are there too
    const printed = (s: (typeof sources)[number]) => MISREADS.some(([wrong]) => s.paragraphs.some((p) => p.includes(wrong)));
    expect(sources.filter((s) => printed(s) && !s.suspects?.length).length).toBeGreaterThan(3);
    expect(sources.filter((s) => MISREADS.some(([, right]) => s.paragraphs.some((p) => p.includes(`名${right}`) || p.includes(`织${right}`)))).length).toBeGreaterThan(3);
  });
});
