import { createHash } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { checksumList, makeManifest, urlList, type ArticleRecord, type Manifest, type ManifestEntry } from '../lib/open-data.ts';
import { paths } from '../lib/paths.ts';
import { byYear, CORPUS_PARTS, manifestEntry, PAPERS_FILE, type CorpusIndex, type CorpusPart, type YearFile } from '../lib/corpus.ts';
import { writeFileAtomic } from './write-atomic.ts';

/**
 * The corpus downloads (`/data/<paper>/<year>.jsonl`, `/data/manifest.json`,
 * `/data/SHA256SUMS.txt`, `/data/urls.txt`), assembled from parts that the builds leave in
 * their output:
 *
 *   _corpus/<paper>/<date>.jsonl   one issue's lines, written with its article files
 *                                  (article-files.ts), by the build that renders the issue
 *   _corpus/papers.json            the papers and the site's address (corpus-index.ts), by the
 *                                  build that renders the archive-wide pages
 *
 * A whole build assembles them when it is done and deletes `_corpus/`; shard builds keep theirs,
 * and `scripts/shard-combine.ts` assembles the same files from all of them, again only the years
 * whose parts changed. So no build needs every article's text, and both ways give the same bytes.
 */
const PART = /^(\d{4}-\d{2}-\d{2})\.jsonl$/;

export function writeCorpusPart(site: string, paper: string, date: string, body: string): void {
  const dir = join(site, CORPUS_PARTS, paper);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, `${date}.jsonl`), body);
}

/** The issue parts in a build's output folder, by paper and date. */
export function listCorpusParts(buildDir: string): CorpusPart[] {
  const root = join(buildDir, CORPUS_PARTS);
  if (!existsSync(root)) return [];
  const parts: CorpusPart[] = [];
  for (const paper of readdirSync(root, { withFileTypes: true })) {
    if (!paper.isDirectory()) continue;
    for (const name of readdirSync(join(root, paper.name))) {
      const match = PART.exec(name);
      if (match) parts.push({ paper: paper.name, date: match[1]!, file: join(root, paper.name, name) });
    }
  }
  return parts.sort((a, b) => a.paper.localeCompare(b.paper) || a.date.localeCompare(b.date));
}

export function partFile(buildDir: string, paper: string, date: string): string {
  return join(buildDir, CORPUS_PARTS, paper, `${date}.jsonl`);
}

export function readCorpusIndex(buildDir: string): CorpusIndex {
  const file = join(buildDir, CORPUS_PARTS, PAPERS_FILE);
  if (!existsSync(file)) throw new Error(`[corpus] ${file} is missing: the build of the archive-wide pages (a whole build, or the shard build "index") writes it; build that again with this code`);
  return JSON.parse(readFileSync(file, 'utf8')) as CorpusIndex;
}

/**
 * The corpus of a built site, as a reader downloads it: every line of every year file that
 * `data/manifest.json` lists, in the manifest's order.
 */
export function readBuiltCorpus(site: string): { manifest: Manifest; lines: string[]; records: ArticleRecord[] } {
  const manifestPath = join(site, paths.manifest());
  if (!existsSync(manifestPath)) throw new Error(`[corpus] ${manifestPath} is missing: build the site first (npm run build), or name the built folder`);
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Manifest;
  const lines = manifest.files.flatMap((file) => {
    const text = readFileSync(join(site, file.path), 'utf8');
    return text === '' ? [] : text.trimEnd().split('\n');
  });
  return { manifest, lines, records: lines.map((line) => JSON.parse(line) as ArticleRecord) };
}

/**
 * Write one paper's year file from its issue parts, in date order, through a temporary file;
 * returns its size, checksum and record count.
 */
export function writeYearFile(parts: CorpusPart[], target: string): YearFile {
  const sorted = [...parts].sort((a, b) => a.date.localeCompare(b.date));
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i]!.date === sorted[i - 1]!.date) throw new Error(`[corpus] two builds hold the issue ${sorted[i]!.paper} ${sorted[i]!.date}: ${sorted[i - 1]!.file} and ${sorted[i]!.file}; shards must not overlap`);
  }
  mkdirSync(dirname(target), { recursive: true });
  const temp = `${target}.${process.pid}.tmp`;
  const hash = createHash('sha256');
  let bytes = 0;
  let records = 0;
  try {
    const fd = openSync(temp, 'w');
    try {
      for (const part of sorted) {
        const chunk = readFileSync(part.file);
        hash.update(chunk);
        writeSync(fd, chunk);
        bytes += chunk.length;
        for (let at = chunk.indexOf(10); at >= 0; at = chunk.indexOf(10, at + 1)) records++;
      }
    } finally {
      closeSync(fd);
    }
    renameSync(temp, target);
  } catch (error) {
    // the previous year file stays as it was, and no temp file is left beside it
    rmSync(temp, { force: true });
    throw error;
  }
  return { bytes, sha256: hash.digest('hex'), records };
}

/** Write manifest.json, SHA256SUMS.txt and urls.txt into `<site>/data/`. */
export function writeCorpusIndexFiles(site: string, index: CorpusIndex, entries: ManifestEntry[]): void {
  const manifest = makeManifest(index.papers, entries, index.site);
  const write = (path: string, body: string) => writeFileAtomic(join(site, path), body);
  write(paths.manifest(), `${JSON.stringify(manifest, null, 2)}\n`);
  write(paths.checksums(), checksumList(manifest.files));
  write(paths.corpusUrls(), urlList(manifest.files));
}

/** A whole build: assemble the corpus files from the build's own parts and delete the parts. */
export function assembleCorpus(site: string): { files: number; records: number } {
  const index = readCorpusIndex(site);
  const entries: ManifestEntry[] = [];
  for (const [key, parts] of byYear(listCorpusParts(site))) {
    const [paper, year] = key.split('/') as [string, string];
    entries.push(manifestEntry(index, key, writeYearFile(parts, join(site, paths.corpusYear(paper, year)))));
  }
  writeCorpusIndexFiles(site, index, entries);
  rmSync(join(site, CORPUS_PARTS), { recursive: true, force: true });
  return { files: entries.length, records: entries.reduce((n, entry) => n + entry.records, 0) };
}
