#!/usr/bin/env node
/**
 * The scale benchmark: generate synthetic archives, import them, build them cold and warm, build
 * the same articles with Hugo, add one new issue and rebuild; print one table and write it as
 * JSON for comparison between commits. See the README, "Benchmarks", for how to read it.
 *
 *   npm run bench                              1k, 10k and 50k articles (long: about an hour)
 *   npm run bench -- --sizes 1k,10k            chosen sizes
 *   npm run bench -- --sizes 1k --compare-mdx  also build with @astrojs/mdx compiling every file
 *   npm run bench -- --sizes 10k --compare-incremental   also build with Astro's incremental build off
 *
 * Everything goes under .cache/bench/ (ignored by git); results under bench-results/.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { encodePhotoSizes } from '../src/io/photo-store.ts';
import { defaultOut, generate, importGenerated } from './generate.ts';
import { syntheticJpeg } from './io/bench-photos.ts';
import { buildHugo, hugoVersion, writeHugoSite } from './io/bench-hugo.ts';
import { folderSize, runMeasured, type Measured } from './io/bench-process.ts';
import { fmt, formatTable, gib, median, parseBuildLog, parseSizes, SEARCH_PHASE, sizeLabel, type BuildPhases, type Column } from './lib/bench-stats.ts';
import { issueDates, issueFolderFiles, resolveOptions, syntheticIssue, type SyntheticOptions } from './lib/synthetic.ts';
import { runCommand } from '../src/io/cli.ts';
import { currentCommit } from '../src/io/git.ts';

const ROOT = resolve(import.meta.dirname, '..');
const WORK = join(ROOT, '.cache', 'bench');

const USAGE = `Usage: npm run bench -- [options]

  --sizes <list>     archive sizes in articles, e.g. 1k,10k,50k (default)
  --runs <n>         runs per measurement (default: 3 up to 10k articles, 1 above); medians are shown
  --photos <n>       photos that get an image file per archive (default 40; see README)
  --seed <n>         synthetic archive seed (default 1)
  --compare-mdx      also build with ARCHIVE_ARTICLE_RENDER=mdx (every article compiled by @astrojs/mdx)
  --compare-incremental  also build with ARCHIVE_INCREMENTAL=0 (every page rendered on every build)
  --photo-builds     also build once with an empty photo store (sizes encoded by the build)
  --no-hugo          skip Hugo
  --no-new-issue     skip "one new issue into the archive"
  --sharded          also build as shards plus the index build, and update them for the new issue
  --shard-by <plan>  year, paper-year or year-month (default: closed years, months of the latest)
  --shard-jobs <n>   shard builds at once (default 2)
  --json <file>      where to write the results (default bench-results/<time>-<commit>.json)
  -h, --help         this text`;

interface BuildRun {
  ms: number;
  peakRss: number;
  searchRss: number;
  phases: BuildPhases;
}

interface SizeResult {
  size: number;
  articles: number;
  issues: number;
  photos: number;
  import: { runs: number; itemsPerSecond: number; photosPerSecond: number | null; ms: number };
  cold: BuildSummary;
  warm: BuildSummary;
  mdx?: { cold: BuildSummary; warm: BuildSummary };
  /** The same builds with Astro's incremental build off. */
  plain?: { cold: BuildSummary; warm: BuildSummary };
  photoBuild?: { msPerPhoto: number; photos: number };
  hugo?: { ms: number; msPerPage: number; pages: number; version: string };
  dist: { bytes: number; files: number };
  newIssue?: {
    date: string;
    articles: number;
    photos: number;
    importMs: number;
    photoSizesMs: number;
    buildMs: number;
    totalMs: number;
    peakRss: number;
    shardedMs?: number;
    shardedPeakRss?: number;
    /** The builds the sharded update made again. */
    shardedBuilds?: string[];
    /** The new photos' keys in the photo store. */
    photoKeys?: string[];
  };
  /** The same archive built as shards (one per year) plus the index build, and combined. */
  sharded?: { shards: string[]; by: string; jobs: number; ms: number; peakRss: number; warmMs?: number; warmMsPerArticle?: number };
}

interface BuildSummary {
  runs: number;
  ms: number;
  /** Astro's share (build without the photos and search steps) per article, ms. */
  msPerArticle: number;
  peakRss: number;
  searchMs: number | null;
  searchRss: number;
  phases: BuildPhases;
}

