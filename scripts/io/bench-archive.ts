import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { acquireContentLock } from '../../src/io/content-lock.ts';
import { importIssueFolders, type ImportStats } from './bench-import.ts';
import { syntheticJpeg } from './bench-photos.ts';
import { issueFolderFiles, paperYaml, syntheticPapers, type SyntheticIssue, type SyntheticOptions, type SyntheticPhoto } from '../lib/synthetic.ts';

/**
 * Write synthetic issues as import folders and import them into a content folder, in this
 * process: a small archive for tests (chosen issues, e.g. around a year boundary) or a large one
 * for the benchmark. `withPhoto` picks the photos that get a JPEG (generating and preparing
 * camera-sized photos costs about a second each).
 */
export async function importSyntheticIssues(
  contentDir: string,
  options: SyntheticOptions,
  issues: Iterable<SyntheticIssue>,
  withPhoto: (photo: SyntheticPhoto) => boolean = () => false,
): Promise<ImportStats> {
  const lock = await acquireContentLock(contentDir, { command: 'synthetic archive import' });
  try {
    mkdirSync(join(contentDir, 'papers'), { recursive: true });
    for (const paper of syntheticPapers(options)) writeFileSync(join(contentDir, 'papers', `${paper.slug}.yml`), paperYaml(paper));
    return await importFolders(contentDir, issues, withPhoto);
  } finally {
    lock.release();
  }
}

async function importFolders(contentDir: string, issues: Iterable<SyntheticIssue>, withPhoto: (photo: SyntheticPhoto) => boolean): Promise<ImportStats> {
  const work = mkdtempSync(join(tmpdir(), 'synthetic-issues-'));
  try {
    const folders: string[] = [];
    for (const issue of issues) {
      const folder = join(work, `${issue.paper.slug}-${issue.date}`);
      await writeSyntheticFolder(folder, issue, withPhoto);
      folders.push(folder);
    }
    return await importIssueFolders(folders, contentDir);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/**
 * Write one synthetic issue as an import folder (issue.yml, NN.txt, photos/NN/). `photoSize`
 * caps the photos' long edge (small photos keep tests and the import soak fast).
 */
export async function writeSyntheticFolder(folder: string, issue: SyntheticIssue, withPhoto: (photo: SyntheticPhoto) => boolean = () => false, photoSize?: number): Promise<void> {
  for (const file of issueFolderFiles(issue, withPhoto)) {
    const path = join(folder, file.path);
    mkdirSync(dirname(path), { recursive: true });
    if (!file.photo) {
      writeFileSync(path, file.text!);
      continue;
    }
    const photo = file.photo;
    const scale = photoSize === undefined ? 1 : Math.min(1, photoSize / Math.max(photo.width, photo.height));
    // (the generator's grain tile is 256 px: no edge below that)
    writeFileSync(path, await syntheticJpeg({ ...photo, width: Math.max(256, Math.round(photo.width * scale)), height: Math.max(256, Math.round(photo.height * scale)) }));
  }
}
