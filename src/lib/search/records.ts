import { indexWords } from './tokens.ts';
import { findRuns, segmentsOf, type Segment } from './matches.ts';
import { normalizeLine } from './text.ts';

/**
 * What the search index knows of an article. The build writes one of these per article (from
 * the same view the article page renders), and the index writer (search/bundle-writer.ts) turns it
 * into index words, filter entries and a result fragment. Dates are filters and sort order
 * only, never searchable text, so that 2023年 does not match every page of 2023.
 */
export interface SearchSource {
  /** The article's URL path, e.g. `/zunyi-daily/2023-01-17/03/01/`. */
  url: string;
  /** Issue date, YYYY-MM-DD. */
  date: string;
  /** The paper's name as printed (遵义日报). */
  paper: string;
  /** 版次. */
  page: number;
  /** 版名, when known. */
  pageName: string | null;
  kind: 'article' | 'photo';
  /** 主题 as printed (null when none was printed). */
  title: string | null;
  kicker: string | null;
  subtitle: string | null;
  /** The byline as printed, e.g. 本报讯（记者 张婷）. */
  byline: string | null;
  /** A photo credit line. */
  credit: string | null;
  /** The headline the site shows, which may be made from the text when none was printed. */
  headline: string;
  paragraphs: string[];
  /** Reporters, correspondents and photographers named in the byline. */
  people: string[];
}

/** The filters a search can narrow by; their values are what the page shows. */
export const FILTER_KEYS = ['paper', 'year', 'month', 'section', 'kind', 'author'] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];

/** Lines 0-4 of a record hold the header fields; the body starts at line 5. */
const HEADER_LINES = 5;

function oneLine(text: string | null): string {
  return (text ?? '').replace(/\s*\n\s*/gu, ' ');
}

/** The searchable lines of an article, in the record's fixed layout. */
export function sourceLines(source: SearchSource): string[] {
  return [
    oneLine(source.title),
    oneLine(source.kicker),
    oneLine(source.subtitle),
    oneLine(source.byline),
    oneLine(source.credit),
    ...source.paragraphs.flatMap((paragraph) => paragraph.split(/\r?\n/u)),
  ];
}

/** The filter values of an article. */
export function sourceFilters(source: SearchSource): Record<FilterKey, string[]> {
  const [year, month] = source.date.split('-');
  return {
    paper: [source.paper],
    year: [year!],
    month: [`${year}-${month}`],
    section: source.pageName ? [source.pageName] : [],
    kind: [source.kind],
    author: [...new Set(source.people)],
  };
}

/** The index words of an article, in order (see tokens.ts). Dates are not among them. */
export function sourceWords(source: SearchSource): string[] {
  return indexWords(sourceLines(source));
}

/** What a result's fragment holds for the search page to show. */
export interface ResultFragment {
  url: string;
  /** The searchable lines as normalised plain text (case as printed), one per line. */
  content: string;
  filters: { paper: string[]; section: string[]; kind: string[] };
  meta: { headline: string };
}

/**
 * The fragment of an article: its text and what the result line shows. The headline may be one
 * the site made up for an untitled item; it is shown, never searched.
 */
export function resultFragment(source: SearchSource): ResultFragment {
  const filters = sourceFilters(source);
  return {
    url: source.url,
    content: sourceLines(source).map(normalizeLine).join('\n'),
    filters: { paper: filters.paper, section: filters.section, kind: filters.kind },
    meta: { headline: source.headline },
  };
}

/** An article's text as a result's fragment holds it. */
export interface RecordText {
  title: string;
  kicker: string;
  subtitle: string;
  byline: string;
  credit: string;
  paragraphs: string[];
}

/** The text of a result from its fragment's content (see `resultFragment`). */
export function recordText(content: string): RecordText {
  const lines = content.split('\n');
  return {
    title: lines[0] ?? '',
    kicker: lines[1] ?? '',
    subtitle: lines[2] ?? '',
    byline: lines[3] ?? '',
    credit: lines[4] ?? '',
    paragraphs: lines.slice(HEADER_LINES).filter((line) => line !== ''),
  };
}

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
