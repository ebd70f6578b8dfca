import { foldCase, normalizeLine, searchChars, type SearchChar } from './text.ts';

/** A run of text [start, end) in UTF-16 offsets of the text it was found in. */
export type Run = readonly [start: number, end: number];

/**
 * The text as search compares it (see `searchChars`), case folded, one code point per entry,
 * each remembering where it came from, so that a match maps back to the text as printed or
 * rendered.
 */
function comparable(text: string): SearchChar[] {
  return searchChars(text).flatMap(({ ch, start, end }) => [...foldCase(ch)].map((one) => ({ ch: one, start, end })));
}

/**
 * Every occurrence of every term in the text, as whole runs in the text's own offsets, merged
 * where they touch or overlap (疫情防控 and 防控工作 in 疫情防控工作 mark one run).
 */
export function findRuns(text: string, terms: readonly string[]): Run[] {
  const hay = comparable(text);
  const runs: Array<[number, number]> = [];
  for (const term of terms) {
    const needle = [...foldCase(normalizeLine(term))];
    if (needle.length === 0) continue;
    outer: for (let i = 0; i + needle.length <= hay.length; i++) {
      for (let k = 0; k < needle.length; k++) if (hay[i + k]!.ch !== needle[k]) continue outer;
      runs.push([hay[i]!.start, hay[i + needle.length - 1]!.end]);
    }
  }
  runs.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const merged: Array<[number, number]> = [];
  for (const run of runs) {
    const last = merged[merged.length - 1];
    if (last && run[0] <= last[1]) last[1] = Math.max(last[1], run[1]);
    else merged.push([run[0], run[1]]);
  }
  return merged;
}

/** A piece of an excerpt: plain text, or a hit to mark. */
export interface Segment {
  text: string;
  hit: boolean;
}

/** Split a text into plain and hit segments. */
export function segmentsOf(text: string, runs: readonly Run[]): Segment[] {
  const out: Segment[] = [];
  let at = 0;
  for (const [start, end] of runs) {
    if (start > at) out.push({ text: text.slice(at, start), hit: false });
    out.push({ text: text.slice(start, end), hit: true });
    at = end;
  }
  if (at < text.length) out.push({ text: text.slice(at), hit: false });
  return out;
}
