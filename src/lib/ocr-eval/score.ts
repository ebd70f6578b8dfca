import { levenshtein } from './edit-distance.ts';
import type { TruthItem } from './truth.ts';

/**
 * Scoring an importer against the items printed on a page (pure).
 *
 * - Matching: every parsed item is compared with every truth item by the Dice coefficient of
 *   their character bigrams (headline, body or caption, normalised); pairs are taken greedily
 *   from the most similar down, one to one, while the similarity is at least 0.5 (so half of an
 *   article, or an article with a neighbour merged into it, still matches).
 * - Item F1 over articles and photo items together: precision = matched / parsed items,
 *   recall = matched / truth items.
 * - Field accuracy over matched pairs, per field: `kind` always counts; a text field (kicker,
 *   title, subtitle) or a people list (reporters, correspondents, photographers) counts when the
 *   truth or the parse has a value, so two empty fields earn nothing. Text compares after
 *   `normalize`; people compare as sets.
 * - Fields placed right (`placed`): the same fields, but a value counts when it is within what
 *   a misread costs: at most one character in five wrong (at least one), people paired one to
 *   one under the same allowance. A field that is missing, cut in half or holds another line
 *   (a kicker read as the title, a name lost from the byline) stays wrong; 新清新区 for 新蒲新区
 *   counts. Set beside the exact score, it tells the parser's share of the field errors from
 *   the OCR engine's.
 * - Body CER: edit distance between the normalised body (article paragraphs, or a photo's
 *   caption) of each matched pair, plus the whole body of each truth item nobody matched,
 *   divided by the characters of all truth bodies. Items the parse invented are not counted
 *   here (F1 sees them).
 */

/** What an importer made of one item, reduced to what is scored. */
export interface EvalItem {
  kind: 'article' | 'photo';
  kicker: string | null;
  title: string | null;
  subtitle: string | null;
  reporters: string[];
  correspondents: string[];
  photographers: string[];
  /** Body paragraphs joined, or the caption. */
  body: string;
}

export const FIELDS = ['kind', 'kicker', 'title', 'subtitle', 'reporters', 'correspondents', 'photographers'] as const;
export type Field = (typeof FIELDS)[number];

/** Characters that differ between OCR engines and print for no reason a reader would see. */
const FOLD: Record<string, string> = {
  ',': '，', ';': '；', ':': '：', '(': '（', ')': '）', '!': '！', '?': '？',
  '"': '“', '”': '“', '「': '“', '」': '“', "'": '‘', '’': '‘',
  '－': '—', '-': '—', '–': '—', '―': '—',
  '·': '·', '•': '·', '・': '·', '．': '.',
};

/**
 * Text as scored: no whitespace, full-width letters and digits as ASCII, ASCII punctuation as
 * its full-width form, all double quotes alike, dash forms alike.
 */
export function normalize(text: string | null | undefined): string {
  if (!text) return '';
  let out = '';
  for (const ch of text) {
    if (/\s/u.test(ch)) continue;
    const cp = ch.codePointAt(0)!;
    const ascii = cp >= 0xff10 && cp <= 0xff5a && /[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]/u.test(ch) ? String.fromCodePoint(cp - 0xfee0) : ch;
    out += FOLD[ascii] ?? ascii;
  }
  return out;
}

function bigrams(text: string): Map<string, number> {
  const out = new Map<string, number>();
  const chars = [...text];
  if (chars.length === 1) out.set(chars[0]!, 1);
  for (let i = 0; i + 1 < chars.length; i++) {
    const g = chars[i]! + chars[i + 1]!;
    out.set(g, (out.get(g) ?? 0) + 1);
  }
  return out;
}

/** Dice coefficient of two texts' character bigram multisets, 0-1. */
export function similarity(a: string, b: string): number {
  const x = bigrams(a);
  const y = bigrams(b);
  let total = 0;
  let shared = 0;
  for (const n of x.values()) total += n;
  for (const n of y.values()) total += n;
  for (const [g, n] of x) shared += Math.min(n, y.get(g) ?? 0);
  return total === 0 ? 0 : (2 * shared) / total;
}

