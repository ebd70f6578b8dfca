#!/usr/bin/env node
/**
 * Build an archive in shards and combine them into one site (README, "Scaling past one machine").
 *
 *   npm run shard -- plan [--by year|paper-year|year-month]   the shards of the archive
 *   npm run shard -- build <shard>                        one build: `*\/2023`, `zunyi-daily/2023`, or `index`
 *   npm run shard -- combine --out <dir>                  combine the builds in the work folder
 *   npm run shard -- all --out <dir> [--by year] [--jobs 2]   plan, build every shard and the index, combine
 *   npm run shard -- update --out <dir> [--dates <paper>/<date>,...]
 *                                                         rebuild what changed since the last build, combine
 *
 * Common options: --content <dir> (default ARCHIVE_CONTENT_DIR or content/), --work <dir> (one
 * folder per build, with its output and its Astro cache; default .cache/shards). Any CI runner
 * can run one `build` given the content folder; `combine` only needs the build outputs.
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { publicationWeekdays } from '../src/lib/calendar.ts';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { listIssues } from '../src/io/list-issues.ts';
import { ownsIssue, parseShard, planShards, shardName, type IssueKey, type Shard, type ShardPlan } from '../src/lib/shard-plan.ts';
import { readBuildInputs } from '../src/io/build-inputs.ts';
import { describeChanges, diffInputs, type BuildInputs } from '../src/lib/build-inputs.ts';
import { combineShards, type CombineState, type ShardBuild } from './shard-combine.ts';
import { writeFileAtomic } from '../src/io/write-atomic.ts';
import { runCommand } from '../src/io/cli.ts';

const ROOT = resolve(import.meta.dirname, '..');

const USAGE = `Usage:
  npm run shard -- plan [--by year|paper-year|year-month]
  npm run shard -- build <shard>          e.g. '*/2023', zunyi-daily/2023, index
  npm run shard -- combine --out <dir>
  npm run shard -- all --out <dir> [--by year|paper-year|year-month] [--jobs <n>]
  npm run shard -- update --out <dir> [--by …] [--jobs <n>] [--dates <paper>/<YYYY-MM-DD>,...]
                                          rebuild only the builds whose inputs changed since the
                                          last all/update (issues added, edited or removed, paper
                                          descriptions; any code change rebuilds everything)

Options: --content <dir> (default ARCHIVE_CONTENT_DIR or content/), --work <dir> (default .cache/shards)`;

export interface Context {
  content: string;
  work: string;
}

/** The folder of one build in the work folder: `<work>/<name>/{dist,astro}`. */
function buildDir(ctx: Context, shard: Shard): string {
  return join(ctx.work, shardName(shard));
}

/** Run `astro build` for one shard; resolves with its log, rejects with it when the build fails. */
export function buildShard(ctx: Context, value: string, log: (line: string) => void = () => {}): Promise<{ ms: number; output: string }> {
  const shard = parseShard(value)!;
  const dir = buildDir(ctx, shard);
  const started = performance.now();
  // Astro writes its server bundle under the working directory when outDir lies outside it
  // (`.astro/.prerender`), where two builds at once would overwrite each other's chunks, and the
  // bundle must stay inside the project to find node_modules. So every build writes into its own
  // staging folder inside the project, and its output replaces the shard's only when it succeeds.
  const staging = join(ROOT, '.cache', 'shard-staging', `${shardName(shard)}-${process.pid}`);
  rmSync(staging, { recursive: true, force: true });
  const child = spawn(process.execPath, [join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build', '--outDir', staging], {
    cwd: ROOT,
    env: {
      ...process.env,
      ARCHIVE_CONTENT_DIR: ctx.content,
      ARCHIVE_SHARD: value,
      ARCHIVE_ASTRO_CACHE: join(dir, 'astro'),
      ASTRO_TELEMETRY_DISABLED: '1',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((done, fail) =>
    child.on('close', (code) => {
      const ms = performance.now() - started;
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, 'build.log'), output);
      if (code !== 0) {
        rmSync(staging, { recursive: true, force: true });
        return fail(new Error(`build of shard ${value} failed (exit ${code}); its previous output is kept; the whole log is ${join(dir, 'build.log')}:\n${output.slice(-4000)}`));
      }
      replaceDir(staging, join(dir, 'dist'));
      writeFileSync(join(dir, 'shard.json'), JSON.stringify({ value, builtAt: new Date().toISOString(), ms: Math.round(ms) }));
      log(`built ${value} in ${(ms / 1000).toFixed(1)} s`);
      done({ ms, output });
    }),
  );
}

/** Put a finished build in place of the previous one: a rename, or a copy across file systems. */
function replaceDir(from: string, to: string): void {
  mkdirSync(join(to, '..'), { recursive: true });
  const old = `${to}.old-${process.pid}`;
  if (existsSync(to)) renameSync(to, old);
  try {
    renameSync(from, to);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
    cpSync(from, to, { recursive: true });
    rmSync(from, { recursive: true, force: true });
  }
  rmSync(old, { recursive: true, force: true });
}

/** Build several shards, `jobs` at a time. */
export async function buildShards(ctx: Context, values: string[], jobs: number, log: (line: string) => void = () => {}): Promise<void> {
  const queue = [...values];
  const worker = async () => {
    for (let value = queue.shift(); value !== undefined; value = queue.shift()) await buildShard(ctx, value, log);
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(jobs, values.length)) }, worker));
}

/**
 * Combine every build found in the work folder. Given the builds made since the last combine
 * into the same folder, only their files are replaced (the state is kept in the work folder).
 */
export function combine(ctx: Context, out: string, changed?: string[]) {
  const builds: ShardBuild[] = [];
  for (const name of existsSync(ctx.work) ? readdirSync(ctx.work) : []) {
    const meta = join(ctx.work, name, 'shard.json');
    if (!existsSync(meta)) continue;
    const { value } = JSON.parse(readFileSync(meta, 'utf8')) as { value: string };
    builds.push({ name, dir: join(ctx.work, name, 'dist'), shard: parseShard(value)! });
  }
  const index = builds.find((b) => b.shard.kind === 'index');
  if (!index) throw new Error(`no index build in ${ctx.work}: run \`npm run shard -- build index\``);
  const shards = builds
    .filter((b) => b.shard.kind === 'articles')
    .sort((a, b) => firstPeriod(a.shard).localeCompare(firstPeriod(b.shard)) || a.name.localeCompare(b.name));
  const statePath = join(ctx.work, 'combine-state.json');
  const previous = changed && existsSync(statePath) ? (JSON.parse(readFileSync(statePath, 'utf8')) as CombineState) : undefined;
  const result = combineShards(index, shards, out, previous ? { previous, changed: new Set(changed) } : undefined);
  writeFileSync(statePath, JSON.stringify(result.state));
  return result;
}

