/**
 * `npm run eval:search-layout [-- --articles 50000,200000 --chunk-bytes 12000,24000,48000 --partition-chunks 16,32,64,0 --shard-size 250000]`
 *
 * How the index's layout decides what a first search loads, without a browser: for each archive
 * size and each layout (word chunk size; word chunks per partition, 0 for one partition holding
 * every chunk, as before partitions; articles per bundle), writes the index of the generated
 * articles in memory with the build's own writer and adds up the files a search for each of the
 * evaluation's first-search queries loads: the bundle files, each query word's partition entry
 * and metadata (its list of groups and of word chunks) in every bundle, and the word chunks
 * Pagefind's runtime picks for the word (the chunk whose range holds it, else those whose ranges
 * hold it cut to its length). Sizes are as sent: Pagefind's files as written (gzip), JSON gzipped
 * at level 6 as a host would. Pagefind's runtime (67 KB) and the 20 fragments of a result page
 * do not depend on the layout and are left out; `npm run eval:search` measures everything in a
 * browser. Also prints the peak memory and time of writing each index.
 */
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { runCommand } from '../src/io/cli.ts';
import { gunzipSync, gzipSync } from 'node:zlib';
import { writeBundle } from '../src/lib/search/bundle-writer.ts';
import { BUNDLE_FILE, ENTRY_FILE, partitionOf, partitionPath, bundleInfo, type BundleDescription } from '../src/lib/search/index-format.ts';
import { planShards } from '../src/lib/search/shards.ts';
import { termCover } from '../src/lib/search/tokens.ts';
import { Converter } from 'opencc-js/t2cn';
import { DEFAULT_PLANT_RATE, lexiconFrom, syntheticSources } from './lib/search-corpus.ts';

const { values: args } = parseArgs({
  options: {
    articles: { type: 'string', default: '50000,200000' },
    'chunk-bytes': { type: 'string', default: '12000,24000,48000' },
    'partition-chunks': { type: 'string', default: '16,32,64,0' },
    'shard-size': { type: 'string', default: '250000' },
    seed: { type: 'string', default: '1' },
    /** Print each query's words and the chunks they load. */
    verbose: { type: 'boolean', default: false },
  },
});
const list = (text: string) => text.split(',').map((value) => Number(value.trim()));

/** The evaluation's first-search queries (see eval-search.ts). */
const FIRST_QUERIES = ['疫情', '建设', '疫情防控', '工作人员', '仁怀市', '2021年', '誌願服務', 'pm2.5'];
const toSimplified = Converter({ from: 't', to: 'cn' });

/** A chunk as the metadata lists it. */
interface Chunk {
  from: string;
  to: string;
  name: string;
}

/** A CBOR reader for the metadata the writer writes: definite arrays, text, integers. */
function decodeMeta(bytes: Uint8Array): Chunk[] {
  let at = 0;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const length = (info: number): number => (info < 24 ? info : info === 24 ? bytes[at++]! : info === 25 ? ((at += 2), view.getUint16(at - 2)) : ((at += 4), view.getUint32(at - 4)));
  const item = (): unknown => {
    const byte = bytes[at++]!;
    const n = length(byte & 31);
    if (byte >> 5 === 0) return n;
    if (byte >> 5 === 3) return new TextDecoder().decode(bytes.subarray(at, (at += n)));
    return Array.from({ length: n }, item);
  };
  const meta = item() as [string, unknown, Array<[string, string, string]>];
  return meta[2].map(([from, to, name]) => ({ from, to, name }));
}

/** The chunks Pagefind 1.6.0's runtime loads for a word: the one whose range holds it, else those whose range holds it cut to its length. */
function chunksFor(chunks: readonly Chunk[], word: string): Chunk[] {
  const strict = chunks.filter((chunk) => word >= chunk.from && word <= chunk.to);
  if (strict.length > 0) return strict;
  return chunks.filter((chunk) => {
    const pre = word.slice(0, Math.min(word.length, chunk.from.length));
    const post = word.slice(0, Math.min(word.length, chunk.to.length));
    return pre >= chunk.from.slice(0, pre.length) && post <= chunk.to.slice(0, post.length);
  });
}

