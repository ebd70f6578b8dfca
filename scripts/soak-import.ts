#!/usr/bin/env node
/**
 * The importer's soak: real `npm run import` processes killed with SIGKILL at random moments,
 * and concurrent pairs of imports into one folder (scripts/io/import-trials.ts).
 *
 *   npm run soak:import -- --kills 1000 --pairs 200
 *
 * Kills: a large synthetic issue (120 pages) imported into an empty archive, re-imported as a
 * second version, and re-imported with --force over 50 hand edits; each killed at a random
 * moment, then the next run (`--recover`, or the same import again) and the folder compared
 * byte for byte with the folder before and after. Pairs: two imports of one issue started at
 * once (its two halves, or two versions of it). Prints a table of counts and times; exit 1
 * when any folder was mixed, any hand edit or page lost, or any staging left.
 */
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { writeFileSync } from 'node:fs';
import { killTrial, pairTrial, prepareTrials, type KillKind, type KillPhase, type KillResult, type PairKind, type PairResult } from './io/import-trials.ts';
import { fmt, formatTable, median } from './lib/bench-stats.ts';
import { runCommand } from '../src/io/cli.ts';
import { createRng, hashSeed } from '../src/lib/random.ts';

const ROOT = resolve(import.meta.dirname, '..');

const USAGE = `Usage: npm run soak:import -- [options]

  --kills <n>           SIGKILLs to deliver (default 1000)
  --pairs <n>           concurrent import pairs (default 200)
  --jobs <n>            trials at once, each in its own folder (default 2)
  --pages <n>           pages of the large issue (default 120)
  --items-per-page <n>  items per page, about (default 4)
  --photos <n>          photos with an image (default 20)
  --edits <n>           hand edits before the --force re-imports (default 50)
  --seed <n>            same seed, same issues and kill moments (default 1)
  --work <dir>          scratch folder (default .cache/soak-import)
  -h, --help            this text`;

async function pool<T>(count: number, jobs: number, run: (index: number, job: string) => Promise<T>, stop: () => boolean = () => false): Promise<T[]> {
  const results: T[] = [];
  let next = 0;
  const worker = async (job: string) => {
    while (next < count && !stop()) results.push(await run(next++, job));
  };
  await Promise.all(Array.from({ length: jobs }, (_, i) => worker(`job-${i}`)));
  return results;
}

const seconds = (ms: number[]) => (ms.length ? fmt(median(ms)! / 1000, 1) : '–');

async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      kills: { type: 'string', default: '1000' },
      pairs: { type: 'string', default: '200' },
      jobs: { type: 'string', default: '2' },
      pages: { type: 'string', default: '120' },
      'items-per-page': { type: 'string', default: '4' },
      photos: { type: 'string', default: '20' },
      edits: { type: 'string', default: '50' },
      seed: { type: 'string', default: '1' },
      work: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const number = (name: keyof typeof values) => {
    const value = Number(values[name]);
    if (!Number.isInteger(value) || value < 0) throw new Error(`--${name} ${values[name]}: give a whole number`);
    return value;
  };
  const kills = number('kills');
  const pairs = number('pairs');
  const jobs = Math.max(1, number('jobs'));
  const seed = number('seed');
  const work = resolve(values.work ?? join(ROOT, '.cache', 'soak-import'));
  const log = (line: string) => process.stderr.write(`${line}\n`);
  const started = performance.now();
  const load = loadavg()[0]!;

  const setup = await prepareTrials(work, { pages: number('pages'), itemsPerPage: number('items-per-page'), photos: number('photos'), edits: number('edits'), pairPages: 16, seed }, log, { kills: kills > 0, pairs: pairs > 0 });
  const files = Object.keys(setup.after.reimport).filter((key) => !key.endsWith('/')).length;
  // (the complete runs are timed only when there are kills to aim: a pairs-only soak skips them)
  const timed = (['import', 'reimport', 'force'] as const).filter((kind) => setup.timing[kind] !== undefined);
  log(
    `setup done in ${fmt((performance.now() - started) / 1000, 0)} s: ${files} files after a re-import, ${setup.edits.length} hand edits` +
      (timed.length > 0
        ? `; complete runs (whole / commit / swaps and cleanup, s): ` +
          timed.map((kind) => `${kind} ${[setup.timing[kind]!.total, setup.timing[kind]!.commit, setup.timing[kind]!.swap].map((ms) => fmt(ms / 1000, 2)).join(' / ')}`).join(', ')
        : ''),
  );

  // kills: the three kinds in turn, until `kills` processes were killed while running
  const kinds: KillKind[] = ['import', 'reimport', 'force'];
  const killStarted = performance.now();
  let killed = 0;
  const failures: string[] = [];
  const killResults = await pool(
    kills * 2,
    jobs,
    async (index, job) => {
      const result = await killTrial(setup, kinds[index % 3]!, job, createRng(hashSeed(seed, 'kill', index)));
      if (result.killed) killed++;
      const bad = result.state === 'mixed' || result.lostEdits.length > 0 || result.leftovers.length > 0 || result.nextCode !== 0;
      if (bad) {
        const why = `trial ${index} (${result.kind}, killed in ${result.phase}, then ${result.next}): ${result.state}${result.difference.length ? ` [${result.difference.join(', ')}]` : ''}, lost edits ${result.lostEdits.length}, leftovers ${result.leftovers.join(' ') || 0}, next run exit ${result.nextCode}`;
        failures.push(why);
        log(`FAIL ${why}`);
      }
      if ((index + 1) % 50 === 0) log(`kills: ${killed}/${kills} delivered in ${index + 1} trials, ${failures.length} failures (${fmt((performance.now() - killStarted) / 1000, 0)} s)`);
      return result;
    },
    () => killed >= kills,
  );
  const killSeconds = (performance.now() - killStarted) / 1000;

  const pairStarted = performance.now();
  const pairKinds: PairKind[] = ['pages', 'versions'];
  const pairResults = await pool(pairs, jobs, async (index, job) => {
    const result = await pairTrial(setup, pairKinds[index % 2]!, job);
    const bad = result.order === 'mixed' || result.lostPages.length > 0 || result.codes.some((code) => code !== 0);
    if (bad) {
      const why = `pair ${index} (${result.kind}): ${result.order}, lost pages ${result.lostPages.join(',') || 0}, exit ${result.codes.join('/')}`;
      failures.push(why);
      log(`FAIL ${why}`);
    }
    if ((index + 1) % 50 === 0) log(`pairs: ${index + 1}/${pairs}, ${failures.length} failures so far (${fmt((performance.now() - pairStarted) / 1000, 0)} s)`);
    return result;
  });
  const pairSeconds = (performance.now() - pairStarted) / 1000;

  process.stdout.write(report(killResults, pairResults, { kills, pairs, jobs, seed, load, killSeconds, pairSeconds, total: (performance.now() - started) / 1000, files, edits: setup.edits.length, pages: setup.size.pages }));
  writeFileSync(join(work, 'soak-result.json'), `${JSON.stringify({ seed, jobs, load, killSeconds, pairSeconds, kills: killResults, pairs: pairResults, failures }, null, 1)}\n`);
  if (failures.length > 0) {
    log(`${failures.length} failures; details in ${join(work, 'soak-result.json')}`);
    return 1;
  }
  return 0;
}