/** Plan, build every shard and the index, combine; record the inputs for the next `update`. */
export async function buildAll(ctx: Context, out: string, by: ShardPlan, jobs: number, log: (line: string) => void = () => {}) {
  const issues = listIssues(ctx.content);
  const shards = [...planShards(issues, by), 'index'];
  log(`${shards.length} builds: ${shards.join(', ')}`);
  const inputs = readBuildInputs(ROOT, ctx.content);
  await buildShards(ctx, shards, jobs, log);
  const combined = combine(ctx, out);
  recordFacts(ctx, paperFacts(ctx.content, issues));
  recordInputs(ctx, inputs);
  return combined;
}

/**
 * Rebuild what changed since the last `all` or `update` into the same work folder (issues added,
 * edited or removed, paper descriptions, `explicit` issues; a code change rebuilds everything),
 * and combine. Returns the builds made again; `combined` is undefined when `out` was up to date.
 */
export async function update(
  ctx: Context,
  out: string,
  by: ShardPlan,
  jobs: number,
  explicit: IssueKey[] = [],
  log: (line: string) => void = () => {},
): Promise<{ rebuilt: string[]; combined?: ReturnType<typeof combine> }> {
  const built = builtValues(ctx);
  if (!built.includes('index')) throw new Error(`no earlier build in ${ctx.work}: run \`npm run shard -- all --out ${out}\` first`);
  const started = performance.now();
  const inputs = readBuildInputs(ROOT, ctx.content);
  const changes = diffInputs(readRecordedInputs(ctx), inputs);
  changes.issues.push(...explicit.filter((e) => !changes.issues.some((c) => c.paper === e.paper && c.date === e.date)));
  log(`${describeChanges(changes)} (inputs read in ${((performance.now() - started) / 1000).toFixed(1)} s)`);
  const issues = listIssues(ctx.content);
  const facts = paperFacts(ctx.content, issues);
  const articleShards = built.filter((v) => v !== 'index');
  let shards: string[];
  if (changes.everything) shards = shardsForUpdate(issues, issues, articleShards, by);
  else if (changes.issues.length === 0 && changes.papers.length === 0) shards = [];
  else {
    const factsChanged = new Set([...changedFacts(ctx, facts), ...changes.papers]);
    if (factsChanged.size > 0) log(`every page of ${[...factsChanged].join(', ')} changes (paper description, fullest issue, weekdays or first issue): all their shards are rebuilt`);
    shards = shardsForUpdate(issues, changes.issues, articleShards, by, factsChanged);
  }
  const statePath = join(ctx.work, 'combine-state.json');
  const previous = existsSync(statePath) ? (JSON.parse(readFileSync(statePath, 'utf8')) as CombineState) : undefined;
  if (shards.length === 0 && previous?.outDir === out && existsSync(out)) {
    log(`${out} is up to date`);
    return { rebuilt: [] };
  }
  if (shards.length > 0) {
    log(`rebuilding ${shards.join(', ')}`);
    await buildShards(ctx, shards, jobs, log);
  }
  const combined = combine(ctx, out, shards.map((value) => shardName(parseShard(value)!)));
  recordFacts(ctx, facts);
  recordInputs(ctx, inputs);
  return { rebuilt: shards, combined };
}

