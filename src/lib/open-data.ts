import type { Problem } from '../schemas/problem.ts';
import type { Archive, IssueRef } from './archive.ts';
import { articleCount } from './counts.ts';
import { articleView, bylineText, type ArticleView } from './article-view.ts';
import { gbt7714, type CitationSource } from './citations.ts';
import { formatDate, pageLabel } from './dates.ts';
import { paths } from './paths.ts';
import { fullPhotoUrl } from './photo-sizes.ts';
import { estimateNote, estimateOf, paperRights } from './provenance.ts';
import { masterUrl, scanBase } from './scan-images.ts';
import { site } from './site.ts';
import type { Box, Scan } from '../schemas/scan.ts';

/**
 * The archive as open data: per article a JSON record and a plain-text file, per issue a JSON
 * index, and the corpus as JSON Lines per paper and year with SHA-256 checksums. Everything is a pure
 * function of the archive and the site's address, so two builds of the same content give
 * byte-identical files (and the same checksums).
 */

/**
 * Bumped when a field or a file changes meaning or disappears; adding one does not bump it.
 * 2: the corpus is one file per paper and year (`/data/<paper>/<year>.jsonl`), no longer
 * `/data/corpus.jsonl` and `/data/papers/<paper>.jsonl`.
 */
export const OPEN_DATA_VERSION = 2;

export interface ArticleRecord {
  id: string;
  url: string;
  kind: 'article' | 'photo';
  paper: string;
  paperName: string;
  date: string;
  page: number;
  pageName: string | null;
  seq: number;
  column: string | null;
  kicker: string | null;
  title: string | null;
  subtitle: string | null;
  headline: string;
  dateline: string | null;
  reporters: string[];
  correspondents: string[];
  photographers: string[];
  credit: string | null;
  continuation: string | null;
  text: string;
  characters: number;
  photos: Array<{ url: string; width: number; height: number; sha256: string }>;
  problems: Problem[];
  source: { file: string; lines: [number, number] } | null;
  /** Where the item is printed on its page's scan, in the scan's pixels; null without positions. */
  regions: Box[] | null;
  /** The scan of the item's page: its size is the space of `regions`. */
  scan: ScanRecord | null;
  estimated: { date: boolean; pages: boolean; note: string } | null;
  citation: string;
  rights: { text: string; photos: string | null; uri: string };
  files: { html: string; json: string; txt: string; bib: string; ris: string; csl: string };
}

/** One line per field of an article record, shown on the 数据下载 page. */
export const ARTICLE_FIELDS: Array<{ name: keyof ArticleRecord; type: string; description: string }> = [
  { name: 'id', type: '字符串', description: '稿件编号，即永久链接的路径：报纸/日期/版次/版内序号，如 zunyi-daily/2023-01-17/03/01。不随标题或模板改变。' },
  { name: 'url', type: '字符串', description: '稿件网页的永久链接。' },
  { name: 'kind', type: '"article" | "photo"', description: '文章，或图片新闻（以图片和图片说明为主）。' },
  { name: 'paper', type: '字符串', description: '报纸代号，如 zunyi-daily。' },
  { name: 'paperName', type: '字符串', description: '报纸名称，如 遵义日报。' },
  { name: 'date', type: '字符串', description: '出版日期，YYYY-MM-DD。' },
  { name: 'page', type: '整数', description: '版次。' },
  { name: 'pageName', type: '字符串 | null', description: '版名，如 要闻；未知时为 null。' },
  { name: 'seq', type: '整数', description: '稿件在本版的阅读顺序，从 1 起。' },
  { name: 'column', type: '字符串 | null', description: '栏目名，如 我们的节日，春节。' },
  { name: 'kicker', type: '字符串 | null', description: '引题（主题之上的一行）。' },
  { name: 'title', type: '字符串 | null', description: '主题（主标题）；原版未印或未识别时为 null。' },
  { name: 'subtitle', type: '字符串 | null', description: '副题（主题之下的说明性标题）。' },
  { name: 'headline', type: '字符串', description: '本站显示和引用所用的标题：有主题即主题；图片新闻无主题时取图片说明中“图为……”一句（或首句）；转版续文无主题时取首段所在稿件的主题并注明“接第N版”。' },
  { name: 'dateline', type: '字符串 | null', description: '电头，如 本报讯、新华社北京2月5日电。' },
  { name: 'reporters', type: '字符串数组', description: '记者（含特约记者、实习生），按原文顺序；文章引文的著者。' },
  { name: 'correspondents', type: '字符串数组', description: '通讯员。' },
  { name: 'photographers', type: '字符串数组', description: '摄影者；图片新闻引文的著者。' },
  { name: 'credit', type: '字符串 | null', description: '图片署名行原文，如 （记者 向婧 摄影报道）。' },
  { name: 'continuation', type: '字符串 | null', description: '转版提示原文，如 下转第3版、上接第1版。' },
  { name: 'text', type: '字符串', description: '正文纯文本（图片新闻为图片说明），经整理的 OCR 文字；段落之间以一个换行符分隔。' },
  { name: 'characters', type: '整数', description: '正文字数（不计空白）。' },
  { name: 'photos', type: '对象数组', description: '图片：原图地址 url、像素宽 width、高 height、文件 SHA-256 校验值 sha256。' },
  { name: 'problems', type: '对象数组', description: '导入时标记的识别存疑之处：code 规则代号，line 原 OCR 文件行号，message 说明（英文），excerpt 相关文字，suggestion 建议改法，fixed 为 true 表示已自动更正。' },
  { name: 'source', type: '对象 | null', description: '文字来源：OCR 文件名 file 及起止行号 lines。' },
  { name: 'regions', type: '对象数组 | null', description: '稿件在本版原图上的位置：一个或多个矩形（跨栏时多个），x、y 为左上角，w、h 为宽高，单位是原图像素（见 scan 的 width、height）；无原图或无位置时为 null。' },
  { name: 'scan', type: '对象 | null', description: '本版原图：SHA-256 校验值 sha256、像素宽 width 高 height、格式 format、字节数 bytes、IIIF 图像服务 image（level 0）、原图下载地址 download，以及原图系据文字生成时的说明 synthetic。' },
  { name: 'estimated', type: '对象 | null', description: '本期出版日期或版次系编者推定时的说明（原件未印出或未能识别）：date、pages 为 true 表示该项为推定，note 为编者的依据；均据原件时为 null。' },
  { name: 'citation', type: '字符串', description: 'GB/T 7714-2015 格式的参考文献著录（纸本形式）；推定的出版日期和版次置于方括号内，如 [2023-01-17]([3])。' },
  { name: 'rights', type: '对象', description: '权利说明：文字 text、图片 photos（无图片时为 null），以及权利声明的 URI uri（默认 rightsstatements.org 的 In Copyright）。' },
  { name: 'files', type: '对象', description: '本稿件的各种文件：网页 html、JSON、纯文本 txt、BibTeX bib、RIS ris、CSL-JSON csl。' },
];