function report(kills: KillResult[], pairs: PairResult[], run: { kills: number; pairs: number; jobs: number; seed: number; load: number; killSeconds: number; pairSeconds: number; total: number; files: number; edits: number; pages: number }): string {
  const killRows = (['import', 'reimport', 'force', null] as Array<KillKind | null>).map((kind) => {
    const rows = kills.filter((r) => kind === null || r.kind === kind);
    const label = kind === null ? 'all' : kind === 'import' ? 'import into an empty archive' : kind === 'reimport' ? 're-import of a new version' : `--force over ${run.edits} hand edits`;
    return [
      label,
      String(rows.length),
      String(rows.filter((r) => r.killed).length),
      String(rows.filter((r) => r.state === 'old').length),
      String(rows.filter((r) => r.state === 'new').length),
      String(rows.filter((r) => r.state === 'mixed').length),
      kind === 'force' || kind === null ? String(rows.reduce((n, r) => n + r.lostEdits.length, 0)) : '–',
      String(rows.filter((r) => r.leftovers.length > 0).length),
      String(rows.filter((r) => r.nextCode !== 0).length),
      seconds(rows.map((r) => r.ms)),
    ];
  });
  const phases: KillPhase[] = ['before commit', 'prepare', 'ready', 'undo', 'done', 'after commit', 'finished'];
  const phaseRows = phases
    .map((phase) => {
      const rows = kills.filter((r) => r.phase === phase);
      return [phase, String(rows.length), String(rows.filter((r) => r.next === 'recover' && r.state === 'old').length), String(rows.filter((r) => r.next === 'recover' && r.state === 'new').length), String(rows.filter((r) => r.next === 'import').length)];
    })
    .filter((row) => row[1] !== '0');
  const pairRows = (['pages', 'versions', null] as Array<PairKind | null>).map((kind) => {
    const rows = pairs.filter((r) => kind === null || r.kind === kind);
    const label = kind === null ? 'all' : kind === 'pages' ? 'two halves of one issue' : 'two versions of one issue';
    return [
      label,
      String(rows.length),
      String(rows.filter((r) => r.codes.every((code) => code === 0)).length),
      String(rows.reduce((n, r) => n + r.lostPages.length, 0)),
      String(rows.filter((r) => r.order === 'mixed').length),
      String(rows.filter((r) => r.waited).length),
      seconds(rows.map((r) => r.ms)),
    ];
  });
  return [
    `Import soak: seed ${run.seed}, ${run.jobs} at once, ${cpus().length} cores, load ${fmt(run.load, 1)} at the start; ${run.pages}-page issue (${run.files} files after a re-import)`,
    '',
    `SIGKILLs at random moments (${fmt(run.killSeconds / 60, 1)} min): a quarter anywhere in the run, a third in the commit, the rest in the swaps;`,
    'each followed by the next run (--recover, or one in five the same import again):',
    formatTable(
      [{ title: 'trials' }, { title: 'runs', numeric: true }, { title: 'killed', numeric: true }, { title: '-> old', numeric: true }, { title: '-> new', numeric: true }, { title: 'mixed', numeric: true }, { title: 'lost edits', numeric: true }, { title: 'staging left', numeric: true }, { title: 'next run failed', numeric: true }, { title: 'median s', numeric: true }],
      killRows,
    ),
    '',
    'Where the kill struck (the journal state it left), and what the recovery made of it:',
    formatTable([{ title: 'killed in' }, { title: 'runs', numeric: true }, { title: 'recovered to old', numeric: true }, { title: 'recovered to new', numeric: true }, { title: 'next was the import', numeric: true }], phaseRows),
    '',
    `Concurrent imports into one folder (${fmt(run.pairSeconds / 60, 1)} min):`,
    formatTable([{ title: 'pairs' }, { title: 'runs', numeric: true }, { title: 'both exit 0', numeric: true }, { title: 'lost pages', numeric: true }, { title: 'mixed', numeric: true }, { title: 'one waited', numeric: true }, { title: 'median s', numeric: true }], pairRows),
    '',
    `Total ${fmt(run.total / 60, 1)} min.`,
    '',
  ].join('\n');
}

if (import.meta.main) runCommand(main, { stack: true });
