import { copyFileSync, existsSync, linkSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, sep } from 'node:path';
import { listCorpusParts, partFile, readCorpusIndex, writeCorpusIndexFiles, writeYearFile } from '../src/io/corpus-files.ts';
import { byYear, corpusIndexPaths, CORPUS_PARTS, manifestEntry, parsePartKey, partKey, yearKey, type CorpusPart, type YearFile } from '../src/lib/corpus.ts';
import { paths } from '../src/lib/paths.ts';
import { bundlePath, MANIFEST_FILE, PRIMARY_BUNDLE, type ShardManifest } from '../src/lib/search/index-format.ts';
import { shardsInDateOrder, type Shard } from '../src/lib/shard-plan.ts';

/**
 * Combine the outputs of shard builds into one site:
 *
 * - the `index` build gives every page outside `/<paper>/<year…>/` (home, paper pages, search,
 *   data files) and the assets;
 * - each shard gives its own pages, photos and page scans; a path built twice is an error, except
 *   assets, photos and scans that are byte-identical (content-hashed names);
 * - each shard's search bundles are placed under the first shard's `/pagefind/`: the first
 *   shard's primary bundle stays at `/pagefind/`, another shard's primary moves to
 *   `/pagefind/shards/<shard>/`, and the extra bundles a large shard made keep their own
 *   `/pagefind/shards/<key>/`. `/search-shards.json` lists them all, primary first; the search
 *   page opens the first and merges the others with Pagefind's `mergeIndex`;
 * - the corpus downloads are assembled from the issue parts every build leaves in `_corpus/`
 *   (src/integrations/corpus.ts): the year files whose parts changed, and the manifest.
 *
 * Files are hard-linked, not copied, when the builds live on the same disk.
 */
export interface ShardBuild {
  /** Short name, used in bundle paths. */
  name: string;
  /** The build's output folder. */
  dir: string;
  shard: Shard;
}

export interface CombineResult {
  files: number;
  bundles: string[];
  ordered: boolean;
  /** What the combine placed, for the next incremental combine into the same folder. */
  state: CombineState;
  /** The builds whose files were (re)placed. */
  placed: string[];
}

/** The files each build placed in a combined site, and its search bundles. */
export interface CombineState {
  outDir: string;
  /** Build names in combine order: index first, then the shards. */
  order: string[];
  builds: Record<string, { files: string[]; bundles: string[]; ordered: boolean }>;
  corpus: CorpusState;
}

/** The corpus files as combined: which issue parts each build holds, and each year file. */
export interface CorpusState {
  /** Build name -> the `<paper>/<date>` of its issue parts. */
  parts: Record<string, string[]>;
  /** `<paper>/<year>` -> the year file written. */
  years: Record<string, YearFile>;
}

const SKIP = (path: string) => path.startsWith(PRIMARY_BUNDLE) || path === `/${MANIFEST_FILE}` || path.startsWith('/_search-sources/') || path.startsWith(`/${CORPUS_PARTS}/`);
const SHARED = (path: string) => path.startsWith('/_astro/') || path.startsWith('/photos/') || path.startsWith('/scans/');

/**
 * Combine into `outDir`. With the state of the previous combine into the same folder and the
 * names of the builds made since, only those builds' files are removed and placed again (a
 * daily update touches a month shard and the index build, not 350,000 files); otherwise the
 * folder is assembled anew beside the old one and swapped in.
 */
