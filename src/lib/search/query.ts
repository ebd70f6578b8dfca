import { foldCase, normalizeLine } from './text.ts';

/**
 * A query as a researcher types it. Each term matches as an exact substring (see text.ts).
 *
 * - Terms separated by spaces must all occur (AND).
 * - `或`, `OR` or `|` between two terms: either may occur (疫情 或 防控, 疫情 OR 防控, 疫情|防控);
 *   it binds closer than the space (张婷 疫情|防控: 张婷 and one of the two).
 * - `-` before a term: the term must not occur (疫情 -防控). A query of exclusions only finds
 *   every article without them.
 * - A term in quotes ("…", “…”, 「…」, 『…』) may contain spaces and is never an operator
 *   ("或", -"New York").
 *
 * Full-width `｜` and `－` are operators as well, as a Chinese IME types them.
 */
export interface ParsedQuery {
  /** Clauses that must all match; a clause matches when any of its terms occurs. Normalised (`normalizeLine`), without redundant terms. */
  clauses: string[][];
  /** Terms that must not occur. */
  excluded: string[];
}

const QUOTES: Record<string, string> = { '"': '"', '＂': '＂', '“': '”', '「': '」', '『': '』', '”': '”' };
const OR_WORDS = new Set(['或', 'OR', '|', '｜']);
const NOT = new Set(['-', '－']);

interface Token {
  text: string;
  quoted: boolean;
  negated: boolean;
}

/** Words and quoted phrases, with `|` splitting words and `-` in front marking exclusions. */
function tokenize(input: string): Token[] {
  const tokens: Token[] = [];
  const chars = [...input];
  let current = '';
  let negated = false;
  const flush = () => {
    if (current !== '') tokens.push({ text: current, quoted: false, negated });
    current = '';
    negated = false;
  };
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    const close = QUOTES[ch];
    if (close !== undefined) {
      // -"…": the phrase is excluded
      const minus = current !== '' && NOT.has(current);
      if (!minus) flush();
      let j = i + 1;
      let quoted = '';
      while (j < chars.length && chars[j] !== close && !(close === '”' && chars[j] === '"')) quoted += chars[j++];
      tokens.push({ text: quoted, quoted: true, negated: minus || negated });
      current = '';
      negated = false;
      i = j;
    } else if (/\s/u.test(ch)) {
      flush();
    } else if ((ch === '|' || ch === '｜') && current !== '') {
      flush();
      tokens.push({ text: ch, quoted: false, negated: false });
    } else if (current === '' && !negated && NOT.has(ch) && i + 1 < chars.length && !/\s/u.test(chars[i + 1]!)) {
      if (QUOTES[chars[i + 1]!] !== undefined) current = ch;
      else negated = true;
    } else {
      current += ch;
    }
  }
  flush();
  return tokens;
}

/** Split a query into its clauses and exclusions. */
export function parseQuery(input: string): ParsedQuery {
  const tokens = tokenize(input);
  const isOr = (token: Token | undefined) => token !== undefined && !token.quoted && !token.negated && OR_WORDS.has(token.text);
  const clauses: string[][] = [];
  const excluded: string[] = [];
  let joining = false;
  for (const [i, token] of tokens.entries()) {
    // an operator between two terms joins them; before an exclusion it means nothing; at either end it is a term of its own
    if (isOr(token) && clauses.length > 0 && !joining && tokens[i + 1] !== undefined && !isOr(tokens[i + 1])) {
      joining = !tokens[i + 1]!.negated;
      continue;
    }
    const term = normalizeLine(token.text);
    if (term === '') continue;
    if (token.negated) excluded.push(term);
    else if (joining) clauses[clauses.length - 1]!.push(term);
    else clauses.push([term]);
    joining = false;
  }
  return { clauses: essentialClauses(clauses), excluded: unique(excluded) };
}

function unique(terms: readonly string[]): string[] {
  const seen = new Set<string>();
  return terms.filter((term) => !seen.has(foldCase(term)) && seen.add(foldCase(term)));
}

/**
 * Drop what adds nothing: repeated terms; within a clause, a term that contains another of its
 * terms (疫情 或 疫情防控 is 疫情); a one-term clause contained in another one-term clause (疫情
 *疫情防控 is 疫情防控); a clause that repeats another.
 */
export function essentialClauses(clauses: readonly string[][]): string[][] {
  const reduced = clauses.map((clause) => {
    const terms = unique(clause);
    const folded = terms.map(foldCase);
    return terms.filter((_, i) => !folded.some((other, j) => j !== i && folded[i]!.includes(other)));
  });
  const singles = reduced.map((clause) => (clause.length === 1 ? foldCase(clause[0]!) : null));
  const keys = reduced.map((clause) => clause.map(foldCase).sort().join('\n'));
  return reduced.filter((_, i) => {
    if (keys.indexOf(keys[i]!) !== i) return false;
    const single = singles[i];
    return single === null || single === undefined || !singles.some((other, j) => j !== i && other !== null && other !== single && other!.includes(single));
  });
}

/** Drop repeated terms and terms contained in another term, keeping the order typed (AND of single terms). */
export function essentialTerms(terms: readonly string[]): string[] {
  return essentialClauses(terms.map((term) => [term])).map((clause) => clause[0]!);
}

/** Every term the query looks for (not the excluded ones), in order: what results mark. */
export function queryTerms(query: ParsedQuery): string[] {
  return query.clauses.flat();
}

const quote = (term: string) => (/\s/u.test(term) || OR_WORDS.has(term) ? `"${term}"` : term);

/** The query as it is shown back to the reader and put in links. */
export function formatQuery(query: ParsedQuery): string {
  return [...query.clauses.map((clause) => clause.map(quote).join(' 或 ')), ...query.excluded.map((term) => `-${quote(term)}`)].join(' ');
}
