#!/usr/bin/env node
/**
 * Import OCR'd newspaper pages into the archive.
 *
 *   npm run import -- <page.txt|page.png|page.pdf|page.hocr> --paper <slug> --date <YYYY-MM-DD> --page <N> [--page-name <版名>] [--photos <dir>] [--scan <image>] [--ocr <file.hocr|.xml>]
 *   npm run import -- <issue-folder>
 *
 *   npm run import -- --recover
 *
 * A page comes as OCR text, as a scan (read with Tesseract), as hOCR/ALTO, or as several of
 * them (scripts/io/page-sources.ts says which is used for what). Scans go into the scan store
 * beside the content folder (src/io/scan-store.ts); everything written into the content folder,
 * issue.yml with each page's scan and the articles with their regions, goes through the journal.
 *
 * Flags: --dry-run (write nothing), --json (print the parsed result on stdout), --force
 * (overwrite files changed by hand, keeping a backup), --content <dir> (default: ./content),
 * --recover (finish an interrupted import, then exit), --wait <s> (wait for another import).
 *
 * Every import takes the content folder's lock, finishes an interrupted import if there is one
 * (src/io/content-journal.ts), plans against the folder and commits through a journal. Pages are
 * read (and OCR'd) before the lock is taken: Tesseract takes seconds per page, and other imports
 * need not wait for it.
 *
 * Exit status: 0 imported (problems are suspicions, printed for review); 1 the input cannot be
 * used, or the content folder is busy or needs a human; 2 wrong command-line usage; 3 refused to
 * overwrite files changed by hand.
 */
import { existsSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { basename, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { isRealDate } from '../src/schemas/common.ts';
import { unfinishedImport, JournalError, type RecoveryReport } from '../src/io/content-journal.ts';
import { describeHolder, LockBusyError, lockWaitMs, type LockOptions } from '../src/io/content-lock.ts';
import { commitPlan, openContent, snapshotOf } from './io/content-store.ts';
import { placesAround } from './io/gazetteer.ts';
import { loadLexicon } from './io/lexicon.ts';
import { preparePhoto } from './io/photos.ts';
import { checkInputFolder, InputError, kindByName, listFiles, readInputFile, readIssueFolder, readOcrText, readPaper, readPhotoMapping, readTextFile, type Inside } from './io/read-input.ts';
import { readPageSource, type PageInput, type PageResult } from './io/page-sources.ts';
import { ocrLanguage } from '../src/io/page-ocr.ts';
import { keepScan, scanStore, writePageOcr, writePageWords } from '../src/io/scan-store.ts';
import { recordedScan } from './lib/kept-regions.ts';
import { contentPaths } from '../src/lib/ids.ts';
import { MAX_POSITION, paperSlugProblem } from '../src/lib/content-names.ts';
import { planImport, type ImportPlan, type IssueFacts, type PageSource, type PreparedPhoto } from './lib/import-plan.ts';
import { assignPhotos } from './lib/photo-assign.ts';
import { formatProblems } from './lib/report.ts';
import { runCommand } from '../src/io/cli.ts';

const ROOT = resolve(import.meta.dirname, '..');

const USAGE = `Usage:
  npm run import -- <page.txt | page.png | page.pdf | page.hocr> --paper <slug> --date <YYYY-MM-DD> --page <N> [--page-name <版名>] [--photos <dir>]
  npm run import -- <issue-folder>
  npm run import -- --recover

Options:
  --scan <image>   a single page's scan (JPEG, PNG, TIFF, WebP, a one-page PDF), when the page is given as text
  --ocr <file>     a single page's hOCR or ALTO XML, with its scan or text
  --find-regions   find every item on its scan again (an unchanged item on the same scan
                   otherwise keeps the regions it has)
  --dry-run        parse and report, write nothing
  --json           print the parsed result as JSON on stdout (reports go to stderr)
  --force          overwrite files changed by hand; the old files are kept under backups/
  --content <dir>  the archive's content folder (default: content)
  --recover        finish an import that was interrupted (completed or undone), then exit
  --wait <s>       wait this long for another import into the same folder (default 30)
  -h, --help       this text`;

class UsageError extends Error {}

interface PageJob {
  input: PageInput;
  photosDir: string | null;
  /** Where the photos may lie once links are resolved: the issue folder, or the --photos folder. */
  photosInside: Inside | null;
}

/** A path as messages show it: relative to where the command was run. */
const shown = (path: string) => relative(process.cwd(), path) || path;

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      paper: { type: 'string' },
      date: { type: 'string' },
      page: { type: 'string' },
      'page-name': { type: 'string' },
      photos: { type: 'string' },
      scan: { type: 'string' },
      ocr: { type: 'string' },
      'find-regions': { type: 'boolean', default: false },
      content: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      force: { type: 'boolean', default: false },
      recover: { type: 'boolean', default: false },
      wait: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const contentDir = resolve(values.content ?? join(ROOT, 'content'));
  if (values.recover) {
    if (positionals.length > 0) throw new UsageError('--recover takes no page file or issue folder: it finishes an interrupted import and exits');
    return recoverOnly(contentDir, values.wait);
  }
  if (positionals.length !== 1) throw new UsageError('give exactly one page file or issue folder');
  const input = resolve(positionals[0]!);

  let paperSlug: string;
  let date: string;
  let facts: IssueFacts = {};
  let script: 'simplified' | 'traditional' | undefined;
  let jobs: PageJob[];
  if (existsSync(input) && statSync(input).isDirectory() && existsSync(join(input, 'issue.yml'))) {
    for (const flag of ['paper', 'date', 'page', 'page-name', 'photos', 'scan', 'ocr'] as const) {
      if (values[flag] !== undefined) throw new UsageError(`--${flag} is for a single page; an issue folder says it in issue.yml`);
    }
    const folder = readIssueFolder(input, shown);
    paperSlug = folder.manifest.paper;
    date = folder.manifest.date;
    facts = {
      ...(folder.manifest.number !== undefined ? { number: folder.manifest.number } : {}),
      ...(folder.manifest.estimated !== undefined ? { estimated: folder.manifest.estimated } : {}),
    };
    script = folder.manifest.script;
    jobs = folder.pages.map((page) => ({
      input: {
        text: page.text !== null && page.file !== null ? { text: page.text, file: page.file } : null,
        scan: page.scan ? { ...page.scan, synthetic: page.synthetic } : null,
        ocr: page.ocr,
        shown: shown(join(input, page.file ?? page.scan?.file ?? page.ocr!.file)),
        page: page.number,
        pageName: page.name,
      },
      photosDir: page.photosDir,
      photosInside: { root: folder.root, name: 'the issue folder' },
    }));
  } else {
    if (values.paper === undefined) throw new UsageError('--paper <slug> is required for a single page (e.g. --paper zunyi-daily)');
    if (values.date === undefined) throw new UsageError('--date <YYYY-MM-DD> is required for a single page');
    // the slug becomes a folder name under --content: checked before anything else, by the site's rule
    const slugProblem = paperSlugProblem(values.paper);
    if (slugProblem) throw new InputError(slugProblem.message, { file: '--paper', hint: slugProblem.hint });
    paperSlug = values.paper;
    date = values.date;
    let page: number | null = null;
    if (values.page !== undefined) {
      if (!/^\d{1,3}$/.test(values.page) || Number(values.page) < 1) {
        throw new InputError(`--page ${values.page} is not a page number`, { file: '--page', hint: 'give the page (版次) as a number from 1, e.g. --page 3' });
      }
      page = Number(values.page);
    }
    const photosDir =
      values.photos !== undefined ? checkInputFolder(resolve(values.photos), { shownAs: `--photos ${values.photos}`, hint: 'pass the folder that holds the photos of this page' }) : null;
    // the page file is its text, its scan or its OCR file, by its name; --scan and --ocr add the others
    const kind = kindByName(input);
    const extra = (flag: 'scan' | 'ocr', path: string | undefined, wanted: 'scan' | 'ocr') => {
      if (path === undefined) return null;
      if (kind === wanted) throw new UsageError(`--${flag} is given, but ${basename(input)} is already the page's ${wanted === 'scan' ? 'scan' : 'OCR file'}`);
      if (kindByName(path) !== wanted) throw new UsageError(`--${flag} ${path}: ${wanted === 'scan' ? 'give an image (.jpg, .png, .tif, .webp) or a one-page .pdf' : 'give an hOCR (.hocr, .html) or ALTO (.xml) file'}`);
      return resolve(path);
    };
    const scanPath = kind === 'scan' ? input : extra('scan', values.scan, 'scan');
    const ocrPath = kind === 'ocr' ? input : extra('ocr', values.ocr, 'ocr');
    if (kind === 'ocr' && values.scan === undefined && values.ocr !== undefined) throw new UsageError('--ocr is given, but the page file is already an OCR file');
    jobs = [
      {
        input: {
          text: kind === 'text' ? { text: readTextFile(input, { shownAs: shown(input) }), file: basename(input) } : null,
          scan: scanPath ? { bytes: readInputFile(scanPath, 'scan', { shownAs: shown(scanPath) }), file: basename(scanPath), shown: shown(scanPath), synthetic: null } : null,
          ocr: ocrPath ? { text: readOcrText(ocrPath, { shownAs: shown(ocrPath) }), file: basename(ocrPath), shown: shown(ocrPath) } : null,
          shown: shown(input),
          page,
          pageName: values['page-name'] ?? null,
        },
        photosDir,
        photosInside: photosDir !== null ? { root: photosDir, name: 'the photo folder' } : null,
      },
    ];
  }

  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !isRealDate(date)) {
    throw new InputError(`bad date "${date}"`, { file: '--date', hint: 'write the date as YYYY-MM-DD, a day that exists, e.g. 2023-01-17' });
  }
  const paper = readPaper(contentDir, paperSlug);
  const lexicon = loadLexicon();
  const snapshot = snapshotOf(contentDir);
  const store = scanStore(contentDir);
  const issueYaml = snapshot.read(contentPaths.issue(paperSlug, date));
  const context = {
    paper: paperSlug,
    paperName: paper.name,
    date,
    lexicon,
    places: placesAround(paper.place),
    lang: ocrLanguage(script ?? paper.script ?? 'simplified'),
    store,
    ocrCache: process.env.ARCHIVE_OCR_CACHE ?? join(ROOT, '.cache', 'ocr'),
    recordedScan: (page: number) => recordedScan(issueYaml, page),
    existingArticle: (id: string) => snapshot.read(contentPaths.article(id)),
    findRegions: values['find-regions'],
  };

  // pages in parallel, one Tesseract process per core (each runs one thread: docs/0001)
  const results: PageResult[] = new Array(jobs.length);
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) {
      const index = next++;
      try {
        results[index] = await readPageSource(jobs[index]!.input, context);
      } catch (error) {
        // one page that cannot be used stops the import: start no other page
        next = jobs.length;
        throw error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(jobs.length, Math.max(1, availableParallelism())) }, worker));

  const sources: PageSource[] = [];
  const photos: PreparedPhoto[] = [];
  const photoErrors: string[] = [];
  for (const [index, job] of jobs.entries()) {
    const { parsed, sourceFile, scan, regions } = results[index]!;
    const pageNumber = parsed.page;
    if (parsed.articles.length > MAX_POSITION) {
      throw new InputError(`page ${pageNumber} holds ${parsed.articles.length} items; the site numbers the items of a page 01-${MAX_POSITION}`, {
        file: job.input.shown,
        hint: 'a newspaper page holds far fewer: check that the file is the OCR text of one page (not a whole issue or a book), and split it into pages',
      });
    }
    if (parsed.articles.length === 0) {
      throw new InputError(`page ${pageNumber}: no article or photo item found${parsed.unassigned.length > 0 ? ` (only ${parsed.unassigned.length} line${parsed.unassigned.length === 1 ? '' : 's'} outside any article)` : ''}; an empty page would be published`, {
        file: job.input.shown,
        hint: 'check that this is the OCR text of the page; a page of advertisements only is left out of issue.yml',
      });
    }
    sources.push({ parsed, sourceFile, scan, regions });
    if (job.photosDir) {
      const inside = job.photosInside ?? undefined;
      const folder = shown(job.photosDir);
      const assigned = assignPhotos(listFiles(job.photosDir), parsed.articles, readPhotoMapping(job.photosDir, { ...(inside ? { inside } : {}), shownAs: folder }));
      photoErrors.push(...assigned.errors.map((error) => `error: ${folder}: ${error}\n`));
      for (const { file, itemId } of assigned.assignments) {
        const path = join(job.photosDir, file);
        try {
          // read here, with every check (regular file, size, inside the folder); sharp gets bytes, never a path
          const bytes = readInputFile(path, 'photo', { ...(inside ? { inside } : {}), shownAs: shown(path) });
          photos.push(await preparePhoto(bytes, itemId));
        } catch (error) {
          photoErrors.push(error instanceof InputError ? error.format() : `error: ${shown(path)}: not a readable image (${(error as Error).message}); replace or remove it\n`);
        }
      }
    }
  }

  const pages = sources.map((s) => s.parsed);
  if (values.json) {
    // the parsed pages with each item's regions, when the page came with a scan
    const withRegions = pages.map((page, index) => ({
      ...page,
      articles: page.articles.map((item) => {
        const regions = results[index]!.regions.get(item.id);
        return regions ? { ...item, regions } : item;
      }),
    }));
    const json = withRegions.length === 1 && jobs.length === 1 && !existsSync(join(input, 'issue.yml')) ? withRegions[0] : { pages: withRegions };
    process.stdout.write(`${JSON.stringify(json, null, 2)}\n`);
  }
  for (const [index, page] of pages.entries()) process.stderr.write(formatProblems(page, jobs[index]!.input.shown));
  for (const result of results) {
    process.stderr.write(`${result.summary}\n`);
    for (const warning of result.warnings) process.stderr.write(`${warning}\n`);
  }

  if (photoErrors.length > 0) {
    for (const error of photoErrors) process.stderr.write(error);
    process.stderr.write('Nothing was written.\n');
    return 1;
  }

  if (values['dry-run']) {
    const plan = planImport(sources, photos, snapshotOf(contentDir), facts, { force: values.force });
    if (unfinishedImport(contentDir)) process.stderr.write(`warning: an earlier import into ${display(contentDir)} was interrupted; the next import (or \`npm run import -- --recover\`) finishes it first, so this plan may change\n`);
    if (printPlanErrors(plan)) return 1;
    process.stderr.write(reviewNotes(plan, contentDir, values.force));
    process.stderr.write(`Dry run: would write ${plan.writes.length} files and remove ${plan.removals.length}; nothing was written.\n`);
    if (plan.conflicts.length > 0) process.stderr.write(`(${plan.conflicts.length} files changed by hand would need --force)\n`);
    return 0;
  }

  // plan and commit under the content folder's lock, after finishing any interrupted import, so
  // that the plan is made against the folder it is applied to
  const session = await openContent(contentDir, lockOptions(values.wait));
  try {
    process.stderr.write(recoveryNotes(session.recovery, contentDir));
    const plan = planImport(sources, photos, snapshotOf(contentDir), facts, { force: values.force });
    if (printPlanErrors(plan)) return 1;
    if (plan.conflicts.length > 0 && !values.force) {
      process.stderr.write(
        `error: refusing to overwrite ${plan.conflicts.length} file(s) changed by hand since the last import:\n` +
          plan.conflicts.map((path) => `  ${display(join(contentDir, path))}${path.endsWith('.mdx') ? '' : ' (photo replaced by hand)'}\n`).join('') +
          '  hint: keep your corrections (copy them into the OCR text and import again), or rerun with --force;\n' +
          '        --force keeps the old files under backups/<time>/.\nNothing was written.\n',
      );
      return 3;
    }
    process.stderr.write(reviewNotes(plan, contentDir, values.force));
    // the scans, their words and their OCR go into the store (outside the content folder, named
    // by their checksums, each written atomically) before the content that names them is committed
    for (const page of results) {
      if (page.toStore) keepScan(page.toStore, store);
      if (page.words) writePageWords(page.words, store);
      if (page.ocr) writePageOcr(page.ocr, store);
    }
    if (plan.writes.length + plan.removals.length > 0) process.stderr.write(`Writing ${plan.writes.length} files and removing ${plan.removals.length} in ${display(contentDir)} …\n`);
    let result;
    try {
      result = await commitPlan(contentDir, plan, { command: `npm run import -- ${argv.join(' ')}`.slice(0, 300) });
    } catch (error) {
      if (error instanceof JournalError) throw error;
      throw new InputError(`could not write the import: ${(error as Error).message}`, {
        file: contentDir,
        hint: 'nothing was changed; fix the cause (disk space, permissions) and run the import again',
      });
    }
    const items = pages.flatMap((p) => p.articles);
    process.stderr.write(
      `Imported ${items.length} items (${items.filter((i) => i.kind === 'article').length} articles, ${items.filter((i) => i.kind === 'photo').length} photos, ${photos.length} images) ` +
        `from ${pages.length} page(s): ${result.written.length} files written, ${result.removed.length} removed, ${plan.unchanged.length} unchanged.\n`,
    );
    if (result.backupDir) process.stderr.write(`Replaced files were kept in ${display(result.backupDir)}\n`);
    if (result.cleanupError) {
      process.stderr.write(`warning: the import is complete, but its staging could not be removed (${result.cleanupError.message}); run \`npm run import -- --recover\` to finish the cleanup (the build refuses to run until then)\n`);
    }
    return 0;
  } finally {
    session.release();
  }
}

