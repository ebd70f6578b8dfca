/**
 * Citations of one newspaper item in the formats researchers paste into papers and reference
 * managers: GB/T 7714-2015 (printed and online forms), BibTeX, RIS and CSL-JSON. Pure
 * functions of a `CitationSource`; the site fills it from an article view.
 */

export interface CitationSource {
  /** The article id, e.g. `zunyi-daily/2023-01-17/03/01`. */
  id: string;
  kind: 'article' | 'photo';
  /** The headline as shown on the site (主题, or what stands for it). */
  title: string;
  subtitle: string | null;
  /** Reporters of an article, photographers of a photo item, in printed order. */
  authors: string[];
  paper: {
    name: string;
    place: string;
    publisher?: string | undefined;
    issn?: string | undefined;
    cn?: string | undefined;
  };
  /** Publication date, YYYY-MM-DD. */
  date: string;
  /** 版次. */
  page: number;
  /** 版名, when known. */
  pageName: string | null;
  /** The permanent, absolute URL of the article page. */
  url: string;
  /** The archive's name, recorded as the database the item was found in. */
  archive: string;
  /**
   * Set when the date or page number is an editor's estimate (issue.yml `estimated`),
   * not printed on the source; `note` says so in words, for the note fields of the formats.
   */
  estimated?: { date: boolean; pages: boolean; note: string } | null | undefined;
}

/** GB/T 7714-2015 lists at most three authors, then 等. */
const MAX_GBT_AUTHORS = 3;

/**
 * GB/T 7714-2015, 报纸中析出的文献 ([N]):
 *
 *   张婷. 志愿服务聚合力 文明实践谱新篇[N]. 遵义日报, 2023-01-17(3).
 *
 * and with `online`, the electronic form with the date of citing and the URL:
 *
 *   张婷. 志愿服务聚合力 文明实践谱新篇[N/OL]. 遵义日报, 2023-01-17(3)[2024-05-01]. https://….
 *
 * An item without a known author starts with its title, as the standard allows for Chinese
 * documents (8.1.1: the responsible party may be omitted).
 *
 * A date or 版次 that an editor estimated is put in square brackets, as supplied by the
 * cataloguer: `遵义日报, [2023-01-17]([3])`. GB/T 7714-2015 8.4.3.3 gives an estimated year of
 * publication in square brackets ("估计的出版年应置于方括号内", example [1936]), and 8.4.1.3 and
 * 8.4.2.3 bracket what the cataloguer supplies for a missing place or publisher ([出版地不详]);
 * the bracketed 版次 follows the same convention. The standard has no note element, so the
 * reason travels beside the citation (`estimateNote`, shown under it and in the note fields of
 * BibTeX, RIS and CSL-JSON).
 */
export function gbt7714(source: CitationSource, online?: { accessed: string }): string {
  const authors =
    source.authors.length > MAX_GBT_AUTHORS ? `${source.authors.slice(0, MAX_GBT_AUTHORS).join(', ')}, 等` : source.authors.join(', ');
  const head = authors === '' ? '' : `${authors}. `;
  const type = online ? '[N/OL]' : '[N]';
  const date = source.estimated?.date ? `[${source.date}]` : source.date;
  const page = source.estimated?.pages ? `[${source.page}]` : String(source.page);
  const where = `${source.paper.name}, ${date}(${page})`;
  return online ? `${head}${source.title}${type}. ${where}[${online.accessed}]. ${source.url}.` : `${head}${source.title}${type}. ${where}.`;
}

/** A citation key that any TeX tool accepts: the article id with its slashes as hyphens. */
export function citationKey(source: CitationSource): string {
  return source.id.replace(/[^A-Za-z0-9-]+/gu, '-');
}

/** Characters TeX reads as commands, escaped so that OCR text comes out as printed. */
function tex(text: string): string {
  return text.replace(/[\\{}%&$#_^~]/gu, (ch) => {
    switch (ch) {
      case '\\':
        return '\\textbackslash{}';
      case '^':
        return '\\textasciicircum{}';
      case '~':
        return '\\textasciitilde{}';
      default:
        return `\\${ch}`;
    }
  });
}

/**
 * BibTeX, readable by both BibTeX (`journal`, `year`, `month`) and biblatex (`journaltitle`,
 * `date`, `entrysubtype = {newspaper}`, which biblatex-gb7714-2015 prints as [N]).
 */