/** A truth item as scored. */
export function truthEvalItem(item: TruthItem): EvalItem {
  return {
    kind: item.kind,
    kicker: item.kicker,
    title: item.title,
    subtitle: item.subtitle,
    reporters: item.reporters,
    correspondents: item.correspondents,
    photographers: item.photographers,
    body: item.paragraphs.join(''),
  };
}

const matchText = (item: EvalItem) => normalize([item.kicker, item.title, item.subtitle, item.body].filter(Boolean).join(''));

/** One-to-one pairs [truth index, parsed index], most similar first, similarity >= `min`. */
export function matchItems(truth: EvalItem[], parsed: EvalItem[], min = 0.5): Array<[number, number]> {
  const t = truth.map(matchText);
  const p = parsed.map(matchText);
  const candidates: Array<[number, number, number]> = [];
  t.forEach((a, i) => p.forEach((b, j) => {
    const s = similarity(a, b);
    if (s >= min) candidates.push([s, i, j]);
  }));
  candidates.sort((a, b) => b[0] - a[0] || a[1] - b[1] || a[2] - b[2]);
  const usedT = new Set<number>();
  const usedP = new Set<number>();
  const pairs: Array<[number, number]> = [];
  for (const [, i, j] of candidates) {
    if (usedT.has(i) || usedP.has(j)) continue;
    usedT.add(i);
    usedP.add(j);
    pairs.push([i, j]);
  }
  return pairs.sort((a, b) => a[0] - b[0]);
}

export interface FieldCount {
  correct: number;
  counted: number;
}

export interface FieldMiss {
  field: Field;
  truth: string;
  parsed: string;
  /** Wrong only by what a misread costs (placed right). */
  placed: boolean;
}

export interface PageScore {
  truthItems: number;
  parsedItems: number;
  matched: number;
  fields: Record<Field, FieldCount>;
  /** The same fields, right within a misread's allowance (see above). */
  placed: Record<Field, FieldCount>;
  body: { edits: number; chars: number };
  /** What went wrong, for reading failure classes: unmatched items and wrong fields. */
  misses: { unmatchedTruth: string[]; unmatchedParsed: string[]; fields: FieldMiss[] };
}

const show = (v: string | string[] | null) => (Array.isArray(v) ? v.join('、') : v ?? '∅');

function fieldValue(item: EvalItem, field: Field): string | string[] | null {
  return item[field];
}

/** Edits a value of this many characters may have and still count as placed right: one in five, at least one. */
export const misreadAllowance = (length: number) => Math.max(1, Math.floor(length / 5));

function fieldCounts(a: string | string[] | null, b: string | string[] | null, field: Field): { counted: boolean; correct: boolean; placed: boolean } {
  if (field === 'kind') return { counted: true, correct: a === b, placed: a === b };
  if (Array.isArray(a) || Array.isArray(b)) {
    const x = [...new Set((a as string[] | null ?? []).map(normalize))].sort();
    const y = [...new Set((b as string[] | null ?? []).map(normalize))].sort();
    if (x.length === 0 && y.length === 0) return { counted: false, correct: true, placed: true };
    return { counted: true, correct: x.join('\u0000') === y.join('\u0000'), placed: peoplePlaced(x, y) };
  }
  // a subtitle's lead-in dash (——记者走访…) is typography, printed or not: compared without it
  const lead = (text: string) => (field === 'subtitle' ? text.replace(/^—+/u, '') : text);
  const x = lead(normalize(a as string | null));
  const y = lead(normalize(b as string | null));
  if (x === '' && y === '') return { counted: false, correct: true, placed: true };
  return { counted: true, correct: x === y, placed: x !== '' && y !== '' && levenshtein(x, y) <= misreadAllowance([...x].length) };
}

/** Every printed name paired with its own read name within a misread's allowance, nothing left over. */
function peoplePlaced(printed: string[], read: string[]): boolean {
  if (printed.length !== read.length) return false;
  const left = [...read];
  for (const name of printed) {
    const at = left.findIndex((other) => levenshtein(name, other) <= misreadAllowance([...name].length));
    if (at < 0) return false;
    left.splice(at, 1);
  }
  return true;
}

