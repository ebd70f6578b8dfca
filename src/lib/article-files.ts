import type { Archive, IssueRef } from './archive.ts';
import { articleView, type ArticleView } from './article-view.ts';
import { bibtex, cslJson, ris } from './citations.ts';
import { articleRecord, articleText, citationSourceOf, corpusPart, type ArticleRecord } from './open-data.ts';
import { paths } from './paths.ts';

/**
 * The five files next to each article page: its open-data record, its plain text and its
 * citations. The endpoints under `src/pages/[paper]/[date]/[page]/[seq]/` serve them in
 * `astro dev`; a build writes them from one bundle per issue (src/integrations/article-files.ts).
 * Both take the bytes from here, so they cannot differ.
 */
export const ARTICLE_FILE_FORMATS = ['json', 'txt', 'bib', 'ris', 'csl'] as const;

export type ArticleFileFormat = (typeof ARTICLE_FILE_FORMATS)[number];

export interface ArticleFile {
  /** Site path, e.g. /zunyi-daily/2023-01-17/03/01/article.json. */
  path: string;
  /** Content-Type when served (the dev server; a static host picks its own from the name). */
  type: string;
  body: string;
}

interface Format {
  path: (id: string) => string;
  type: string;
  body: (view: ArticleView, siteUrl: URL | string, record: () => ArticleRecord) => string;
}

const FORMATS: Record<ArticleFileFormat, Format> = {
  json: {
    path: paths.articleJson,
    type: 'application/json; charset=utf-8',
    body: (_view, _siteUrl, record) => `${JSON.stringify(record(), null, 2)}\n`,
  },
  txt: { path: paths.articleText, type: 'text/plain; charset=utf-8', body: articleText },
  bib: {
    path: (id) => paths.citation(id, 'bib'),
    type: 'application/x-bibtex; charset=utf-8',
    body: (view, siteUrl) => bibtex(citationSourceOf(view, siteUrl)),
  },
  ris: {
    path: (id) => paths.citation(id, 'ris'),
    type: 'application/x-research-info-systems; charset=utf-8',
    body: (view, siteUrl) => ris(citationSourceOf(view, siteUrl)),
  },
  // CSL-JSON is a list of items, even for one
  csl: {
    path: (id) => paths.citation(id, 'csl'),
    type: 'application/vnd.citationstyles.csl+json; charset=utf-8',
    body: (view, siteUrl) => `${JSON.stringify([cslJson(citationSourceOf(view, siteUrl))], null, 2)}\n`,
  },
};

/** One of an article's files; `record` is its open-data record when the caller has made it. */
export function articleFile(format: ArticleFileFormat, view: ArticleView, siteUrl: URL | string, record?: ArticleRecord): ArticleFile {
  const { path, type, body } = FORMATS[format];
  return { path: path(view.ref.entry.id), type, body: body(view, siteUrl, () => record ?? articleRecord(view, siteUrl)) };
}

/** All five files of an article, in the order of ARTICLE_FILE_FORMATS. */
export function articleFiles(view: ArticleView, siteUrl: URL | string, record?: ArticleRecord): ArticleFile[] {
  return ARTICLE_FILE_FORMATS.map((format) => articleFile(format, view, siteUrl, record));
}

/**
 * The name of an issue's bundle in a build's output, `/<paper>/<date>/_article-files.json`: in
 * the issue's folder, so that a shard build keeps the bundles of the issues it owns, and with a
 * leading underscore, which no path of the site has (pages are numbers, files have fixed names).
 */
export const ARTICLE_FILE_BUNDLE = '_article-files.json';

/** What the bundle of an issue holds: every file of its articles, in reading order. */
export interface ArticleFileBundle {
  /** Each file's path relative to the issue's folder (`03/01/article.json`), and its body. */
  files: Array<{ path: string; body: string }>;
  /** The issue's part of its paper's year file of the corpus (open-data.ts, corpusFiles). */
  corpus: string;
}

/**
 * The bundle of one issue: the files of each of its articles, made by articleFiles, and its
 * corpus lines, made from the same records as the article.json files.
 */
export function articleFileBundle(archive: Archive, issue: IssueRef, siteUrl: URL | string): ArticleFileBundle {
  const files: ArticleFileBundle['files'] = [];
  const records: ArticleRecord[] = [];
  for (const page of issue.pages) {
    for (const ref of page.articles) {
      const view = articleView(archive, ref);
      const record = articleRecord(view, siteUrl);
      records.push(record);
      for (const file of articleFiles(view, siteUrl, record)) {
        if (!file.path.startsWith(issue.url)) throw new Error(`[article-files] ${file.path} is not in the folder of its issue ${issue.url}`);
        files.push({ path: file.path.slice(issue.url.length), body: file.body });
      }
    }
  }
  return { files, corpus: corpusPart(records) };
}