const gz = (bytes: Uint8Array) => gzipSync(bytes, { level: 6 }).length;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)}`;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

async function main(): Promise<void> {
  const require = createRequire(import.meta.url);
  const dict = readFileSync(require.resolve('@node-rs/jieba/dict.txt'), 'utf8');
  const lexicon = lexiconFrom(dict.split('\n').map((line) => line.split(' ')).map(([word, freq]) => [word ?? '', Number(freq)] as [string, number]));

  console.log('articles  chunk bytes  chunks/partition  bundles  partitions  chunks   start KB  partition lists KB (median, max)  word chunks KB (median, max)  index total KB (median, max)  write s  peak GiB');
  for (const size of list(args.articles)) {
    const sources = syntheticSources(size, lexicon, Number(args.seed), DEFAULT_PLANT_RATE);
    for (const chunkBytes of list(args['chunk-bytes'])) {
      for (const partitionChunks of list(args['partition-chunks'])) {
        const started = performance.now();
        const bundles: Array<Map<string, Uint8Array>> = [];
        for (const plan of planShards(sources, Number(args['shard-size']))) {
          const files = new Map<string, Uint8Array>();
          await writeBundle(plan.sources, { key: plan.key, chunkBytes, partitionChunks: partitionChunks || Number.MAX_SAFE_INTEGER }, async (file) => {
            if (!file.path.startsWith('fragment/')) files.set(file.path, file.bytes);
          });
          bundles.push(files);
        }
        const seconds = (performance.now() - started) / 1000;
        // the process so far: the articles and every index written (each held until its numbers are taken)
        const peak = process.resourceUsage().maxRSS / 2 ** 20;
        const metas = bundles.map((files) => {
          const description = JSON.parse(new TextDecoder().decode(files.get(BUNDLE_FILE)!)) as BundleDescription;
          return { files, info: bundleInfo(description), chunksOf: new Map<number, Chunk[]>() };
        });
        // the manifest, each bundle's file, the first bundle's empty index (entry and metadata)
        const start =
          60 +
          metas.reduce((sum, { files }) => sum + gz(files.get(BUNDLE_FILE)!), 0) +
          gz(bundles[0]!.get(ENTRY_FILE)!) +
          [...bundles[0]!].filter(([path]) => /^pagefind\..*\.pf_meta$/u.test(path)).reduce((sum, [, bytes]) => sum + bytes.length, 0);
        const lists: number[] = [];
        const chunks: number[] = [];
        for (const query of FIRST_QUERIES) {
          const words = new Set(query.split(' ').flatMap((term) => [...new Set([term, toSimplified(term)])].flatMap((form) => termCover(form).map((part) => part.word))));
          let listBytes = 0;
          const chunkNames = new Set<string>();
          let chunkBytesLoaded = 0;
          for (const { files, info } of metas) {
            const partitions = new Set<number>();
            for (const word of words) {
              const part = partitionOf(info.parts, word);
              if (part < 0) continue;
              const dir = partitionPath(part);
              if (!partitions.has(part)) {
                partitions.add(part);
                listBytes += gz(files.get(`${dir}${ENTRY_FILE}`)!);
                const meta = [...files].find(([path]) => path.startsWith(dir) && path.endsWith('.pf_meta'))!;
                listBytes += meta[1].length;
              }
              const meta = [...files].find(([path]) => path.startsWith(dir) && path.endsWith('.pf_meta'))!;
              for (const chunk of chunksFor(decodeMeta(gunzip(meta[1])), word)) {
                if (chunkNames.has(`${dir}${chunk.name}`)) continue;
                chunkNames.add(`${dir}${chunk.name}`);
                const bytes = files.get(`${dir}index/${chunk.name}.pf_index`)!.length;
                chunkBytesLoaded += bytes;
                if (args.verbose) console.log(`  ${query} ${[...word.matchAll(/.{4}/gu)].map(([unit]) => String.fromCodePoint(Number.parseInt(unit, 36))).join('')} (${word}): ${dir}${chunk.name} [${chunk.from}, ${chunk.to}] ${kb(bytes)} KB`);
              }
            }
          }
          lists.push(listBytes);
          chunks.push(chunkBytesLoaded);
        }
        const totals = lists.map((bytes, i) => start + bytes + chunks[i]!);
        const partitions = metas.reduce((sum, { info }) => sum + info.parts.length, 0);
        const chunkFiles = bundles.reduce((sum, files) => sum + [...files.keys()].filter((path) => path.endsWith('.pf_index')).length, 0);
        console.log(
          `${String(size).padStart(8)}  ${String(chunkBytes).padStart(11)}  ${String(partitionChunks || 'all').padStart(16)}  ${String(bundles.length).padStart(7)}  ${String(partitions).padStart(10)}  ${String(chunkFiles).padStart(6)}  ${kb(start).padStart(9)}  ${`${kb(median(lists))}, ${kb(Math.max(...lists))}`.padStart(33)}  ${`${kb(median(chunks))}, ${kb(Math.max(...chunks))}`.padStart(28)}  ${`${kb(median(totals))}, ${kb(Math.max(...totals))}`.padStart(28)}  ${seconds.toFixed(0).padStart(7)}  ${peak.toFixed(2).padStart(8)}`,
        );
      }
    }
  }
}

/** A Pagefind file's content: gunzipped, after the signature. */
function gunzip(bytes: Uint8Array): Uint8Array {
  return new Uint8Array(gunzipSync(bytes)).subarray(12);
}

if (import.meta.main) runCommand(main, { stack: true });
