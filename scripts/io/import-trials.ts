import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, unlinkSync, watch as watch_, writeFileSync, type FSWatcher } from 'node:fs';
import { join, resolve } from 'node:path';
import sharp from 'sharp';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { writeSyntheticFolder } from './bench-archive.ts';
import { contentTree, copyTree, sameTree, treeDifference, type ContentTree } from './content-tree.ts';
import { createRng, hashSeed } from '../../src/lib/random.ts';
import { paperYaml, resolveOptions, syntheticIssue, syntheticPapers } from '../lib/synthetic.ts';

/**
 * Attacks on the importer by real processes, shared by the tests (a few of each) and the soak
 * (`npm run soak:import`, thousands): a real `npm run import` killed with SIGKILL at a random
 * moment, then the next run, and the folder checked to be exactly as before or exactly as after
 * (byte for byte), with no hand edit lost and no staging left; and two imports started at once
 * into one folder, checked for lost pages and mixed issues.
 *
 * Everything the checks compare with is made by the same CLI run to completion, one at a time:
 * never by the code under test in-process.
 */

const ROOT = resolve(import.meta.dirname, '../..');
const IMPORT = join(ROOT, 'scripts/import.ts');

export interface ImportRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
  ms: number;
  /** When the import said it starts writing (`Writing N files …`), ms after the start. */
  commitAtMs: number | null;
  /** When its journal turned `ready` (the swaps begin), and when the journal was gone again (when watched). */
  readyAtMs: number | null;
  finishedAtMs: number | null;
}

/**
 * When to kill: ms after the process started, after it said it starts writing, or after its
 * journal turned `ready` (the swaps, where the importer before journals left mixed folders).
 */
export interface KillPlan {
  from: 'start' | 'commit' | 'ready';
  afterMs: number;
}

/**
 * Run `npm run import -- <args>` as a child process, optionally killed with SIGKILL. With
 * `watch` (the content folder), the journal's states are followed as they are written.
 */
export function runImport(args: string[], kill?: KillPlan, watch?: string): Promise<ImportRun> {
  const started = performance.now();
  const at = () => performance.now() - started;
  let watcher: FSWatcher | undefined;
  const run: ImportRun = { code: null, signal: null, stderr: '', ms: 0, commitAtMs: null, readyAtMs: null, finishedAtMs: null };
  if (watch !== undefined) {
    // the lock and journal folder exists before the child starts, so that it can be watched
    const dir = join(watch, '.import');
    mkdirSync(dir, { recursive: true });
    const journal = join(dir, 'journal.json');
    watcher = watch_(dir, () => {
      let state: string | null = null;
      try {
        state = (JSON.parse(readFileSync(journal, 'utf8')) as { state: string }).state;
      } catch {
        state = null;
      }
      if (state === 'ready' && run.readyAtMs === null) {
        run.readyAtMs = at();
        if (kill?.from === 'ready') schedule(kill.afterMs);
      }
      if (state === null && run.readyAtMs !== null && run.finishedAtMs === null) run.finishedAtMs = at();
    });
  }
  const child = spawn(process.execPath, [IMPORT, ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
  let timer: NodeJS.Timeout | undefined;
  function schedule(ms: number) {
    timer = setTimeout(() => child.kill('SIGKILL'), Math.max(0, ms));
  }
  if (kill?.from === 'start') schedule(kill.afterMs);
  child.stderr.on('data', (chunk: Buffer) => {
    run.stderr += chunk.toString();
    if (run.commitAtMs === null && /^Writing \d+ files/m.test(run.stderr)) {
      run.commitAtMs = at();
      if (kill?.from === 'commit') schedule(kill.afterMs);
    }
  });
  return new Promise((done, fail) => {
    child.on('error', fail);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      watcher?.close();
      Object.assign(run, { code, signal, ms: at() });
      done(run);
    });
  });
}

export interface TrialSize {
  /** Pages of the large issue killed during imports (the issue says 120). */
  pages: number;
  /** Items per page, about. */
  itemsPerPage: number;
  /** Photos with an image file. */
  photos: number;
  /** Hand edits made before the `--force` re-imports (the issue says 50). */
  edits: number;
  /** Pages of the issue imported in concurrent pairs. */
  pairPages: number;
  seed: number;
}

export type KillKind = 'import' | 'reimport' | 'force';
export type PairKind = 'pages' | 'versions';

export interface HandEdit {
  path: string;
  sha256: string;
}