function summarize(runs: BuildRun[], articles: number): BuildSummary {
  const astroMs = runs.map((r) => r.ms - (r.phases.photosMs ?? 0) - (r.phases.searchMs ?? 0));
  return {
    runs: runs.length,
    ms: median(runs.map((r) => r.ms)),
    msPerArticle: median(astroMs) / articles,
    peakRss: Math.max(...runs.map((r) => r.peakRss)),
    searchMs: runs.every((r) => r.phases.searchMs !== null) ? median(runs.map((r) => r.phases.searchMs!)) : null,
    searchRss: Math.max(...runs.map((r) => r.searchRss)),
    phases: runs[runs.length - 1]!.phases,
  };
}

/**
 * One `astro build`. `fresh` empties the output folder first (not measured), as on a new
 * checkout; otherwise the build writes over the previous output, as a maintainer's next build does.
 */
async function astroBuild(contentDir: string, outDir: string, astroCache: string, photoStoreRoot: string, { fresh = false, env = {} }: { fresh?: boolean; env?: Record<string, string> } = {}): Promise<BuildRun> {
  if (fresh) rmSync(outDir, { recursive: true, force: true });
  const result: Measured = await runMeasured(process.execPath, [join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build', '--outDir', outDir], {
    cwd: ROOT,
    env: {
      ...process.env,
      ARCHIVE_CONTENT_DIR: contentDir,
      ARCHIVE_ASTRO_CACHE: astroCache,
      ARCHIVE_CACHE_DIR: photoStoreRoot,
      ASTRO_TELEMETRY_DISABLED: '1',
      ...env,
    },
    phases: { search: SEARCH_PHASE },
  });
  if (result.code !== 0) throw new Error(`astro build failed (exit ${result.code}):\n${result.output.slice(-4000)}`);
  return { ms: result.ms, peakRss: result.peakRss, searchRss: result.phaseRss.search ?? Number.NaN, phases: parseBuildLog(result.output) };
}

