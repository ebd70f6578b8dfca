import { fnv1a } from '../hash.ts';
import { displayLine } from './text.ts';
import type { SuspectReading } from './aliases.ts';
import { sourceFilters, type SearchSource } from './records.ts';

/**
 * Every fact about the search index's files that both sides must agree on: the writer
 * (bundle-writer.ts, src/io/search-bundles.ts), the combine of shard builds, and the search
 * page's client (client.ts). Names and layout here; how words and positions are encoded is in
 * tokens.ts, the encoding of word chunks and metadata (Pagefind's CBOR) in bundle-writer.ts.
 *
 * A site's search is one or more bundles listed in `/search-shards.json`, primary first. A
 * bundle is a folder:
 *
 * - `bundle.json`: its key, size and the directory of its word partitions (`BundleDescription`);
 * - Pagefind's runtime files, and an empty Pagefind index (`pagefind-entry.json`,
 *   `pagefind.<meta>.pf_meta`) that starts the runtime;
 * - `w/<n>/`: the word partitions, each a Pagefind index of its own (`pagefind-entry.json`,
 *   its metadata, `index/<chunk>.pf_index`) holding the words whose first character falls in
 *   its range, merged into the runtime only when a query's word falls there (docs/0004);
 * - `fragment/<article id>.pf_fragment`, `filter/<key>.<filter>.json`, the facets.
 *
 * Pagefind's files are gzip of its signature followed by the content.
 */

/** The Pagefind version whose file format the writer writes and whose runtime the page loads (pinned in package.json). */
export const PAGEFIND_FORMAT = '1.6.0';

/**
 * Changes whenever the index written for the same articles changes (tokens, files), so that
 * bundle keys and with them the names of all files change too.
 */
export const INDEX_FORMAT = 'bigram-partitions-1';

// ------------------------------------------------------------------ files of a site

/** The list of bundles, at the site root. */
export const MANIFEST_FILE = 'search-shards.json';

/** The first bundle of a build; other bundles of the build go under it (see `bundlePath`). */
export const PRIMARY_BUNDLE = '/pagefind/';

/** `/search-shards.json`: the bundles a search covers, primary first (the shards contract). */
export interface ShardManifest {
  /** Bundle folders: `/…/` from the site root, or absolute URLs. */
  bundles: string[];
  /** True when the bundles hold disjoint date ranges listed oldest first. */
  ordered?: boolean;
}

/**
 * The bundle folders of a manifest as URLs under the site's base (`/` or a sub-path), and
 * whether they are in date order. Without a manifest (or an empty one): the primary bundle.
 */
export function manifestBundles(manifest: ShardManifest | null, base: string): { paths: string[]; ordered: boolean } {
  const root = base.replace(/\/?$/u, '/');
  const bundles = manifest?.bundles?.length ? manifest.bundles : [PRIMARY_BUNDLE];
  return {
    paths: bundles.map((path) => (path.startsWith('/') ? root + path.slice(1) : path)),
    ordered: manifest?.bundles?.length ? manifest.ordered === true : false,
  };
}

// ------------------------------------------------------------------ files of a bundle

/** Pagefind's entry file: the bundle's key and metadata file, and our counts. */
export const ENTRY_FILE = 'pagefind-entry.json';

/** The module of Pagefind's browser runtime that the page imports. */
export const RUNTIME_MODULE = 'pagefind.js';

/** The files of Pagefind's runtime copied into each bundle (the page loads the module, which starts the worker, which loads the WebAssembly). */
export const RUNTIME_FILES = [RUNTIME_MODULE, 'wasm.unknown.pagefind', 'pagefind-worker.js'];

/** What the search page reads first of a bundle (see `BundleDescription`). */
export const BUNDLE_FILE = 'bundle.json';

/** The folder of a bundle's n-th word partition. */
export function partitionPath(n: number): string {
  return `w/${n.toString(36)}/`;
}