export interface TrialSetup {
  work: string;
  size: TrialSize;
  issues: { v1: string; v2: string; smallV1: string; smallV2: string; smallA: string; smallB: string };
  /** The content folder each kind starts from, and its tree. */
  before: Record<KillKind | 'pair', { dir: string; tree: ContentTree }>;
  /** The tree a kind ends in when it runs to completion. */
  after: Record<KillKind, ContentTree>;
  /** Both orders of each pair run one after the other. */
  pairs: Record<PairKind, { ab: ContentTree; ba: ContentTree; pages: number[] }>;
  edits: HandEdit[];
  /** Times of the complete runs, for choosing kill moments: whole run, commit, swaps and cleanup, ms (none when the soak has no kills). */
  timing: Partial<Record<KillKind, { total: number; commit: number; swap: number }>>;
  issueDir: string;
}

const sha = (data: string | Uint8Array) => createHash('sha256').update(data).digest('hex');

function issueOptions(seed: number, pages: number, itemsPerPage: number, photos: number) {
  return resolveOptions({ seed, pageRange: [pages, pages], itemsPerYear: pages * itemsPerPage * 360, photosPerYear: photos * 2 * 360, problemRate: 0.06 });
}

/**
 * Write the issues, and the folders every trial starts from, by running the CLI to completion:
 * the large issue imported into an empty archive, a second version of it over the first, and
 * `--force` over the first with hand edits; the small issue's halves and versions one after the
 * other, in both orders.
 */
export async function prepareTrials(work: string, size: TrialSize, log: (line: string) => void = () => {}, parts: { kills?: boolean; pairs?: boolean } = {}): Promise<TrialSetup> {
  const withKills = parts.kills !== false;
  const withPairs = parts.pairs !== false;
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  const date = '2023-01-17';
  const paper = syntheticPapers(resolveOptions({}))[0]!;
  const write = async (name: string, seed: number, pages: number, photos: number) => {
    const issue = syntheticIssue(issueOptions(seed, pages, size.itemsPerPage, photos), paper.slug, date);
    let n = 0;
    await writeSyntheticFolder(join(work, 'issues', name), issue, () => n++ < photos, 320);
    return join(work, 'issues', name);
  };
  const issues = {
    v1: await write('v1', size.seed, size.pages, size.photos),
    v2: await write('v2', size.seed + 1, size.pages, size.photos),
    smallV1: await write('small-v1', size.seed + 2, size.pairPages, 2),
    smallV2: await write('small-v2', size.seed + 3, size.pairPages, 2),
    smallA: join(work, 'issues', 'small-a'),
    smallB: join(work, 'issues', 'small-b'),
  };
  // the small issue's pages in two halves: two imports into one issue
  const manifest = parseYaml(readFileSync(join(issues.smallV1, 'issue.yml'), 'utf8')) as { pages: Array<{ number: number }> };
  const half = Math.ceil(manifest.pages.length / 2);
  for (const [folder, pages] of [
    [issues.smallA, manifest.pages.slice(0, half)],
    [issues.smallB, manifest.pages.slice(half)],
  ] as const) {
    cpSync(issues.smallV1, folder, { recursive: true });
    writeFileSync(join(folder, 'issue.yml'), stringifyYaml({ ...manifest, pages }));
  }

  const templates = join(work, 'templates');
  const empty = join(templates, 'empty');
  mkdirSync(join(empty, 'papers'), { recursive: true });
  writeFileSync(join(empty, 'papers', `${paper.slug}.yml`), paperYaml(paper));

  const timing = {} as TrialSetup['timing'];
  const complete = async (kind: KillKind | null, from: string, to: string, args: string[]) => {
    copyTree(from, to);
    const run = await runImport([...args, '--content', to], undefined, to);
    if (run.code !== 0) throw new Error(`setup: npm run import -- ${args.join(' ')} exited ${run.code}:\n${run.stderr}`);
    if (kind) {
      const commit = run.commitAtMs === null ? run.ms : run.ms - run.commitAtMs;
      timing[kind] = { total: run.ms, commit, swap: run.readyAtMs === null ? commit : (run.finishedAtMs ?? run.ms) - run.readyAtMs };
    }
    return contentTree(to);
  };
  const v1 = join(templates, 'v1');
  const edited = join(templates, 'v1-edited');
  let afterImport: ContentTree = {};
  let afterReimport: ContentTree = {};
  let afterForce: ContentTree = {};
  let edits: HandEdit[] = [];
  if (withKills) {
    log(`setup: ${size.pages}-page issue, two versions; reference imports …`);
    afterImport = await complete('import', empty, v1, [issues.v1]);
    afterReimport = await complete('reimport', v1, join(work, 'scratch-reimport'), [issues.v2]);
    copyTree(v1, edited);
    edits = await makeHandEdits(edited, `${paper.slug}/${date}`, size.edits, size.seed);
    const forcedDir = join(work, 'scratch-force', 'content');
    afterForce = await complete('force', edited, forcedDir, [issues.v2, '--force']);
    const lost = lostEdits(forcedDir, join(work, 'scratch-force', 'backups'), edits);
    if (lost.length > 0) throw new Error(`setup: a complete --force import lost hand edits: ${lost.join(', ')}`);
  }

  const pairs = { pages: { ab: {}, ba: {}, pages: [] }, versions: { ab: {}, ba: {}, pages: [] } } as TrialSetup['pairs'];
  if (withPairs) {
    log('setup: concurrent pairs, one after the other in both orders …');
    const inOrder = async (first: string, second: string, scratch: string) => {
      await complete(null, empty, join(work, scratch, 'first'), [first]);
      return complete(null, join(work, scratch, 'first'), join(work, scratch, 'second'), [second]);
    };
    // the four orders at once: they write into folders of their own
    const pages = manifest.pages.map((p) => p.number);
    const [pagesAb, pagesBa, versionsAb, versionsBa] = await Promise.all([
      inOrder(issues.smallA, issues.smallB, 'scratch-pair-1'),
      inOrder(issues.smallB, issues.smallA, 'scratch-pair-2'),
      inOrder(issues.smallV1, issues.smallV2, 'scratch-pair-3'),
      inOrder(issues.smallV2, issues.smallV1, 'scratch-pair-4'),
    ]);
    pairs.pages = { ab: pagesAb, ba: pagesBa, pages };
    pairs.versions = { ab: versionsAb, ba: versionsBa, pages };
  }
  for (const name of readdirSync(work)) if (name.startsWith('scratch-')) rmSync(join(work, name), { recursive: true, force: true });

  return {
    work,
    size,
    issues,
    before: {
      import: { dir: empty, tree: contentTree(empty) },
      reimport: { dir: v1, tree: afterImport },
      force: { dir: edited, tree: contentTree(edited) },
      pair: { dir: empty, tree: contentTree(empty) },
    },
    after: { import: afterImport, reimport: afterReimport, force: afterForce },
    pairs,
    edits,
    timing,
    issueDir: `${paper.slug}/${date}`,
  };
}

