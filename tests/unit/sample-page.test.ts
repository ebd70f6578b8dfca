import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ParsedItem, ParsedPage } from '../../src/schemas/parsed-page.ts';
import { parsedPageSchema } from '../../src/schemas/parsed-page.ts';
import { loadLexicon } from '../../scripts/io/lexicon.ts';
import { parsePage } from '../../scripts/lib/parse-page.ts';
import { hanBalance } from '../support/invariants.ts';

/**
 * The sample page against what a careful editor reads on it
 * (tests/fixtures/sample/*.expected.json, a copy of ../shared/samples): every item, its kind,
 * headline parts, people, paragraph count, required text and the places that must be flagged.
 */
const dir = resolve(import.meta.dirname, '../fixtures/sample');
const expected = JSON.parse(readFileSync(resolve(dir, 'zunyi-2023-01-page.expected.json'), 'utf8')) as {
  articles: Array<{
    kind: 'article' | 'photo';
    kicker?: string | null;
    title?: string | null;
    subtitle?: string | null;
    column?: string | null;
    dateline?: string;
    reporters?: string[];
    correspondents?: string[];
    photographers?: string[];
    credit?: string;
    paragraphCount?: number;
    mustContain: string[];
    shouldFlag?: string[];
  }>;
  unassigned: string[];
};

/** The quoted fragment of a `shouldFlag` note: 村医人户走访 (人户 is probably 入户) -> 村医人户走访 */
function fragmentOf(note: string): string {
  return note.replace(/\s*\(.*\)\s*$/u, '').replace(/\s+/gu, '');
}

/** Does any problem point at this fragment? Excerpts and fragment must share 4+ characters. */
function isFlagged(item: ParsedItem, fragment: string): boolean {
  const plain = (s: string) => s.replace(/[“”"'‘’\s]/gu, '');
  const target = plain(fragment);
  return item.problems.some((problem) => {
    const excerpt = plain(problem.excerpt ?? '');
    for (let i = 0; i + 4 <= target.length; i++) if (excerpt.includes(target.slice(i, i + 4))) return true;
    return false;
  });
}

function textOf(item: ParsedItem): string {
  return item.kind === 'photo' ? (item.caption ?? '') : item.paragraphs.join('\n');
}

describe('the sample page (zunyi-2023-01-page.txt)', () => {
  const source = readFileSync(resolve(dir, 'zunyi-2023-01-page.txt'), 'utf8');
  let page: ParsedPage;
  beforeAll(() => {
    page = parsePage(source, { paper: 'zunyi-daily', date: '2023-01-17', page: 3 }, { lexicon: loadLexicon() });
  });

  it('matches the import contract', () => {
    expect(() => parsedPageSchema.parse(page)).not.toThrow();
  });

  it('finds exactly the items an editor finds, in reading order', () => {
    expect(page.articles.map((a) => a.kind)).toEqual(expected.articles.map((a) => a.kind));
    expect(page.articles.map((a) => a.id)).toEqual(['01', '02', '03', '04', '05'].map((n) => `zunyi-daily/2023-01-17/03/${n}`));
  });

  expected.articles.forEach((want, index) => {
    describe(`item ${index + 1} (${want.kind}: ${want.title ?? want.mustContain[0]!.slice(0, 12)})`, () => {
      const got = () => page.articles[index]!;
      it('has the expected headline parts, column, dateline and credit', () => {
        for (const field of ['kicker', 'title', 'subtitle', 'column', 'dateline', 'credit'] as const) {
          if (field in want) expect(got()[field], field).toBe(want[field]);
        }
      });
      it('names the expected people', () => {
        for (const field of ['reporters', 'correspondents', 'photographers'] as const) {
          if (want[field]) expect(got()[field], field).toEqual(want[field]);
        }
      });
      if (want.paragraphCount !== undefined) {
        it(`has ${want.paragraphCount} paragraphs`, () => expect(got().paragraphs).toHaveLength(want.paragraphCount!));
      }
      it('contains the edited text fragments', () => {
        for (const fragment of want.mustContain) expect(textOf(got())).toContain(fragment);
      });
      for (const note of want.shouldFlag ?? []) {
        it(`flags ${fragmentOf(note)}`, () => expect(isFlagged(got(), fragmentOf(note)), note).toBe(true));
      }
    });
  });

  it('keeps the lone label as unassigned text, attached to nothing, and reports it', () => {
    expect(page.unassigned.map((u) => u.text)).toEqual(expected.unassigned.map(fragmentOf));
    expect(page.problems.some((p) => p.code === 'unassigned-text' && p.excerpt === '绿色环保')).toBe(true);
    for (const item of page.articles) expect(textOf(item)).not.toContain('绿色环保');
  });

  it('does not flag 十 in 一中心一张网十联户, the real name of a scheme', () => {
    const item = page.articles[3]!;
    expect(textOf(item)).toContain('一中心一张网十联户');
    expect(item.problems.filter((p) => (p.excerpt ?? '').includes('十联户'))).toEqual([]);
  });

  it('loses and invents no Han character', () => {
    expect(hanBalance(source, page)).toEqual({ lost: '', invented: '' });
  });
});
