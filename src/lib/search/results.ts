import { formatDate, pageLabel } from '../dates.ts';
import { correctLine, overlapsChange, type SuspectReading } from './aliases.ts';
import { placeInUrl, recordText, type LoadedFragment, type RecordText } from './index-format.ts';
import { findRuns, segmentsOf, type Run, type Segment } from './matches.ts';

/**
 * What the search page shows, as data: a result (headline, place, excerpt with the hits marked,
 * link), the status line and the pager. Pure, so that it is tested without a browser; the page's
 * DOM code (dom-view.ts) only turns these into elements.
 */

/** Characters of excerpt before the first hit. */
const LEAD = 24;

/**
 * A readable excerpt around the first hit in the body (or the header lines when the body has
 * none), about `length` characters, cut at a sentence or clause start when one is near, with
 * every hit marked as a whole run. Without a hit it is the start of the body.
 */
export function excerptSegments(text: RecordText, terms: readonly string[], length = 110, accept: (line: string, runs: readonly Run[]) => boolean = () => true): Segment[] {
  const candidates = [...text.paragraphs, text.subtitle, text.kicker, text.byline, text.credit].filter((line) => line !== '');
  for (const line of candidates) {
    const runs = findRuns(line, terms);
    if (runs.length === 0 || !accept(line, runs)) continue;
    const chars = [...line];
    // offsets in code points for slicing, from UTF-16 offsets of the first run
    const first = [...line.slice(0, runs[0]![0])].length;
    let start = Math.max(0, first - LEAD);
    if (start > 0) {
      const window = chars.slice(start, first).join('');
      const cut = Math.max(window.lastIndexOf('。'), window.lastIndexOf('，'), window.lastIndexOf('；'), window.lastIndexOf('！'), window.lastIndexOf('？'));
      if (cut >= 0) start += [...window.slice(0, cut + 1)].length;
    }
    const end = Math.min(chars.length, start + length);
    const piece = chars.slice(start, end).join('');
    const segments = segmentsOf(piece, findRuns(piece, terms));
    if (start > 0) segments.unshift({ text: '……', hit: false });
    if (end < chars.length) segments.push({ text: '……', hit: false });
    return segments;
  }
  const body = text.paragraphs.join('');
  const chars = [...body];
  return [{ text: chars.slice(0, length).join('') + (chars.length > length ? '……' : ''), hit: false }];
}

/** The headline segments, with hits marked. */
export function headlineSegments(headline: string, terms: readonly string[]): Segment[] {
  return segmentsOf(headline, findRuns(headline, terms));
}

export const KIND_LABEL: Record<string, string> = { article: '文章', photo: '图片' };

/** One result as the list shows it. */
export interface ResultView {
  /** The article, with the terms to mark on it (`?hl=`). */
  href: string;
  headline: Segment[];
  /** Paper · date · page and 版名 · 图片. */
  meta: string;
  excerpt: Segment[];
  /** The printed page (版面) the article is on, with the terms to mark on its scan, when the URL names one. */
  pageHref?: string;
  /** What a flagged misreading has to do with the match, when it has. */
  note?: string;
}

/** The article's link with the terms to highlight there. */
export function highlightLink(url: string, terms: readonly string[]): string {
  const params = new URLSearchParams();
  for (const term of terms) params.append('hl', term);
  const query = params.toString();
  return query ? `${url}?${query}` : url;
}

/** The lines of a record's text, header fields first. */
const linesOf = (text: RecordText) => [text.title, text.kicker, text.subtitle, text.byline, text.credit, ...text.paragraphs];

/** A text read as its flags suggest, and where each changed line changed. */
function corrected(text: RecordText, suspects: readonly SuspectReading[]): { text: RecordText; changes: Map<string, readonly Run[]> } {
  const changes = new Map<string, readonly Run[]>();
  const fix = (line: string) => {
    const fixed = correctLine(line, suspects);
    if (fixed.changes.length > 0) changes.set(fixed.text, fixed.changes);
    return fixed.text;
  };
  return { text: { title: fix(text.title), kicker: fix(text.kicker), subtitle: fix(text.subtitle), byline: fix(text.byline), credit: fix(text.credit), paragraphs: text.paragraphs.map(fix) }, changes };
}

/**
 * Where a term occurs in a text only as a flag suggests it, or occurs as printed where a flag
 * suggests otherwise: the first such place, as printed and as suggested (the term's stretch of
 * the line).
 */
export function flaggedReading(text: RecordText, suspects: readonly SuspectReading[], terms: readonly string[], reading: 'printed' | 'suggested'): { printed: string; suggested: string } | null {
  for (const line of linesOf(text)) {
    if (line === '') continue;
    const fixed = correctLine(line, suspects);
    if (fixed.changes.length === 0) continue;
    const runs = findRuns(reading === 'printed' ? line : fixed.text, terms);
    const run = runs.find((one) => overlapsChange(one, fixed.changes));
    if (run) return { printed: line.slice(run[0], run[1]), suggested: fixed.text.slice(run[0], run[1]) };
  }
  return null;
}

/**
 * A result from its fragment: `terms` are every form searched (marked in the excerpt and on the
 * article). A result found only as its flags suggest (`suggested`) shows the suggested reading
 * and says what was printed; an exact result whose hit a flag doubts says so.
 */
export function resultView(fragment: LoadedFragment, terms: readonly string[], reading: 'printed' | 'suggested' = 'printed'): ResultView {
  const text = recordText(fragment.content);
  const { date, page } = placeInUrl(fragment.raw_url);
  const section = fragment.filters.section?.[0];
  const kind = fragment.filters.kind?.[0];
  const suspects = fragment.suspects ?? [];
  const flagged = suspects.length > 0 ? flaggedReading(text, suspects, terms, reading) : null;
  let excerpt: Segment[];
  if (reading === 'suggested' && flagged) {
    // the suggested reading of the line where the match depends on it
    const fixed = corrected(text, suspects);
    excerpt = excerptSegments(fixed.text, terms, 110, (line, runs) => runs.some((run) => overlapsChange(run, fixed.changes.get(line) ?? [])));
  } else excerpt = excerptSegments(text, terms);
  // the article and its page mark what they print: for a suspected match, the printed misreading
  const marked = reading === 'suggested' && flagged ? [flagged.printed] : terms;
  const pageUrl = /^(.*\/\d{4}-\d{2}-\d{2}\/\d+\/)\d+\/$/u.exec(fragment.url)?.[1];
  return {
    href: highlightLink(fragment.url, marked),
    ...(pageUrl ? { pageHref: highlightLink(pageUrl, marked) } : {}),
    headline: headlineSegments(fragment.meta?.headline || text.title || '（无标题）', terms),
    meta: [fragment.filters.paper?.[0], date && formatDate(date), page !== null && `${pageLabel(page)}${section ? ` ${section}` : ''}`, kind === 'photo' ? KIND_LABEL.photo : '']
      .filter(Boolean)
      .join(' · '),
    excerpt,
    ...(flagged
      ? {
          note:
            reading === 'suggested'
              ? `原文识别为“${flagged.printed}”，导入时标记为疑似识别错误，建议读作“${flagged.suggested}”。`
              : `此处“${flagged.printed}”被标记为疑似识别错误，可能应为“${flagged.suggested}”。`,
        }
      : {}),
  };
}