/** The filter values of all articles and their counts (`Facets`), in the primary bundle. */
export const FACETS_FILE = 'archive-facets.json';

/** Sub-folders of a bundle. */
export const BUNDLE_FOLDERS = ['filter', 'fragment', 'w'] as const;

/** A result's fragment (see `ResultFragment`), named by the article's id. */
export function fragmentPath(articleIdValue: string): string {
  return `fragment/${articleIdValue}.pf_fragment`;
}

/** The name of a bundle's n-th word chunk. */
export function chunkName(key: string, n: number): string {
  return `${key}_i${n.toString(36)}`;
}

export function chunkPath(name: string): string {
  return `index/${name}.pf_index`;
}

/** Pagefind's metadata file (its name is in the entry). */
export function metaPath(name: string): string {
  return `pagefind.${name}.pf_meta`;
}

/** A filter's file: for each value, its articles (see `encodeFilter`). */
export function filterPath(key: string, filter: string): string {
  return `filter/${key}.${filter}.json`;
}

/** Pagefind's framing of a file's content (before gzip). */
export const SIGNATURE = 'pagefind_dcd';

/** The content of a framed file (already gunzipped), or null when the signature is missing. */
export function unframe(bytes: Uint8Array): Uint8Array | null {
  if (bytes.length < SIGNATURE.length) return null;
  for (let i = 0; i < SIGNATURE.length; i++) if (bytes[i] !== SIGNATURE.charCodeAt(i)) return null;
  return bytes.subarray(SIGNATURE.length);
}

// ------------------------------------------------------------------ keys and ids

/** FNV-1a (src/lib/hash.ts), 8 hex digits: a short stable name from a bundle's contents. */
const fnvHex = (text: string): string => fnv1a(text).toString(16).padStart(8, '0');

/**
 * A bundle's key: its Pagefind "language" and the prefix of its ids and file names. A hash of
 * everything the bundle is made from, so it changes whenever the bundle does (a host may cache
 * the files for ever), and never zh/ja/th, which Pagefind would segment.
 */
export function bundleKey(sources: readonly SearchSource[]): string {
  return `x${fnvHex(`${INDEX_FORMAT}\n${JSON.stringify(sources)}`)}`;
}

/**
 * Where a build's n-th bundle goes: the first at `/pagefind/`, the others at
 * `/pagefind/shards/<key>/` (inside the first, so that Pagefind derives the same base URL for
 * all of them, also when the site is served under a sub-path).
 */
export function bundlePath(key: string, n: number): string {
  return n === 0 ? PRIMARY_BUNDLE : `${PRIMARY_BUNDLE}shards/${key}/`;
}

/** An article's id: `<key>_<place in the bundle, base 36>`; also its fragment's name. */
export function articleId(key: string, index: number): string {
  return `${key}_${index.toString(36)}`;
}

/** A group's id (a page to Pagefind): `<key>_g<group number, base 36>`. */
export function groupId(key: string, group: number): string {
  return `${key}_g${group.toString(36)}`;
}

/** The bundle key and group number of a group id. */
export function parseGroupId(id: string): { bundle: string; group: number } {
  const cut = id.lastIndexOf('_');
  return { bundle: id.slice(0, cut), group: Number.parseInt(id.slice(cut + 2), 36) };
}

// ------------------------------------------------------------------ the entry and the bundle file

/** `pagefind-entry.json` as written, of the bundle's empty index and of each partition. */
export interface PagefindEntry {
  version: string;
  /** One "language": the bundle's key, naming the metadata file. */
  languages: Record<string, { hash: string; wasm: null; page_count: number }>;
  include_characters: string[];
}

