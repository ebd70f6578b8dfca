import { availableParallelism, cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { CONDITIONS, evaluatePages, replayInputs, type Condition, type EvalPage, type Importer, type ImporterInput, type PageResult, type ReplayInput } from '../src/io/ocr-eval.ts';
import { DEFAULT_TESSERACT_OPTIONS, requireTesseract, TesseractMissingError, type TesseractOptions } from '../src/io/tesseract.ts';
import { degradeParams } from '../src/lib/ocr-eval/degrade.ts';
import { layoutPage } from '../src/lib/ocr-eval/page-layout.ts';
import { conditionRows, formatTable } from '../src/lib/ocr-eval/report.ts';
import { SAMPLE_PAGE } from '../src/lib/ocr-eval/sample-page.ts';
import type { EvalItem } from '../src/lib/ocr-eval/score.ts';
import { readHocr } from '../src/lib/ocr/hocr.ts';
import { toParserText, type OutputLine } from '../src/lib/ocr/parser-text.ts';
import { orderPage } from '../src/lib/ocr/reading-order.ts';
import { straighten } from '../src/lib/ocr/straighten.ts';
import { placesAround } from './io/gazetteer.ts';
import { loadLexicon } from './io/lexicon.ts';
import { writeFileAtomic } from '../src/io/write-atomic.ts';
import { sourcePageOf, syntheticSourcePages } from './lib/ocr-eval-pages.ts';
import { parsePage } from './lib/parse-page.ts';
import { allSyntheticPapers } from './lib/synthetic.ts';
import { createRng, hashSeed } from '../src/lib/random.ts';
import { runCommand } from '../src/io/cli.ts';
import { currentCommit } from '../src/io/git.ts';

const USAGE = `npm run eval:ocr [-- options]

Lay out known articles as newspaper pages, render them with Chromium, degrade them as scans,
OCR them with Tesseract, import the OCR and score it against what was printed. Prints one table
(a row per condition: clean-text, rendered, degraded) and writes JSON under bench-results/.

  --pages N            pages (default 200; the real sample page is always the first)
  --quick              6 pages
  --seed N             seed of the pages, layouts and degradations (default 1)
  --conditions list    clean-text,rendered,degraded (default all)
  --settings 'a | b'   compare Tesseract settings: each a comma list of psm=N, lang=L, dpi=N|none,
                       deskew=0|1, scale=F, threshold=none|N, threads=N, reread=0|1 (bylines read
                       again from crops) (default: the chosen defaults;
                       without lang=, pages set in traditional characters are read with chi_tra, as
                       an importer reads such a paper)
  --importers list     plain,hocr (default both): the parser on Tesseract's plain text, and on its
                       hOCR put in reading order by columns (src/lib/ocr)
  --script S           only the pages laid out in simplified or in traditional characters
  --concurrency N      pages at once (default: the number of cores)
  --no-cache           OCR again even when .cache/ocr/ has the result
  --json FILE          where to write results (default bench-results/ocr-<time>-<commit>.json)
  --failures N         print the first N misses per condition (default 12)
  --dump DIR           keep what the importers were given on each page and condition, with its
                       truth and Tesseract's scores, one JSON file each under DIR
  --replay DIR         score the importers again on a --dump (no Chromium, no Tesseract: a parser
                       change is measured in seconds); --pages, --conditions, --script filter it
`;

const ROOT = resolve(import.meta.dirname, '..');

/** The model for pages set in traditional characters (docs/0001: chi_tra alone reads them best). */
const TRADITIONAL_LANG = 'chi_tra';

type Parsed = ReturnType<typeof parsePage>;

/**
 * The importers under test, by name. `plain`: the parser on Tesseract's plain text output.
 * `hocr`: the hOCR read with its boxes (src/lib/ocr), put in reading order by columns, written
 * as parser text, then the same parser; without hOCR (clean text) it reads the plain text.
 */
function importers(): Record<string, Importer> {
  const lexicon = loadLexicon();
  // where each paper is published, as its paper file says (the synthetic papers and the sample's)
  const paperPlaces = new Map(allSyntheticPapers().map((p) => [p.slug, p.place]));
  const parse = (text: string, meta: ImporterInput['meta'], geometry?: readonly OutputLine[]) => {
    const place = paperPlaces.get(meta.paper);
    return toEvalItems(parsePage(text, { paper: meta.paper, date: meta.date, page: meta.page, paperName: meta.paperName }, { lexicon, ...(place ? { places: placesAround(place) } : {}), ...(geometry ? { geometry } : {}) }));
  };
  return {
    plain: ({ text, meta }) => parse(text, meta),
    hocr: ({ text, hocr, meta }) => {
      const page = hocr ? readHocr(hocr).pages[0] : undefined;
      if (!page) return parse(text, meta);
      const parserText = toParserText(orderPage(straighten(page).page));
      return parse(parserText.text, meta, parserText.geometry);
    },
  };
}

function toEvalItems(parsed: Parsed): EvalItem[] {
  return parsed.articles.map(
      (a): EvalItem => ({
        kind: a.kind,
        kicker: a.kicker,
        title: a.title,
        subtitle: a.subtitle,
        reporters: a.reporters,
        correspondents: a.correspondents,
        photographers: a.photographers,
        body: a.kind === 'photo' ? (a.caption ?? a.paragraphs.join('')) : a.paragraphs.join(''),
      }),
  );
}

/** An on/off setting: 1 or true, 0 or false; anything else is refused, naming it. */
function flag(name: string, value: string, spec: string): boolean {
  if (value === '1' || value === 'true') return true;
  if (value === '0' || value === 'false') return false;
  throw new Error(`--settings: ${name}=${value} in "${spec}" is neither 0 nor 1 (write ${name}=0 or ${name}=1)`);
}

/** `psm=4,deskew=1` over the defaults. */
export function parseSettings(spec: string, base: TesseractOptions = DEFAULT_TESSERACT_OPTIONS): TesseractOptions {
  const out: TesseractOptions = { ...base, config: { ...base.config } };
  for (const part of spec.split(',').map((s) => s.trim()).filter(Boolean)) {
    const [name, value = ''] = part.split('=').map((s) => s.trim()) as [string, string?];
    if (name === 'psm') out.psm = Number(value);
    else if (name === 'lang') out.lang = value;
    else if (name === 'dpi') out.dpi = value === 'none' ? null : Number(value);
    else if (name === 'deskew') out.deskew = flag(name, value, spec);
    else if (name === 'scale') out.scale = Number(value);
    else if (name === 'threshold') out.threshold = value === 'none' ? 'none' : Number(value);
    else if (name === 'threads') out.threads = Number(value);
    else if (name === 'reread') out.rereadBylines = flag(name, value, spec);
    else if (name.startsWith('c.')) out.config[name.slice(2)] = value;
    else throw new Error(`--settings: unknown setting "${name}" in "${spec}" (psm, lang, dpi, deskew, scale, threshold, threads, reread, c.<tesseract variable>)`);
  }
  return out;
}

function failureLines(results: PageResult[], limit: number): string[] {
  const lines: string[] = [];
  for (const r of results) {
    const m = r.score.misses;
    for (const t of m.unmatchedTruth) lines.push(`  ${r.key} missed   ${t}`);
    for (const p of m.unmatchedParsed) lines.push(`  ${r.key} invented ${p}`);
    for (const f of m.fields) lines.push(`  ${r.key} ${f.placed ? '≈' : ' '} ${f.field.padEnd(14)} printed ${JSON.stringify(f.truth)} read ${JSON.stringify(f.parsed)}`);
  }
  return lines.slice(0, limit);
}

export async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      pages: { type: 'string', default: '200' },
      quick: { type: 'boolean', default: false },
      seed: { type: 'string', default: '1' },
      conditions: { type: 'string', default: CONDITIONS.join(',') },
      settings: { type: 'string' },
      importers: { type: 'string', default: 'plain,hocr' },
      script: { type: 'string' },
      concurrency: { type: 'string', default: String(availableParallelism()) },
      'no-cache': { type: 'boolean', default: false },
      json: { type: 'string' },
      failures: { type: 'string', default: '12' },
      dump: { type: 'string' },
      replay: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  const pageCount = values.quick ? 6 : Number(values.pages);
  const seed = Number(values.seed);
  const conditions = values.conditions.split(',').map((c) => c.trim()) as Condition[];
  for (const c of conditions) if (!CONDITIONS.includes(c)) throw new Error(`--conditions: unknown condition "${c}" (${CONDITIONS.join(', ')})`);
  if (values.script !== undefined && values.script !== 'simplified' && values.script !== 'traditional') throw new Error(`--script: "${values.script}" is neither simplified nor traditional`);
  if (values.replay !== undefined) return replay(values.replay, { pageCount, conditions, script: values.script, importers: values.importers, failures: Number(values.failures), json: values.json });
  const settingsList = (values.settings ?? '').split('|').map((s) => s.trim());
  const settings = settingsList.map((s) => ({ label: s || 'default', options: parseSettings(s), langGiven: /(?:^|,)\s*lang\s*=/u.test(s) }));

  let version = 'none';
  if (conditions.some((c) => c !== 'clean-text')) {
    try {
      for (const s of settings) version = await requireTesseract(s.langGiven ? s.options.lang : `${s.options.lang}+${TRADITIONAL_LANG}`);
    } catch (error) {
      if (error instanceof TesseractMissingError) {
        process.stderr.write(`${error.message}\n(eval:ocr --conditions clean-text runs without it.)\n`);
        return 1;
      }
      throw error;
    }
  }

  const sources = [sourcePageOf(SAMPLE_PAGE), ...syntheticSourcePages(seed, Math.max(0, pageCount - 1))].slice(0, pageCount);
  const laidOut: EvalPage[] = sources.map(({ input, cleanText }) => ({
    layout: layoutPage(input, createRng(hashSeed(seed, input.key, 'layout'))),
    degrade: degradeParams(createRng(hashSeed(seed, input.key, 'degrade'))),
    meta: { paper: input.paperSlug, paperName: input.paperName, date: input.date, page: input.page },
    cleanText,
    cleanItems: input.items,
  }));
  const pages = values.script === undefined ? laidOut : laidOut.filter((p) => p.layout.script === values.script);

  const commit = currentCommit(ROOT);
  const date = new Date().toISOString();
  const meta = { date, commit, node: process.version, cpus: cpus().length, loadAverageAtStart: loadavg().map((n) => Number(n.toFixed(2))), loadAverageAtEnd: [] as number[], tesseract: version, seed, pages: pageCount, conditions };
  process.stderr.write(`eval:ocr: ${pages.length} pages, seed ${seed}, ${conditions.join(', ')}; ${version}; commit ${commit}; ${meta.cpus} cores, load ${meta.loadAverageAtStart.join(' ')}\n`);

  const all = importers();
  const importerNames = values.importers.split(',').map((s) => s.trim());
  for (const name of importerNames) if (!(name in all)) throw new Error(`--importers: unknown importer "${name}" (${Object.keys(all).join(', ')})`);
  const chosen = Object.fromEntries(importerNames.map((name) => [name, all[name]!]));
  const runs: Array<{ label: string; options: TesseractOptions; wallSeconds: number; results: PageResult[] }> = [];
  const jsonPath = resolve(values.json ?? join(ROOT, 'bench-results', `ocr-${date.replace(/[:.]/g, '-')}-${commit}.json`));
  const pageInfo = (r: PageResult) => {
    const page = pages.find((p) => p.layout.key === r.key)!;
    return { key: r.key, condition: r.condition, importer: r.importer, layout: { columns: page.layout.columns, bodySize: page.layout.bodySize, script: page.layout.script, fonts: page.layout.fonts }, degrade: r.condition === 'degraded' ? page.degrade : null, score: r.score, ocr: r.ocr, seconds: r.seconds, ocrCached: r.ocrCached };
  };
  // a long run keeps what it measured: the pages so far are written every ten pages
  const partial: PageResult[] = [];
  const dumpDir = values.dump === undefined ? null : resolve(values.dump);
  if (dumpDir) mkdirSync(dumpDir, { recursive: true });
  const pageOrder = new Map(pages.map((p, i) => [p.layout.key, i]));
  const writePartial = (label: string) => writeFileAtomic(jsonPath, `${JSON.stringify({ meta: { ...meta, partial: true }, runs: [...runs.map((run) => ({ settings: run.label, pages: run.results.map(pageInfo) })), { settings: label, pages: partial.map(pageInfo) }] }, null, 1)}\n`);
  for (const [index, s] of settings.entries()) {
    const t0 = performance.now();
    let done = 0;
    // clean text does not depend on Tesseract's settings: score it once
    const runConditions = index === 0 ? conditions : conditions.filter((c) => c !== 'clean-text');
    const results = await evaluatePages(pages, {
      conditions: runConditions,
      importers: chosen,
      tesseract: s.langGiven ? s.options : (page) => (page.layout.script === 'traditional' ? { ...s.options, lang: TRADITIONAL_LANG } : s.options),
      concurrency: Number(values.concurrency),
      cacheDir: values['no-cache'] ? null : join(ROOT, '.cache', 'ocr'),
      ...(dumpDir && index === 0 ? { onInput: (input: ReplayInput) => writeFileAtomic(join(dumpDir, dumpName(input)), `${JSON.stringify({ order: pageOrder.get(input.key), ...input, input: { ...input.input, tsv: null } })}\n`) } : {}),
      onResult: (r) => {
        done++;
        partial.push(r);
        if (done % (10 * runConditions.length * importerNames.length) === 0) writePartial(s.label);
        if (r.condition === runConditions.at(-1) && r.importer === importerNames.at(-1)) process.stderr.write(`  [${s.label}] ${Math.ceil(done / runConditions.length / importerNames.length)}/${pages.length} ${r.key} (${((performance.now() - t0) / 1000).toFixed(0)} s)\n`);
      },
    });
    runs.push({ label: s.label, options: s.options, wallSeconds: (performance.now() - t0) / 1000, results });
    partial.length = 0;
  }
  meta.loadAverageAtEnd = loadavg().map((n) => Number(n.toFixed(2)));

  const rows = runs.flatMap((run, index) => conditionRows(run.results, index === 0 ? conditions : conditions.filter((c) => c !== 'clean-text'), importerNames).map((row) => ({ ...row, condition: settings.length > 1 && !row.condition.startsWith('clean-text') ? `${row.condition} [${run.label}]` : row.condition })));
  const table = formatTable(rows);
  const limit = Number(values.failures);
  const failures = runs[0]!.results.length > 0 ? conditions.flatMap((c) => importerNames.map((name) => `${c}/${name}:\n${failureLines(runs[0]!.results.filter((r) => r.condition === c && r.importer === name), limit).join('\n') || '  (none)'}`)).join('\n') : '';
  process.stdout.write(`\n${table}\n\nWall time: ${runs.map((r) => `${r.label} ${r.wallSeconds.toFixed(0)} s`).join(', ')}; load ${meta.loadAverageAtStart.join(' ')} -> ${meta.loadAverageAtEnd.join(' ')}. OCR s/p is Tesseract's time per page (from the cache when it ran before).\n\nFirst misses:\n${failures}\n`);

  const pagesOut = runs.map((run) => ({ settings: run.label, options: run.options, pages: run.results.map(pageInfo) }));
  writeFileAtomic(jsonPath, `${JSON.stringify({ meta, table, rows, runs: pagesOut }, null, 1)}\n`);
  process.stdout.write(`Results: ${jsonPath}\n`);
  return 0;
}

