import type { ParsedItem, ParsedPage } from '../../src/schemas/parsed-page.ts';
import { hanOnly } from '../../scripts/lib/chars.ts';
import { readHeader } from '../../scripts/lib/parse-page.ts';
import { normalizeSource } from '../../scripts/lib/normalize.ts';

/** Role words that a byline prints and the parser turns into fields rather than text. */
const ROLE_WORDS = [
  '实习生', '通讯员', '记者', '摄影', '文图', '本报', '特约', '首席', '见习', '实习', '融媒体', '全媒体', '报道',
  // the same in traditional script (Big5 pages)
  '實習生', '通訊員', '記者', '攝影', '本報',
];

function count(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const ch of hanOnly(text)) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  return counts;
}

function minus(a: Map<string, number>, b: Map<string, number>): Map<string, number> {
  const out = new Map<string, number>();
  for (const [ch, n] of a) {
    const left = n - (b.get(ch) ?? 0);
    if (left > 0) out.set(ch, left);
  }
  return out;
}

function takeWord(bag: Map<string, number>, word: string): boolean {
  const need = count(word);
  for (const [ch, n] of need) if ((bag.get(ch) ?? 0) < n) return false;
  for (const [ch, n] of need) bag.set(ch, bag.get(ch)! - n);
  return true;
}

function textOf(item: ParsedItem): string {
  return item.kind === 'photo' ? (item.caption ?? '') : item.paragraphs.join('');
}

/**
 * The "nothing lost, nothing invented" invariant, on Han characters: the source (without its
 * running header lines) and the parsed page hold the same characters, except
 * - role words of bylines (记者, 通讯员 …), which become the reporters/correspondents fields;
 * - characters that a problem marked `fixed` replaced (17曰 -> 17日).
 * Returns what is left over on each side; both strings are empty when the invariant holds.
 */
export function hanBalance(source: string, page: ParsedPage): { lost: string; invented: string } {
  const header = new Set(readHeader(source).lines);
  const body = normalizeSource(source)
    .split('\n')
    .filter((_, index) => !header.has(index + 1))
    .join('\n');
  let output = '';
  let previousColumn: string | null = null;
  for (const item of page.articles) {
    if (item.column && item.column !== previousColumn) output += item.column;
    previousColumn = item.column;
    const people = item.kind === 'article' ? [...new Set([...item.reporters, ...item.correspondents, ...item.photographers])].join('') : '';
    output += [item.kicker, item.title, item.subtitle, item.dateline, people, textOf(item), item.credit, item.continuation].filter(Boolean).join('');
  }
  output += page.unassigned.map((u) => u.text).join('');

  const fixes = page.articles.flatMap((a) => a.problems).filter((p) => p.fixed);
  const fixedFrom = count(fixes.map((p) => p.excerpt ?? '').join(''));
  const fixedTo = count(fixes.map((p) => p.suggestion ?? '').join(''));

  const lost = minus(minus(count(body), count(output)), minus(fixedFrom, fixedTo));
  for (const word of ROLE_WORDS) while (takeWord(lost, word));
  const invented = minus(minus(count(output), count(body)), minus(fixedTo, fixedFrom));
  const spell = (bag: Map<string, number>) => [...bag].filter(([, n]) => n > 0).map(([ch, n]) => ch.repeat(n)).join('');
  return { lost: spell(lost), invented: spell(invented) };
}
