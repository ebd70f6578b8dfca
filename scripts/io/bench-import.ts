import { join } from 'node:path';
import { commitPlan, openContent, snapshotOf } from './content-store.ts';
import { loadLexicon } from './lexicon.ts';
import { preparePhoto } from './photos.ts';
import { listFiles, readIssueFolder, readPaper, readPhotoMapping } from './read-input.ts';
import { planImport, type PageSource } from '../lib/import-plan.ts';
import { parsePage } from '../lib/parse-page.ts';
import { assignPhotos } from '../lib/photo-assign.ts';

/**
 * Import issue folders in this process, through the same steps as `npm run import` (read,
 * parse, attach and prepare photos, plan, commit atomically), without starting a process per
 * issue. The benchmark and `npm run generate -- --content` use it to fill an archive quickly;
 * the time of one real CLI import is measured separately. Photo time is kept apart so that
 * articles/s and photos/s can be reported on their own.
 */
export interface ImportStats {
  issues: number;
  items: number;
  photos: number;
  problems: number;
  /** Wall time of the whole import. */
  ms: number;
  /** Wall time spent preparing photos (and making their sizes, when `afterPhoto` is given). */
  photoMs: number;
}

export interface ImportOptions {
  /** Called for each stored photo file after the commit, e.g. to make its responsive sizes. */
  afterPhoto?: (file: string) => Promise<unknown>;
  /** How many photos are processed at once (sharp works off the main thread). */
  photoConcurrency?: number;
  onIssue?: (done: number, stats: ImportStats) => void;
}

export async function importIssueFolders(folders: string[], contentDir: string, options: ImportOptions = {}): Promise<ImportStats> {
  // one writer at a time: the batch holds the content folder's lock (nested when the caller holds it)
  const session = await openContent(contentDir, { command: `import of ${folders.length} issue folders (${process.argv.slice(1, 2).join(' ')})` });
  try {
    return await importLocked(folders, contentDir, options);
  } finally {
    session.release();
  }
}

async function importLocked(folders: string[], contentDir: string, options: ImportOptions): Promise<ImportStats> {
  const lexicon = loadLexicon();
  const stats: ImportStats = { issues: 0, items: 0, photos: 0, problems: 0, ms: 0, photoMs: 0 };
  const started = performance.now();
  const papers = new Map<string, string>();
  for (const folder of folders) {
    const { manifest, pages } = readIssueFolder(folder);
    let paperName = papers.get(manifest.paper);
    if (paperName === undefined) {
      paperName = readPaper(contentDir, manifest.paper).name;
      papers.set(manifest.paper, paperName);
    }
    const sources: PageSource[] = [];
    const jobs: Array<{ path: string; itemId: string }> = [];
    for (const page of pages) {
      // the bench's folders are generated as text (npm run generate); scans go through npm run import
      if (page.text === null || page.file === null) throw new Error(`[bench] ${folder}: page ${page.number} has no text file`);
      const parsed = parsePage(page.text, { paper: manifest.paper, date: manifest.date, page: page.number, pageName: page.name, paperName }, { lexicon });
      sources.push({ parsed, sourceFile: page.file });
      stats.items += parsed.articles.length;
      stats.problems += parsed.problems.length + parsed.articles.reduce((n, a) => n + a.problems.length, 0);
      if (page.photosDir) {
        const assigned = assignPhotos(listFiles(page.photosDir), parsed.articles, readPhotoMapping(page.photosDir));
        if (assigned.errors.length > 0) throw new Error(`${page.photosDir}: ${assigned.errors.join('; ')}`);
        for (const { file, itemId } of assigned.assignments) jobs.push({ path: join(page.photosDir, file), itemId });
      }
    }
    const photoStarted = performance.now();
    const photos = await mapLimit(jobs, options.photoConcurrency ?? 2, (job) => preparePhoto(job.path, job.itemId));
    let photoMs = performance.now() - photoStarted;

    const plan = planImport(sources, photos, snapshotOf(contentDir), {
      number: manifest.number,
      ...(manifest.estimated !== undefined ? { estimated: manifest.estimated } : {}),
    });
    if (plan.errors.length > 0 || plan.conflicts.length > 0) {
      throw new Error(`${folder}: ${plan.errors.map((e) => `${e.file}: ${e.message}`).join('; ') || `files changed by hand in the way: ${plan.conflicts.join(', ')}`}`);
    }
    await commitPlan(contentDir, plan);

    if (options.afterPhoto && photos.length > 0) {
      const stored = plan.writes.filter((w) => w.data instanceof Uint8Array).map((w) => join(contentDir, w.path));
      const afterStarted = performance.now();
      await mapLimit(stored, options.photoConcurrency ?? 2, options.afterPhoto);
      photoMs += performance.now() - afterStarted;
    }
    stats.photos += photos.length;
    stats.photoMs += photoMs;
    stats.issues++;
    stats.ms = performance.now() - started;
    options.onIssue?.(stats.issues, stats);
  }
  stats.ms = performance.now() - started;
  return stats;
}

async function mapLimit<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
