import { copyFileSync, existsSync, linkSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, sep } from 'node:path';
import type { ShardManifest } from '../src/lib/search/shards.ts';
import { shardsInDateOrder, type Shard } from '../src/loaders/shard.ts';

/**
 * Combine the outputs of shard builds into one site:
 *
 * - the `index` build gives every page outside `/<paper>/<year…>/` (home, paper pages, search,
 *   data files) and the assets;
 * - each shard gives its own pages and photos; a path built twice is an error, except assets
 *   and photos that are byte-identical (content-hashed names);
 * - each shard's search bundles are placed under the first shard's `/pagefind/`: the first
 *   shard's primary bundle stays at `/pagefind/`, another shard's primary moves to
 *   `/pagefind/shards/<shard>/`, and the extra bundles a large shard made keep their own
 *   `/pagefind/shards/<key>/`. `/search-shards.json` lists them all, primary first; the search
 *   page opens the first and merges the others with Pagefind's `mergeIndex`.
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
}

const SKIP = (path: string) => path.startsWith('/pagefind/') || path === '/search-shards.json' || path.startsWith('/_search-sources/');
const SHARED = (path: string) => path.startsWith('/_astro/') || path.startsWith('/photos/');

export function combineShards(index: ShardBuild, shards: ShardBuild[], outDir: string): CombineResult {
  const temp = `${outDir}.partial-${process.pid}`;
  rmSync(temp, { recursive: true, force: true });
  mkdirSync(temp, { recursive: true });
  const owner = new Map<string, string>();
  let files = 0;

  const place = (from: string, path: string, build: string) => {
    const to = join(temp, path);
    const previous = owner.get(path);
    if (previous !== undefined) {
      if (SHARED(path) && readFileSync(from).equals(readFileSync(to))) return;
      throw new Error(`${path} was built by both ${previous} and ${build}: shards must not overlap (see src/loaders/shard.ts)`);
    }
    mkdirSync(dirname(to), { recursive: true });
    link(from, to);
    owner.set(path, build);
    files++;
  };

  for (const build of [index, ...shards]) {
    for (const path of listFiles(build.dir)) if (!SKIP(path)) place(join(build.dir, path), path, build.name);
  }

  const bundles: string[] = [];
  let ordered = shardsInDateOrder(shards.map((s) => s.shard));
  shards.forEach((build, shardIndex) => {
    const manifest = readManifest(build.dir);
    ordered &&= manifest.ordered === true;
    manifest.bundles.forEach((bundle, bundleIndex) => {
      const target = bundleIndex > 0 ? bundle : shardIndex === 0 ? '/pagefind/' : `/pagefind/shards/${build.name}/`;
      const nested = manifest.bundles.filter((other) => other !== bundle && other.startsWith(bundle));
      for (const path of listFiles(join(build.dir, bundle))) {
        const full = `${bundle}${path.slice(1)}`;
        if (nested.some((n) => full.startsWith(n))) continue;
        place(join(build.dir, full), `${target}${path.slice(1)}`, build.name);
      }
      bundles.push(target);
    });
  });
  const combined: ShardManifest = { bundles, ordered };
  writeFileSync(join(temp, 'search-shards.json'), JSON.stringify(combined));
  files++;

  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(dirname(outDir), { recursive: true });
  renameSync(temp, outDir);
  return { files, bundles, ordered };
}

function readManifest(dir: string): ShardManifest {
  const path = join(dir, 'search-shards.json');
  if (!existsSync(path)) return { bundles: ['/pagefind/'] };
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

