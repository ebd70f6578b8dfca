/**
 * `npm run eval:search [-- --articles 50000 --shard-size 100000 --chunk-bytes 48000 --plant-rate 0.0006 --first 8 --think 1500 --seed 1]`
 *
 * Measures the search as a reader gets it. Builds the site of the bundled archive, indexes its
 * articles plus N generated ones with the build's own indexing code, serves the result as a
 * static host would (HTTPS and HTTP/2, text compressed with gzip; Pagefind's index files and
 * WebAssembly are gzip already and go as they are), and runs the queries below in headless
 * Chromium through the real search page. Prints, per query and overall: precision and recall against plain substring
 * search over the article texts, latency, and bytes transferred (first search in a fresh
 * browser, later searches in the same page; on the wire, and the files' own sizes); the index's
 * size, time and peak memory; and how loaded the machine was while it measured. Exits non-zero
 * when precision or recall is below 1.
 */
import { createRequire } from 'node:module';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { gunzipSync } from 'node:zlib';
import { cpus, loadavg } from 'node:os';
import type { Page } from 'playwright-core';
import { DEFAULT_PLANT_RATE, lexiconFrom, syntheticSources } from './lib/search-corpus.ts';
import { sourceLines, type SearchSource } from '../src/lib/search/records.ts';
import { DEFAULT_SHARD_SIZE, writeSearchBundles } from '../src/io/search-bundles.ts';
import { launchBrowser } from '../src/io/browser.ts';
import { buildSite, ROOT } from '../src/io/astro-build.ts';
import { serveHttp2, serveStatic, type StaticServer } from '../src/io/static-server.ts';

const { values: args } = parseArgs({
  options: {
    articles: { type: 'string', default: '50000' },
    'shard-size': { type: 'string', default: String(DEFAULT_SHARD_SIZE) },
    'chunk-bytes': { type: 'string' },
    'plant-rate': { type: 'string', default: String(DEFAULT_PLANT_RATE) },
    first: { type: 'string', default: '8' },
    think: { type: 'string', default: '1500' },
    seed: { type: 'string', default: '1' },
  },
});
const ARTICLES = Number(args.articles);
const SHARD_SIZE = Number(args['shard-size']);
const FIRST_SAMPLES = Number(args.first);
const THINK = Number(args.think);

/** A query, and for each of its terms the strings any of which an article must contain. */
interface EvalQuery {
  q: string;
  terms: string[][];
  kind: string;
}
const q = (text: string, kind: string, terms?: string[][]): EvalQuery => ({ q: text, kind, terms: terms ?? text.split(/\s+/u).map((term) => [term]) });
const QUERIES: EvalQuery[] = [
  ...['疫情', '工作', '发展', '经济', '社区', '群众', '文明', '服务', '建设', '企业', '项目', '春节', '干部', '学校', '农村', '医院'].map((t) => q(t, '2-char word')),
  ...['疫情防控', '志愿服务', '乡村振兴', '文明实践', '走访慰问', '基层治理', '经济发展', '人民群众', '工作人员', '社会组织'].map((t) => q(t, '4-char word')),
  ...['张婷', '一丁', '向婧', '张浪', '陈静'].map((t) => q(t, 'name')),
  ...['红花岗区', '仁怀市', '遵义市', '新蒲新区', '新时代文明实践中心'].map((t) => q(t, 'place')),
  ...['2022年', '7.6万', '90%', '30余个', '2021年', '76万'].map((t) => q(t, 'number')),
  ...['蒲新', '实践工作', '区新时代', '的工作', '防控工作', '中心以'].map((t) => q(t, 'across words')),
  q('誌願服務', 'traditional', [['誌願服務', '志愿服务']]),
  q('紅花崗區', 'traditional', [['紅花崗區', '红花岗区']]),
  q('張婷', 'traditional', [['張婷', '张婷']]),
  q('經濟發展', 'traditional', [['經濟發展', '经济发展']]),
  q('疫情防控 張婷', 'traditional', [['疫情防控'], ['張婷', '张婷']]),
  ...['5G', 'PM2.5', 'APP', 'pm2.5', '5GB'].map((t) => q(t, 'Latin')),
  q('"New York"', 'Latin', [['New York']]),
  ...['张婷 志愿服务', '疫情防控 社区', '仁怀市 2022年', '工作 发展 群众', '红花岗区 7.6万'].map((t) => q(t, 'several terms')),
  q('“文明实践·新蒲有约”', 'punctuation', [['“文明实践·新蒲有约”']]),
  q('蒲', 'one character'),
  q('婷', 'one character'),
];

