/**
 * `npm run eval:search [-- --articles 50000,200000 --shard-size 50000 --chunk-bytes 24000 --partition-chunks 32 --plant-rate 0.0006 --first 8 --think 1500 --seed 1 --reuse-site --out bench-results/…json]`
 *
 * Measures the search as a reader gets it, at each archive size given. Builds the site of the
 * bundled archive once; then for each size, in a process of its own (so that its memory is its
 * own): indexes the bundled articles plus N generated ones with the build's own indexing code,
 * serves the result as a static host would (HTTPS and HTTP/2, text compressed with gzip;
 * Pagefind's index files and WebAssembly are gzip already and go as they are), and runs the
 * queries below, and their full-width, mixed-width and traditional variants, in headless
 * Chromium through the real search page. Prints per query and per size: precision and recall
 * against plain substring search over the article texts (and for the suspected misreadings,
 * against the flags in the data), latency, and bytes transferred by kind of file (first search
 * in a fresh browser, later searches in the same page); the index's size, time and peak memory;
 * how loaded the machine was. Then one table with a column per size. Writes the JSON to `--out`
 * (default `bench-results/search-<sizes>-<commit>.json`). Exits non-zero when precision or
 * recall is below 1.
 *
 * A first search is measured twice (docs/0015): until its first results are shown (the newest
 * tiers; the page's older-tier search is held meanwhile through `window.archiveSearchHold`), and
 * until the count is complete. Precision and recall are always of the complete results.
 * `--reuse-site` keeps the bundled archive's site from an earlier run (.cache/eval-search/site)
 * instead of building it again (the index is always written anew: it is what is measured).
 */
import { execFileSync, spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { gunzipSync } from 'node:zlib';
import { cpus, loadavg } from 'node:os';
import { Converter } from 'opencc-js';
import type { Page } from 'playwright-core';
import { DEFAULT_PLANT_RATE, lexiconFrom, syntheticSources } from './lib/search-corpus.ts';
import { sourceLines } from '../src/lib/search/index-format.ts';
import type { SearchSource } from '../src/lib/search/records.ts';
import type { SearchReport } from '../src/lib/search/controller.ts';
import { DEFAULT_FIRST_TIER, DEFAULT_SHARD_SIZE, writeSearchBundles } from '../src/io/search-bundles.ts';
import { countSetting } from '../src/lib/settings.ts';
import { launchBrowser } from '../src/io/browser.ts';
import { buildSite, ROOT } from '../src/io/astro-build.ts';
import { serveHttp2, serveStatic, type StaticServer } from '../src/io/static-server.ts';
import { currentCommit } from '../src/io/git.ts';
import { runCommand } from '../src/io/cli.ts';

const USAGE = `npm run eval:search [-- options]

Indexes the bundled archive plus N generated articles for each size, serves it over HTTPS and
HTTP/2 with gzip, and runs the evaluation's queries through the real search page in Chromium.
Prints precision and recall, bytes and time of a first search (to its first results and to its
complete count) and of later searches, and the index's time and memory; writes JSON.

  --articles N,M          generated articles per size (default 50000)
  --shard-size N          articles per search tier (default ${DEFAULT_SHARD_SIZE})
  --first-tier N          articles in the newest tier (default ${DEFAULT_FIRST_TIER}, the build's)
  --chunk-bytes N         word chunk size in bytes (default: the build's)
  --partition-chunks N    word chunks per partition (default: the build's)
  --plant-rate F          how often query strings are planted per word (default ${DEFAULT_PLANT_RATE})
  --first N               first searches measured, each in a fresh browser (default 8)
  --think MS              pause between later searches (default 1500)
  --seed N                seed of the generated articles (default 1)
  --reuse-site            keep the bundled archive's site from an earlier run
  --work DIR              working folder, so that two runs can go side by side (default .cache/eval-search)
  --out FILE              JSON report (default bench-results/search-<sizes>-<commit>.json)
`;

const OPTIONS = {
  articles: { type: 'string', default: '50000' },
  'shard-size': { type: 'string', default: String(DEFAULT_SHARD_SIZE) },
  'first-tier': { type: 'string' },
  'chunk-bytes': { type: 'string' },
  'partition-chunks': { type: 'string' },
  'plant-rate': { type: 'string', default: String(DEFAULT_PLANT_RATE) },
  first: { type: 'string', default: '8' },
  think: { type: 'string', default: '1500' },
  seed: { type: 'string', default: '1' },
  'reuse-site': { type: 'boolean', default: false },
  /** Working folder (sites, reports), so that two runs can go side by side. */
  work: { type: 'string', default: '.cache/eval-search' },
  out: { type: 'string' },
  /** Internal: measure one size and write its report here. */
  child: { type: 'string' },
  help: { type: 'boolean', default: false },
} as const;

const { values: args } = parseOptions();
if (args.help) {
  process.stdout.write(USAGE);
  process.exit(0);
}

function parseOptions() {
  try {
    return parseArgs({ options: OPTIONS });
  } catch (error) {
    process.stderr.write(`error: ${(error as Error).message}\n\n${USAGE}`);
    process.exit(2);
  }
}
const SIZES = args.articles.split(',').map((size) => Number(size.trim()));
const { SHARD_SIZE, FIRST_TIER } = countOptions();

/** The options that size the index, checked before anything is generated (a bad one is usage, exit 2). */
function countOptions() {
  try {
    return {
      SHARD_SIZE: countSetting('--shard-size', args['shard-size'], DEFAULT_SHARD_SIZE),
      FIRST_TIER: countSetting('--first-tier', args['first-tier'], DEFAULT_FIRST_TIER),
    };
  } catch (error) {
    process.stderr.write(`error: ${(error as Error).message}\n\n${USAGE}`);
    process.exit(2);
  }
}
const FIRST_SAMPLES = Number(args.first);
const THINK = Number(args.think);
const work = resolve(ROOT, args.work);
const siteTemplate = join(work, 'site');

// ---------------------------------------------------------------- queries

/** A query: for each of its terms the strings any of which an article must contain, and the strings none of which it may. */
interface EvalQuery {
  q: string;
  terms: string[][];
  not?: string[];
  kind: string;
  /** Check the suspected misreadings too (against the flags in the data). */
  ocr?: boolean;
}
const q = (text: string, kind: string, terms?: string[][], extra: Partial<EvalQuery> = {}): EvalQuery => ({ q: text, kind, terms: terms ?? text.split(/\s+/u).map((term) => [term]), ...extra });
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
  // the quotes are the query's (a phrase), not text to find: the phrase is printed quoted and not
  // (开展文明实践·新蒲有约活动, a headline that starts with it); the middle dot is text
  q('“文明实践·新蒲有约”', 'punctuation', [['文明实践·新蒲有约']]),
  q('蒲', 'one character'),
  q('婷', 'one character'),
  q('疫情防控 OR 乡村振兴', 'or / not', [['疫情防控', '乡村振兴']]),
  q('仁怀市 或 遵义市 2022年', 'or / not', [['仁怀市', '遵义市'], ['2022年']]),
  q('志愿服务 -张婷', 'or / not', [['志愿服务']], { not: ['张婷'] }),
  q('新蒲新区 -"New York" -7.6万', 'or / not', [['新蒲新区']], { not: ['New York', '7.6万'] }),
  ...['村医入户', '村医人户', '已经', '己经', '工作', '入户走访', '怍'].map((t) => q(t, 'ocr', undefined, { ocr: true })),
];