/** `bundle.json`: what the search page needs to know of a bundle before it searches. */
export interface BundleDescription {
  /** The bundle's key. */
  key: string;
  /** The index format (INDEX_FORMAT) the bundle was written in. */
  format: string;
  /** Articles in the bundle. */
  articles: number;
  /** Average words per article, for relevance. */
  average_words: number;
  /**
   * The word partitions: the first code point of each one's range, as differences from the
   * previous (the first from 0). A word belongs to the last partition whose first code point is
   * not above its first character's.
   */
  parts: number[];
  /** The first and last date of its articles (YYYY-MM-DD); absent for an empty bundle. */
  from?: string;
  to?: string;
}

/** What the search page needs to know of a bundle. */
export interface BundleInfo {
  key: string;
  articles: number;
  averageWords: number;
  /** The first code point of each word partition, ascending. */
  parts: number[];
  /** The first and last date of its articles, when the bundle file says (see docs/0015). */
  span: { from: string; to: string } | null;
}

export function bundleInfo(file: Partial<BundleDescription> | null): BundleInfo {
  let at = 0;
  const span = file?.from && file.to ? { from: file.from, to: file.to } : null;
  return { key: file?.key ?? '', articles: file?.articles ?? 0, averageWords: file?.average_words ?? 0, parts: (file?.parts ?? []).map((delta) => (at += delta)), span };
}

/** The partitions' first code points as the bundle file holds them. */
export function encodeParts(firsts: readonly number[]): number[] {
  return firsts.map((first, i) => first - (firsts[i - 1] ?? 0));
}

