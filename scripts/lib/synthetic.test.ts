import { describe, expect, it } from 'vitest';
import { loadLexicon } from '../io/lexicon.ts';
import { parsePage } from './parse-page.ts';
import { countIssues, issueDates, issueFolderFiles, ocrPageText, resolveOptions, syntheticIssue, syntheticIssues } from './synthetic.ts';

describe('synthetic archive', () => {
  const options = resolveOptions({ seed: 3 });

  it('is the same for the same seed, and different for another', () => {
    const a = syntheticIssue(options, 'zunyi-daily', '2020-05-04');
    expect(syntheticIssue(options, 'zunyi-daily', '2020-05-04')).toEqual(a);
    expect(issueFolderFiles(a)).toEqual(issueFolderFiles(syntheticIssue(options, 'zunyi-daily', '2020-05-04')));
    expect(syntheticIssue(resolveOptions({ seed: 4 }), 'zunyi-daily', '2020-05-04')).not.toEqual(a);
  });

  it('has the size of a city daily: ~20,000 items and ~2,000 photos a year, 8-16 pages an issue', () => {
    const totals = countIssues(syntheticIssues(resolveOptions({ seed: 3, years: 1 })));
    expect(totals.issues).toBe(issueDates(options).length);
    expect(totals.items).toBeGreaterThan(18_000);
    expect(totals.items).toBeLessThan(22_000);
    expect(totals.photos).toBeGreaterThan(1_600);
    expect(totals.photos).toBeLessThan(2_400);
    const perItem = totals.chars / totals.items;
    expect(perItem).toBeGreaterThan(700);
    expect(perItem).toBeLessThan(1_600);
    for (const issue of syntheticIssues(resolveOptions({ seed: 3, maxItems: 2_000 }))) {
      expect(issue.pages.length).toBeGreaterThanOrEqual(8);
      expect(issue.pages.length).toBeLessThanOrEqual(16);
      for (const item of issue.pages.flatMap((p) => p.items)) {
        if (item.kind === 'article' && item.continuation === null) expect([...item.paragraphs.join('')].length).toBeGreaterThanOrEqual(300);
      }
    }
  });

  it('stops after the issue that reaches --articles', () => {
    const totals = countIssues(syntheticIssues(resolveOptions({ seed: 3, maxItems: 1_000 })));
    expect(totals.items).toBeGreaterThanOrEqual(1_000);
    expect(totals.items).toBeLessThan(1_100);
  });

  it('shares --articles out over the papers', () => {
    const perPaper = new Map<string, number>();
    for (const issue of syntheticIssues(resolveOptions({ seed: 3, papers: 2, maxItems: 2_000 }))) {
      perPaper.set(issue.paper.slug, (perPaper.get(issue.paper.slug) ?? 0) + issue.pages.reduce((n, page) => n + page.items.length, 0));
    }
    expect(perPaper.size).toBe(2);
    for (const [slug, items] of perPaper) {
      expect(items, slug).toBeGreaterThanOrEqual(1_000);
      expect(items, slug).toBeLessThan(1_100);
    }
  });

  it('prints pages that the importer reads back as the items that were printed', () => {
    const issue = syntheticIssue(resolveOptions({ seed: 3, problemRate: 0.5 }), 'qiannan-daily', '2021-02-03');
    const lexicon = loadLexicon();
    let planted = 0;
    let flagged = 0;
    for (const page of issue.pages) {
      const parsed = parsePage(ocrPageText(issue, page), { paper: issue.paper.slug, date: issue.date, page: page.number, paperName: issue.paper.name }, { lexicon });
      expect(parsed.articles.map((a) => a.kind)).toEqual(page.items.map((i) => i.kind));
      expect(parsed.pageName).toBe(page.name);
      for (const [index, item] of page.items.entries()) {
        const read = parsed.articles[index]!;
        // which line is 栏目, 引题, 主题 or 副题 is the parser's judgement; the lines themselves must come back
        const lines = (x: { column: string | null; kicker: string | null; title: string | null; subtitle: string | null }) =>
          [x.column, x.kicker, x.title, x.subtitle].filter(Boolean).join('|');
        expect(lines(read)).toBe(lines(item));
        expect(read.reporters).toEqual(item.reporters);
        // (a column break after a comma and before digits leaves a space: the parser's call)
        if (item.planted.length === 0 && item.kind === 'article') expect(read.paragraphs.join('').replace(/\s/gu, '')).toBe(item.paragraphs.join(''));
        planted += item.planted.length;
        flagged += item.planted.filter((code) => read.problems.some((p) => p.code === code)).length;
      }
    }
    // the importer flags every piece of damage we plant
    expect(planted).toBeGreaterThan(0);
    expect(flagged).toBe(planted);
  });
});