// ---------------------------------------------------------------- ground truth

const CJK = '\\p{Script=Han}\\u3000-\\u303f\\uff00-\\uffef\\u2018\\u2019\\u201c\\u201d\\u2014\\u2026\\u00b7';
const OCR_SPACE = new RegExp(`\\s+(?=[${CJK}])|(?<=[${CJK}])\\s+`, 'gu');

/** Plain text as a reader compares it: OCR spaces next to Chinese text ignored, case and width folded. */
function plain(text: string): string {
  return text
    .normalize('NFC')
    .replace(/[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]/gu, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(OCR_SPACE, '')
    .replace(/\s+/gu, ' ')
    .trim()
    .toLowerCase();
}

/** Each article's searchable lines as `plain` text, computed once for all queries. */
const plainCache = new WeakMap<SearchSource, string[]>();

function expected(sources: readonly SearchSource[], query: EvalQuery): Set<string> {
  const found = new Set<string>();
  const needles = query.terms.map((alternatives) => alternatives.map(plain));
  for (const source of sources) {
    let lines = plainCache.get(source);
    if (!lines) plainCache.set(source, (lines = sourceLines(source).map(plain)));
    if (needles.every((alternatives) => alternatives.some((needle) => lines.some((line) => line.includes(needle))))) found.add(source.url);
  }
  return found;
}

// ---------------------------------------------------------------- measuring

/** Peak resident memory of the Pagefind service processes started by this process. */
function watchPagefindMemory(): { stop(): number } {
  let peak = 0;
  const poll = () => {
    for (const pid of readdirSync('/proc').filter((name) => /^\d+$/u.test(name))) {
      try {
        const status = readFileSync(`/proc/${pid}/status`, 'utf8');
        if (!/^Name:\s+pagefind/mu.test(status) || !status.includes(`PPid:\t${process.pid}`)) continue;
        const hwm = Number(/VmHWM:\s+(\d+)/u.exec(status)?.[1] ?? 0) * 1024;
        peak = Math.max(peak, hwm);
      } catch {
        // the process ended between listing and reading
      }
    }
  };
  const timer = setInterval(poll, 200);
  return {
    stop() {
      clearInterval(timer);
      poll();
      return peak;
    },
  };
}

/** Bytes sent since the last reset: on the wire (compressed where a host compresses) and the files' sizes. */
function transfer(server: StaticServer): { raw: number; wire: number; files: number } {
  let raw = 0;
  let wire = 0;
  for (const bytes of server.sent.values()) raw += bytes;
  for (const bytes of server.wire.values()) wire += bytes;
  return { raw, wire, files: server.sent.size };
}

function reset(server: StaticServer): void {
  server.sent.clear();
  server.wire.clear();
}

interface Last {
  query: string;
  ids: string[];
  total: number;
  ms: number;
  /** Until the results were counted; the rest is loading and showing the first page of them. */
  searchMs: number;
}

async function runQuery(page: Page, query: string): Promise<Last> {
  await page.getByRole('searchbox').fill(query);
  await page.getByRole('searchbox').press('Enter');
  await page.waitForFunction((text) => (window as unknown as { archiveSearchLast?: Last }).archiveSearchLast?.query === text, query, { timeout: 120_000 });
  return page.evaluate(() => (window as unknown as { archiveSearchLast: Last }).archiveSearchLast);
}

function fragmentUrls(site: string, bundles: string[]): Map<string, string> {
  const urls = new Map<string, string>();
  for (const bundle of bundles) {
    const dir = join(site, bundle, 'fragment');
    for (const name of readdirSync(dir)) {
      const bytes = gunzipSync(readFileSync(join(dir, name)));
      const json = JSON.parse(bytes.subarray(12).toString('utf8')) as { url: string };
      urls.set(name.replace(/\.pf_fragment$/u, ''), json.url);
    }
  }
  return urls;
}

/** Bytes on the wire since the last reset, by kind of file. */
function breakdown(server: StaticServer): Record<string, number> {
  const kinds: Record<string, number> = {};
  for (const [path, bytes] of server.wire) {
    const kind = /pagefind(-worker)?\.js$|wasm\./u.test(path)
      ? 'runtime'
      : /\.pf_meta$|pagefind-entry|search-shards|archive-facets/u.test(path)
        ? 'meta'
        : /\.pf_index$/u.test(path)
          ? 'index'
          : /\.pf_fragment$/u.test(path)
            ? 'fragments'
            : /\.pf_filter$/u.test(path)
              ? 'filters'
              : 'other';
    kinds[kind] = (kinds[kind] ?? 0) + bytes;
  }
  return kinds;
}
const parts = (kinds: Record<string, number>) => Object.entries(kinds).map(([kind, bytes]) => `${kind} ${(bytes / 1024).toFixed(0)}`).join(', ');

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const load = () => loadavg().map((value) => value.toFixed(2)).join(' / ');
const quantile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(p * values.length))] ?? 0;

