#!/usr/bin/env node
/**
 * Write a synthetic archive for measurements: import folders of issues (OCR text per page, photos)
 * that `npm run import` reads, deterministic for a seed. Never into content/.
 *
 *   npm run generate -- --papers 2 --years 3             two papers, three years each
 *   npm run generate -- --articles 10000                 items up to about 10,000 (complete issues)
 *   npm run generate -- --articles 1000 --content .cache/archive-1k   and import it into an archive
 *
 * See `--help` for every option.
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { withContentLock } from '../src/io/content-lock.ts';
import { importIssueFolders } from './io/bench-import.ts';
import { syntheticJpeg } from './io/bench-photos.ts';
import { countIssues, issueFolderFiles, paperYaml, resolveOptions, syntheticIssues, syntheticPapers, type SyntheticIssue, type SyntheticOptions } from './lib/synthetic.ts';
import { runCommand } from '../src/io/cli.ts';

const ROOT = resolve(import.meta.dirname, '..');

const USAGE = `Usage: npm run generate -- [options]

  --papers <n>        papers (1-8, default 1)
  --years <n>         years per paper (default 1)
  --articles <n>      about n items (articles and photo items) in all, shared over the papers, in whole issues
  --start-year <y>    first year (default 2020)
  --seed <n>          same seed, same archive (default 1)
  --photos <all|none|n>  which photos get a JPEG file: all (default), none, or the first n
  --out <dir>         where the issue folders go (default .cache/synthetic/<name>)
  --content <dir>     also import the issues into this archive folder (created; never content/)
  -h, --help          this text

Writes <out>/issues/<paper>-<date>/ (issue.yml, NN.txt, photos/NN/), <out>/papers/*.yml and
<out>/manifest.json. An existing <out> with the same manifest is reused.`;

export interface GenerateRequest {
  options: SyntheticOptions;
  photos: 'all' | 'none' | number;
  out: string;
}

export interface Generated {
  out: string;
  folders: string[];
  papersDir: string;
  counts: ReturnType<typeof countIssues> & { photoFiles: number };
  reused: boolean;
}

/** The folder name for a request: what it holds, so that runs can share it. */
export function defaultOut(options: SyntheticOptions, photos: GenerateRequest['photos']): string {
  const size = options.maxItems !== null ? `a${options.maxItems}${options.papers > 1 ? `p${options.papers}` : ''}` : `p${options.papers}y${options.years}`;
  return resolve(ROOT, '.cache/synthetic', `${size}-s${options.seed}-${options.startYear}-ph${photos}`);
}

/** Generate (or reuse) the import folders for a request. */
export async function generate(request: GenerateRequest, log: (line: string) => void = () => {}): Promise<Generated> {
  const { options, out } = request;
  refuseRepoContent(out);
  const manifestPath = join(out, 'manifest.json');
  const manifestKey = JSON.stringify({ options, photos: request.photos, version: 1 });
  if (existsSync(manifestPath)) {
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { key: string; folders: string[]; counts: Generated['counts'] };
    if (manifest.key === manifestKey) {
      return { out, folders: manifest.folders.map((f) => join(out, 'issues', f)), papersDir: join(out, 'papers'), counts: manifest.counts, reused: true };
    }
  }
  rmSync(out, { recursive: true, force: true });
  const temp = `${out}.partial-${process.pid}`;
  rmSync(temp, { recursive: true, force: true });
  mkdirSync(join(temp, 'papers'), { recursive: true });
  for (const paper of syntheticPapers(options)) writeFileSync(join(temp, 'papers', `${paper.slug}.yml`), paperYaml(paper));

  const issues: SyntheticIssue[] = [];
  const folders: string[] = [];
  let photoFiles = 0;
  let photoIndex = 0;
  const started = performance.now();
  const pending: Array<Promise<void>> = [];
  for (const issue of syntheticIssues(options)) {
    issues.push(issue);
    const name = `${issue.paper.slug}-${issue.date}`;
    folders.push(name);
    const withPhoto = () => request.photos === 'all' || (typeof request.photos === 'number' && photoIndex++ < request.photos);
    for (const file of issueFolderFiles(issue, withPhoto)) {
      const path = join(temp, 'issues', name, file.path);
      mkdirSync(dirname(path), { recursive: true });
      if (file.text !== undefined) writeFileSync(path, file.text);
      if (file.photo) {
        photoFiles++;
        const photo = file.photo;
        pending.push(syntheticJpeg(photo).then((bytes) => writeFileSync(path, bytes)));
        // sharp works off the main thread; two at a time fills two cores
        if (pending.length >= 2) await Promise.all(pending.splice(0));
      }
    }
    if (folders.length % 50 === 0) log(`generated ${folders.length} issues, ${photoFiles} photos (${Math.round((performance.now() - started) / 1000)} s)`);
  }
  await Promise.all(pending);
  const counts = { ...countIssues(issues), photoFiles };
  writeFileSync(join(temp, 'manifest.json'), `${JSON.stringify({ key: manifestKey, options, photos: request.photos, counts, folders }, null, 2)}\n`);
  renameSync(temp, out);
  return { out, folders: folders.map((f) => join(out, 'issues', f)), papersDir: join(out, 'papers'), counts, reused: false };
}