/** The GB/T 7714, BibTeX, RIS and CSL-JSON input for an article. */
export function citationSourceOf(view: ArticleView, siteUrl: URL | string): CitationSource {
  const { ref, paper, page } = view;
  return {
    id: ref.entry.id,
    kind: ref.entry.data.kind,
    title: view.headline,
    subtitle: ref.entry.data.subtitle,
    authors: view.authors,
    paper: { name: paper.data.name, place: paper.data.place, publisher: paper.data.publisher, issn: paper.data.issn, cn: paper.data.cn },
    date: ref.key.date,
    page: ref.key.page,
    pageName: page.page.name,
    url: absolute(siteUrl, ref.url),
    archive: site.title,
    estimated: citationEstimate(view.issue),
  };
}

/** The estimate as citations carry it: which parts, and the sentence for their note fields. */
function citationEstimate(issue: IssueRef): CitationSource['estimated'] {
  const estimated = estimateOf(issue.data);
  return estimated ? { date: estimated.date, pages: estimated.pages, note: estimateNote(estimated) } : null;
}

export function absolute(siteUrl: URL | string, path: string): string {
  return new URL(path, siteUrl).href;
}

export function articleRecord(view: ArticleView, siteUrl: URL | string): ArticleRecord {
  const { ref, paper, page } = view;
  const { data } = ref.entry;
  const id = ref.entry.id;
  const text = view.paragraphs.join('\n');
  const url = (path: string) => absolute(siteUrl, path);
  return {
    id,
    url: url(ref.url),
    kind: data.kind,
    paper: ref.key.paper,
    paperName: paper.data.name,
    date: ref.key.date,
    page: ref.key.page,
    pageName: page.page.name,
    seq: ref.key.seq,
    column: data.column,
    kicker: data.kicker,
    title: data.title,
    subtitle: data.subtitle,
    headline: view.headline,
    dateline: data.dateline,
    reporters: data.reporters,
    correspondents: data.correspondents,
    photographers: data.photographers,
    credit: data.credit,
    continuation: data.continuation,
    text,
    characters: [...text.replace(/\s/gu, '')].length,
    photos: data.photos.map((photo) => ({ url: url(fullPhotoUrl(photo.sha256)), width: photo.width, height: photo.height, sha256: photo.sha256 })),
    problems: data.problems,
    source: data.source ?? null,
    regions: page.page.scan && data.regions && data.regions.length > 0 ? data.regions : null,
    scan: page.page.scan ? scanRecord(page.page.scan, siteUrl) : null,
    estimated: estimateOf(view.issue.data),
    citation: gbt7714(citationSourceOf(view, siteUrl)),
    rights: (({ text, photos, uri }) => ({ text, photos: data.photos.length > 0 ? photos : null, uri }))(paperRights(paper.data)),
    files: {
      html: url(ref.url),
      json: url(paths.articleJson(id)),
      txt: url(paths.articleText(id)),
      bib: url(paths.citation(id, 'bib')),
      ris: url(paths.citation(id, 'ris')),
      csl: url(paths.citation(id, 'csl')),
    },
  };
}