const toAscii = (ch: string) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0);
const toFullWidth = (ch: string) => (ch >= '!' && ch <= '~' ? String.fromCharCode(ch.charCodeAt(0) + 0xfee0) : ch);
/** The query typed with every ASCII character full-width, as a Chinese IME types it; or every other one. */
const fullWidth = (text: string) => [...text].map(toFullWidth).join('');
const mixedWidth = (text: string) => [...text].map((ch, i) => (i % 2 === 0 ? toFullWidth(ch) : ch)).join('');

/** The queries and their variants: full-width, mixed-width and traditional (each only where it differs). */
function withVariants(queries: readonly EvalQuery[]): EvalQuery[] {
  const toTraditional = Converter({ from: 'cn', to: 't' });
  const toSimplified = Converter({ from: 't', to: 'cn' });
  const out: EvalQuery[] = [];
  for (const query of queries) {
    out.push(query);
    if (query.ocr || query.kind === 'traditional') continue;
    for (const [kind, change] of [
      ['full-width', fullWidth],
      ['mixed width', mixedWidth],
    ] as const) {
      // operators and quotes stay as typed; the terms change width (their expected texts do not: width is folded)
      const typed = query.q.replace(/[^\s"“”|-]+/gu, (term) => (term === 'OR' ? term : change(term)));
      if (typed !== query.q) out.push({ ...query, q: typed, kind: `${query.kind}, ${kind}` });
    }
    const traditional = query.q.replace(/[^\s"“”|-]+/gu, (term) => (term === 'OR' ? term : toTraditional(term)));
    if (traditional !== query.q) {
      // a traditional term also searches its simplified form
      const forms = (term: string) => [...new Set([toTraditional(term), toSimplified(toTraditional(term))])];
      out.push({ ...query, q: traditional, kind: `${query.kind}, traditional`, terms: query.terms.map((alternatives) => alternatives.flatMap(forms)), ...(query.not ? { not: query.not.flatMap(forms) } : {}) });
    }
  }
  return out;
}

// ---------------------------------------------------------------- ground truth

const CJK = '\\p{Script=Han}\\u3000-\\u303f\\uff00-\\uffef\\u2018\\u2019\\u201c\\u201d\\u2014\\u2026\\u00b7';
const OCR_SPACE = new RegExp(`\\s+(?=[${CJK}])|(?<=[${CJK}])\\s+`, 'gu');

/**
 * Plain text as a reader compares it: OCR spaces next to Chinese text ignored (full-width
 * letters and digits count as Latin there, full-width punctuation as Chinese), case and the
 * width of ASCII's full-width forms folded.
 */
function plain(text: string): string {
  return text
    .normalize('NFC')
    .replace(/[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]/gu, toAscii)
    .replace(OCR_SPACE, '')
    .replace(/[\uff01-\uff5e]/gu, toAscii)
    .replace(/\s+/gu, ' ')
    .trim()
    .toLowerCase();
}

/** Each article's searchable lines as `plain` text, computed once for all queries; and as its flags suggest, with the changed places. */
const plainCache = new WeakMap<SearchSource, string[]>();
const suggestedCache = new WeakMap<SearchSource, Array<{ line: string; changed: number[] }>>();
const linesOf = (source: SearchSource) => {
  let lines = plainCache.get(source);
  if (!lines) plainCache.set(source, (lines = sourceLines(source).map(plain)));
  return lines;
};
/** The lines read as the flags suggest: each flagged excerpt replaced, where it stands, and where characters changed. */
function suggestedLines(source: SearchSource): Array<{ line: string; changed: number[] }> {
  let lines = suggestedCache.get(source);
  if (!lines) {
    lines = linesOf(source).map((line) => {
      const chars = [...line];
      const changed: number[] = [];
      for (const { excerpt, suggestion } of source.suspects ?? []) {
        const from = [...plain(excerpt)];
        const to = [...plain(suggestion)];
        for (let i = 0; i + from.length <= chars.length; i++) {
          if (from.every((ch, k) => chars[i + k] === ch)) for (let k = 0; k < from.length; k++) if (to[k] !== from[k]) ((chars[i + k] = to[k]!), changed.push(i + k));
        }
      }
      return { line: chars.join(''), changed };
    });
    suggestedCache.set(source, lines);
  }
  return lines;
}

/** Does a line hold the needle at a place that overlaps one of `changed` (code point offsets)? */
function holdsAcross(line: string, needle: string, changed: readonly number[]): boolean {
  const chars = [...line];
  const n = [...needle];
  for (let i = 0; i + n.length <= chars.length; i++) if (n.every((ch, k) => chars[i + k] === ch) && changed.some((c) => c >= i && c < i + n.length)) return true;
  return false;
}

/** The articles a query should find exactly, and those it should find only as the flags suggest. */
function expected(sources: readonly SearchSource[], query: EvalQuery): { exact: Set<string>; suspected: Set<string>; flagged: Set<string> } {
  const exact = new Set<string>();
  const suspected = new Set<string>();
  const flagged = new Set<string>();
  const needles = query.terms.map((alternatives) => alternatives.map(plain));
  const not = (query.not ?? []).map(plain);
  for (const source of sources) {
    const lines = linesOf(source);
    const has = (needle: string) => lines.some((line) => line.includes(needle));
    if (!not.some(has) && needles.every((alternatives) => alternatives.some(has))) exact.add(source.url);
    if (!query.ocr || !source.suspects?.length) continue;
    const suggested = suggestedLines(source);
    const bySuggestion = (needle: string) => suggested.some(({ line, changed }) => holdsAcross(line, needle, changed));
    if (!exact.has(source.url) && needles.every((alternatives) => alternatives.some((needle) => has(needle) || bySuggestion(needle)))) suspected.add(source.url);
    // printed where a flag suggests otherwise
    if (exact.has(source.url) && needles.some((alternatives) => alternatives.some((needle) => lines.some((line, l) => holdsAcross(line, needle, suggested[l]!.changed) && !holdsAcross(suggested[l]!.line, needle, suggested[l]!.changed)))))
      flagged.add(source.url);
  }
  return { exact, suspected, flagged };
}

// ---------------------------------------------------------------- measuring

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

/** What the page reports of a finished search (`window.archiveSearchLast`). */
type Last = SearchReport;

/** Type a query and wait for its report: the complete one, or (`shown`) the first, when its first page is shown. */
async function runQuery(page: Page, query: string, shown = false): Promise<Last> {
  await page.getByRole('searchbox').fill(query);
  await page.getByRole('searchbox').press('Enter');
  return waitReport(page, query, shown);
}

async function waitReport(page: Page, query: string, shown = false): Promise<Last> {
  await page.waitForFunction(
    ([text, any]) => {
      const last = (window as unknown as { archiveSearchLast?: Last }).archiveSearchLast;
      return last?.query === text && (any || last.complete);
    },
    [query, shown] as const,
    { timeout: 300_000 },
  );
  return page.evaluate(() => (window as unknown as { archiveSearchLast: Last }).archiveSearchLast);
}

/** In a page: hold the search of older tiers until the evaluation has counted the first page's bytes. */
const HOLD_OLDER_TIERS = `window.archiveSearchHold = () => new Promise((resolve) => { window.archiveSearchRelease = resolve; });`;

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

/**
 * The kinds of file a search loads: Pagefind's runtime; what starts a search (the manifest, the
 * bundle file, the empty index); the word partitions' entries and metadata (their chunk lists
 * and group lists); the word chunks; fragments; filters; the traditional converter; the rest.
 */
const KINDS = ['runtime', 'start', 'partition lists', 'word chunks', 'fragments', 'filters', 'converter', 'other'] as const;
type Kind = (typeof KINDS)[number];
function kindOf(path: string): Kind {
  if (/pagefind(-worker)?\.js$|wasm\./u.test(path)) return 'runtime';
  if (/\/w\/[0-9a-z]+\/(pagefind-entry\.json|pagefind\..*\.pf_meta)$/u.test(path)) return 'partition lists';
  if (/\.pf_meta$|pagefind-entry|search-shards|bundle\.json|archive-facets/u.test(path)) return 'start';
  if (/\.pf_index$/u.test(path)) return 'word chunks';
  if (/\.pf_fragment$/u.test(path)) return 'fragments';
  if (/\/filter\//u.test(path)) return 'filters';
  if (/t2cn|opencc/u.test(path)) return 'converter';
  return 'other';
}

/** Bytes on the wire since the last reset, by kind of file. */
function breakdown(server: StaticServer): Record<Kind, number> {
  const kinds = Object.fromEntries(KINDS.map((kind) => [kind, 0])) as Record<Kind, number>;
  for (const [path, bytes] of server.wire) kinds[kindOf(path)] += bytes;
  return kinds;
}
const addKinds = (a: Record<Kind, number>, b: Record<Kind, number>) => Object.fromEntries(KINDS.map((kind) => [kind, a[kind] + b[kind]])) as Record<Kind, number>;
const parts = (kinds: Record<string, number>) =>
  Object.entries(kinds)
    .filter(([, bytes]) => bytes > 0)
    .map(([kind, bytes]) => `${kind} ${(bytes / 1024).toFixed(1)}`)
    .join(', ');

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const load = () => loadavg().map((value) => value.toFixed(2)).join(' / ');
const quantile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(p * values.length))] ?? 0;
const median = (values: number[]) => quantile(values, 0.5);
const mean = (values: Array<Record<string, number>>) => {
  const total: Record<string, number> = {};
  for (const kinds of values) for (const [kind, bytes] of Object.entries(kinds)) total[kind] = (total[kind] ?? 0) + bytes / values.length;
  return total;
};

interface First {
  query: string;
  /** Until the count was complete (every tier searched). */
  ms: number;
  searchMs: number;
  raw: number;
  wire: number;
  page: number;
  kinds: Record<Kind, number>;
  files: number;
  /** Until the first results were shown: time, bytes on the wire, by kind (the same as the above when one tier sufficed). */
  shownMs: number;
  shownWire: number;
  shownKinds: Record<Kind, number>;
  /** Was the first page shown before the older tiers were searched? */
  tiered: boolean;
}
interface Row {
  query: string;
  kind: string;
  expected: number;
  got: number;
  tp: number;
  suspected?: { expected: number; got: number; tp: number; flaggedExpected: number; flaggedGot: number; flaggedTp: number };
  ms: number;
  searchMs: number;
  raw: number;
  wire: number;
  kinds: Record<Kind, number>;
}

/** What one size measured. */
interface SizeReport {
  articles: number;
  generated: number;
  characters: number;
  shardSize: number;
  bundles: number;
  partitions: number;
  chunks: number;
  indexMs: number;
  indexBytes: number;
  indexFiles: number;
  nodeBefore: number;
  nodePeak: number;
  loadBefore: string;
  loadAfter: string;
  host: string;
  firsts: First[];
  thoughtFirsts: First[];
  /** From a link (the query in the address): from the navigation to the first results shown. */
  linkShownMs: number[];
  rows: Row[];
}

// ---------------------------------------------------------------- one size

async function measure(generated: number): Promise<SizeReport> {
  const site = join(work, `site-${generated}`);
  await rm(site, { recursive: true, force: true });
  execFileSync('cp', ['-a', siteTemplate, site]);
  const sample = JSON.parse(await readFile(join(work, 'sample.json'), 'utf8')) as SearchSource[];
  const require = createRequire(import.meta.url);
  const dict = readFileSync(require.resolve('@node-rs/jieba/dict.txt'), 'utf8');
  const lexicon = lexiconFrom(dict.split('\n').map((line) => line.split(' ')).map(([word, freq]) => [word ?? '', Number(freq)] as [string, number]));
  const sources = [...sample, ...syntheticSources(generated, lexicon, Number(args.seed), Number(args['plant-rate']))];
  const characters = sources.reduce((sum, source) => sum + sourceLines(source).join('').length, 0);
  const flaggedArticles = sources.filter((source) => source.suspects?.length).length;
  console.log(
    `[eval:search] ${sources.length} articles (${sample.length} real, ${generated} generated, query strings planted at ${args['plant-rate']} per word, ${flaggedArticles} with flagged misreads), ${(characters / 1e6).toFixed(1)} M characters; bundles of at most ${SHARD_SIZE}, the newest of ${Math.min(FIRST_TIER, SHARD_SIZE)}`,
  );

  const indexStarted = performance.now();
  const nodeBefore = process.memoryUsage().rss;
  const { bundles } = await writeSearchBundles(sources, site, {
    shardSize: SHARD_SIZE,
    firstTier: FIRST_TIER,
    chunkBytes: args['chunk-bytes'] ? Number(args['chunk-bytes']) : undefined,
    partitionChunks: args['partition-chunks'] ? Number(args['partition-chunks']) : undefined,
  });
  const indexMs = performance.now() - indexStarted;
  // the process's peak so far: its articles and the index writer
  const nodePeak = process.resourceUsage().maxRSS * 1024;
  let indexBytes = 0;
  let indexFiles = 0;
  let chunks = 0;
  let partitions = 0;
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      const stat = statSync(path);
      if (stat.isDirectory()) {
        if (/\/w\/[0-9a-z]+$/u.test(path)) partitions++;
        walk(path);
      } else {
        indexBytes += stat.size;
        indexFiles++;
        if (name.endsWith('.pf_index')) chunks++;
      }
    }
  };
  walk(join(site, 'pagefind'));
  console.log(
    `[eval:search] indexed in ${(indexMs / 1000).toFixed(1)} s into ${bundles.length} bundle(s), ${partitions} word partitions, ${chunks} word chunks, ${indexFiles} files, ${(indexBytes / 2 ** 20).toFixed(0)} MiB on disk; ` +
      `peak memory of this process ${(nodePeak / 2 ** 30).toFixed(2)} GiB (${(nodeBefore / 2 ** 30).toFixed(2)} GiB before indexing, with the articles in memory)`,
  );

  const urls = fragmentUrls(site, bundles);
  // HTTPS and HTTP/2 as hosts serve sites (see src/io/static-server.ts); HTTP/1.1 when openssl is missing
  let host = 'HTTPS and HTTP/2, text gzip-compressed';
  const server = await serveHttp2(site, join(work, 'tls')).catch(async (error: unknown) => {
    host = `HTTP/1.1, text gzip-compressed (no HTTP/2: ${String(error).slice(0, 80)})`;
    return serveStatic(site, { compress: true });
  });
  const loadBefore = load();
  const browser = await launchBrowser();

  // first searches: a fresh browser context each, cold caches; once entered at once when the page
  // has loaded, once after THINK ms in the search box (the page starts loading the search when it
  // is idle after loading, or when the box gets focus), and once from a link (the query in the
  // address: nothing of the search loaded before, timed from the navigation)
  const firsts: First[] = [];
  const thoughtFirsts: First[] = [];
  const linkShownMs: number[] = [];
  // sampled from the queries the evaluation has always had (not the query language's or the misreads'), so that runs compare
  const pool = QUERIES.filter((query) => query.kind !== 'or / not' && query.kind !== 'ocr');
  for (const query of pool.filter((_, index) => index % Math.max(1, Math.floor(pool.length / FIRST_SAMPLES)) === 0).slice(0, FIRST_SAMPLES)) {
    for (const [list, think] of [
      [firsts, 0],
      [thoughtFirsts, THINK],
    ] as const) {
      const context = await browser.newContext({ ignoreHTTPSErrors: true });
      await context.addInitScript(HOLD_OLDER_TIERS);
      const page = await context.newPage();
      reset(server);
      await page.goto(`${server.url}/search/`);
      await page.waitForLoadState('networkidle');
      // the page starts Pagefind when it is idle after loading: those files count as the first search's
      const warmed = breakdown(server);
      const pageBytes = warmed.other;
      warmed.other = 0;
      const warmedWire = Object.values(warmed).reduce((sum, bytes) => sum + bytes, 0);
      reset(server);
      if (think > 0) {
        await page.getByRole('searchbox').focus();
        await page.waitForTimeout(think);
      }
      // the first results shown (older tiers held meanwhile), then the complete count
      const first = await runQuery(page, query.q, true);
      const shownWire = transfer(server).wire + warmedWire;
      const shownKinds = addKinds(breakdown(server), warmed);
      await page.evaluate(() => (window as unknown as { archiveSearchRelease?: () => void }).archiveSearchRelease?.());
      const last = first.complete ? first : await waitReport(page, query.q);
      // everything fetched since the page loaded: manifest, Pagefind runtime and index, converter, fragments
      const bytes = transfer(server);
      list.push({
        query: query.q,
        ms: last.ms,
        searchMs: last.searchMs,
        raw: bytes.raw + warmedWire,
        wire: bytes.wire + warmedWire,
        page: pageBytes,
        kinds: addKinds(breakdown(server), warmed),
        files: bytes.files,
        shownMs: first.shownMs,
        shownWire,
        shownKinds,
        tiered: !first.complete,
      });
      await context.close();
    }
    const context = await browser.newContext({ ignoreHTTPSErrors: true });
    await context.addInitScript(HOLD_OLDER_TIERS);
    const page = await context.newPage();
    await page.goto(`${server.url}/search/?q=${encodeURIComponent(query.q)}`);
    const shown = await waitReport(page, query.q, true);
    linkShownMs.push(shown.startedAt + shown.shownMs);
    await context.close();
  }

  // every query and variant in one page, as a researcher works
  const context = await browser.newContext({ ignoreHTTPSErrors: true });
  const page = await context.newPage();
  await page.goto(`${server.url}/search/`);
  await runQuery(page, '文明');
  const rows: Row[] = [];
  for (const query of withVariants(QUERIES)) {
    reset(server);
    const last = await runQuery(page, query.q);
    const bytes = transfer(server);
    const want = expected(sources, query);
    const score = (ids: readonly string[], wanted: Set<string>) => {
      const got = new Set(ids.map((id) => urls.get(id) ?? `?${id}`));
      let tp = 0;
      for (const url of got) if (wanted.has(url)) tp++;
      return { expected: wanted.size, got: got.size, tp };
    };
    const exact = score(last.ids, want.exact);
    const suspected = query.ocr ? score(last.suspected, want.suspected) : undefined;
    const flagged = query.ocr ? score(last.flagged, want.flagged) : undefined;
    rows.push({
      query: query.q,
      kind: query.kind,
      ...exact,
      ...(suspected && flagged ? { suspected: { ...suspected, flaggedExpected: flagged.expected, flaggedGot: flagged.got, flaggedTp: flagged.tp } } : {}),
      ms: last.ms,
      searchMs: last.searchMs,
      raw: bytes.raw,
      wire: bytes.wire,
      kinds: breakdown(server),
    });
  }
  await context.close();
  await browser.close();
  await server.close();
  await rm(site, { recursive: true, force: true });
  return { articles: sources.length, generated, characters, shardSize: SHARD_SIZE, bundles: bundles.length, partitions, chunks, indexMs, indexBytes, indexFiles, nodeBefore, nodePeak, loadBefore, loadAfter: load(), host, firsts, thoughtFirsts, linkShownMs, rows };
}

// ---------------------------------------------------------------- report

const ratio = (tp: number, n: number) => (n === 0 ? 1 : tp / n);

function printQueries(report: SizeReport): void {
  console.log(`\n[eval:search] ${report.articles} articles: every query and variant (ms and KB of a later search in the same page)`);
  console.log('query                          kind                          expected  found  precision  recall   ms   KB(wire)  suspected: expected found  flagged: expected found');
  for (const row of report.rows) {
    const wide = [...row.query].filter((ch) => ch.charCodeAt(0) > 0x2e80).length;
    const ocr = row.suspected ? `   ${String(row.suspected.expected).padStart(8)} ${String(row.suspected.got).padStart(5)}   ${String(row.suspected.flaggedExpected).padStart(8)} ${String(row.suspected.flaggedGot).padStart(5)}` : '';
    console.log(
      `${row.query.padEnd(Math.max(0, 30 - wide))} ${row.kind.padEnd(29)} ${String(row.expected).padStart(8)} ${String(row.got).padStart(6)}  ${ratio(row.tp, row.got).toFixed(3).padStart(9)}  ${ratio(row.tp, row.expected).toFixed(3).padStart(6)} ${String(Math.round(row.ms)).padStart(5)} ${(row.wire / 1024).toFixed(1).padStart(9)}${ocr}`,
    );
  }
}

/** The summary of each size, a column each. */
function summaryTable(reports: readonly SizeReport[]): string[] {
  const rows: Array<[string, (r: SizeReport) => string]> = [
    ['articles (generated)', (r) => `${r.articles} (${r.generated})`],
    ['bundles, word partitions, word chunks', (r) => `${r.bundles}, ${r.partitions}, ${r.chunks}`],
    [
      'queries and variants: precision / recall',
      (r) => {
        const tp = r.rows.reduce((s, x) => s + x.tp, 0);
        return `${ratio(tp, r.rows.reduce((s, x) => s + x.got, 0)).toFixed(4)} / ${ratio(tp, r.rows.reduce((s, x) => s + x.expected, 0)).toFixed(4)} (${r.rows.filter((x) => x.tp === x.got && x.tp === x.expected).length}/${r.rows.length} exact)`;
      },
    ],
    [
      'suspected misreadings: precision / recall; flagged hits',
      (r) => {
        const ocr = r.rows.flatMap((x) => (x.suspected ? [x.suspected] : []));
        const tp = ocr.reduce((s, x) => s + x.tp, 0);
        const ftp = ocr.reduce((s, x) => s + x.flaggedTp, 0);
        return `${ratio(tp, ocr.reduce((s, x) => s + x.got, 0)).toFixed(4)} / ${ratio(tp, ocr.reduce((s, x) => s + x.expected, 0)).toFixed(4)} (${tp}); ${ratio(ftp, ocr.reduce((s, x) => s + x.flaggedGot, 0)).toFixed(4)} / ${ratio(ftp, ocr.reduce((s, x) => s + x.flaggedExpected, 0)).toFixed(4)} (${ftp})`;
      },
    ],
    ['first search typed at once, first results shown: on the wire median (max)', (r) => `${kb(median(r.firsts.map((f) => f.shownWire)))} (${kb(Math.max(...r.firsts.map((f) => f.shownWire)))})`],
    ['  its time median, max; shown before older tiers were read', (r) => `${Math.round(median(r.firsts.map((f) => f.shownMs)))} ms, ${Math.round(Math.max(...r.firsts.map((f) => f.shownMs)))} ms; ${r.firsts.filter((f) => f.tiered).length}/${r.firsts.length}`],
    ...KINDS.filter((kind) => kind !== 'other').map((kind): [string, (r: SizeReport) => string] => [`  ${kind}: median (max)`, (r) => `${kb(median(r.firsts.map((f) => f.shownKinds[kind])))} (${kb(Math.max(...r.firsts.map((f) => f.shownKinds[kind])))})`]),
    ['  chunk lists and index files (start + partition lists + word chunks): median', (r) => kb(median(r.firsts.map((f) => f.shownKinds.start + f.shownKinds['partition lists'] + f.shownKinds['word chunks'])))],
    ['first search typed at once, complete count: on the wire median (max)', (r) => `${kb(median(r.firsts.map((f) => f.wire)))} (${kb(Math.max(...r.firsts.map((f) => f.wire)))})`],
    ['  its time median (counted after), max', (r) => `${Math.round(median(r.firsts.map((f) => f.ms)))} ms (${Math.round(median(r.firsts.map((f) => f.searchMs)))}), ${Math.round(Math.max(...r.firsts.map((f) => f.ms)))} ms`],
    ['  word chunks: median (max)', (r) => `${kb(median(r.firsts.map((f) => f.kinds['word chunks'])))} (${kb(Math.max(...r.firsts.map((f) => f.kinds['word chunks'])))})`],
    [`first search after ${THINK} ms in the box: time to first results / complete, median`, (r) => `${Math.round(median(r.thoughtFirsts.map((f) => f.shownMs)))} / ${Math.round(median(r.thoughtFirsts.map((f) => f.ms)))} ms`],
    ['first search from a link (query in the address): navigation to first results, median (max)', (r) => `${Math.round(median(r.linkShownMs))} ms (${Math.round(Math.max(...r.linkShownMs))} ms)`],
    ['later searches: on the wire median / p90', (r) => `${kb(median(r.rows.map((x) => x.wire)))} / ${kb(quantile(r.rows.map((x) => x.wire), 0.9))}`],
    ['later searches: time median / p90', (r) => `${Math.round(median(r.rows.map((x) => x.ms)))} / ${Math.round(quantile(r.rows.map((x) => x.ms), 0.9))} ms`],
    ['index: time, disk, files', (r) => `${(r.indexMs / 1000).toFixed(0)} s, ${(r.indexBytes / 2 ** 20).toFixed(0)} MiB, ${r.indexFiles}`],
    ['index: peak memory (articles in memory before)', (r) => `${(r.nodePeak / 2 ** 30).toFixed(2)} GiB (${(r.nodeBefore / 2 ** 30).toFixed(2)})`],
    ['load average during the browser runs', (r) => `${r.loadBefore.split(' / ')[0]} – ${r.loadAfter.split(' / ')[0]}`],
  ];
  const width = Math.max(...rows.map(([label]) => label.length));
  const lines = [`${''.padEnd(width)}  ${reports.map((r) => `${r.articles} articles`.padEnd(34)).join('')}`];
  for (const [label, cell] of rows) lines.push(`${label.padEnd(width)}  ${reports.map((r) => cell(r).padEnd(34)).join('')}`);
  return lines;
}

// ---------------------------------------------------------------- main

async function main(): Promise<number> {
  if (args.child) {
    const report = await measure(Number(args.child));
    printQueries(report);
    for (const first of report.firsts)
      console.log(
        `  first ${first.query}: shown in ${Math.round(first.shownMs)} ms, ${kb(first.shownWire)} on the wire (KB: ${parts(first.shownKinds)}); complete in ${Math.round(first.ms)} ms, ${kb(first.wire)} in ${first.files} files (KB: ${parts(first.kinds)})`,
      );
    console.log(`  later searches, mean KB on the wire by kind: ${parts(mean(report.rows.map((r) => r.kinds)))}`);
    await writeFile(join(work, `report-${args.child}.json`), JSON.stringify(report));
    return 0;
  }
  if (args['reuse-site'] && existsSync(join(work, 'sample.json')) && existsSync(join(siteTemplate, 'search', 'index.html'))) {
    console.log(`[eval:search] reusing the site of the bundled archive in ${siteTemplate} (--reuse-site)`);
  } else {
    console.log(`[eval:search] building the site of the bundled archive into ${siteTemplate}`);
    await buildSite({ outDir: siteTemplate, astroCache: join(work, 'astro'), photoCache: resolve(ROOT, '.cache/e2e/photos'), env: { ARCHIVE_SEARCH_KEEP_SOURCES: '1' } });
    const sample: SearchSource[] = [];
    for (const file of readdirSync(join(siteTemplate, '_search-sources'))) sample.push(...(JSON.parse(await readFile(join(siteTemplate, '_search-sources', file), 'utf8')) as SearchSource[]));
    await rm(join(siteTemplate, '_search-sources'), { recursive: true, force: true });
    await writeFile(join(work, 'sample.json'), JSON.stringify(sample));
  }

  const reports: SizeReport[] = [];
  for (const size of SIZES) {
    // each size in a process of its own: its memory and its peak are its own
    const forwarded = process.argv.slice(2).filter((arg, i, all) => !/^--(articles|out|child)(=|$)/u.test(arg) && !/^--(articles|out|child)$/u.test(all[i - 1] ?? ''));
    const code = await new Promise<number>((done) => spawn(process.execPath, [import.meta.filename, ...forwarded, '--child', String(size)], { stdio: 'inherit' }).on('exit', (exit) => done(exit ?? 1)));
    if (code !== 0) throw new Error(`[eval:search] measuring ${size} articles failed (exit ${code})`);
    reports.push(JSON.parse(await readFile(join(work, `report-${size}.json`), 'utf8')) as SizeReport);
  }

  const commit = currentCommit(ROOT);
  console.log(`\n[eval:search] ${QUERIES.length} queries and their variants, at ${SIZES.join(' and ')} generated articles; commit ${commit}; ${cpus().length} cores; host: ${reports[0]?.host}`);
  for (const line of summaryTable(reports)) console.log(line);
  const out = resolve(ROOT, args.out ?? `bench-results/search-${SIZES.map((size) => `${Math.round(size / 1000)}k`).join('-')}-${commit}.json`);
  await mkdir(resolve(out, '..'), { recursive: true });
  await writeFile(out, JSON.stringify({ commit, date: new Date().toISOString(), node: process.version, cores: cpus().length, options: args, reports }, null, 1));
  console.log(`[eval:search] wrote ${out}`);
  const bad = reports.some((r) => r.rows.some((x) => x.tp !== x.got || x.tp !== x.expected || (x.suspected && (x.suspected.tp !== x.suspected.got || x.suspected.tp !== x.suspected.expected || x.suspected.flaggedTp !== x.suspected.flaggedGot || x.suspected.flaggedTp !== x.suspected.flaggedExpected))));
  return bad || !existsSync(out) ? 1 : 0;
}

if (import.meta.main) runCommand(main, { stack: true });
