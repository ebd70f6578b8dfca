import { containsPoint, scanToPage, type ScanTransform } from './boxes.ts';
import { levenshtein } from './edit-distance.ts';
import { normalize } from './score.ts';
import type { PageTruth } from './truth.ts';

/**
 * How well the OCR engine itself did, before any importer: scored from Tesseract's TSV (a box
 * per word) against the printed lines of the rendered page (pure).
 *
 * - `body`: Tesseract's own CER. For each truth item, the OCR words whose centre falls on one of
 *   its body or caption lines, in the engine's order, against the item's body text. Misreads,
 *   lost and doubled characters count, and so does order inside the item. This is what an
 *   importer could at best reach from this OCR, so body CER minus this is the importer's share.
 * - `lines`: recognition alone. For each printed body or caption line, the words on it sorted
 *   left to right, against the line's text: misreads and lost characters, no reading order.
 * - `page`: the engine's plain text against all items' text, the items taken in the order the
 *   engine first reaches them (a page has no one right order of articles): misreads, the page
 *   header and advertisements, and what reading order costs inside items (columns read across,
 *   items interleaved).
 * - `order`: of the consecutive steps from one printed line to another of the same item in the
 *   engine's word sequence, the share that go forward (1.0: every item read top to bottom,
 *   column after column); `runsPerItem`: how many separate runs each item's lines
 *   fall into in the engine's order (1.0 = every item read in one piece).
 */

export interface OcrWord {
  block: number;
  par: number;
  line: number;
  x: number;
  y: number;
  w: number;
  h: number;
  conf: number;
  text: string;
}

/** Words (level 5 rows with text) of Tesseract's TSV output, in its order. */
export function parseTsv(tsv: string): OcrWord[] {
  const words: OcrWord[] = [];
  for (const row of tsv.split('\n').slice(1)) {
    const f = row.split('\t');
    if (f.length < 12 || f[0] !== '5') continue;
    const text = (f[11] ?? '').trim();
    if (text === '') continue;
    words.push({ block: Number(f[2]), par: Number(f[3]), line: Number(f[4]), x: Number(f[6]), y: Number(f[7]), w: Number(f[8]), h: Number(f[9]), conf: Number(f[10]), text });
  }
  return words;
}

export interface OcrScore {
  body: { edits: number; chars: number };
  lines: { edits: number; chars: number };
  page: { edits: number; chars: number };
  order: { forward: number; pairs: number };
  runs: { runs: number; items: number };
}

/**
 * Score an OCR result. `transforms` map the OCR image back to the page, outermost first: e.g.
 * [preprocessing, degradation] for a scan that was degraded and then preprocessed.
 */
export function scoreOcr(truth: PageTruth, words: OcrWord[], text: string, transforms: ScanTransform[]): OcrScore {
  const toPage = (x: number, y: number): [number, number] => transforms.reduce<[number, number]>((p, t) => scanToPage(t, p[0], p[1]), [x, y]);
  // truth lines of items in reading order (items in order, lines in document order within)
  const order = truth.lines
    .map((line, index) => ({ line, index }))
    .filter(({ line }) => line.item >= 0)
    .sort((a, b) => a.line.item - b.line.item || a.index - b.index);
  const rank = new Map(order.map(({ index }, r) => [index, r]));

  // each word to the truth line under its centre
  const wordLine: number[] = words.map((w) => {
    const [cx, cy] = toPage(w.x + w.w / 2, w.y + w.h / 2);
    let best = -1;
    let bestDistance = Infinity;
    truth.lines.forEach((line, index) => {
      if (!containsPoint(line.box, cx, cy, 3)) return;
      const d = Math.abs(line.box.y + line.box.h / 2 - cy);
      if (d < bestDistance) {
        bestDistance = d;
        best = index;
      }
    });
    return best;
  });

  // Tesseract's own CER on each item's body
  let bodyEdits = 0;
  let bodyChars = 0;
  truth.items.forEach((item, i) => {
    const expected = normalize(item.paragraphs.join(''));
    const read = normalize(words.filter((_, k) => {
      const line = truth.lines[wordLine[k]!];
      return line !== undefined && line.item === i && (line.field === 'body' || line.field === 'caption');
    }).map((w) => w.text).join(''));
    bodyEdits += levenshtein(expected, read);
    bodyChars += expected.length;
  });

  // reading order: the sequence of truth lines the words visit
  const visits: number[] = [];
  for (const index of wordLine) {
    const r = index >= 0 ? rank.get(index) : undefined;
    if (r === undefined) continue;
    if (visits.at(-1) !== r) visits.push(r);
  }

  // recognition alone: each printed line against the words on it, left to right
  const onLine = new Map<number, OcrWord[]>();
  wordLine.forEach((index, k) => {
    if (index >= 0) onLine.set(index, [...(onLine.get(index) ?? []), words[k]!]);
  });
  let lineEdits = 0;
  let lineChars = 0;
  truth.lines.forEach((line, index) => {
    if (line.item < 0 || (line.field !== 'body' && line.field !== 'caption')) return;
    const expected = normalize(line.text);
    const read = normalize((onLine.get(index) ?? []).sort((a, b) => a.x - b.x).map((w) => w.text).join(''));
    lineEdits += levenshtein(expected, read);
    lineChars += expected.length;
  });

  // the plain text against the items' text, items in the order the engine reached them
  const firstVisit = new Map<number, number>();
  visits.forEach((r, k) => {
    const item = truth.lines[order[r]!.index]!.item;
    if (!firstVisit.has(item)) firstVisit.set(item, k);
  });
  const itemOrder = truth.items.map((_, i) => i).sort((a, b) => (firstVisit.get(a) ?? Infinity) - (firstVisit.get(b) ?? Infinity) || a - b);
  const pageTruth = normalize(itemOrder.map((i) => order.filter(({ line }) => line.item === i).map(({ line }) => line.text).join('')).join(''));
  const pageEdits = levenshtein(pageTruth, normalize(text));
  const itemOf = (r: number) => truth.lines[order[r]!.index]!.item;
  let forward = 0;
  let pairs = 0;
  for (let k = 1; k < visits.length; k++) {
    if (itemOf(visits[k]!) !== itemOf(visits[k - 1]!)) continue;
    pairs++;
    if (visits[k]! > visits[k - 1]!) forward++;
  }
  let runs = 0;
  for (let k = 0; k < visits.length; k++) if (k === 0 || itemOf(visits[k]!) !== itemOf(visits[k - 1]!)) runs++;
  const items = new Set(visits.map(itemOf)).size;

  return {
    body: { edits: bodyEdits, chars: bodyChars },
    lines: { edits: lineEdits, chars: lineChars },
    page: { edits: pageEdits, chars: pageTruth.length },
    order: { forward, pairs },
    runs: { runs, items },
  };
}