/**
 * An article as a plain-text clipping: headlines, byline, the text, then where it was printed,
 * its citation and permalink. UTF-8, LF line ends, paragraphs separated by a blank line.
 */
export function articleText(view: ArticleView, siteUrl: URL | string): string {
  const { data } = view.ref.entry;
  const head = [data.column ? `【${data.column}】` : null, data.kicker, view.headline, data.subtitle ? `——${data.subtitle.replace(/^[—―-]+/u, '')}` : null].filter(
    (line): line is string => line !== null,
  );
  const bylineLine = bylineText(data);
  const body = [...view.paragraphs];
  if (data.credit) body.push(data.credit);
  if (data.continuation) body.push(`（${data.continuation}）`);
  const source = citationSourceOf(view, siteUrl);
  const guess = (estimated: boolean | undefined) => (estimated ? '（推定）' : '');
  const where = `${view.paper.data.name} ${formatDate(view.ref.key.date)}${guess(source.estimated?.date)} ${pageLabel(view.ref.key.page)}${guess(source.estimated?.pages)}${view.page.page.name ? ` ${view.page.page.name}` : ''}`;
  const rights = paperRights(view.paper.data);
  const provenance = [source.estimated?.note, rights.text, data.photos.length > 0 ? rights.photos : null].filter((line): line is string => Boolean(line));
  const blocks = [head.join('\n'), ...(bylineLine ? [bylineLine] : []), ...body, [`——`, where, gbt7714(source), ...provenance, absolute(siteUrl, view.ref.url)].join('\n')];
  return `${blocks.join('\n\n')}\n`;
}

/** A page's scan in the open data. */
export interface ScanRecord {
  sha256: string;
  width: number;
  height: number;
  format: Scan['format'];
  bytes: number;
  /** The IIIF Image API 3 level-0 service: append /info.json for its description. */
  image: string;
  /** The master at full resolution. */
  download: string;
  synthetic: string | null;
}

export function scanRecord(scan: Scan, siteUrl: URL | string): ScanRecord {
  return {
    sha256: scan.sha256,
    width: scan.width,
    height: scan.height,
    format: scan.format,
    bytes: scan.bytes,
    image: absolute(siteUrl, scanBase(scan.sha256)),
    download: absolute(siteUrl, masterUrl(scan)),
    synthetic: scan.synthetic ?? null,
  };
}

export interface IssueRecord {
  paper: string;
  paperName: string;
  date: string;
  number: number | null;
  url: string;
  estimated: { date: boolean; pages: boolean; note: string } | null;
  /** The issue's IIIF Presentation 3 manifest, when a page has a scan. */
  manifest: string | null;
  pages: Array<{
    number: number;
    name: string | null;
    url: string;
    credits: Array<{ role: string; names: string[] }>;
    scan: ScanRecord | null;
    articles: Array<{ id: string; seq: number; kind: 'article' | 'photo'; headline: string; url: string; json: string; regions: Box[] | null }>;
  }>;
}

export const ISSUE_FIELDS: Array<{ name: string; type: string; description: string }> = [
  { name: 'paper / paperName', type: '字符串', description: '报纸代号与名称。' },
  { name: 'date', type: '字符串', description: '出版日期，YYYY-MM-DD。' },
  { name: 'number', type: '整数 | null', description: '总期号（总第…期），未印或未识别时为 null。' },
  { name: 'url', type: '字符串', description: '本期目录页的永久链接。' },
  { name: 'estimated', type: '对象 | null', description: '日期或版次系编者推定时的说明：date、pages 为 true 表示推定，note 为依据。' },
  { name: 'manifest', type: '字符串 | null', description: '本期的 IIIF Presentation 3 清单（可在 Mirador、Universal Viewer 中打开）；本期无原图时为 null。' },
  { name: 'pages', type: '对象数组', description: '各版：版次 number、版名 name、版面页 url、版面署名 credits（如 责任编辑）、原图 scan（同稿件的 scan 字段，无原图时为 null），以及按阅读顺序排列的稿件 articles（编号 id、版内序号 seq、类别 kind、标题 headline、网页 url、JSON 文件 json、在原图上的位置 regions）。' },
];

