import type { Problem } from '../../schemas/problem.ts';
import type { Run } from './matches.ts';
import { foldCase, normalizeLine, searchChars } from './text.ts';

/**
 * OCR-tolerant search, exact by default. The importer flags look-alike misreads (`ocr-suspect`:
 * 村医人户走访, suggestion 村医入户走访) and never changes the text; an editor corrects the text by
 * hand and deletes the flag. Until then, search keeps two readings of a flagged passage:
 *
 * - the text as printed (what exact search finds: 村医人户 finds it, and says it is flagged);
 * - the text as the flag suggests (a search for 村医入户 finds it in a separate, labelled group
 *   of suspected misreadings, never among the exact results).
 *
 * The index holds, besides each article's text, a window of ALIAS_WINDOW characters on either
 * side of each flagged change, twice: as suggested and as printed, at positions that mirror the
 * text's (see tokens.ts, ALIAS_BASE and FLAG_BASE). So the engine tells from positions alone
 * whether a term occurs only in the suggested reading (it overlaps a change) or occurs in the
 * text where a flag suggests something else. A hand correction (flag deleted) drops both.
 */

/** The problem code of a flagged look-alike misread. */
export const OCR_SUSPECT = 'ocr-suspect';

/** A flagged misreading: the passage as it reads, and as the importer suggests it should. */
export interface SuspectReading {
  excerpt: string;
  suggestion: string;
}

/**
 * Characters on either side of a change that the suggested reading is indexed with: a term of up
 * to ALIAS_WINDOW + 1 characters that overlaps a change is found in it.
 */
export const ALIAS_WINDOW = 24;

/**
 * The flagged misreadings of an article that search reads both ways: `ocr-suspect` problems not
 * fixed by the importer, with an excerpt and a suggestion of the same length (one character
 * for another, as the importer suggests them) that differ.
 */
export function suspectsOf(problems: readonly Problem[]): SuspectReading[] {
  const out: SuspectReading[] = [];
  for (const problem of problems) {
    if (problem.code !== OCR_SUSPECT || problem.fixed || !problem.excerpt || !problem.suggestion) continue;
    const excerpt = [...foldCase(normalizeLine(problem.excerpt))];
    const suggestion = [...foldCase(normalizeLine(problem.suggestion))];
    if (excerpt.length === 0 || excerpt.length !== suggestion.length || excerpt.join('') === suggestion.join('')) continue;
    if (!out.some((known) => known.excerpt === problem.excerpt && known.suggestion === problem.suggestion)) out.push({ excerpt: problem.excerpt, suggestion: problem.suggestion });
  }
  return out;
}

/** A stretch of an article's indexed code points around flagged changes: as printed and as suggested. */
export interface AliasWindow {
  /** Offset of the window's first code point in the article's indexed code points. */
  start: number;
  original: Uint32Array;
  corrected: Uint32Array;
}

const codePoints = (text: string) => Uint32Array.from([...foldCase(normalizeLine(text))].map((ch) => ch.codePointAt(0)!));

/**
 * The alias windows of an article, from its indexed code points (lines, each followed by a line
 * break; see `indexCodePoints`): every occurrence of a flagged excerpt, its changed characters
 * with ALIAS_WINDOW characters on either side, within its line; overlapping or touching windows
 * merged, every change inside applied. Sorted by start; they never touch.
 */
export function aliasWindows(points: Uint32Array, suspects: readonly SuspectReading[]): AliasWindow[] {
  const changes: Array<{ at: number; to: number }> = [];
  for (const suspect of suspects) {
    const from = codePoints(suspect.excerpt);
    const to = codePoints(suspect.suggestion);
    if (from.length === 0 || from.length !== to.length) continue;
    outer: for (let i = 0; i + from.length <= points.length; i++) {
      for (let k = 0; k < from.length; k++) if (points[i + k] !== from[k]) continue outer;
      for (let k = 0; k < from.length; k++) if (from[k] !== to[k]) changes.push({ at: i + k, to: to[k]! });
    }
  }
  if (changes.length === 0) return [];
  changes.sort((a, b) => a.at - b.at);
  const windows: Array<{ start: number; end: number; changes: typeof changes }> = [];
  for (const change of changes) {
    let start = change.at;
    let end = change.at + 1;
    for (let n = 0; n < ALIAS_WINDOW && start > 0 && points[start - 1] !== 0x0a; n++) start--;
    for (let n = 0; n < ALIAS_WINDOW && end < points.length && points[end] !== 0x0a; n++) end++;
    const last = windows[windows.length - 1];
    // a window's line break follows it: a window starting there would share its position
    if (last && start <= last.end) {
      last.end = Math.max(last.end, end);
      last.changes.push(change);
    } else windows.push({ start, end, changes: [change] });
  }
  return windows.map(({ start, end, changes: inside }) => {
    const original = points.slice(start, end);
    const corrected = original.slice();
    for (const change of inside) corrected[change.at - start] = change.to;
    return { start, original, corrected };
  });
}

/** A line as the flags suggest it, and where it changed (offsets in the corrected line). */
export interface CorrectedLine {
  text: string;
  changes: Run[];
}

/**
 * A line of a result (as the fragment holds it) read as its flags suggest: each occurrence of an
 * excerpt (compared as search compares text) with its changed characters replaced.
 */
export function correctLine(line: string, suspects: readonly SuspectReading[]): CorrectedLine {
  const chars = searchChars(line).map((point) => ({ ...point, folded: foldCase(point.ch) }));
  const replace = new Map<number, string>();
  for (const suspect of suspects) {
    const from = [...foldCase(normalizeLine(suspect.excerpt))];
    const to = [...normalizeLine(suspect.suggestion)];
    if (from.length === 0 || from.length !== to.length) continue;
    outer: for (let i = 0; i + from.length <= chars.length; i++) {
      for (let k = 0; k < from.length; k++) if (chars[i + k]!.folded !== from[k]) continue outer;
      for (let k = 0; k < from.length; k++) if (from[k] !== foldCase(to[k]!)) replace.set(i + k, to[k]!);
    }
  }
  if (replace.size === 0) return { text: line, changes: [] };
  let text = '';
  let at = 0;
  const changes: Run[] = [];
  chars.forEach((point, i) => {
    text += line.slice(at, point.start);
    const swap = replace.get(i);
    if (swap === undefined) text += line.slice(point.start, point.end);
    else {
      changes.push([text.length, text.length + swap.length]);
      text += swap;
    }
    at = point.end;
  });
  return { text: text + line.slice(at), changes };
}

/** Does a run overlap one of the changes? */
export function overlapsChange(run: Run, changes: readonly Run[]): boolean {
  return changes.some(([start, end]) => run[0] < end && start < run[1]);
}
