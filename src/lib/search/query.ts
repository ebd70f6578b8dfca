import { foldCase, normalizeLine } from './text.ts';

/**
 * A query as a researcher types it: terms separated by spaces, all required (AND); a term in
 * quotes ("…", “…”, 「…」, 『…』) may contain spaces. Each term matches as an exact substring.
 */
export interface ParsedQuery {
  /** The terms, normalised (see `normalizeLine`), without duplicates or terms implied by longer ones. */
  terms: string[];
}

const QUOTES: Record<string, string> = { '"': '"', '＂': '＂', '“': '”', '「': '」', '『': '』', '”': '”' };

/** Split a query into its terms. */
export function parseQuery(input: string): ParsedQuery {
  const raw: string[] = [];
  const chars = [...input];
  let current = '';
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    const close = QUOTES[ch];
    if (close !== undefined) {
      if (current !== '') raw.push(current);
      current = '';
      let j = i + 1;
      let quoted = '';
      while (j < chars.length && chars[j] !== close && !(close === '”' && chars[j] === '"')) quoted += chars[j++];
      raw.push(quoted);
      i = j;
    } else if (/\s/u.test(ch)) {
      if (current !== '') raw.push(current);
      current = '';
    } else {
      current += ch;
    }
  }
  if (current !== '') raw.push(current);
  return { terms: essentialTerms(raw.map(normalizeLine).filter((term) => term !== '')) };
}

/**
 * Drop repeated terms and terms contained in another term (疫情 in 疫情防控 adds nothing to an
 * AND query), keeping the order in which they were typed.
 */
export function essentialTerms(terms: readonly string[]): string[] {
  const folded = terms.map(foldCase);
  return terms.filter((_, i) => !folded.some((other, j) => j !== i && (other === folded[i] ? j < i : other.includes(folded[i]!))));
}

/** The query as it is shown back to the reader and put in links: terms with spaces quoted. */
export function formatQuery(terms: readonly string[]): string {
  return terms.map((term) => (/\s/u.test(term) ? `"${term}"` : term)).join(' ');
}
