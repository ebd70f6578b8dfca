#!/usr/bin/env node
/**
 * Import OCR'd newspaper pages into the archive.
 *
 *   npm run import -- <page.txt|page.png|page.hocr> --paper <slug> --date <YYYY-MM-DD> --page <N> [--page-name <版名>] [--photos <dir>] [--scan <image>] [--ocr <file.hocr|.xml>]
 *   npm run import -- <issue-folder>
 *
 * A page comes as OCR text, as a scan (read with Tesseract), as hOCR/ALTO, or as several of
 * them (scripts/io/page-sources.ts says which is used for what).
 *
 * Flags: --dry-run (write nothing), --json (print the parsed result on stdout), --force
 * (overwrite hand-edited articles, keeping a backup), --content <dir> (default: ./content).
 *
 * Exit status: 0 imported (problems are suspicions, printed for review); 1 the input cannot be
 * used; 2 wrong command-line usage; 3 refused to overwrite hand-edited files.
 */
import { existsSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { isRealDate } from '../src/schemas/common.ts';
import { commitPlan, snapshotOf } from './io/content-store.ts';
import { loadLexicon } from './io/lexicon.ts';
import { preparePhoto } from './io/photos.ts';
import { checkInputFolder, InputError, kindByName, listFiles, readInputFile, readIssueFolder, readOcrText, readPaper, readPhotoMapping, readTextFile, type Inside } from './io/read-input.ts';
import { readPageSource, type PageInput, type PageResult } from './io/page-sources.ts';
import { ocrLanguage } from '../src/io/page-ocr.ts';
import { keepScan, scanStore, writePageWords } from '../src/io/scan-store.ts';
import { recordedScan } from './lib/kept-regions.ts';
import { contentPaths } from '../src/lib/ids.ts';
import { MAX_POSITION, paperSlugProblem } from '../src/lib/content-names.ts';
import { planImport, type IssueFacts, type PageSource, type PreparedPhoto } from './lib/import-plan.ts';
import { assignPhotos } from './lib/photo-assign.ts';
import { formatProblems } from './lib/report.ts';
import { runCommand } from '../src/io/cli.ts';

const ROOT = resolve(import.meta.dirname, '..');

const USAGE = `Usage:
  npm run import -- <page.txt | page.png | page.hocr> --paper <slug> --date <YYYY-MM-DD> --page <N> [--page-name <版名>] [--photos <dir>]
  npm run import -- <issue-folder>

Options:
  --scan <image>   a single page's scan (JPEG, PNG, TIFF, WebP, a one-page PDF), when the page is given as text
  --ocr <file>     a single page's hOCR or ALTO XML, with its scan or text
  --find-regions   find every item on its scan again (an unchanged item on the same scan
                   otherwise keeps the regions it has)
  --dry-run        parse and report, write nothing
  --json           print the parsed result as JSON on stdout (reports go to stderr)
  --force          overwrite articles edited by hand; the old files are kept under backups/
  --content <dir>  the archive's content folder (default: content)
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

  const plan = planImport(sources, photos, snapshot, facts);
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
  // the scans and their words go into the store first, so that the content never names a scan the store lacks
  for (const result of results) {
    if (result.toStore) keepScan(result.toStore, store);
    if (result.words) writePageWords(result.words, store);
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