export function bibtex(source: CitationSource): string {
  const [year, month] = source.date.split('-').map(Number) as [number, number];
  const fields: Array<[string, string | undefined]> = [
    ['author', source.authors.length > 0 ? source.authors.map(tex).join(' and ') : undefined],
    ['title', tex(source.title)],
    ['subtitle', source.subtitle ? tex(source.subtitle) : undefined],
    ['journal', tex(source.paper.name)],
    ['journaltitle', tex(source.paper.name)],
    ['entrysubtype', 'newspaper'],
    ['date', source.date],
    ['year', String(year)],
    ['month', String(month)],
    ['pages', String(source.page)],
    ['location', tex(source.paper.place)],
    ['issn', source.paper.issn],
    ['note', notes(source).map(tex).join('；') || undefined],
    ['url', source.url],
    ['langid', 'chinese'],
    ['language', 'zh-CN'],
  ];
  const present = fields.filter((field): field is [string, string] => field[1] !== undefined);
  const width = Math.max(...present.map(([name]) => name.length));
  const body = present.map(([name, value]) => `  ${name.padEnd(width)} = {${value}},`).join('\n');
  return `@article{${citationKey(source)},\n${body}\n}\n`;
}

/**
 * RIS (Research Information Systems), type NEWS: Zotero, EndNote, NoteExpress and Mendeley
 * read it. Lines end in CRLF as the format asks. `accessed` adds the date of access (Y2).
 */
export function ris(source: CitationSource, accessed?: string): string {
  const [year, month, day] = source.date.split('-');
  const lines: Array<[string, string | undefined]> = [
    ['TY', 'NEWS'],
    ...source.authors.map((name): [string, string] => ['AU', name]),
    ['TI', source.title],
    ['T2', source.paper.name],
    ['DA', `${year}/${month}/${day}/`],
    ['PY', year],
    ['SP', String(source.page)],
    ['SE', source.pageName ?? undefined],
    ['CY', source.paper.place],
    ['PB', source.paper.publisher],
    ['SN', source.paper.issn],
    ['UR', source.url],
    ['Y2', accessed?.replaceAll('-', '/')],
    ['LA', 'zh-CN'],
    ['DB', source.archive],
    ['M3', source.kind === 'photo' ? '新闻图片' : undefined],
    ['N1', source.estimated?.note],
  ];
  const body = lines
    .filter((line): line is [string, string] => line[1] !== undefined && line[1] !== '')
    .map(([tag, value]) => `${tag}  - ${value.replace(/\s*\n\s*/gu, ' ')}`);
  return `${[...body, 'ER  - '].join('\r\n')}\r\n`;
}

/** One item in CSL-JSON, the format of Zotero and citeproc (citation-style-language/schema). */
export interface CslItem {
  id: string;
  type: 'article-newspaper';
  title: string;
  'container-title': string;
  author?: Array<{ literal: string }>;
  /** `circa` marks a date an editor estimated (CSL-JSON's uncertain date). */
  issued: { 'date-parts': [[number, number, number]]; circa?: true };
  accessed?: { 'date-parts': [[number, number, number]] };
  page: string;
  section?: string;
  genre?: string;
  'publisher-place': string;
  publisher?: string;
  ISSN?: string;
  URL: string;
  language: 'zh-CN';
  source: string;
  note?: string;
}

/**
 * CSL-JSON. Chinese names are given as `literal`: splitting 欧阳修 into family and given names
 * needs knowledge that a byline does not carry.
 */
export function cslJson(source: CitationSource, accessed?: string): CslItem {
  const parts = (date: string) => date.split('-').map(Number) as [number, number, number];
  return {
    id: source.id,
    type: 'article-newspaper',
    title: source.title,
    'container-title': source.paper.name,
    ...(source.authors.length > 0 ? { author: source.authors.map((literal) => ({ literal })) } : {}),
    issued: { 'date-parts': [parts(source.date)], ...(source.estimated?.date ? { circa: true as const } : {}) },
    ...(accessed ? { accessed: { 'date-parts': [parts(accessed)] } } : {}),
    page: String(source.page),
    ...(source.pageName ? { section: source.pageName } : {}),
    ...(source.kind === 'photo' ? { genre: '新闻图片' } : {}),
    'publisher-place': source.paper.place,
    ...(source.paper.publisher ? { publisher: source.paper.publisher } : {}),
    ...(source.paper.issn ? { ISSN: source.paper.issn } : {}),
    URL: source.url,
    language: 'zh-CN',
    source: source.archive,
    ...(source.estimated ? { note: source.estimated.note } : {}),
  };
}

/** What the note fields say: that a photo item is a news photo, and how its date or page is known. */
function notes(source: CitationSource): string[] {
  return [...(source.kind === 'photo' ? ['新闻图片'] : []), ...(source.estimated ? [source.estimated.note] : [])];
}
