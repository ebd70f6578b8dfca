import type { ArticleKind } from '../../schemas/article.ts';

/**
 * Ground truth of the OCR evaluation (`npm run eval:ocr`): the items printed on a page we lay out
 * ourselves, so that what an importer reads back from the rendered scan can be scored against
 * what was printed. The shapes follow the synthetic generator (scripts/lib/synthetic.ts) and the
 * importer's parsed items (src/schemas/parsed-page.ts), minus ids and problems.
 */

/**
 * One article or photo item as a page prints it: what the synthetic archive generates
 * (scripts/lib/synthetic.ts) and what the OCR evaluation lays out and scores.
 */
export interface PrintedItem {
  kind: ArticleKind;
  /** Column banner (栏目) printed above the item. */
  column: string | null;
  kicker: string | null;
  title: string | null;
  subtitle: string | null;
  /** 本报讯 and the like; null when the byline stands on its own line or there is none. */
  dateline: string | null;
  reporters: string[];
  correspondents: string[];
  photographers: string[];
  /** Article body paragraphs, or a photo item's caption paragraphs (without the credit). */
  paragraphs: string[];
  /** A photo credit as printed, e.g. （记者 向婧 摄）. */
  credit: string | null;
  /** A jump line: 下转第5版 at the end, 上接第1版 at the start. */
  continuation: string | null;
}

/** One item of a page the OCR evaluation lays out. */
export interface TruthItem extends PrintedItem {
  /** Pictures printed with the item (a photo item has one; an article may have some). */
  photos: number;
}

/** A page to lay out: what the page header prints and the items in reading order. */
export interface TruthPageInput {
  /** A name for the page in reports and caches, e.g. `zunyi-daily/2020-03-04/02`. */
  key: string;
  paperSlug: string;
  paperName: string;
  date: string;
  page: number;
  pageName: string;
  editor: string;
  items: TruthItem[];
}

/** A box in page pixels: left, top, width, height. */
export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** What a role of text on the page is, as the layout marks it (`data-field`). */
export type TextField = 'column' | 'kicker' | 'title' | 'subtitle' | 'byline' | 'body' | 'caption' | 'credit' | 'jump' | 'header' | 'ad';

/** One printed line of text with its box (read from the rendered page). */
export interface TruthLine {
  /** Index of the item in `PageTruth.items`, or -1 for the page header and advertisements. */
  item: number;
  field: TextField;
  text: string;
  box: Box;
}

/** The truth of a rendered page: the items as printed (after layout), their boxes and lines. */
export interface PageTruth {
  key: string;
  width: number;
  height: number;
  /** Items in reading order, as printed (text possibly in traditional script, cut to fit). */
  items: TruthItem[];
  /** Per item, the boxes it covers (several when it spans columns). */
  boxes: Box[][];
  /** Every printed line of text, in reading order. */
  lines: TruthLine[];
}

/** Characters of an item's text as a reader would read it aloud: headline, body or caption. */
export function itemText(item: TruthItem): string {
  return [item.column, item.kicker, item.title, item.subtitle, ...item.paragraphs, item.credit].filter((s) => s !== null).join('');
}
