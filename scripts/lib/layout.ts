import { displayWidth, endsSentence } from './chars.ts';

/**
 * From lines to units. OCR engines lay text out in two ways, and this module reads both
 * without a switch:
 *
 * - one printed paragraph per line, column wraps left as stray spaces (the sample page);
 * - one printed column line per line, a blank line between blocks (Tesseract, PaddleOCR).
 *
 * A unit is one paragraph-like piece: a headline line, a byline, a credit, or a paragraph
 * (possibly cut by a column break, which the assembler mends).
 */

export interface Segment {
  /** The line as read (normalised), without the line break. */
  text: string;
  /** 1-based line number in the source file. */
  line: number;
}

export interface Unit {
  segments: Segment[];
  /** Blank lines before this unit (0 inside a block). */
  gapBefore: number;
  /** The unit's first line was indented (a new paragraph in column text). */
  indented: boolean;
}

export function unitText(unit: Unit): string {
  return unit.segments.map((s) => s.text.trim()).join('\n');
}

export function firstLine(unit: Unit): number {
  return unit.segments[0]!.line;
}

export function lastLine(unit: Unit): number {
  return unit.segments[unit.segments.length - 1]!.line;
}

/** Split lines into blocks at blank lines, then blocks into units. `skip` marks furniture lines. */
export function splitUnits(lines: string[], skip: Set<number>): Unit[] {
  const units: Unit[] = [];
  let block: Segment[] = [];
  let gap = 0;
  let blockGap = 0;
  const flush = () => {
    if (block.length > 0) units.push(...splitBlock(block, blockGap));
    block = [];
  };
  lines.forEach((text, index) => {
    const line = index + 1;
    if (skip.has(line) || text.trim() === '') {
      flush();
      gap++;
      return;
    }
    if (block.length === 0) {
      blockGap = gap;
      gap = 0;
    }
    block.push({ text, line });
  });
  flush();
  return units;
}

const INDENT = /^(?:\u3000|\s{2,})/u;

function splitBlock(lines: Segment[], gapBefore: number): Unit[] {
  // indentation counts: an indented first line of a paragraph is still a full line
  const widths = lines.map((s) => displayWidth(s.text.trimEnd()));
  if (lines.length === 1) return [{ segments: lines, gapBefore, indented: INDENT.test(lines[0]!.text) }];

  const column = columnWidth(widths);
  const units: Unit[] = [];
  let current: Segment[] = [lines[0]!];
  const startsNew = (i: number): boolean => {
    const prev = lines[i - 1]!;
    const here = lines[i]!;
    const prevWidth = widths[i - 1]!;
    const width = widths[i]!;
    if (INDENT.test(here.text)) return true;
    if (lines.length === 2) {
      // two lines: a wrapped line is never longer than the one before it
      if (width > prevWidth + 2) return true;
      return prevWidth <= 16 && !endsSentence(prev.text);
    }
    const full = (w: number) => w >= column - 3 && w <= column + 4;
    if (!full(prevWidth)) return true; // a short line ends a paragraph or is a headline
    if (width > column + 4) return true; // wider than the column: a headline over several columns
    return false;
  };
  for (let i = 1; i < lines.length; i++) {
    if (startsNew(i)) {
      units.push({ segments: current, gapBefore: units.length === 0 ? gapBefore : 0, indented: INDENT.test(current[0]!.text) });
      current = [];
    }
    current.push(lines[i]!);
  }
  units.push({ segments: current, gapBefore: units.length === 0 ? gapBefore : 0, indented: INDENT.test(current[0]!.text) });
  return units;
}

/**
 * The width of a full column line: the most common width among the block's lines but its last,
 * allowing for a character more or less (punctuation, Latin letters).
 */
function columnWidth(widths: number[]): number {
  const body = widths.slice(0, -1);
  let best = body[0]!;
  let bestCount = 0;
  for (const candidate of body) {
    const count = body.filter((w) => Math.abs(w - candidate) <= 2).length;
    if (count > bestCount || (count === bestCount && candidate > best)) {
      best = candidate;
      bestCount = count;
    }
  }
  // use the widest line within the cluster, so that a full line is never "short"
  return Math.max(...body.filter((w) => Math.abs(w - best) <= 2));
}