export function issueRecord(archive: Archive, issue: IssueRef, siteUrl: URL | string): IssueRecord {
  const paper = archive.paper(issue.paper)!;
  const url = (path: string) => absolute(siteUrl, path);
  return {
    paper: issue.paper,
    paperName: paper.data.name,
    date: issue.date,
    number: issue.data.number ?? null,
    url: url(issue.url),
    estimated: issue.data.estimated ?? null,
    manifest: issue.pages.some((page) => page.page.scan) ? url(paths.iiifManifest(issue.paper, issue.date)) : null,
    pages: issue.pages.map((page) => ({
      number: page.page.number,
      name: page.page.name,
      url: url(page.url),
      credits: page.page.credits,
      scan: page.page.scan ? scanRecord(page.page.scan, siteUrl) : null,
      articles: page.articles.map((ref) => ({
        id: ref.entry.id,
        seq: ref.key.seq,
        kind: ref.entry.data.kind,
        headline: articleView(archive, ref).headline,
        url: url(ref.url),
        json: url(paths.articleJson(ref.entry.id)),
        regions: page.page.scan && ref.entry.data.regions && ref.entry.data.regions.length > 0 ? ref.entry.data.regions : null,
      })),
    })),
  };
}

/**
 * The corpus downloads: one JSON Lines file per paper and year, `/data/<paper>/<year>.jsonl`,
 * the paper's articles of that year in archive order (date, page, position). A year is the unit
 * a researcher asks for and a size that stays the same as the archive grows (a city daily's
 * year is about 20,000 articles, 90 MB), and each file is assembled from the issues' own
 * parts: a build, or a shard build, writes one part per issue it renders (the issue's lines,
 * made with its article.json files), and the corpus step joins them (src/integrations/corpus.ts),
 * so no build has to hold every article's text.
 */
export interface CorpusFile {
  paper: string;
  year: string;
  /** Site path, /data/<paper>/<year>.jsonl. */
  path: string;
  records: number;
  description: string;
}

/** What one paper's year file holds, in words (the data page and the manifest). */
export function corpusDescription(paperName: string, year: string): string {
  return `${paperName} ${year} 年的全部稿件`;
}

/** The corpus files of an archive with their record counts, paper by paper, oldest year first. */
export function corpusFiles(archive: Archive): CorpusFile[] {
  const files: CorpusFile[] = [];
  for (const paper of archive.papers) {
    const years = new Map<string, number>();
    for (const issue of paper.issues) {
      const year = issue.date.slice(0, 4);
      years.set(year, (years.get(year) ?? 0) + articleCount([issue]));
    }
    for (const [year, records] of [...years].sort(([a], [b]) => a.localeCompare(b))) {
      files.push({ paper: paper.slug, year, path: paths.corpusYear(paper.slug, year), records, description: corpusDescription(paper.data.name, year) });
    }
  }
  return files;
}

/** The corpus lines of one issue: its articles' records in reading order, one JSON per line. */
export function corpusPart(records: ArticleRecord[]): string {
  return records.map((record) => `${JSON.stringify(record)}\n`).join('');
}

/** A paper in the manifest: what the archive holds of it. */
export interface PaperSummary {
  slug: string;
  name: string;
  issues: number;
  articles: number;
  first: string | null;
  last: string | null;
}

export function paperSummaries(archive: Archive): PaperSummary[] {
  return archive.papers.map((paper) => ({
    slug: paper.slug,
    name: paper.data.name,
    issues: paper.issues.length,
    articles: articleCount(paper.issues),
    first: paper.issues[0]?.date ?? null,
    last: paper.issues.at(-1)?.date ?? null,
  }));
}

export interface ManifestEntry {
  path: string;
  url: string;
  paper: string;
  year: string;
  bytes: number;
  sha256: string;
  records: number;
  description: string;
}

export interface Manifest {
  format: 'newspaper-archive-open-data';
  version: number;
  archive: string;
  site: string;
  papers: PaperSummary[];
  files: ManifestEntry[];
}

/** The manifest of the corpus files, in the order of `files` (paper, then year). */
export function makeManifest(papers: PaperSummary[], files: ManifestEntry[], siteUrl: URL | string): Manifest {
  return {
    format: 'newspaper-archive-open-data',
    version: OPEN_DATA_VERSION,
    archive: site.title,
    site: absolute(siteUrl, '/'),
    papers,
    files: [...files].sort((a, b) => a.paper.localeCompare(b.paper) || a.year.localeCompare(b.year)),
  };
}

/** `wget -x -nH --cut-dirs=1 -i urls.txt` input: every corpus file's URL, one per line. */
export function urlList(entries: ManifestEntry[]): string {
  return entries.map((entry) => `${entry.url}\n`).join('');
}

/** `sha256sum -c` input: `<hex>  <path relative to /data/>` per line. */
export function checksumList(entries: ManifestEntry[]): string {
  return entries.map((entry) => `${entry.sha256}  ${entry.path.replace(/^\/data\//u, '')}\n`).join('');
}