// ---------------------------------------------------------------- main

const work = resolve(ROOT, '.cache/eval-search');
const site = join(work, 'dist');
console.log(`[eval:search] building the site of the bundled archive into ${site}`);
await buildSite({ outDir: site, astroCache: join(work, 'astro'), photoCache: resolve(ROOT, '.cache/e2e/photos'), env: { ARCHIVE_SEARCH_KEEP_SOURCES: '1' } });
const sample: SearchSource[] = [];
for (const file of readdirSync(join(site, '_search-sources'))) sample.push(...(JSON.parse(await readFile(join(site, '_search-sources', file), 'utf8')) as SearchSource[]));
await rm(join(site, '_search-sources'), { recursive: true, force: true });

const require = createRequire(import.meta.url);
const dict = readFileSync(require.resolve('@node-rs/jieba/dict.txt'), 'utf8');
const lexicon = lexiconFrom(dict.split('\n').map((line) => line.split(' ')).map(([word, freq]) => [word ?? '', Number(freq)] as [string, number]));
const sources = [...sample, ...syntheticSources(ARTICLES, lexicon, Number(args.seed), Number(args['plant-rate']))];
const characters = sources.reduce((sum, source) => sum + sourceLines(source).join('').length, 0);
console.log(`[eval:search] ${sources.length} articles (${sample.length} real, ${ARTICLES} generated, query strings planted at ${args['plant-rate']} per word), ${(characters / 1e6).toFixed(1)} M characters; bundles of at most ${SHARD_SIZE}`);

const memory = watchPagefindMemory();
const indexStarted = performance.now();
const nodeBefore = process.memoryUsage().rss;
const { bundles } = await writeSearchBundles(sources, site, { shardSize: SHARD_SIZE, chunkBytes: args['chunk-bytes'] ? Number(args['chunk-bytes']) : undefined });
const indexMs = performance.now() - indexStarted;
const pagefindPeak = memory.stop();
const nodePeak = process.resourceUsage().maxRSS * 1024;
let indexBytes = 0;
let indexFiles = 0;
const walk = (dir: string): void => {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path);
    else {
      indexBytes += statSync(path).size;
      indexFiles++;
    }
  }
};
walk(join(site, 'pagefind'));
const chunks = bundles.reduce((sum, bundle) => sum + readdirSync(join(site, bundle, 'index')).length, 0);
const indexLine =
  `indexed in ${(indexMs / 1000).toFixed(1)} s into ${bundles.length} bundle(s), ${indexFiles} files (${chunks} word chunks), ${(indexBytes / 2 ** 20).toFixed(0)} MiB on disk; ` +
  `peak memory: this Node process ${(nodePeak / 2 ** 30).toFixed(2)} GiB (${(nodeBefore / 2 ** 30).toFixed(2)} GiB before indexing), Pagefind service ${(pagefindPeak / 2 ** 30).toFixed(2)} GiB`;
console.log(`[eval:search] ${indexLine}`);