/**
 * Correct an imported issue by hand, as a maintainer does: edit article texts, delete one
 * article, replace one photo, rename a page and add a comment in issue.yml. Returns what each
 * edited file holds now (the deleted article is not an edit that can be lost).
 */
async function makeHandEdits(content: string, issueDir: string, count: number, seed: number): Promise<HandEdit[]> {
  const rng = createRng(hashSeed(seed, 'hand-edits'));
  const dir = join(content, issueDir);
  const files = (readdirSync(dir, { recursive: true, encoding: 'utf8' }) as string[]).map((f) => f.split('\\').join('/')).sort();
  const articles = files.filter((f) => f.endsWith('.mdx'));
  const photos = files.filter((f) => f.endsWith('.jpg'));
  const pick = (list: string[]) => list.splice(Math.floor(rng() * list.length), 1)[0]!;
  const edits: HandEdit[] = [];
  const record = (path: string) => edits.push({ path: `${issueDir}/${path}`, sha256: sha(readFileSync(join(dir, path))) });

  const yml = join(dir, 'issue.yml');
  writeFileSync(yml, `${readFileSync(yml, 'utf8').replace(/^(\s+name: )(.+)$/m, '$1$2（校）')}# 校对：版名已核对\n`);
  record('issue.yml');
  if (photos.length > 0) {
    const photo = pick(photos);
    writeFileSync(join(dir, photo), await sharp({ create: { width: 120, height: 80, channels: 3, background: '#884422' } }).jpeg().toBuffer());
    record(photo);
  }
  unlinkSync(join(dir, pick(articles)));
  while (edits.length < count && articles.length > 0) {
    const article = pick(articles);
    writeFileSync(join(dir, article), `${readFileSync(join(dir, article), 'utf8')}\n（校对注：人工改正，第 ${edits.length} 处）\n`);
    record(article);
  }
  return edits;
}

/** Hand edits found neither in the content folder nor in any backup beside it. */
export function lostEdits(content: string, backups: string, edits: HandEdit[]): string[] {
  const hashOf = (path: string) => (existsSync(path) ? sha(readFileSync(path)) : null);
  const kept = existsSync(backups) ? readdirSync(backups).map((name) => join(backups, name)) : [];
  return edits.filter((edit) => hashOf(join(content, edit.path)) !== edit.sha256 && !kept.some((dir) => hashOf(join(dir, edit.path)) === edit.sha256)).map((edit) => edit.path);
}

/** Where a killed import was: before its commit, in it (the journal's state), after it; or it finished before the kill. */
export type KillPhase = 'before commit' | 'prepare' | 'ready' | 'undo' | 'done' | 'after commit' | 'finished';

