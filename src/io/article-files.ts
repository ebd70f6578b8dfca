import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
import { ARTICLE_FILE_BUNDLE, type ArticleFileBundle } from '../lib/article-files.ts';
import { writeCorpusPart } from './corpus-files.ts';
import { buildStart, keepFiles, writtenThisBuild } from './output-in-place.ts';
import { writeFileAtomic } from './write-atomic.ts';

const ISSUE_FOLDER = /^\d{4}-\d{2}-\d{2}$/;
const RELATIVE_PATH = /^(?:[\w-]+\/)*[\w-]+\.[a-z]+$/;

/** Which bundles were last written into which output folder (kept in the Astro cache). */
interface UnpackRecord {
  site: string;
  /** `<paper>/<date>` -> SHA-1 of the bundle. */
  bundles: Record<string, string>;
}

export interface UnpackOptions {
  /**
   * A file that remembers the bundles written into this output folder: a build over it that
   * gets the same bundle again (an issue that did not change) leaves its files as they are.
   */
  record?: string;
  /** Called after each issue's bundle, for progress reports. */
  onBundle?: () => void;
}

/**
 * Write the files of every bundle in a built site (`<site>/<paper>/<date>/_article-files.json`)
 * into the issue's folder, its corpus lines as the issue's part, and delete the bundle. A file
 * that this build already wrote is an error: some other route wrote it, and the site would
 * depend on which one ran last. Over the previous output (output-in-place.ts), a file of the
 * previous build is replaced, or only marked as written when it is already right, and an issue
 * whose bundle is the one last written here, with all its files still there, is left alone.
 */
export function unpackArticleFiles(site: string, options: UnpackOptions = {}): { bundles: number; files: number; unchanged: number } {
  let bundles = 0;
  let files = 0;
  let unchanged = 0;
  // a file of the previous build in the same folder is replaced (output-in-place.ts)
  const start = buildStart(site);
  const previous = start === null || options.record === undefined ? undefined : readRecord(options.record, site);
  const next: UnpackRecord = { site, bundles: {} };
  for (const paper of readdirSync(site, { withFileTypes: true })) {
    if (!paper.isDirectory()) continue;
    for (const issue of readdirSync(join(site, paper.name), { withFileTypes: true })) {
      if (!issue.isDirectory() || !ISSUE_FOLDER.test(issue.name)) continue;
      const folder = join(site, paper.name, issue.name);
      const bundlePath = join(folder, ARTICLE_FILE_BUNDLE);
      if (!existsSync(bundlePath)) continue;
      const raw = readFileSync(bundlePath);
      const bundle = JSON.parse(raw.toString('utf8')) as ArticleFileBundle;
      const key = `${paper.name}/${issue.name}`;
      const hash = createHash('sha1').update(raw).digest('hex');
      const targets = bundle.files.map((file) => targetOf(folder, file.path, bundlePath));
      if (previous?.bundles[key] === hash && targets.every((target) => existsSync(target))) {
        keepFiles(site, targets);
        unchanged++;
      } else {
        files += writeBundle(bundle, targets, bundlePath, start);
      }
      next.bundles[key] = hash;
      writeCorpusPart(site, paper.name, issue.name, bundle.corpus);
      rmSync(bundlePath);
      bundles++;
      options.onBundle?.();
    }
  }
  if (options.record !== undefined) writeRecord(options.record, next);
  return { bundles, files, unchanged };
}

function readRecord(path: string, site: string): UnpackRecord | undefined {
  try {
    const record = JSON.parse(readFileSync(path, 'utf8')) as UnpackRecord;
    return record.site === site ? record : undefined;
  } catch {
    // none yet, or unreadable: every bundle is written
    return undefined;
  }
}

function writeRecord(path: string, record: UnpackRecord): void {
  writeFileAtomic(path, JSON.stringify(record));
}

/** Where a bundle's file goes: inside the issue's folder, or the bundle is refused. */
function targetOf(folder: string, path: string, bundlePath: string): string {
  const target = resolve(folder, path);
  if (!RELATIVE_PATH.test(path) || !target.startsWith(folder + sep)) {
    throw new Error(`[article-files] ${bundlePath}: "${path}" is not a path inside the issue's folder`);
  }
  return target;
}

function writeBundle(bundle: ArticleFileBundle, targets: string[], bundlePath: string, start: bigint | null): number {
  const made = new Set<string>();
  bundle.files.forEach((file, index) => {
    const target = targets[index]!;
    const parent = dirname(target);
    if (!made.has(parent)) {
      mkdirSync(parent, { recursive: true });
      made.add(parent);
    }
    try {
      writeFileSync(target, file.body, { flag: 'wx' });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      if (writtenThisBuild(target, start)) throw new Error(`[article-files] ${target} was already written by another route; only the bundle ${bundlePath} should write it`);
      // unchanged files are only marked as written (their change time): reading a small file
      // costs far less than rewriting it (50,000 articles: 25 s of writes)
      const bytes = Buffer.from(file.body);
      if (readFileSync(target).equals(bytes)) utimesSync(target, new Date(), new Date());
      else writeFileSync(target, bytes);
    }
  });
  return bundle.files.length;
}