function display(path: string): string {
  return relative(process.cwd(), path) || '.';
}

function lockOptions(wait: string | undefined): LockOptions {
  if (wait !== undefined && !(/^\d+(?:\.\d+)?$/.test(wait))) throw new UsageError(`--wait ${wait}: give the seconds to wait for another import, e.g. --wait 120`);
  const waitMs = wait !== undefined ? Number(wait) * 1000 : lockWaitMs();
  return {
    waitMs,
    onWait: (holder) =>
      process.stderr.write(`Waiting up to ${Math.round(waitMs / 1000)} s for ${holder ? `another process (${describeHolder(holder)})` : 'another process'} to finish with this content folder …\n`),
    onTakeover: (holder, state) =>
      process.stderr.write(`Took over a stale lock: ${describeHolder(holder)}; that process ${state === 'reused' ? 'has ended (its pid now belongs to another process)' : 'is no longer running'}.\n`),
  };
}

function printPlanErrors(plan: ImportPlan): boolean {
  for (const error of plan.errors) {
    process.stderr.write(`error: ${error.file}${error.line !== undefined ? `:${error.line}` : ''}: ${error.message}\n  hint: ${error.hint}\nNothing was written.\n`);
  }
  return plan.errors.length > 0;
}

const show = (value: unknown) => (value === undefined ? '(deleted)' : JSON.stringify(value));