const urls = fragmentUrls(site, bundles);
// HTTPS and HTTP/2 as hosts serve sites (see src/io/search-server.ts); HTTP/1.1 when openssl is missing
let host = 'HTTPS and HTTP/2, text gzip-compressed';
const server = await serveHttp2(site, join(work, 'tls')).catch(async (error: unknown) => {
  host = `HTTP/1.1, text gzip-compressed (no HTTP/2: ${String(error).slice(0, 80)})`;
  return serveStatic(site, { compress: true });
});
const loadBefore = load();
const browser = await launchBrowser();

// first searches: a fresh browser context each, cold caches; once entered at once, once after
// THINK ms in the search box (the page starts loading the search when the box gets focus, as a
// reader's typing would let it)
type First = { query: string; ms: number; searchMs: number; raw: number; wire: number; page: number; kinds: Record<string, number> };
const firsts: First[] = [];
const thoughtFirsts: First[] = [];
for (const query of QUERIES.filter((_, index) => index % Math.max(1, Math.floor(QUERIES.length / FIRST_SAMPLES)) === 0).slice(0, FIRST_SAMPLES)) {
  for (const [list, think] of [[firsts, 0], [thoughtFirsts, THINK]] as const) {
    const context = await browser.newContext({ ignoreHTTPSErrors: true });
    const page = await context.newPage();
    reset(server);
    await page.goto(`${server.url}/search/`);
    await page.waitForLoadState('networkidle');
    const pageBytes = transfer(server).wire;
    reset(server);
    if (think > 0) {
      await page.getByRole('searchbox').focus();
      await page.waitForTimeout(think);
    }
    const last = await runQuery(page, query.q);
    // everything fetched since the page loaded: manifest, Pagefind runtime and index, converter, fragments
    const bytes = transfer(server);
    list.push({ query: query.q, ms: last.ms, searchMs: last.searchMs, raw: bytes.raw, wire: bytes.wire, page: pageBytes, kinds: breakdown(server) });
    await context.close();
  }
}

// every query in one page, as a researcher works
const context = await browser.newContext({ ignoreHTTPSErrors: true });
const page = await context.newPage();
await page.goto(`${server.url}/search/`);
await runQuery(page, '文明');
const rows: Array<{ query: EvalQuery; expected: number; got: number; tp: number; ms: number; searchMs: number; raw: number; wire: number; kinds: Record<string, number> }> = [];
for (const query of QUERIES) {
  reset(server);
  const last = await runQuery(page, query.q);
  const bytes = transfer(server);
  const want = expected(sources, query);
  const got = new Set(last.ids.map((id) => urls.get(id) ?? `?${id}`));
  let tp = 0;
  for (const url of got) if (want.has(url)) tp++;
  rows.push({ query, expected: want.size, got: got.size, tp, ms: last.ms, searchMs: last.searchMs, raw: bytes.raw, wire: bytes.wire, kinds: breakdown(server) });
}
await context.close();
await browser.close();
await server.close();
const loadAfter = load();

// ---------------------------------------------------------------- report

