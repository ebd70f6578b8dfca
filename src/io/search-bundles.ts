import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import * as pagefind from 'pagefind';
import type { SearchSource } from '../lib/search/records.ts';
import { writeBundle } from '../lib/search/bundle-writer.ts';
import { BUNDLE_FOLDERS, ENTRY_FILE, FACETS_FILE, facetsOf, MANIFEST_FILE, PAGEFIND_FORMAT, PRIMARY_BUNDLE, RUNTIME_FILES, type ShardManifest } from '../lib/search/index-format.ts';
import { planShards } from '../lib/search/shards.ts';

/**
 * Articles per bundle: a recency tier. Bundles are cut from the newest article back, so the
 * newest is full; a first search reads the newest tier and older ones only until its page is
 * filled, so what it loads no longer grows with the archive. See
 * docs/0015-search-recency-tiers.md (and 0004 for the word partitions within a bundle).
 */
export const DEFAULT_SHARD_SIZE = 50_000;
/**
 * Articles in the newest tier: a first search usually fills its page from it, and the worker's
 * cost of a common word grows with the tier (docs/0015: 342 -> 256 ms median, 181 -> 143 KB at
 * 50,000 articles, for later searches 43 -> 53 KB).
 */
export const DEFAULT_FIRST_TIER = 12_500;

/**
 * Pagefind's browser runtime, as the installed Pagefind writes it (from an index of one empty
 * record), and the include characters its entry file lists.
 */
async function pagefindRuntime(): Promise<{ files: Map<string, Buffer>; includeCharacters: string[] }> {
  const temp = await mkdtemp(join(tmpdir(), 'pagefind-runtime-'));
  try {
    const { index, errors } = await pagefind.createIndex({ writePlayground: false });
    if (!index) throw new Error(`[search-index] Pagefind could not start: ${errors.join('; ')}`);
    await index.addCustomRecord({ url: '/', content: '', language: 'x' });
    const written = await index.writeFiles({ outputPath: temp });
    if (written.errors.length > 0) throw new Error(`[search-index] ${written.errors.join('; ')}`);
    await pagefind.close();
    const files = new Map<string, Buffer>();
    for (const file of RUNTIME_FILES) files.set(file, await readFile(join(temp, file)));
    const entry = JSON.parse(await readFile(join(temp, ENTRY_FILE), 'utf8')) as { version: string; include_characters?: string[] };
    if (entry.version !== PAGEFIND_FORMAT) throw new Error(`[search-index] Pagefind ${entry.version} is installed; the index writer writes the format of ${PAGEFIND_FORMAT}`);
    return { files, includeCharacters: entry.include_characters ?? [] };
  } finally {
    await rm(temp, { recursive: true, force: true });
  }
}

/**
 * Write the search bundles of a site: `<site>/pagefind/` and, for a large archive, more bundles
 * under `<site>/pagefind/shards/`, each with Pagefind's runtime and an index written by
 * search/bundle-writer.ts. Used by the build and by `npm run eval:search`.
 */
export async function writeSearchBundles(
  sources: readonly SearchSource[],
  site: string,
  {
    shardSize = DEFAULT_SHARD_SIZE,
    firstTier = DEFAULT_FIRST_TIER,
    chunkBytes,
    partitionChunks,
    onShard,
    onFile,
  }: { shardSize?: number; /** Articles in the newest bundle (default DEFAULT_FIRST_TIER, at most `shardSize`). */ firstTier?: number; chunkBytes?: number; partitionChunks?: number; onShard?: (index: number) => void; /** After each index file written, for progress reports. */ onFile?: () => void } = {},
): Promise<{ bundles: string[] }> {
  const plans = planShards(sources, shardSize, firstTier);
  await rm(join(site, PRIMARY_BUNDLE), { recursive: true, force: true });
  const runtime = await pagefindRuntime();
  for (const [index, plan] of plans.entries()) {
    onShard?.(index);
    const dir = join(site, plan.path);
    for (const sub of ['', ...BUNDLE_FOLDERS]) await mkdir(join(dir, sub), { recursive: true });
    for (const [file, bytes] of runtime.files) await writeFile(join(dir, file), bytes);
    // the word partitions' folders, made as their first file comes
    const made = new Set<string>();
    await writeBundle(plan.sources, { key: plan.key, chunkBytes, partitionChunks, includeCharacters: runtime.includeCharacters }, async (file) => {
      const folder = dirname(join(dir, file.path));
      if (!made.has(folder)) {
        await mkdir(folder, { recursive: true });
        made.add(folder);
      }
      await writeFile(join(dir, file.path), file.bytes);
      onFile?.();
    });
  }
  const bundles = plans.map((plan) => plan.path);
  await writeFile(join(site, PRIMARY_BUNDLE, FACETS_FILE), JSON.stringify(facetsOf(sources)));
  // written also for one bundle, so that the search page never asks for a missing file
  await writeFile(join(site, MANIFEST_FILE), JSON.stringify({ bundles, ordered: true } satisfies ShardManifest));
  return { bundles };
}