function log(line: string): void {
  process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}\n`);
}

async function benchSize(size: number, args: Args): Promise<SizeResult> {
  const runs = args.runs ?? (size <= 10_000 ? 3 : 1);
  const options = resolveOptions({ seed: args.seed, maxItems: size, years: Math.max(1, Math.ceil(size / 20_000)) });
  const dir = join(WORK, sizeLabel(size));
  const contentDir = join(dir, 'content');
  const store = join(dir, 'photo-store');
  const generated = await generate({ options, photos: args.photos, out: defaultOut(options, args.photos) }, log);
  log(`${sizeLabel(size)}: ${generated.counts.items} items in ${generated.counts.issues} issues, ${generated.counts.photoFiles} photo files (${generated.reused ? 'reused' : 'generated'})`);

  // import: articles/s without the photo work, photos/s for preparing them and making their sizes
  const importRuns = [];
  // once: with its photos an import takes minutes, and it writes the archive the builds read
  for (let run = 0; run < 1; run++) {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const stats = await importGenerated(generated, contentDir, log, (file) => encodePhotoSizes(file, join(store, 'photos')));
    importRuns.push(stats);
    log(`${sizeLabel(size)}: import ${stats.items} items, ${stats.photos} photos in ${fmt(stats.ms / 1000)} s (photos ${fmt(stats.photoMs / 1000)} s)`);
  }
  const articles = importRuns[0]!.items;
  const photos = importRuns[0]!.photos;
  const importSummary = {
    runs: importRuns.length,
    ms: median(importRuns.map((s) => s.ms)),
    itemsPerSecond: median(importRuns.map((s) => s.items / ((s.ms - s.photoMs) / 1000))),
    photosPerSecond: photos > 0 ? median(importRuns.map((s) => s.photos / (s.photoMs / 1000))) : null,
  };

  const build = async (kind: string, env: Record<string, string> = {}) => {
    const astroCache = join(dir, `astro-${kind}`);
    const cold: BuildRun[] = [];
    const warm: BuildRun[] = [];
    for (let run = 0; run < runs; run++) {
      rmSync(astroCache, { recursive: true, force: true });
      cold.push(await astroBuild(contentDir, join(dir, `dist-${kind}`), astroCache, store, { fresh: true, env }));
      log(`${sizeLabel(size)} ${kind}: cold build ${fmt(cold.at(-1)!.ms / 1000)} s, peak ${gib(cold.at(-1)!.peakRss)}`);
    }
    for (let run = 0; run < runs; run++) {
      warm.push(await astroBuild(contentDir, join(dir, `dist-${kind}`), astroCache, store, { env }));
      log(`${sizeLabel(size)} ${kind}: warm build ${fmt(warm.at(-1)!.ms / 1000)} s, peak ${gib(warm.at(-1)!.peakRss)}`);
    }
    return { cold: summarize(cold, articles), warm: summarize(warm, articles) };
  };

  const main = await build('loader');
  const result: SizeResult = {
    size,
    articles,
    issues: generated.counts.issues,
    photos,
    import: importSummary,
    ...main,
    dist: folderSize(join(dir, 'dist-loader')),
  };

  if (args.compareMdx) result.mdx = await build('mdx', { ARCHIVE_ARTICLE_RENDER: 'mdx' });
  if (args.compareIncremental) result.plain = await build('plain', { ARCHIVE_INCREMENTAL: '0' });

  if (args.photoBuilds && photos > 0) {
    // "re-encode on every build": the same build with an empty photo store
    const emptyStore = join(dir, 'photo-store-empty');
    rmSync(emptyStore, { recursive: true, force: true });
    const run = await astroBuild(contentDir, join(dir, 'dist-photos'), join(dir, 'astro-loader'), emptyStore, { fresh: true });
    rmSync(join(dir, 'dist-photos'), { recursive: true, force: true });
    result.photoBuild = { photos, msPerPhoto: (run.phases.photosMs ?? Number.NaN) / photos };
    log(`${sizeLabel(size)}: a build that encodes the sizes itself spends ${fmt(result.photoBuild.msPerPhoto)} ms per photo`);
  }

  const hugo = args.hugo ? hugoVersion() : null;
  if (hugo) {
    const site = join(dir, 'hugo-site');
    const pages = writeHugoSite(contentDir, site);
    const times: number[] = [];
    for (let run = 0; run < runs; run++) {
      const measured = await buildHugo(site, join(dir, 'hugo-out'));
      if (measured.code !== 0) throw new Error(`hugo failed:\n${measured.output.slice(-2000)}`);
      times.push(measured.ms);
    }
    result.hugo = { ms: median(times), msPerPage: median(times) / pages, pages, version: hugo };
    log(`${sizeLabel(size)}: hugo ${fmt(result.hugo.ms / 1000)} s for ${pages} pages`);
    rmSync(join(dir, 'hugo-out'), { recursive: true, force: true });
  }

  const shardWork = join(dir, 'shards');
  if (args.sharded) {
    rmSync(shardWork, { recursive: true, force: true });
    const run = await shardCommand(['all', '--by', args.shardBy, '--jobs', String(args.shardJobs)], contentDir, shardWork, dir, store);
    const shards = readdirSync(shardWork).filter((name) => existsSync(join(shardWork, name, 'shard.json'))).sort();
    // the warm incremental build: `update` after the build, nothing changed (median of runs)
    const warmRuns: Measured[] = [];
    for (let i = 0; i < Math.max(3, runs); i++) warmRuns.push(await shardCommand(['update', '--by', args.shardBy, '--jobs', String(args.shardJobs)], contentDir, shardWork, dir, store));
    const warmMs = median(warmRuns.map((r) => r.ms));
    result.sharded = { shards, by: args.shardBy, jobs: args.shardJobs, ms: run.ms, peakRss: run.peakRss, warmMs, warmMsPerArticle: warmMs / articles };
    log(`${sizeLabel(size)}: sharded build (${shards.join(', ')}) in ${fmt(run.ms / 1000)} s, peak ${gib(run.peakRss)}; warm update with nothing changed ${fmt(warmMs / 1000)} s`);
  }

  if (args.newIssue) {
    const added = await newIssue(options, contentDir, dir, store);
    result.newIssue = added;
    if (args.sharded && added) {
      try {
        // as a maintainer runs it: import, then update, whose month build makes the new photos'
        // sizes (on the core the index build leaves free); so they are taken out of the store
        for (const key of added.photoKeys ?? []) rmSync(join(store, 'photos', key), { recursive: true, force: true });
        // no --dates: the update finds the new issue by itself
        const run = await shardCommand(['update', '--by', args.shardBy, '--jobs', String(args.shardJobs)], contentDir, shardWork, dir, store);
        const rebuilt = /rebuilding (.*)/.exec(run.output)?.[1];
        added.shardedMs = run.ms;
        added.shardedPeakRss = run.peakRss;
        added.shardedBuilds = rebuilt?.split(', ') ?? [];
        log(`${sizeLabel(size)}: sharded update for the new issue (${rebuilt ?? 'nothing'}) in ${fmt(run.ms / 1000)} s`);
      } catch (error) {
        log(`${sizeLabel(size)}: sharded update failed: ${(error as Error).message.slice(0, 2000)}`);
      }
    }
  }
  return result;
}

/** `npm run shard -- <args>` on the bench archive, measured as one process tree. */
async function shardCommand(args: string[], contentDir: string, work: string, dir: string, store: string): Promise<Measured> {
  const run = await runMeasured(process.execPath, [join(ROOT, 'scripts/shard.ts'), ...args, '--content', contentDir, '--work', work, '--out', join(dir, 'dist-sharded')], {
    cwd: ROOT,
    env: { ...process.env, ARCHIVE_CACHE_DIR: store },
  });
  if (run.code !== 0) throw new Error(`npm run shard -- ${args.join(' ')} failed:\n${run.output.slice(-4000)}`);
  return run;
}

/** Import the next day's issue with the real CLI, make its photo sizes, and rebuild warm. */
async function newIssue(options: SyntheticOptions, contentDir: string, dir: string, store: string): Promise<SizeResult['newIssue']> {
  const dates = readdirSync(join(contentDir, 'zunyi-daily')).filter((d) => /^\d{4}-\d{2}-\d{2}$/.test(d)).sort();
  const all = issueDates({ ...options, years: options.years + 1 });
  const next = all[all.indexOf(dates.at(-1)!) + 1]!;
  const issue = syntheticIssue(options, 'zunyi-daily', next);
  const folder = join(dir, 'new-issue');
  rmSync(folder, { recursive: true, force: true });
  for (const file of issueFolderFiles(issue)) {
    const path = join(folder, file.path);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, file.photo ? await syntheticJpeg(file.photo) : file.text!);
  }
  const imported = await runMeasured(process.execPath, [join(ROOT, 'scripts/import.ts'), folder, '--content', contentDir], { cwd: ROOT });
  if (imported.code !== 0) throw new Error(`import of the new issue failed:\n${imported.output.slice(-3000)}`);
  const started = performance.now();
  const photoFiles = readdirSync(join(contentDir, 'zunyi-daily', next), { recursive: true, encoding: 'utf8' }).filter((f) => /-\d+\.jpg$/.test(f));
  // two at a time, as the import does
  const queue = [...photoFiles];
  const photoKeys: string[] = [];
  await Promise.all(
    [0, 1].map(async () => {
      for (let file = queue.shift(); file !== undefined; file = queue.shift()) photoKeys.push((await encodePhotoSizes(join(contentDir, 'zunyi-daily', next, file), join(store, 'photos'))).key);
    }),
  );
  const photoSizesMs = performance.now() - started;
  const rebuilt = await astroBuild(contentDir, join(dir, 'dist-loader'), join(dir, 'astro-loader'), store);
  const articles = issue.pages.reduce((n, p) => n + p.items.length, 0);
  log(`new issue ${next}: ${articles} items, ${photoFiles.length} photos; import ${fmt(imported.ms / 1000)} s, photo sizes ${fmt(photoSizesMs / 1000)} s, rebuild ${fmt(rebuilt.ms / 1000)} s`);
  return {
    date: next,
    articles,
    photos: photoFiles.length,
    importMs: imported.ms,
    photoSizesMs,
    buildMs: rebuilt.ms,
    totalMs: imported.ms + photoSizesMs + rebuilt.ms,
    peakRss: rebuilt.peakRss,
    photoKeys,
  };
}

/** A column of a bench table: its heading and what a size's result shows in it. */
interface Cell extends Column {
  cell: (r: SizeResult) => string;
}

/** A titled table, one row per size; empty when no size has what it shows. */
function section(title: string, results: SizeResult[], cells: Cell[]): string {
  if (results.length === 0) return '';
  const articles: Cell = { title: 'articles', cell: (r) => `${sizeLabel(r.size)} (${r.articles})` };
  const columns = [articles, ...cells];
  return `\n\n${title}\n${formatTable(columns, results.map((r) => columns.map((c) => c.cell(r))))}`;
}

export function tables(results: SizeResult[]): string {
  const s = (ms: number | null | undefined) => (ms === null || ms === undefined ? '–' : fmt(ms / 1000));
  const n = (title: string, cell: Cell['cell']): Cell => ({ title, numeric: true, cell });
  const text = [
    section("Build (median of runs; ms/art = Astro's time per article page, without the photo and search steps)", results, [
      n('cold s', (r) => s(r.cold.ms)),
      n('cold ms/art', (r) => fmt(r.cold.msPerArticle, 2)),
      n('warm s', (r) => s(r.warm.ms)),
      n('warm ms/art', (r) => fmt(r.warm.msPerArticle, 2)),
      n('peak RSS', (r) => gib(Math.max(r.cold.peakRss, r.warm.peakRss))),
      n('search s', (r) => s(r.cold.searchMs)),
      n('search RSS', (r) => gib(r.cold.searchRss)),
      n('dist', (r) => gib(r.dist.bytes)),
      n('Hugo ms/art', (r) => (r.hugo ? fmt(r.hugo.msPerPage, 2) : '–')),
      n('warm ÷ Hugo', (r) => (r.hugo ? `${fmt(r.warm.msPerArticle / r.hugo.msPerPage, 1)}×` : '–')),
    ]),
    section('Import and update (whole: import, photo sizes, whole rebuild; sharded: import, then `update`, whose builds make the photo sizes)', results, [
      n('import art/s', (r) => fmt(r.import.itemsPerSecond)),
      n('photos', (r) => String(r.photos)),
      n('import photos/s', (r) => fmt(r.import.photosPerSecond, 2)),
      n('new issue: import s', (r) => s(r.newIssue?.importMs)),
      n('photo sizes s', (r) => s(r.newIssue?.photoSizesMs)),
      n('rebuild s', (r) => s(r.newIssue?.buildMs)),
      n('total s', (r) => s(r.newIssue?.totalMs)),
      n('sharded update s', (r) => s(r.newIssue?.shardedMs)),
      // the sharded update makes the photo sizes itself
      n('sharded total s', (r) => (r.newIssue?.shardedMs !== undefined ? s(r.newIssue.importMs + r.newIssue.shardedMs) : '–')),
    ]),
    section('Sharded build (shards plus the index build, combined; warm = `update` with nothing changed)', results.filter((r) => r.sharded), [
      { title: 'builds', cell: (r) => String(r.sharded!.shards.length) },
      n('parallel', (r) => String(r.sharded!.jobs)),
      n('cold s', (r) => s(r.sharded!.ms)),
      n('peak RSS', (r) => gib(r.sharded!.peakRss)),
      n('warm s', (r) => s(r.sharded!.warmMs)),
      n('warm ms/art', (r) => (r.sharded!.warmMsPerArticle === undefined ? '–' : fmt(r.sharded!.warmMsPerArticle, 2))),
      { title: 'new issue rebuilt', cell: (r) => r.newIssue?.shardedBuilds?.join(', ') ?? '–' },
    ]),
    section('Rendering: mdxArticles loader vs @astrojs/mdx compiling every file (identical HTML)', results.filter((r) => r.mdx), [
      n('loader cold s', (r) => s(r.cold.ms)),
      n('loader warm s', (r) => s(r.warm.ms)),
      n('loader RSS', (r) => gib(r.cold.peakRss)),
      n('mdx cold s', (r) => s(r.mdx!.cold.ms)),
      n('mdx warm s', (r) => s(r.mdx!.warm.ms)),
      n('mdx RSS', (r) => gib(r.mdx!.cold.peakRss)),
      n('mdx vite s', (r) => s(r.mdx!.cold.phases.viteMs)),
    ]),
    section('Incremental builds: on (unchanged pages kept) vs off (ARCHIVE_INCREMENTAL=0; identical output)', results.filter((r) => r.plain), [
      n('on: cold s', (r) => s(r.cold.ms)),
      n('warm s', (r) => s(r.warm.ms)),
      n('warm ms/art', (r) => fmt(r.warm.msPerArticle, 2)),
      n('off: cold s', (r) => s(r.plain!.cold.ms)),
      n('warm s', (r) => s(r.plain!.warm.ms)),
      n('warm ms/art', (r) => fmt(r.plain!.warm.msPerArticle, 2)),
    ]),
    section('Photos: sizes made at import vs by the build', results.filter((r) => r.photoBuild), [
      n('photos', (r) => String(r.photos)),
      n('at import, ms/photo', (r) => (r.import.photosPerSecond ? fmt(1000 / r.import.photosPerSecond) : '–')),
      n('build with sizes ready, ms/photo', (r) => fmt((r.cold.phases.photosMs ?? Number.NaN) / r.photos)),
      n('build encoding them, ms/photo', (r) => fmt(r.photoBuild!.msPerPhoto)),
    ]),
  ].join('');
  // the first section opens the text without blank lines
  return text.replace(/^\n\n/, '');
}

interface Args {
  sizes: number[];
  runs: number | undefined;
  photos: number;
  seed: number;
  compareMdx: boolean;
  compareIncremental: boolean;
  photoBuilds: boolean;
  hugo: boolean;
  newIssue: boolean;
  sharded: boolean;
  shardBy: string;
  shardJobs: number;
  json: string | undefined;
}

async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      sizes: { type: 'string', default: '1k,10k,50k' },
      runs: { type: 'string' },
      photos: { type: 'string', default: '40' },
      seed: { type: 'string', default: '1' },
      'compare-mdx': { type: 'boolean', default: false },
      'compare-incremental': { type: 'boolean', default: false },
      'photo-builds': { type: 'boolean', default: false },
      'no-hugo': { type: 'boolean', default: false },
      'no-new-issue': { type: 'boolean', default: false },
      sharded: { type: 'boolean', default: false },
      'shard-jobs': { type: 'string', default: '2' },
      'shard-by': { type: 'string', default: 'year-month' },
      json: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const args: Args = {
    sizes: parseSizes(values.sizes),
    runs: values.runs !== undefined ? Number(values.runs) : undefined,
    photos: Number(values.photos),
    seed: Number(values.seed),
    compareMdx: values['compare-mdx'],
    compareIncremental: values['compare-incremental'],
    photoBuilds: values['photo-builds'],
    hugo: !values['no-hugo'],
    newIssue: !values['no-new-issue'],
    sharded: values.sharded,
    shardJobs: Number(values['shard-jobs']),
    shardBy: values['shard-by'],
    json: values.json,
  };
  const hugo = hugoVersion();
  if (args.hugo && !hugo) log('hugo is not installed: the Hugo columns stay empty (Debian: apt-get install hugo). The site never needs it.');
  const commit = currentCommit(ROOT);
  const meta = {
    date: new Date().toISOString(),
    commit,
    node: process.version,
    cpus: cpus().length,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    loadAverageAtStart: loadavg().map((n) => Number(n.toFixed(2))),
    loadAverageAtEnd: [] as number[],
    hugo: args.hugo ? hugo : null,
    photoFilesPerArchive: args.photos,
    note: 'A shared machine: other processes ran during the measurements (see the load averages); figures are medians where several runs were made.',
  };
  log(`commit ${commit}, node ${process.version}, ${meta.cpus} cores, load ${meta.loadAverageAtStart.join(' ')}`);
  const results: SizeResult[] = [];
  const jsonPath = resolve(args.json ?? join(ROOT, 'bench-results', `${meta.date.replace(/[:.]/g, '-')}-${commit}.json`));
  mkdirSync(dirname(jsonPath), { recursive: true });
  for (const size of args.sizes) {
    results.push(await benchSize(size, args));
    // after each size, so that a long run that fails later keeps what it measured
    writeFileSync(jsonPath, `${JSON.stringify({ meta, results, table: tables(results) }, null, 2)}\n`);
  }
  meta.loadAverageAtEnd = loadavg().map((n) => Number(n.toFixed(2)));

  const text = tables(results);
  process.stdout.write(`\n${text}\n\n${meta.note} Load average ${meta.loadAverageAtStart.join(' ')} at the start, ${meta.loadAverageAtEnd.join(' ')} at the end; ${meta.cpus} cores, ${meta.memoryGiB} GiB; ${hugo ?? 'no Hugo'}.\n`);
  writeFileSync(jsonPath, `${JSON.stringify({ meta, results, table: text }, null, 2)}\n`);
  if (args.json === undefined) cpSync(jsonPath, join(ROOT, 'bench-results', 'latest.json'));
  process.stdout.write(`Results: ${jsonPath}\n`);
  return 0;
}

// run as a command, not when a test imports the tables
if (import.meta.main) {
  if (existsSync(join(ROOT, 'node_modules', 'astro'))) runCommand(main, { stack: true });
  else {
    process.stderr.write('Run `npm install` first.\n');
    process.exitCode = 1;
  }
}