/** What the import keeps of the hand corrections it found, and (with --force) what it replaces. */
function reviewNotes(plan: ImportPlan, contentDir: string, force: boolean): string {
  const lines: string[] = [];
  for (const path of plan.keptDeleted) lines.push(`kept: ${display(join(contentDir, path))} was deleted by hand after the last import; it stays deleted (--force writes it again)`);
  for (const edit of plan.keptFields) {
    lines.push(`kept: ${display(join(contentDir, edit.path))}: \`${edit.field}\` is ${show(edit.current)}, corrected by hand (the import has ${show(edit.imported)}); --force takes the imported value`);
  }
  if (force) {
    for (const path of plan.conflicts) lines.push(`replaced: ${display(join(contentDir, path))}, changed by hand (--force; the old file goes to backups/)`);
    for (const path of plan.restored) lines.push(`restored: ${display(join(contentDir, path))}, deleted by hand (--force)`);
    for (const edit of plan.replacedFields) lines.push(`replaced: ${display(join(contentDir, edit.path))}: \`${edit.field}\` ${show(edit.current)} -> ${show(edit.imported)} (--force; the old file goes to backups/)`);
  }
  return lines.map((line) => `${line}\n`).join('');
}

function recoveryNotes(report: RecoveryReport, contentDir: string): string {
  const lines: string[] = [];
  const journal = report.journal;
  if (journal) {
    const who = `pid ${journal.pid} on ${journal.host}, started ${journal.started}, \`${journal.command}\``;
    if (journal.action === 'completed') {
      lines.push(`Recovered an interrupted import (${who}): completed it, ${journal.files} files in place.${journal.backup ? ` Replaced files are in ${display(journal.backup)}.` : ''}`);
    } else if (journal.action === 'undone') {
      lines.push(`Recovered an interrupted import (${who}): undid it; ${display(contentDir)} is as it was before that import.`);
    } else {
      lines.push(`Recovered an interrupted import (${who}): it had not changed anything yet; its staging files were removed.`);
    }
  }
  if (report.removedStaging.length > 0) lines.push(`Removed ${report.removedStaging.length} staging folder(s) left by earlier crashes.`);
  if (report.legacyStaging) {
    lines.push(
      `warning: ${display(report.legacyStaging)} holds staging folders of an older importer that was interrupted; files replaced by a --force import may survive only there (in */old/). Look through them, then delete the folder.`,
    );
  }
  return lines.map((line) => `${line}\n`).join('');
}