export function combineShards(index: ShardBuild, shards: ShardBuild[], outDir: string, incremental?: { previous: CombineState; changed: Set<string> }): CombineResult {
  const builds = [index, ...shards];
  const order = builds.map((b) => b.name);
  const previous = incremental?.previous;
  // the placement of a shard's primary bundle depends on whether it is the first shard
  const canUpdate =
    previous !== undefined && previous.outDir === outDir && existsSync(outDir) && previous.order[1] === order[1] && previous.order.every((name) => order.includes(name));
  const changed = canUpdate ? new Set([...incremental!.changed, ...order.filter((name) => !previous!.order.includes(name))]) : new Set(order);
  const root = canUpdate ? outDir : `${outDir}.partial-${process.pid}`;
  if (!canUpdate) {
    rmSync(root, { recursive: true, force: true });
    mkdirSync(root, { recursive: true });
  }

  const owner = new Map<string, string>();
  const state: CombineState = { outDir, order, builds: {}, corpus: { parts: {}, years: {} } };
  for (const name of order) {
    if (changed.has(name)) {
      state.builds[name] = { files: [], bundles: [], ordered: true };
      // take the build's previous files out of the site
      for (const path of previous?.builds[name]?.files ?? []) if (canUpdate) rmSync(join(root, path), { force: true });
    } else {
      state.builds[name] = previous!.builds[name]!;
      for (const path of state.builds[name].files) owner.set(path, name);
    }
  }

  let files = 0;
  const place = (from: string, path: string, build: string) => {
    const to = join(root, path);
    const other = owner.get(path);
    if (other !== undefined) {
      if (SHARED(path) && readFileSync(from).equals(readFileSync(to))) return;
      throw new Error(`${path} was built by both ${other} and ${build}: shards must not overlap (see src/lib/shard-plan.ts)`);
    }
    mkdirSync(dirname(to), { recursive: true });
    rmSync(to, { force: true });
    link(from, to);
    owner.set(path, build);
    state.builds[build]!.files.push(path);
    files++;
  };

  for (const build of builds) {
    if (!changed.has(build.name)) continue;
    for (const path of listFiles(build.dir)) if (!SKIP(path)) place(join(build.dir, path), path, build.name);
  }
  shards.forEach((build, shardIndex) => {
    if (!changed.has(build.name)) return;
    const manifest = readManifest(build.dir);
    const entry = state.builds[build.name]!;
    entry.ordered = manifest.ordered === true;
    manifest.bundles.forEach((bundle, bundleIndex) => {
      const target = bundleIndex > 0 ? bundle : bundlePath(build.name, shardIndex);
      const nested = manifest.bundles.filter((other) => other !== bundle && other.startsWith(bundle));
      for (const path of listFiles(join(build.dir, bundle))) {
        const full = `${bundle}${path.slice(1)}`;
        if (nested.some((n) => full.startsWith(n))) continue;
        place(join(build.dir, full), `${target}${path.slice(1)}`, build.name);
      }
      entry.bundles.push(target);
    });
  });

  state.corpus = combineCorpus(root, builds, changed, canUpdate ? previous!.corpus : undefined, owner);

  const bundles = shards.flatMap((build) => state.builds[build.name]!.bundles);
  const ordered = shardsInDateOrder(shards.map((s) => s.shard)) && shards.every((build) => state.builds[build.name]!.ordered);
  const combined: ShardManifest = { bundles, ordered };
  writeFileSync(join(root, MANIFEST_FILE), JSON.stringify(combined));
  files++;

  if (!canUpdate) {
    rmSync(outDir, { recursive: true, force: true });
    mkdirSync(dirname(outDir), { recursive: true });
    renameSync(root, outDir);
  }
  return { files, bundles, ordered, state, placed: order.filter((name) => changed.has(name)) };
}

/**
 * Assemble the corpus downloads from the builds' issue parts: every year file when there is no
 * previous state, else the years in which a changed build held or holds an issue; then the
 * manifest, checksums and URL list, which are small.
 */
function combineCorpus(root: string, builds: ShardBuild[], changed: Set<string>, previous: CorpusState | undefined, owner: Map<string, string>): CorpusState {
  const state: CorpusState = { parts: {}, years: previous ? { ...previous.years } : {} };
  const all: CorpusPart[] = [];
  const touched = new Set<string>();
  for (const build of builds) {
    const before = previous?.parts[build.name];
    const fresh = changed.has(build.name) || before === undefined;
    const parts = fresh
      ? listCorpusParts(build.dir)
      : before.map((key) => {
          const { paper, date } = parsePartKey(key);
          return { paper, date, file: partFile(build.dir, paper, date) };
        });
    state.parts[build.name] = parts.map(partKey);
    all.push(...parts);
    if (fresh) {
      // the years it holds now, and those it held (an issue removed, or moved to another build)
      for (const part of [...parts, ...(before ?? []).map(parsePartKey)]) touched.add(yearKey(part.paper, part.date));
    }
  }
  const index = readCorpusIndex(builds[0]!.dir);
  const years = byYear(all);
  for (const key of touched) {
    const [paper, year] = key.split('/') as [string, string];
    const path = paths.corpusYear(paper, year);
    if (owner.has(path)) throw new Error(`[shard-combine] ${path} was built by the build "${owner.get(path)}", but the corpus files are assembled from the issue parts (src/integrations/corpus.ts): remove the route that writes it`);
    const parts = years.get(key);
    if (parts === undefined) {
      rmSync(join(root, path), { force: true });
      delete state.years[key];
    } else {
      state.years[key] = writeYearFile(parts, join(root, path));
    }
  }
  for (const path of corpusIndexPaths()) {
    if (owner.has(path)) throw new Error(`[shard-combine] ${path} was built by the build "${owner.get(path)}", but the corpus step writes it (src/integrations/corpus.ts): remove the route that writes it`);
  }
  const entries = Object.keys(state.years).map((key) => manifestEntry(index, key, state.years[key]!));
  writeCorpusIndexFiles(root, index, entries);
  return state;
}

function readManifest(dir: string): ShardManifest {
  const path = join(dir, MANIFEST_FILE);
  if (!existsSync(path)) return { bundles: [PRIMARY_BUNDLE] };
  return JSON.parse(readFileSync(path, 'utf8')) as ShardManifest;
}

/** Files under a folder as site paths (`/a/b.html`). */
export function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return (readdirSync(dir, { recursive: true, encoding: 'utf8' }) as string[])
    .filter((path) => statSync(join(dir, path)).isFile())
    .map((path) => `/${path.split(sep).join('/')}`)
    .sort();
}

function link(from: string, to: string): void {
  try {
    linkSync(from, to);
  } catch {
    copyFileSync(from, to);
  }
}