const dumpName = (input: ReplayInput) => `${input.key.replace(/[^\w.-]+/gu, '_')}.${input.condition}.json`;

/** `--replay DIR`: the importers on the inputs a `--dump` kept, scored and printed as a run is. */
async function replay(dir: string, options: { pageCount: number; conditions: Condition[]; script: string | undefined; importers: string; failures: number; json: string | undefined }): Promise<number> {
  const all = importers();
  const importerNames = options.importers.split(',').map((s) => s.trim());
  for (const name of importerNames) if (!(name in all)) throw new Error(`--importers: unknown importer "${name}" (${Object.keys(all).join(', ')})`);
  const chosen = Object.fromEntries(importerNames.map((name) => [name, all[name]!]));
  const inputs = readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .map((name) => JSON.parse(readFileSync(join(dir, name), 'utf8')) as ReplayInput & { order: number })
    .filter((input) => input.order < options.pageCount && options.conditions.includes(input.condition) && (options.script === undefined || input.script === options.script))
    .sort((a, b) => a.order - b.order || options.conditions.indexOf(a.condition) - options.conditions.indexOf(b.condition));
  if (inputs.length === 0) throw new Error(`--replay: no dumped pages in ${dir} for these options (make them with --dump ${dir})`);
  const t0 = performance.now();
  const results = await replayInputs(inputs, chosen);
  const conditions = options.conditions.filter((c) => inputs.some((i) => i.condition === c));
  const table = formatTable(conditionRows(results, conditions, importerNames));
  const failures = conditions.flatMap((c) => importerNames.map((name) => `${c}/${name}:\n${failureLines(results.filter((r) => r.condition === c && r.importer === name), options.failures).join('\n') || '  (none)'}`)).join('\n');
  const pages = new Set(inputs.map((i) => i.key)).size;
  process.stdout.write(`replay of ${dir}: ${pages} pages in ${((performance.now() - t0) / 1000).toFixed(1)} s; commit ${currentCommit(ROOT)}\n\n${table}\n\nFirst misses:\n${failures}\n`);
  if (options.json) writeFileAtomic(resolve(options.json), `${JSON.stringify({ meta: { replay: dir, commit: currentCommit(ROOT), date: new Date().toISOString(), pages }, table, runs: [{ settings: 'replay', pages: results.map((r) => ({ key: r.key, condition: r.condition, importer: r.importer, score: r.score, ocr: r.ocr })) }] }, null, 1)}\n`);
  return 0;
}

if (import.meta.main) {
  runCommand(main, {
    onError: (error) => {
      process.stderr.write(`eval:ocr: ${(error as Error).message}\n`);
      return 1;
    },
  });
}
