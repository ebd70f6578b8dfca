/**
 * Pure helpers of the benchmark: medians, reading the phases out of `astro build`'s log, and the
 * table it prints. No I/O.
 */

export function median(values: number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Phases of one `astro build`, read from its log (null when a line is missing). */
export interface BuildPhases {
  /** Pages and files Astro wrote. */
  pages: number | null;
  /** Vite's server build (bundling the site, and every .mdx module compiled by @astrojs/mdx). */
  viteMs: number | null;
  /** Rendering the static routes. */
  renderMs: number | null;
  /** Our photos integration (src/integrations/photos.ts). */
  photosMs: number | null;
  /** Photo sizes encoded by the build itself (0 when the import made them). */
  photoSizesEncoded: number | null;
  /** The search index (src/integrations/search-index.ts). */
  searchMs: number | null;
  /** How the mdxArticles loader handled the articles. */
  loader: { rendered: number; unchanged: number; compiled: number } | null;
}

/**
 * The search index step of a build, by the lines src/integrations/search-index.ts logs when it
 * starts and when it is done (the bench keeps the build's peak memory while it runs).
 */
export const SEARCH_PHASE = { start: /\[archive:search-index\] indexing \d+ articles/, end: /\[archive:search-index\] indexed / };

// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*m/g;

/** A log line without its terminal colours. */
export function plainText(text: string): string {
  return text.replace(ANSI, '');
}

export function parseBuildLog(log: string): BuildPhases {
  const text = plainText(log);
  const seconds = (pattern: RegExp) => {
    const match = pattern.exec(text);
    if (!match) return null;
    const value = Number(match[1]);
    return match[2] === 'ms' ? value : value * 1000;
  };
  const generating = text.indexOf('generating static routes');
  const afterGenerating = generating >= 0 ? text.slice(generating) : '';
  const render = /✓ Completed in (?:(\d+)m )?([\d.]+)(m?s)/.exec(afterGenerating);
  const photos = /\[archive:photos\] (\d+) photos: (\d+) sizes encoded.*? in (\d+) ms/.exec(text);
  const search = /\[archive:search-index\] indexed .*? in (\d+) ms/.exec(text);
  const loader = /(\d+) articles rendered, (\d+) unchanged, (\d+) left to @astrojs\/mdx/.exec(text);
  const pages = /(\d+) page\(s\) built in/.exec(text);
  return {
    pages: pages ? Number(pages[1]) : null,
    viteMs: seconds(/\[vite\] ✓ built in ([\d.]+)(m?s)/),
    renderMs: render ? Number(render[1] ?? 0) * 60_000 + Number(render[2]) * (render[3] === 'ms' ? 1 : 1000) : null,
    photosMs: photos ? Number(photos[3]) : null,
    photoSizesEncoded: photos ? Number(photos[2]) : null,
    searchMs: search ? Number(search[1]) : null,
    loader: loader ? { rendered: Number(loader[1]), unchanged: Number(loader[2]), compiled: Number(loader[3]) } : null,
  };
}

export interface Column {
  title: string;
  /** Right-align (numbers). */
  numeric?: boolean;
}

/** A plain-text table with aligned columns, for a terminal and for the README. */
export function formatTable(columns: Column[], rows: string[][]): string {
  const width = (text: string) => [...text].reduce((n, ch) => n + (/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(ch) ? 2 : 1), 0);
  const widths = columns.map((c, i) => Math.max(width(c.title), ...rows.map((r) => width(r[i] ?? ''))));
  const pad = (text: string, i: number) => {
    const fill = ' '.repeat(widths[i]! - width(text));
    return columns[i]!.numeric ? fill + text : text + fill;
  };
  const line = (cells: string[]) => `| ${cells.map(pad).join(' | ')} |`;
  const rule = `|${widths.map((w, i) => (columns[i]!.numeric ? `${'-'.repeat(w + 1)}:` : '-'.repeat(w + 2))).join('|')}|`;
  return [line(columns.map((c) => c.title)), rule, ...rows.map(line)].join('\n');
}

/** Numbers for people: 1 decimal under 10, none above; `–` for missing. */
export function fmt(value: number | null | undefined, digits?: number): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '–';
  const d = digits ?? (Math.abs(value) < 10 ? 1 : 0);
  return value.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d });
}

export function gib(bytes: number | null | undefined): string {
  return bytes === null || bytes === undefined ? '–' : `${fmt(bytes / 2 ** 30, 2)} GiB`;
}

/** 1000 -> 1k, 50000 -> 50k. */
export function sizeLabel(n: number): string {
  return n >= 1000 && n % 1000 === 0 ? `${n / 1000}k` : String(n);
}

/** `1k,10k,50k` or `2000` -> numbers. */
export function parseSizes(value: string): number[] {
  return value.split(',').map((part) => {
    const match = /^\s*(\d+(?:\.\d+)?)\s*(k?)\s*$/i.exec(part);
    if (!match) throw new Error(`--sizes: "${part}" is not a size such as 1k or 2500`);
    return Math.round(Number(match[1]) * (match[2] ? 1000 : 1));
  });
}
