import type { Issue } from '../schemas/issue.ts';
import type { Paper } from '../schemas/paper.ts';

/**
 * What a reader or researcher must know about where an item comes from, said the same way on
 * every page, file and citation: whether its date or 版次 is an editor's estimate, the rights in
 * its text and photos, and where the printed original can be consulted.
 */

export type Estimated = NonNullable<Issue['estimated']>;

/**
 * The issue's estimate when it concerns the date or the page numbers; null for none (an
 * `estimated` block with both flags false says nothing a reader needs).
 */
export function estimateOf(issue: Pick<Issue, 'estimated'>): Estimated | null {
  const estimated = issue.estimated;
  return estimated && (estimated.date || estimated.pages) ? estimated : null;
}

/** What was estimated, in words: 出版日期, 版次, or 出版日期和版次. */
export function estimatedParts(estimated: Estimated): string {
  return [estimated.date ? '出版日期' : null, estimated.pages ? '版次' : null].filter(Boolean).join('和');
}

/**
 * One sentence for pages, citations and the note fields of BibTeX, RIS and CSL-JSON:
 * 出版日期和版次系编者推定，原件未印出或未能识别。 The editor's own reasons stay in `note`.
 */
export function estimateNote(estimated: Estimated): string {
  return `${estimatedParts(estimated)}系编者推定，原件未印出或未能识别。`;
}

/** In Copyright (rightsstatements.org): the statement when a paper names none. */
export const DEFAULT_RIGHTS_URI = 'http://rightsstatements.org/vocab/InC/1.0/';

export interface Rights {
  /** The rights in the text. */
  text: string;
  /** The rights in the photos. */
  photos: string;
  /** A rights statement URI. */
  uri: string;
}

/** The rights of a paper's items: its own statement, else the default naming its publisher. */
export function paperRights(paper: Paper): Rights {
  const holder = paper.publisher ?? paper.name;
  return {
    text: paper.rights?.text ?? `文字版权归${holder}所有。本站据原报整理的文字仅供研究、教学和个人学习使用；转载、汇编或商业使用须取得版权方许可。`,
    photos: paper.rights?.photos ?? `图片版权归摄影者和${holder}所有，仅供研究和个人学习使用；转载须取得版权方许可。`,
    uri: paper.rights?.uri ?? DEFAULT_RIGHTS_URI,
  };
}

/**
 * Where the printed original can be checked, for the footer of a paper's pages: the page's own
 * scan when it has one that was photographed from the printed page (`scanPage`, the URL of the
 * page view that shows it), else where the paper's printed copies are held: its own
 * `original`, else its publisher and libraries in general. A scan rendered from the text
 * (`synthetic`, the bundled sample's) is not the original and does not count.
 */
export function originalNote(
  paper: Paper,
  scan?: { synthetic?: string | undefined; page: string } | undefined,
): { text: string; url: string | undefined; scan: boolean } {
  if (scan && !scan.synthetic) return { text: '本版原版图像', url: scan.page, scan: true };
  if (paper.original) return { text: `《${paper.name}》原版可在${paper.original.where}查阅。`, url: paper.original.url, scan: false };
  return { text: `《${paper.name}》原版请向${paper.publisher ?? '出版单位'}或收藏该报的图书馆查阅。`, url: undefined, scan: false };
}