function firstPeriod(shard: Shard): string {
  return shard.kind === 'articles' ? shard.selectors.map((s) => s.period).sort()[0]! : '';
}

/**
 * What every calendar of a paper is drawn against (src/lib/calendar.ts, `paperCalendar`): its
 * fullest issue (heat levels), its publication weekdays and its first issue (gaps). When one of
 * them changes, every issue page of the paper changes.
 */
export interface PaperFacts {
  fullest: number;
  weekdays: number[];
  first: string;
}

export function paperFacts(content: string, issues: IssueKey[]): Record<string, PaperFacts> {
  const facts: Record<string, PaperFacts> = {};
  const byPaper = new Map<string, IssueKey[]>();
  for (const issue of issues) byPaper.set(issue.paper, [...(byPaper.get(issue.paper) ?? []), issue]);
  for (const [paper, list] of byPaper) {
    let fullest = 1;
    for (const { date } of list) {
      const dir = join(content, paper, date);
      // the pages the site lists: those of issue.yml and those that hold articles (src/lib/archive.ts)
      const listed = ((parseYaml(readFileSync(join(dir, 'issue.yml'), 'utf8')) as { pages?: Array<{ number: number }> }).pages ?? []).map((p) => p.number);
      const held = readdirSync(dir).filter((name) => /^\d{2,3}$/.test(name)).map(Number);
      fullest = Math.max(fullest, new Set([...listed, ...held]).size);
    }
    const dates = list.map((issue) => issue.date).sort();
    facts[paper] = { fullest, weekdays: [...publicationWeekdays(dates)].sort(), first: dates[0]! };
  }
  return facts;
}

/**
 * The builds that new or changed issues touch: the shards that own them, the shards that own
 * their neighbouring issues (previous/next links) and the days between them (gaps in the month
 * calendars), every shard of a paper whose calendar facts changed, and the index.
 */
export function shardsForUpdate(
  issues: IssueKey[],
  changed: IssueKey[],
  built: string[],
  by: ShardPlan = 'year-month',
  factsChanged: Set<string> = new Set(),
): string[] {
  const values = new Set<string>(['index']);
  // each paper's dates, sorted once (a code change passes every issue as changed)
  const byPaper = new Map<string, string[]>();
  for (const issue of issues) {
    const list = byPaper.get(issue.paper);
    if (list) list.push(issue.date);
    else byPaper.set(issue.paper, [issue.date]);
  }
  for (const list of byPaper.values()) list.sort();
  const touched: IssueKey[] = [];
  for (const issue of changed) {
    // the neighbours of the date among the paper's issues; a removed issue is placed among the
    // remaining ones, whose links to each other change too
    const dates = byPaper.get(issue.paper) ?? [];
    const after = sortedIndex(dates, issue.date);
    const present = dates[after] === issue.date;
    touched.push(issue);
    const neighbours = [dates[after - 1], dates[present ? after + 1 : after]];
    for (const neighbour of neighbours) {
      if (neighbour === undefined) continue;
      touched.push({ paper: issue.paper, date: neighbour });
      for (const day of daysBetween(neighbour, issue.date)) touched.push({ paper: issue.paper, date: day });
    }
  }
  for (const paper of factsChanged) for (const date of byPaper.get(paper) ?? []) touched.push({ paper, date });
  for (const value of built) {
    const shard = parseShard(value)!;
    if (touched.some((t) => ownsIssue(shard, t.paper, t.date))) values.add(value);
  }
  // an issue no build owns yet (the first of a new month or year): the shard the plan gives it
  const unowned = touched.filter((t) => !built.some((value) => ownsIssue(parseShard(value)!, t.paper, t.date)));
  for (const value of planShards(issues, by)) {
    if (!unowned.some((t) => ownsIssue(parseShard(value)!, t.paper, t.date))) continue;
    const overlap = issues.find((issue) => ownsIssue(parseShard(value)!, issue.paper, issue.date) && built.some((b) => ownsIssue(parseShard(b)!, issue.paper, issue.date)));
    if (overlap) throw new Error(`the ${by} plan gives ${unowned.map((t) => `${t.paper}/${t.date}`).join(', ')} the shard ${value}, which overlaps the existing builds (${overlap.paper}/${overlap.date}); pass the plan the shards were built with (--by)`);
    values.add(value);
  }
  return [...values];
}