/** The partition holding a word (an index word, or a unit for a one-character prefix), or -1 when the bundle has none. */
export function partitionOf(parts: readonly number[], word: string): number {
  const first = Number.parseInt(word.slice(0, 4), 36);
  let lo = 0;
  let hi = parts.length - 1;
  if (hi < 0 || !(first >= parts[0]!)) return -1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (parts[mid]! <= first) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

// ------------------------------------------------------------------ filters and facets

/**
 * A filter file: each value with its articles, ascending, written as differences (short
 * numbers). Pagefind's own filters would apply to its pages, which are groups of articles.
 */
export function encodeFilter(values: ReadonlyMap<string, readonly number[]>): Record<string, number[]> {
  return Object.fromEntries([...values].map(([value, articles]) => [value, articles.map((article, i) => article - (articles[i - 1] ?? 0))]));
}

/** The articles of one value, from its differences. */
export function decodeFilterValue(differences: readonly number[]): number[] {
  let article = 0;
  return differences.map((difference) => (article += difference));
}

/** The date filter's name: its file holds each article's issue date (see `encodeDates`). */
export const DATE_FILTER = 'date';

/** Each article's issue date, as runs of articles of one day, in article order. */
export interface DateFile {
  /** The first article's date, YYYY-MM-DD. */
  first: string;
  /** [days after the previous run's day (the first run: 0), articles of that day]. */
  runs: Array<[days: number, articles: number]>;
}

const dayNumber = (date: string) => Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / 86_400_000;
const dayDate = (day: number) => new Date(day * 86_400_000).toISOString().slice(0, 10);

/** The date file of articles with these dates (in article order; a bundle's are ascending). */
export function encodeDates(dates: readonly string[]): DateFile {
  const runs: Array<[number, number]> = [];
  let previous = dates.length > 0 ? dayNumber(dates[0]!) : 0;
  for (const [index, date] of dates.entries()) {
    const day = dayNumber(date);
    if (index > 0 && day === previous) runs[runs.length - 1]![1]++;
    else runs.push([day - previous, 1]);
    previous = day;
  }
  return { first: dates[0] ?? '1970-01-01', runs };
}

/** The articles dated from `from` to `to` (YYYY-MM-DD, both included), ascending. */
export function articlesBetween(file: DateFile, from: string, to: string): number[] {
  const out: number[] = [];
  let day = dayNumber(file.first);
  let article = 0;
  for (const [days, count] of file.runs) {
    day += days;
    const date = dayDate(day);
    if (date >= from && date <= to) for (let k = 0; k < count; k++) out.push(article + k);
    article += count;
  }
  return out;
}

/** Values of each filter with the number of articles holding them, for the search form. */
export type Facets = Record<string, Record<string, number>>;

export function facetsOf(sources: readonly SearchSource[]): Facets {
  const facets: Facets = {};
  for (const source of sources) {
    for (const [key, values] of Object.entries(sourceFilters(source))) {
      const counts = (facets[key] ??= {});
      for (const value of values) counts[value] = (counts[value] ?? 0) + 1;
    }
  }
  return facets;
}

/** The facets of several bundles as one. */
export function mergeFacets(all: readonly Facets[]): Facets {
  const merged: Facets = {};
  for (const one of all) {
    for (const [key, values] of Object.entries(one)) {
      const into = (merged[key] ??= {});
      for (const [value, count] of Object.entries(values)) into[value] = (into[value] ?? 0) + count;
    }
  }
  return merged;
}

// ------------------------------------------------------------------ records and fragments

/** Lines 0-4 of a record hold the header fields; the body starts at line 5. */
const HEADER_LINES = 5;

function oneLine(text: string | null): string {
  return (text ?? '').replace(/\s*\n\s*/gu, ' ');
}

/**
 * The searchable lines of an article, in the record's fixed layout: title, kicker, subtitle,
 * byline, credit, then the paragraphs. Dates are filters and sort order only, never searchable
 * text, so that 2023年 does not match every page of 2023.
 */
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

/** What a result's fragment holds for the search page to show. */
export interface ResultFragment {
  /** The article's URL path as built (`raw_url` in the page, after `fragmentUrl`). */
  url: string;
  /** The searchable lines as plain text (OCR spaces removed; case and width as printed), one per line. */
  content: string;
  filters: { paper: string[]; section: string[]; kind: string[] };
  meta: { headline: string };
  /** The article's flagged misreadings, for the page to show what a suspected match stands for. */
  suspects?: SuspectReading[];
  /** Pagefind's fields, unused by the page. */
  word_count: number;
  anchors: [];
}

/**
 * The fragment of an article: its text and what the result line shows. The headline may be one
 * the site made up for an untitled item; it is shown, never searched.
 */
export function resultFragment(source: SearchSource, wordCount: number): ResultFragment {
  const filters = sourceFilters(source);
  return {
    url: source.url,
    content: sourceLines(source).map(displayLine).join('\n'),
    filters: { paper: filters.paper, section: filters.section, kind: filters.kind },
    meta: { headline: source.headline },
    ...(source.suspects?.length ? { suspects: source.suspects } : {}),
    word_count: wordCount,
    anchors: [],
  };
}

/** A fragment as the page uses it: its link resolved under its bundle's site. */
export interface LoadedFragment {
  /** The link to the article, under the site the bundle belongs to. */
  url: string;
  /** The URL as written in the bundle (holds the date and page). */
  raw_url: string;
  content: string;
  filters: Record<string, string[]>;
  meta?: Record<string, string>;
  suspects?: SuspectReading[];
}

/**
 * A fragment's link as Pagefind makes it: under the site its bundle belongs to (the path before
 * `/pagefind/`), so that a merged bundle's results link into its own site.
 */
export function fragmentUrl(bundlePathValue: string, url: string): string {
  if (/^(https?:)?\/\//u.test(url)) return url;
  const base = /^(.*\/)_?pagefind/u.exec(bundlePathValue)?.[1] ?? '/';
  return `${base}/${url}`.replace(/\/+/gu, '/');
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

/** The issue date and page of a result, from its URL (`/<paper>/<date>/<page>/<seq>/`). */
export function placeInUrl(url: string): { date: string; page: number | null } {
  const [, date = '', page = ''] = /\/(\d{4}-\d{2}-\d{2})\/(?:(\d+)\/)?/u.exec(url) ?? [];
  return { date, page: page === '' ? null : Number(page) };
}