async function recoverOnly(contentDir: string, wait: string | undefined): Promise<number> {
  if (!existsSync(contentDir)) {
    throw new InputError('no such content folder', { file: contentDir, hint: 'pass the archive\'s content folder with --content <dir>' });
  }
  const session = await openContent(contentDir, lockOptions(wait));
  try {
    const notes = recoveryNotes(session.recovery, contentDir);
    process.stderr.write(notes || `Nothing to recover in ${display(contentDir)}: no import was interrupted.\n`);
    return 0;
  } finally {
    session.release();
  }
}

/** Bad input exits 1 with the file, line and fix; a busy folder or a broken journal 1; wrong usage 2; anything else is a bug: 70. */
function exitCodeOf(error: unknown): number {
  if (error instanceof InputError) {
    process.stderr.write(error.format());
    return 1;
  }
  if (error instanceof LockBusyError) {
    process.stderr.write(`error: ${error.lockPath}: ${error.message}\n  hint: ${error.hint}\nNothing was written.\n`);
    return 1;
  }
  if (error instanceof JournalError) {
    process.stderr.write(`error: ${error.file}: ${error.message}\n  hint: ${error.hint}\n`);
    return 1;
  }
  if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
    process.stderr.write(`error: ${(error as Error).message}\n\n${USAGE}\n`);
    return 2;
  }
  process.stderr.write(`internal error (a bug, please report it with the input that caused it):\n${(error as Error).stack ?? String(error)}\n`);
  return 70;
}

if (import.meta.main) runCommand(main, { onError: exitCodeOf });
