#!/usr/bin/env node
/**
 * Import OCR'd newspaper pages into the archive.
 *
 *   npm run import -- <page.txt> --paper <slug> --date <YYYY-MM-DD> --page <N> [--page-name <版名>] [--photos <dir>]
 *   npm run import -- <issue-folder>
 *
 * Flags: --dry-run (write nothing), --json (print the parsed result on stdout), --force
 * (overwrite hand-edited articles, keeping a backup), --content <dir> (default: ./content).
 *
 * Exit status: 0 imported (problems are suspicions, printed for review); 1 the input cannot be
 * used; 2 wrong command-line usage; 3 refused to overwrite hand-edited files.
 */
import { existsSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { isRealDate } from '../src/schemas/common.ts';
import { commitPlan, snapshotOf } from './io/content-store.ts';
import { loadLexicon } from './io/lexicon.ts';
import { preparePhoto } from './io/photos.ts';
import { checkInputFolder, InputError, listFiles, readInputFile, readIssueFolder, readPaper, readPhotoMapping, readTextFile, type Inside } from './io/read-input.ts';
import { MAX_POSITION, paperSlugProblem } from '../src/lib/content-names.ts';
import { planImport, type IssueFacts, type PageSource, type PreparedPhoto } from './lib/import-plan.ts';
import { assignPhotos } from './lib/photo-assign.ts';
import { parsePage, readHeader } from './lib/parse-page.ts';
import { formatProblems } from './lib/report.ts';
import { runCommand } from '../src/io/cli.ts';

const ROOT = resolve(import.meta.dirname, '..');

const USAGE = `Usage:
  npm run import -- <page.txt> --paper <slug> --date <YYYY-MM-DD> --page <N> [--page-name <版名>] [--photos <dir>]
  npm run import -- <issue-folder>

Options:
  --dry-run        parse and report, write nothing
  --json           print the parsed result as JSON on stdout (reports go to stderr)
  --force          overwrite articles edited by hand; the old files are kept under backups/
  --content <dir>  the archive's content folder (default: content)
  -h, --help       this text`;

class UsageError extends Error {}

interface PageJob {
  text: string;
  file: string;
  displayFile: string;
  page: number | null;
  pageName: string | null;
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
      content: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      force: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (positionals.length !== 1) throw new UsageError('give exactly one page file or issue folder');
  const input = resolve(positionals[0]!);
  const contentDir = resolve(values.content ?? join(ROOT, 'content'));

  let paperSlug: string;
  let date: string;
  let facts: IssueFacts = {};
  let jobs: PageJob[];
  if (existsSync(input) && statSync(input).isDirectory() && existsSync(join(input, 'issue.yml'))) {
    for (const flag of ['paper', 'date', 'page', 'page-name', 'photos'] as const) {
      if (values[flag] !== undefined) throw new UsageError(`--${flag} is for a single page; an issue folder says it in issue.yml`);
    }
    const folder = readIssueFolder(input, shown);
    paperSlug = folder.manifest.paper;
    date = folder.manifest.date;
    facts = {
      ...(folder.manifest.number !== undefined ? { number: folder.manifest.number } : {}),
      ...(folder.manifest.estimated !== undefined ? { estimated: folder.manifest.estimated } : {}),
    };
    jobs = folder.pages.map((page) => ({
      text: page.text,
      file: page.file,
      displayFile: shown(join(input, page.file)),
      page: page.number,
      pageName: page.name,
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
    jobs = [
      {
        text: readTextFile(input, { shownAs: shown(input) }),
        file: basename(input),
        displayFile: shown(input),
        page,
        pageName: values['page-name'] ?? null,
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

  const sources: PageSource[] = [];
  const photos: PreparedPhoto[] = [];
  const photoErrors: string[] = [];
  for (const job of jobs) {
    const header = readHeader(job.text, paper.name);
    const pageNumber = job.page ?? header.page;
    if (pageNumber === null) {
      throw new InputError('page number missing: the page header does not print it', {
        file: job.displayFile,
        hint: 'pass --page <N> (or set `number:` in issue.yml)',
      });
    }
    const parsed = parsePage(job.text, { paper: paperSlug, date, page: pageNumber, pageName: job.pageName, paperName: paper.name }, { lexicon });
    if (parsed.articles.length > MAX_POSITION) {
      throw new InputError(`page ${pageNumber} holds ${parsed.articles.length} items; the site numbers the items of a page 01-${MAX_POSITION}`, {
        file: job.displayFile,
        hint: 'a newspaper page holds far fewer: check that the file is the OCR text of one page (not a whole issue or a book), and split it into pages',
      });
    }
    if (parsed.articles.length === 0) {
      throw new InputError(`page ${pageNumber}: no article or photo item found${parsed.unassigned.length > 0 ? ` (only ${parsed.unassigned.length} line${parsed.unassigned.length === 1 ? '' : 's'} outside any article)` : ''}; an empty page would be published`, {
        file: job.displayFile,
        hint: 'check that this is the OCR text of the page; a page of advertisements only is left out of issue.yml',
      });
    }
    sources.push({ parsed, sourceFile: job.file });
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
    const json = pages.length === 1 && jobs.length === 1 && !existsSync(join(input, 'issue.yml')) ? pages[0] : { pages };
    process.stdout.write(`${JSON.stringify(json, null, 2)}\n`);
  }
  for (const [index, page] of pages.entries()) process.stderr.write(formatProblems(page, jobs[index]!.displayFile));

  if (photoErrors.length > 0) {
    for (const error of photoErrors) process.stderr.write(error);
    process.stderr.write('Nothing was written.\n');
    return 1;
  }

  const plan = planImport(sources, photos, snapshotOf(contentDir), facts);
  if (values['dry-run']) {
    process.stderr.write(`Dry run: would write ${plan.writes.length} files and remove ${plan.removals.length}; nothing was written.\n`);
    if (plan.conflicts.length > 0) process.stderr.write(`(${plan.conflicts.length} hand-edited files would need --force)\n`);
    return 0;
  }
  if (plan.conflicts.length > 0 && !values.force) {
    process.stderr.write(
      `error: refusing to overwrite ${plan.conflicts.length} article file(s) edited by hand since the last import:\n` +
        plan.conflicts.map((path) => `  ${relative(process.cwd(), join(contentDir, path))}\n`).join('') +
        '  hint: keep your corrections (copy them into the OCR text and import again), or rerun with --force;\n' +
        '        --force keeps the old files under backups/<time>/.\nNothing was written.\n',
    );
    return 3;
  }
  let result;
  try {
    result = commitPlan(contentDir, plan, { backupRoot: join(dirname(contentDir), 'backups'), keepBackup: values.force });
  } catch (error) {
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
  if (result.backupDir) process.stderr.write(`Replaced files were kept in ${relative(process.cwd(), result.backupDir)}\n`);
  return 0;
}

/** Bad input exits 1 with the file, line and fix; wrong usage 2; anything else is a bug: 70. */
function exitCodeOf(error: unknown): number {
  if (error instanceof InputError) {
    process.stderr.write(error.format());
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