/** Where `value` is, or would be inserted, in a sorted list (binary search). */
function sortedIndex(list: string[], value: string): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (list[middle]! < value) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** The days strictly between two dates, in either order. */
function daysBetween(a: string, b: string): string[] {
  const [from, to] = a < b ? [a, b] : [b, a];
  const days: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`) + 86_400_000; t < Date.parse(`${to}T00:00:00Z`); t += 86_400_000) days.push(new Date(t).toISOString().slice(0, 10));
  return days;
}

/** Papers whose calendar facts differ from those recorded at the last build in the work folder. */
function changedFacts(ctx: Context, now: Record<string, PaperFacts>): Set<string> {
  const path = join(ctx.work, 'paper-facts.json');
  const before = existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as Record<string, PaperFacts>) : {};
  return new Set(Object.keys(now).filter((paper) => JSON.stringify(before[paper]) !== JSON.stringify(now[paper])));
}

function recordFacts(ctx: Context, facts: Record<string, PaperFacts>): void {
  writeFileSync(join(ctx.work, 'paper-facts.json'), JSON.stringify(facts));
}

/** The inputs of the builds in the work folder, as recorded by the last `all` or `update`. */
function readRecordedInputs(ctx: Context): BuildInputs | undefined {
  const path = join(ctx.work, 'inputs.json');
  if (!existsSync(path)) return undefined;
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as BuildInputs;
  } catch (error) {
    throw new Error(`${path}: not the record of the last build (${(error as Error).message}); delete it and the next update rebuilds everything`);
  }
}

/** Recorded only once every build and the combine succeeded: a failed update is redone whole. */
function recordInputs(ctx: Context, inputs: BuildInputs): void {
  writeFileAtomic(join(ctx.work, 'inputs.json'), JSON.stringify(inputs));
}

function builtValues(ctx: Context): string[] {
  return (existsSync(ctx.work) ? readdirSync(ctx.work) : [])
    .map((name) => join(ctx.work, name, 'shard.json'))
    .filter(existsSync)
    .map((path) => (JSON.parse(readFileSync(path, 'utf8')) as { value: string }).value);
}

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      content: { type: 'string' },
      work: { type: 'string' },
      out: { type: 'string' },
      by: { type: 'string', default: 'year' },
      jobs: { type: 'string', default: '1' },
      dates: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const [command, argument] = positionals;
  if (values.help || command === undefined) {
    process.stdout.write(`${USAGE}\n`);
    return values.help ? 0 : 2;
  }
  const ctx: Context = {
    content: resolve(values.content ?? (process.env.ARCHIVE_CONTENT_DIR || join(ROOT, 'content'))),
    work: resolve(values.work ?? join(ROOT, '.cache', 'shards')),
  };
  const plans: ShardPlan[] = ['year', 'paper-year', 'year-month'];
  if (!plans.includes(values.by as ShardPlan)) throw new Error(`--by ${values.by}: use ${plans.join(', ')}`);
  const by = values.by as ShardPlan;
  const jobs = Number(values.jobs);
  const log = (line: string) => process.stderr.write(`[shard] ${line}\n`);
  const needOut = () => {
    if (values.out === undefined) throw new Error('--out <dir> is required');
    return resolve(values.out);
  };
  const report = (result: ReturnType<typeof combine>, out: string) =>
    log(`combined ${result.placed.join(', ')}: ${result.files} files placed in ${out}; ${result.bundles.length} search bundle(s)${result.ordered ? ', in date order' : ''}`);

  switch (command) {
    case 'plan':
      process.stdout.write(`${[...planShards(listIssues(ctx.content), by), 'index'].join('\n')}\n`);
      return 0;
    case 'build':
      if (argument === undefined || !parseShard(argument)) throw new Error('give the shard to build, e.g. "*/2023" or index');
      await buildShard(ctx, argument, log);
      return 0;
    case 'combine': {
      const out = needOut();
      report(combine(ctx, out), out);
      return 0;
    }
    case 'all': {
      const out = needOut();
      const result = await buildAll(ctx, out, by, jobs, log);
      report(result, out);
      return 0;
    }
    case 'update': {
      const out = needOut();
      const explicit = (values.dates ?? '').split(',').filter((value) => value.trim() !== '').map((value) => {
        const [paper, date] = value.trim().split('/');
        if (!paper || !date || !/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new Error(`--dates: "${value}" is not <paper>/<YYYY-MM-DD>`);
        return { paper, date };
      });
      const { combined } = await update(ctx, out, by, jobs, explicit, log);
      if (combined) report(combined, out);
      return 0;
    }
    default:
      throw new Error(`unknown command "${command}"`);
  }
}

if (import.meta.main) runCommand(main, { usage: USAGE });
