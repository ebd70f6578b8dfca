import { endsInsideRoleWord } from '../../src/lib/roles.ts';
import { bylineRunsOn } from './people.ts';
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

export function firstLine(unit: Unit): number {
  return unit.segments[0]!.line;
}

export function lastLine(unit: Unit): number {
  return unit.segments[unit.segments.length - 1]!.line;
}

/**
 * Split lines into blocks at blank lines, then blocks into units. `skip` marks furniture lines;
 * `isStandalone` recognises lines that are always units of their own (credits, bylines, jumps).
 */
export function splitUnits(lines: string[], skip: Set<number>, isStandalone: (text: string) => boolean = () => false): Unit[] {
  const units: Unit[] = [];
  let block: Segment[] = [];
  let gap = 0;
  let blockGap = 0;
  const flush = () => {
    if (block.length > 0) units.push(...splitBlock(block, blockGap, isStandalone));
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
  joinBrokenCredits(units, isStandalone);
  return units;
}

/**
 * A credit broken where the reading order set its two lines apart ((彭秋浪, level with the
 * caption's last line, then 摄) under it): a line with a bracket left open and a short line that
 * closes it are one unit when together they are a credit or a byline.
 */
function joinBrokenCredits(units: Unit[], isStandalone: (text: string) => boolean): void {
  for (let i = 0; i + 1 < units.length; i++) {
    const [a, b] = [units[i]!, units[i + 1]!];
    if (a.segments.length !== 1 || b.segments.length !== 1) continue;
    const [first, second] = [a.segments[0]!.text.trim(), b.segments[0]!.text.trim()];
    if (!hasOpenBracket(first) || bracketBalance(second) >= 0 || [...second].length > 8) continue;
    if (isStandalone(first) || !isStandalone(first + second)) continue;
    units.splice(i, 2, { segments: [...a.segments, ...b.segments], gapBefore: a.gapBefore, indented: a.indented });
  }
}

/** A line indented like a paragraph's first: an ideographic space or two spaces. */
export const INDENT = /^(?:\u3000|\s{2,})/u;

function bracketBalance(text: string): number {
  return (text.match(/[（(〈]/gu) ?? []).length - (text.match(/[）)〉]/gu) ?? []).length;
}

function hasOpenBracket(text: string): boolean {
  return bracketBalance(text) > 0;
}

/** A line of Chinese text has no punctuation when it is a headline, a banner or a label. */
function hasPunctuation(text: string): boolean {
  return /[，。；：、！？,;:!?]/u.test(text);
}

/**
 * Width of a line in half-width cells. ASCII punctuation counts as wide: in Chinese text OCR
 * reads full-width ，：（） as , : ( ), and the printed line was as wide as with the real marks.
 */
export function lineWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += /[,;:?!()"']/u.test(ch) ? 2 : displayWidth(ch);
  return width;
}

/**
 * Split one block (lines between blank lines) into units. Credits, bylines and jump lines are
 * units of their own wherever they sit. The rest is read as column text: a line shorter than
 * the column ends a paragraph (or is a headline line), an indented line starts one.
 */
function splitBlock(lines: Segment[], gapBefore: number, isStandalone: (text: string) => boolean): Unit[] {
  const runs: Segment[][] = [];
  const whole = new Set<Segment[]>();
  let run: Segment[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const last = run[run.length - 1]?.text ?? '';
    const carried = run.length > 0 && (hasOpenBracket(run.map((l) => l.text).join('')) || endsInsideRoleWord(last.trim()) || bylineRunsOn(last, line.text));
    // a byline or credit wrapped in a narrow column, the last name's tail on the next line (@记者 张峰通讯员段 / 航春)
    const next = lines[i + 1];
    const wrapped = !carried && next !== undefined && /^\p{Script=Han}{1,2}$/u.test(next.text.trim()) && !isStandalone(line.text) && isStandalone(`${line.text.trim()}${next.text.trim()}`);
    if (!carried && (wrapped || isStandalone(line.text))) {
      if (run.length > 0) runs.push(run);
      const alone = wrapped ? [line, next] : [line];
      whole.add(alone);
      runs.push(alone);
      if (wrapped) i++;
      run = [];
    } else {
      run.push(line);
    }
  }
  if (run.length > 0) runs.push(run);
  // a standalone line (and the tail it wraps onto) is one unit as it stands
  const units = runs.flatMap((segments) => (whole.has(segments) ? [{ segments, gapBefore: 0, indented: INDENT.test(segments[0]!.text) }] : splitRun(segments)));
  units.forEach((unit, index) => (unit.gapBefore = index === 0 ? gapBefore : 0));
  return units;
}

function splitRun(lines: Segment[]): Unit[] {
  const make = (segments: Segment[]): Unit => ({ segments, gapBefore: 0, indented: INDENT.test(segments[0]!.text) });
  if (lines.length === 1) return [make(lines)];
  // indentation counts: an indented first line of a paragraph is still a full line
  // a stack of short lines without punctuation is a headline block: kicker, title, subtitle
  // (but a role word broken at the line end, @记者 魏丽琪 通讯 / 员 梁璐, keeps its lines together)
  if (lines.every((line) => !hasPunctuation(line.text) && [...line.text.trim()].length <= 30)) {
    const stacked: Segment[][] = [];
    lines.forEach((line, i) => (i > 0 && endsInsideRoleWord(lines[i - 1]!.text.trim()) ? stacked[stacked.length - 1]!.push(line) : stacked.push([line])));
    return stacked.map(make);
  }
  const widths = lines.map((s) => lineWidth(s.text.trimEnd()));
  const column = columnWidth(widths);
  // lines far wider than any printed column are whole paragraphs (the sample's layout, without
  // blank lines between them): each is a unit
  if (column > 100) return lines.map((line) => make([line]));
  // brackets still open after each line: a break inside （…） never ends a unit
  const open: number[] = [];
  lines.reduce((depth, line, i) => (open[i] = Math.max(0, depth + bracketBalance(line.text))), 0);
  const startsNew = (i: number): boolean => {
    const prev = lines[i - 1]!;
    const here = lines[i]!;
    const prevWidth = widths[i - 1]!;
    const width = widths[i]!;
    if (open[i - 1]! > 0 || endsInsideRoleWord(prev.text.trim()) || bylineRunsOn(prev.text, here.text)) return false;
    if (INDENT.test(here.text)) return true;
    // a numbered item (一、 （二） 3．) or a subtitle's dash opens a line of its own
    if (/^\s*(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|\d{1,2}[、．](?!\d)|——)/u.test(here.text)) return true;
    if (lines.length === 2) {
      // two lines: a wrapped line is never longer than the one before it
      if (width > prevWidth + 2) return true;
      // two short lines without punctuation: headline lines (title and subtitle, kicker and title)
      if (!hasPunctuation(prev.text) && !hasPunctuation(here.text) && [...prev.text.trim()].length <= 30) return true;
      return prevWidth <= 16 && !endsSentence(prev.text);
    }
    const full = (w: number) => w >= column - 3 && w <= column + 4;
    if (!full(prevWidth)) return true; // a short line ends a paragraph or is a headline
    if (width > column + 4) return true; // wider than the column: a headline over several columns
    return false;
  };
  const units: Unit[] = [];
  let current: Segment[] = [lines[0]!];
  for (let i = 1; i < lines.length; i++) {
    if (startsNew(i)) {
      units.push(make(current));
      current = [];
    }
    current.push(lines[i]!);
  }
  units.push(make(current));
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
