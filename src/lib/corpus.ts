import type { ManifestEntry, PaperSummary } from './open-data.ts';
import { corpusDescription } from './open-data.ts';
import { paths } from './paths.ts';

/**
 * The corpus downloads' parts and keys, shared by the build (src/io/corpus-files.ts) and the
 * shard combine: which issue part belongs to which paper and year file, and what the manifest
 * says of a year file.
 */
export const CORPUS_PARTS = '_corpus';
export const PAPERS_FILE = 'papers.json';

/** What corpus-index.ts writes: the manifest's papers, and the address the records carry. */
export interface CorpusIndex {
  site: string;
  papers: PaperSummary[];
}

/** One issue's part in a build's output. */
export interface CorpusPart {
  paper: string;
  date: string;
  file: string;
}

/** A year file as written: what the manifest says of it. */
export type YearFile = Pick<ManifestEntry, 'bytes' | 'sha256' | 'records'>;

export const yearKey = (paper: string, date: string) => `${paper}/${date.slice(0, 4)}`;

/** An issue part's key, `<paper>/<date>`, as the combine records it. */
export const partKey = (part: Pick<CorpusPart, 'paper' | 'date'>) => `${part.paper}/${part.date}`;

export function parsePartKey(key: string): { paper: string; date: string } {
  const [paper, date] = key.split('/') as [string, string];
  return { paper, date };
}

/** The manifest entry of a year file. */
export function manifestEntry(index: CorpusIndex, key: string, file: YearFile): ManifestEntry {
  const [paper, year] = key.split('/') as [string, string];
  const summary = index.papers.find((p) => p.slug === paper);
  if (!summary) throw new Error(`[corpus] there are articles of "${paper}" but ${CORPUS_PARTS}/${PAPERS_FILE} does not list the paper; build the archive-wide pages again`);
  const path = paths.corpusYear(paper, year);
  return { path, url: new URL(path, index.site).href, paper, year, ...file, description: corpusDescription(summary.name, year) };
}

/** The corpus files' site paths (what the combine places besides the builds' files). */
export function corpusIndexPaths(): string[] {
  return [paths.manifest(), paths.checksums(), paths.corpusUrls()];
}

/** The parts grouped by paper and year. */
export function byYear(parts: CorpusPart[]): Map<string, CorpusPart[]> {
  const years = new Map<string, CorpusPart[]>();
  for (const part of parts) {
    const key = yearKey(part.paper, part.date);
    const list = years.get(key);
    if (list) list.push(part);
    else years.set(key, [part]);
  }
  return years;
}