console.log('\nquery                      kind            expected  found  precision  recall   ms   KB(wire)   KB(raw)');
for (const row of rows) {
  const precision = row.got === 0 ? (row.expected === 0 ? 1 : 0) : row.tp / row.got;
  const recall = row.expected === 0 ? 1 : row.tp / row.expected;
  console.log(
    `${row.query.q.padEnd(26 - [...row.query.q].filter((ch) => ch.charCodeAt(0) > 0x2e80).length)} ${row.query.kind.padEnd(15)} ${String(row.expected).padStart(8)} ${String(row.got).padStart(6)}  ${precision.toFixed(3).padStart(9)}  ${recall.toFixed(3).padStart(6)} ${String(Math.round(row.ms)).padStart(5)} ${(row.wire / 1024).toFixed(1).padStart(10)} ${(row.raw / 1024).toFixed(1).padStart(9)}`,
  );
}
const tp = rows.reduce((sum, row) => sum + row.tp, 0);
const got = rows.reduce((sum, row) => sum + row.got, 0);
const want = rows.reduce((sum, row) => sum + row.expected, 0);
const exact = rows.filter((row) => row.tp === row.got && row.tp === row.expected).length;
const later = rows.map((row) => row.ms);
const mean = (values: Record<string, number>[]) => {
  const total: Record<string, number> = {};
  for (const kinds of values) for (const [kind, bytes] of Object.entries(kinds)) total[kind] = (total[kind] ?? 0) + bytes / values.length;
  return total;
};
console.log(`\n[eval:search] ${rows.length} queries over ${sources.length} articles in ${bundles.length} bundle(s)`);
console.log(`machine: ${cpus().length} cores; load average (1 / 5 / 15 min) ${loadBefore} when the browser runs started, ${loadAfter} when they ended; host: ${host}`);
console.log(`precision ${(got === 0 ? 1 : tp / got).toFixed(4)}  recall ${(want === 0 ? 1 : tp / want).toFixed(4)}  (${tp} of ${got} found are right, ${tp} of ${want} expected found; ${exact}/${rows.length} queries exact)`);
console.log(
  `first search (fresh browser, ${firsts.length} queries): latency median ${Math.round(quantile(firsts.map((f) => f.ms), 0.5))} ms (counted after ${Math.round(quantile(firsts.map((f) => f.searchMs), 0.5))} ms), max ${Math.round(Math.max(...firsts.map((f) => f.ms)))} ms; ` +
    `transfer on the wire median ${kb(quantile(firsts.map((f) => f.wire), 0.5))}, max ${kb(Math.max(...firsts.map((f) => f.wire)))} (files' own size: median ${kb(quantile(firsts.map((f) => f.raw), 0.5))}, max ${kb(Math.max(...firsts.map((f) => f.raw)))}); ` +
    `the search page before it: ${kb(quantile(firsts.map((f) => f.page), 0.5))} on the wire`,
);
console.log(`  first search, mean KB on the wire by kind: ${parts(mean(firsts.map((f) => f.kinds)))}`);
console.log(
  `first search after ${THINK} ms in the search box (fresh browser): latency median ${Math.round(quantile(thoughtFirsts.map((f) => f.ms), 0.5))} ms (counted after ${Math.round(quantile(thoughtFirsts.map((f) => f.searchMs), 0.5))} ms), max ${Math.round(Math.max(...thoughtFirsts.map((f) => f.ms)))} ms; ` +
    `transfer on the wire median ${kb(quantile(thoughtFirsts.map((f) => f.wire), 0.5))}, max ${kb(Math.max(...thoughtFirsts.map((f) => f.wire)))}`,
);
for (const first of firsts) console.log(`  first ${first.query}: ${Math.round(first.ms)} ms (counted after ${Math.round(first.searchMs)} ms), ${kb(first.wire)} on the wire, ${kb(first.raw)} raw (KB on the wire: ${parts(first.kinds)})`);
console.log(
  `later searches: latency median ${Math.round(quantile(later, 0.5))} ms (counted after ${Math.round(quantile(rows.map((r) => r.searchMs), 0.5))} ms), p90 ${Math.round(quantile(later, 0.9))} ms, max ${Math.round(Math.max(...later))} ms; ` +
    `transfer on the wire median ${kb(quantile(rows.map((r) => r.wire), 0.5))}, p90 ${kb(quantile(rows.map((r) => r.wire), 0.9))}, max ${kb(Math.max(...rows.map((r) => r.wire)))} (raw median ${kb(quantile(rows.map((r) => r.raw), 0.5))}, max ${kb(Math.max(...rows.map((r) => r.raw)))})`,
);
console.log(`  later searches, mean KB on the wire by kind: ${parts(mean(rows.map((r) => r.kinds)))}`);
console.log(`index: ${indexLine}`);
await mkdir(work, { recursive: true });
await writeFile(
  join(work, 'report.json'),
  JSON.stringify({ articles: sources.length, shardSize: SHARD_SIZE, bundles: bundles.length, indexMs, indexBytes, indexFiles, chunks, pagefindPeak, nodePeak, loadBefore, loadAfter, firsts, thoughtFirsts, rows: rows.map((r) => ({ ...r, query: r.query.q })) }, null, 1),
);
if (tp !== got || tp !== want) process.exitCode = 1;
