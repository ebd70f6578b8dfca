import { FIELDS, summarize, type Field, type PageScore, type Summary } from './score.ts';
import type { OcrScore } from './ocr-score.ts';

/** Per condition: the importer's summary, Tesseract's own scores and the time per page (pure). */

export interface ConditionRow {
  condition: string;
  summary: Summary;
  /** Tesseract's CER on item bodies, on the whole page in reading order; null without OCR. */
  tesseractCer: number | null;
  /** Recognition alone: each printed line against the words on it. */
  lineCer: number | null;
  pageCer: number | null;
  /** Share of forward steps in the engine's reading order, runs per item. */
  order: number | null;
  runsPerItem: number | null;
  seconds: { ocr: number; preprocess: number; import: number; render: number; degrade: number };
  /** Pages whose OCR came from the cache (their seconds are those of the original run). */
  cached: number;
}

export interface ResultLike {
  condition: string;
  importer: string;
  score: PageScore;
  ocr: OcrScore | null;
  seconds: { render: number; degrade: number; preprocess: number; ocr: number; import: number };
  ocrCached: boolean;
}

/** A row per condition and importer, named `condition/importer` when there are several importers. */
export function conditionRows(results: ResultLike[], conditions: readonly string[], importers: readonly string[]): ConditionRow[] {
  return conditions.flatMap((condition) => importers.map((importer) => ({ condition, importer }))).map(({ condition, importer }) => {
    const rs = results.filter((r) => r.condition === condition && r.importer === importer);
    const ocrs = rs.map((r) => r.ocr).filter((o): o is OcrScore => o !== null);
    const ratio = (f: (o: OcrScore) => [number, number]) => {
      if (ocrs.length === 0) return null;
      const [a, b] = ocrs.reduce<[number, number]>((acc, o) => [acc[0] + f(o)[0], acc[1] + f(o)[1]], [0, 0]);
      return b === 0 ? null : a / b;
    };
    const mean = (f: (r: ResultLike) => number) => (rs.length === 0 ? 0 : rs.reduce((n, r) => n + f(r), 0) / rs.length);
    return {
      condition: importers.length > 1 ? `${condition}/${importer}` : condition,
      summary: summarize(rs.map((r) => r.score)),
      tesseractCer: ratio((o) => [o.body.edits, o.body.chars]),
      lineCer: ratio((o) => [o.lines.edits, o.lines.chars]),
      pageCer: ratio((o) => [o.page.edits, o.page.chars]),
      order: ratio((o) => [o.order.forward, o.order.pairs]),
      runsPerItem: ratio((o) => [o.runs.runs, o.runs.items]),
      seconds: { ocr: mean((r) => r.seconds.ocr), preprocess: mean((r) => r.seconds.preprocess), import: mean((r) => r.seconds.import), render: mean((r) => r.seconds.render), degrade: mean((r) => r.seconds.degrade) },
      cached: rs.filter((r) => r.ocrCached).length,
    };
  });
}

const pct = (v: number | null) => (v === null ? '–' : `${(v * 100).toFixed(1)}%`);
const num = (v: number | null, digits = 3) => (v === null ? '–' : v.toFixed(digits));
const SHORT: Record<Field, string> = { kind: 'kind', kicker: 'kick', title: 'title', subtitle: 'sub', reporters: 'rep', correspondents: 'corr', photographers: 'photo' };

/** One plain-text table, a row per condition. */
export function formatTable(rows: ConditionRow[]): string {
  const head = ['condition', 'pages', 'items', 'F1', 'P', 'R', 'fields', 'placed', ...FIELDS.map((f) => SHORT[f]), 'bodyCER', 'tessCER', 'lineCER', 'pageCER', 'order', 'runs/item', 'ocr s/p', 'import s/p'];
  const body = rows.map((r) => [
    r.condition,
    String(r.summary.pages),
    String(r.summary.truthItems),
    num(r.summary.f1),
    num(r.summary.precision),
    num(r.summary.recall),
    num(r.summary.fieldAccuracy),
    num(r.summary.placedAccuracy),
    ...FIELDS.map((f) => num(r.summary.perField[f], 2)),
    pct(r.summary.bodyCer),
    pct(r.tesseractCer),
    pct(r.lineCer),
    pct(r.pageCer),
    num(r.order, 2),
    num(r.runsPerItem, 2),
    r.tesseractCer === null ? '–' : (r.seconds.ocr + r.seconds.preprocess).toFixed(1),
    r.seconds.import.toFixed(2),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((row) => row[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...body.map(line)].join('\n');
}