/** Copy the papers into an archive folder and import every issue into it. */
export async function importGenerated(generated: Generated, contentDir: string, log: (line: string) => void = () => {}, afterPhoto?: (file: string) => Promise<unknown>) {
  refuseRepoContent(contentDir);
  // the papers and the issues are written under the content folder's lock, as every writer does
  return withContentLock(contentDir, () => {
    mkdirSync(join(contentDir, 'papers'), { recursive: true });
    for (const file of readdirSync(generated.papersDir)) copyFileSync(join(generated.papersDir, file), join(contentDir, 'papers', file));
    return importIssueFolders(generated.folders, contentDir, {
      ...(afterPhoto ? { afterPhoto } : {}),
      onIssue: (done, stats) => {
        if (done % 50 === 0) log(`imported ${done}/${generated.folders.length} issues: ${stats.items} items, ${stats.photos} photos (${Math.round(stats.ms / 1000)} s)`);
      },
    });
  }, { command: 'npm run generate' });
}

/** The repository's own archive is hand-curated: generated data never goes there. */
function refuseRepoContent(dir: string): void {
  const content = resolve(ROOT, 'content');
  const target = resolve(dir);
  if (target === content || target.startsWith(content + sep)) {
    throw new Error(`refusing to write generated data into ${relative(ROOT, target)}: content/ holds the real archive; use a folder under .cache/ or /tmp`);
  }
}

function parsePhotos(value: string | undefined): GenerateRequest['photos'] {
  if (value === undefined || value === 'all') return 'all';
  if (value === 'none') return 'none';
  if (/^\d+$/.test(value)) return Number(value);
  throw new Error(`--photos ${value}: use all, none or a number`);
}

async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      papers: { type: 'string' },
      years: { type: 'string' },
      articles: { type: 'string' },
      'start-year': { type: 'string' },
      seed: { type: 'string' },
      photos: { type: 'string' },
      out: { type: 'string' },
      content: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const num = (value: string | undefined, name: string): number | undefined => {
    if (value === undefined) return undefined;
    if (!/^\d+$/.test(value)) throw new Error(`--${name} ${value}: give a whole number`);
    return Number(value);
  };
  const articles = num(values.articles, 'articles');
  const papers = num(values.papers, 'papers') ?? 1;
  // an item budget without --years: enough years for it, paper after paper
  const years = num(values.years, 'years') ?? (articles !== undefined ? Math.max(1, Math.ceil(articles / papers / 20_000)) : 1);
  const options = resolveOptions({
    papers,
    years,
    seed: num(values.seed, 'seed') ?? 1,
    startYear: num(values['start-year'], 'start-year') ?? 2020,
    maxItems: articles ?? null,
  });
  const photos = parsePhotos(values.photos);
  const out = values.out !== undefined ? resolve(values.out) : defaultOut(options, photos);
  const log = (line: string) => process.stderr.write(`${line}\n`);
  const generated = await generate({ options, photos, out }, log);
  const c = generated.counts;
  log(
    `${generated.reused ? 'Reused' : 'Wrote'} ${relative(process.cwd(), out) || out}: ${c.issues} issues, ${c.pages} pages, ${c.items} items ` +
      `(${c.articles} articles, ${c.photoItems} photo items), ${c.photos} photos (${c.photoFiles} as files), ${(c.chars / c.items).toFixed(0)} characters per item`,
  );
  if (values.content !== undefined) {
    const contentDir = resolve(values.content);
    const stats = await importGenerated(generated, contentDir, log);
    log(`Imported into ${relative(process.cwd(), contentDir)}: ${stats.items} items, ${stats.photos} photos, ${stats.problems} problems flagged, in ${(stats.ms / 1000).toFixed(1)} s`);
    log(`Build it with: ARCHIVE_CONTENT_DIR=${relative(process.cwd(), contentDir)} ARCHIVE_ASTRO_CACHE=${relative(process.cwd(), contentDir)}-astro npm run build`);
  }
  return 0;
}

if (import.meta.main) runCommand(main, { usage: USAGE });