export function emptyFields(): Record<Field, FieldCount> {
  return Object.fromEntries(FIELDS.map((f) => [f, { correct: 0, counted: 0 }])) as Record<Field, FieldCount>;
}

export function scorePage(truth: EvalItem[], parsed: EvalItem[]): PageScore {
  const pairs = matchItems(truth, parsed);
  const fields = emptyFields();
  const placed = emptyFields();
  const misses: PageScore['misses'] = { unmatchedTruth: [], unmatchedParsed: [], fields: [] };
  let edits = 0;
  let chars = 0;
  const matchedT = new Set(pairs.map(([i]) => i));
  const matchedP = new Set(pairs.map(([, j]) => j));
  for (const [i, j] of pairs) {
    const t = truth[i]!;
    const p = parsed[j]!;
    for (const field of FIELDS) {
      const c = fieldCounts(fieldValue(t, field), fieldValue(p, field), field);
      if (!c.counted) continue;
      fields[field].counted++;
      placed[field].counted++;
      if (c.correct) fields[field].correct++;
      if (c.placed) placed[field].correct++;
      else misses.fields.push({ field, truth: show(fieldValue(t, field)), parsed: show(fieldValue(p, field)), placed: c.placed });
    }
    const tb = normalize(t.body);
    edits += levenshtein(tb, normalize(p.body));
    chars += tb.length;
  }
  truth.forEach((t, i) => {
    if (matchedT.has(i)) return;
    const tb = normalize(t.body);
    edits += tb.length;
    chars += tb.length;
    misses.unmatchedTruth.push(`${t.kind}: ${(t.title ?? t.body).slice(0, 30)}`);
  });
  parsed.forEach((p, j) => {
    if (!matchedP.has(j)) misses.unmatchedParsed.push(`${p.kind}: ${[p.kicker, p.title, p.subtitle].filter(Boolean).join(' / ').slice(0, 40)} | ${p.body.slice(0, 30)}`);
  });
  return { truthItems: truth.length, parsedItems: parsed.length, matched: pairs.length, fields, placed, body: { edits, chars }, misses };
}

export interface Summary {
  pages: number;
  truthItems: number;
  parsedItems: number;
  matched: number;
  precision: number;
  recall: number;
  f1: number;
  /** All counted fields together. */
  fieldAccuracy: number;
  /** All counted fields together, right within a misread's allowance. */
  placedAccuracy: number;
  perField: Record<Field, number | null>;
  bodyCer: number;
}

export function summarize(scores: PageScore[]): Summary {
  const truthItems = scores.reduce((n, s) => n + s.truthItems, 0);
  const parsedItems = scores.reduce((n, s) => n + s.parsedItems, 0);
  const matched = scores.reduce((n, s) => n + s.matched, 0);
  const precision = parsedItems === 0 ? 0 : matched / parsedItems;
  const recall = truthItems === 0 ? 0 : matched / truthItems;
  const fields = emptyFields();
  for (const s of scores) for (const f of FIELDS) {
    fields[f].correct += s.fields[f].correct;
    fields[f].counted += s.fields[f].counted;
  }
  const correct = FIELDS.reduce((n, f) => n + fields[f].correct, 0);
  const counted = FIELDS.reduce((n, f) => n + fields[f].counted, 0);
  const placed = scores.reduce((n, s) => n + FIELDS.reduce((m, f) => m + s.placed[f].correct, 0), 0);
  const edits = scores.reduce((n, s) => n + s.body.edits, 0);
  const chars = scores.reduce((n, s) => n + s.body.chars, 0);
  return {
    pages: scores.length,
    truthItems,
    parsedItems,
    matched,
    precision,
    recall,
    f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall),
    fieldAccuracy: counted === 0 ? 1 : correct / counted,
    placedAccuracy: counted === 0 ? 1 : placed / counted,
    perField: Object.fromEntries(FIELDS.map((f) => [f, fields[f].counted === 0 ? null : fields[f].correct / fields[f].counted])) as Record<Field, number | null>,
    bodyCer: chars === 0 ? 0 : edits / chars,
  };
}
