import type { ParsedItem, ParsedPage } from '../../src/schemas/parsed-page.ts';

/**
 * What a careful editor reads on a page, in the format of
 * ../shared/samples/zunyi-2023-01-page.expected.json: structure exactly, text as fragments that
 * must appear, and places that must be flagged rather than guessed.
 */
export interface ExpectedItem {
  kind: 'article' | 'photo';
  kicker?: string | null;
  title?: string | null;
  subtitle?: string | null;
  column?: string | null;
  dateline?: string | null;
  reporters?: string[];
  correspondents?: string[];
  photographers?: string[];
  credit?: string | null;
  continuation?: string | null;
  paragraphCount?: number;
  mustContain?: string[];
  /** Text that must not appear (a header line, a byline prefix, a jump line). */
  mustNotContain?: string[];
  /** `fragment (why)`: some problem of the item must point at the fragment. */
  shouldFlag?: string[];
  /** Fragments no problem may point at (a real name, a correct rare word). */
  shouldNotFlag?: string[];
}

export interface ExpectedPage {
  about?: string;
  page?: { pageName?: string | null; credits?: Array<{ role: string; names: string[] }> };
  articles: ExpectedItem[];
  unassigned?: string[];
  /** Codes of page-level problems that must be reported. */
  pageProblems?: string[];
}

/** The fragment of a note: `村医人户走访 (人户 is probably 入户)` -> `村医人户走访`. */
export function fragmentOf(note: string): string {
  return note.replace(/\s*\(.*\)\s*$/u, '').replace(/\s+/gu, '');
}

/** Does a problem of the item point at this fragment? Excerpt and fragment share 4+ characters. */
export function isFlagged(item: ParsedItem, fragment: string): boolean {
  const plain = (s: string) => s.replace(/[“”"'‘’\s]/gu, '');
  const target = plain(fragment);
  const size = Math.min(4, target.length);
  return item.problems.some((problem) => {
    const excerpt = plain(problem.excerpt ?? '');
    for (let i = 0; i + size <= target.length; i++) if (excerpt.includes(target.slice(i, i + size))) return true;
    return false;
  });
}

export function itemText(item: ParsedItem): string {
  return item.kind === 'photo' ? (item.caption ?? '') : item.paragraphs.join('\n');
}

/** Every difference between the parsed page and the expectation, as readable lines. */
export function compareWithExpected(page: ParsedPage, expected: ExpectedPage): string[] {
  const errors: string[] = [];
  const kinds = page.articles.map((a) => a.kind).join(',');
  const wantKinds = expected.articles.map((a) => a.kind).join(',');
  if (kinds !== wantKinds) errors.push(`items: got [${kinds}] (${page.articles.map((a) => a.title ?? itemText(a).slice(0, 10)).join(' | ')}), want [${wantKinds}]`);
  expected.articles.forEach((want, index) => {
    const got = page.articles[index];
    if (!got) return;
    const at = `item ${index + 1}`;
    for (const field of ['kicker', 'title', 'subtitle', 'column', 'dateline', 'credit', 'continuation'] as const) {
      if (field in want && got[field] !== want[field]) errors.push(`${at} ${field}: got ${JSON.stringify(got[field])}, want ${JSON.stringify(want[field])}`);
    }
    for (const field of ['reporters', 'correspondents', 'photographers'] as const) {
      if (want[field] && JSON.stringify(got[field]) !== JSON.stringify(want[field])) errors.push(`${at} ${field}: got ${JSON.stringify(got[field])}, want ${JSON.stringify(want[field])}`);
    }
    if (want.paragraphCount !== undefined && got.paragraphs.length !== want.paragraphCount) {
      errors.push(`${at} paragraphs: got ${got.paragraphs.length}, want ${want.paragraphCount}:\n    ${got.paragraphs.join('\n    ')}`);
    }
    const text = itemText(got);
    for (const fragment of want.mustContain ?? []) if (!text.includes(fragment)) errors.push(`${at} text lacks “${fragment}”:\n    ${text}`);
    for (const fragment of want.mustNotContain ?? []) if (text.includes(fragment)) errors.push(`${at} text must not contain “${fragment}”`);
    for (const note of want.shouldFlag ?? []) {
      if (!isFlagged(got, fragmentOf(note))) errors.push(`${at} does not flag ${note}; problems: ${got.problems.map((p) => `${p.code}:${p.excerpt ?? ''}`).join(', ')}`);
    }
    for (const fragment of want.shouldNotFlag ?? []) {
      const wrong = got.problems.filter((p) => (p.excerpt ?? '').includes(fragment));
      if (wrong.length > 0) errors.push(`${at} must not flag ${fragment}: ${wrong.map((p) => p.code).join(', ')}`);
    }
  });
  if (expected.unassigned) {
    const got = page.unassigned.map((u) => u.text);
    const want = expected.unassigned.map((note) => note.replace(/\s*\(.*\)\s*$/u, ''));
    if (JSON.stringify(got) !== JSON.stringify(want)) errors.push(`unassigned: got ${JSON.stringify(got)}, want ${JSON.stringify(want)}`);
  }
  if (expected.page) {
    if ('pageName' in expected.page && page.pageName !== expected.page.pageName) errors.push(`pageName: got ${page.pageName}, want ${expected.page.pageName}`);
    if (expected.page.credits && JSON.stringify(page.credits) !== JSON.stringify(expected.page.credits)) errors.push(`credits: got ${JSON.stringify(page.credits)}`);
  }
  for (const code of expected.pageProblems ?? []) {
    if (!page.problems.some((p) => p.code === code)) errors.push(`page problem ${code} not reported; got ${page.problems.map((p) => p.code).join(', ')}`);
  }
  return errors;
}