export interface KillResult {
  kind: KillKind;
  /** Killed while running (false: it finished before the kill came). */
  killed: boolean;
  phase: KillPhase;
  next: 'recover' | 'import';
  nextCode: number | null;
  state: 'old' | 'new' | 'mixed';
  difference: string[];
  lostEdits: string[];
  leftovers: string[];
  ms: number;
}

function transactionFiles(content: string): string[] {
  const dir = join(content, '.import');
  return existsSync(dir) ? readdirSync(dir).filter((name) => name !== 'lock') : [];
}

/**
 * One kill: restore the folder the kind starts from, start the import, SIGKILL it at a random
 * moment (a quarter anywhere in the run, a third inside its commit, the rest inside its swaps,
 * from the journal turning `ready` to its cleanup), then run the next command (`--recover`, or
 * the same import again) and check the folder.
 */
export async function killTrial(setup: TrialSetup, kind: KillKind, job: string, rng: () => number, from?: KillPlan['from']): Promise<KillResult> {
  const started = performance.now();
  const base = join(setup.work, job);
  const content = join(base, 'content');
  const backups = join(base, 'backups');
  copyTree(setup.before[kind].dir, content);
  rmSync(backups, { recursive: true, force: true });
  const args = [kind === 'import' ? setup.issues.v1 : setup.issues.v2, '--content', content, ...(kind === 'force' ? ['--force'] : [])];
  const timing = setup.timing[kind];
  if (timing === undefined) throw new Error(`no complete ${kind} run was timed: prepare the trials with kills`);
  const draw = from === undefined ? rng() : { start: 0, commit: 0.5, ready: 0.9 }[from];
  const plan: KillPlan =
    draw < 0.25 ? { from: 'start', afterMs: rng() * timing.total * 0.9 } : draw < 0.6 ? { from: 'commit', afterMs: rng() * timing.commit } : { from: 'ready', afterMs: rng() * timing.swap };
  const run = await runImport(args, plan, content);
  const killed = run.signal === 'SIGKILL';
  const journalPath = join(content, '.import', 'journal.json');
  let phase: KillPhase;
  if (existsSync(journalPath)) phase = (JSON.parse(readFileSync(journalPath, 'utf8')) as { state: KillPhase }).state;
  else if (!killed) phase = 'finished';
  else phase = sameTree(contentTree(content), setup.after[kind]) ? 'after commit' : 'before commit';

  const next = rng() < 0.8 ? 'recover' : 'import';
  const after = await runImport(next === 'recover' ? ['--recover', '--content', content] : args);
  const tree = contentTree(content);
  const old = setup.before[kind].tree;
  const fresh = setup.after[kind];
  const state = sameTree(tree, fresh) ? 'new' : next === 'recover' && sameTree(tree, old) ? 'old' : 'mixed';
  return {
    kind,
    killed,
    phase,
    next,
    nextCode: after.code,
    state,
    difference: state === 'mixed' ? treeDifference(tree, fresh) : [],
    lostEdits: kind === 'force' ? lostEdits(content, backups, setup.edits) : [],
    leftovers: transactionFiles(content),
    ms: performance.now() - started,
  };
}

export interface PairResult {
  kind: PairKind;
  codes: Array<number | null>;
  order: 'ab' | 'ba' | 'mixed';
  lostPages: number[];
  waited: boolean;
  ms: number;
}

/** Two imports into one folder at once: both succeed, no page is lost, the result is one order or the other. */
export async function pairTrial(setup: TrialSetup, kind: PairKind, job: string): Promise<PairResult> {
  const started = performance.now();
  const content = join(setup.work, job, 'content');
  copyTree(setup.before.pair.dir, content);
  const [a, b] = kind === 'pages' ? [setup.issues.smallA, setup.issues.smallB] : [setup.issues.smallV1, setup.issues.smallV2];
  const runs = await Promise.all([runImport([a, '--content', content]), runImport([b, '--content', content])]);
  const tree = contentTree(content);
  const expected = setup.pairs[kind];
  const yml = join(content, setup.issueDir, 'issue.yml');
  const listed = new Set(existsSync(yml) ? ((parseYaml(readFileSync(yml, 'utf8')) as { pages?: Array<{ number: number }> }).pages ?? []).map((p) => p.number) : []);
  return {
    kind,
    codes: runs.map((run) => run.code),
    order: sameTree(tree, expected.ab) ? 'ab' : sameTree(tree, expected.ba) ? 'ba' : 'mixed',
    lostPages: expected.pages.filter((page) => !listed.has(page)),
    waited: runs.some((run) => run.stderr.includes('Waiting up to')),
    ms: performance.now() - started,
  };
}
