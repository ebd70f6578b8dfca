import { formatDate, pageLabel } from '../dates.ts';
import { placeInUrl, recordText, type LoadedFragment, type RecordText } from './index-format.ts';
import { findRuns, segmentsOf, type Segment } from './matches.ts';

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
export function excerptSegments(text: RecordText, terms: readonly string[], length = 110): Segment[] {
  const candidates = [...text.paragraphs, text.subtitle, text.kicker, text.byline, text.credit].filter((line) => line !== '');
  for (const line of candidates) {
    const runs = findRuns(line, terms);
    if (runs.length === 0) continue;
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
}

/** The article's link with the terms to highlight there. */
export function highlightLink(url: string, terms: readonly string[]): string {
  const params = new URLSearchParams();
  for (const term of terms) params.append('hl', term);
  const query = params.toString();
  return query ? `${url}?${query}` : url;
}

/** A result from its fragment: `terms` are every form searched (marked in the excerpt and on the article). */
export function resultView(fragment: LoadedFragment, terms: readonly string[]): ResultView {
  const text = recordText(fragment.content);
  const { date, page } = placeInUrl(fragment.raw_url);
  const section = fragment.filters.section?.[0];
  const kind = fragment.filters.kind?.[0];
  return {
    href: highlightLink(fragment.url, terms),
    headline: headlineSegments(fragment.meta?.headline || text.title || '（无标题）', terms),
    meta: [fragment.filters.paper?.[0], date && formatDate(date), page !== null && `${pageLabel(page)}${section ? ` ${section}` : ''}`, kind === 'photo' ? KIND_LABEL.photo : '']
      .filter(Boolean)
      .join(' · '),
    excerpt: excerptSegments(text, terms),
  };
}
