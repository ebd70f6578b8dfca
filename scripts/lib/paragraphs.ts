import { cleanLine, joinPieces, type Finding, type SpaceMode } from './inline.ts';
import { pairQuotes } from './quotes.ts';
import type { Segment } from './layout.ts';
import type { Problem } from '../../src/schemas/problem.ts';

/**
 * A paragraph being assembled from source lines, remembering which line each stretch of the
 * cleaned text came from so that problems can name it.
 */
export interface Paragraph {
  text: string;
  /** Offsets in `text` where the text of each source line starts. */
  lines: Array<{ start: number; line: number }>;
  problems: Problem[];
}

/** Clean segments and join them into one paragraph (column wraps removed). */
export function buildParagraph(segments: Segment[], mode: SpaceMode = 'body'): Paragraph {
  const paragraph: Paragraph = { text: '', lines: [], problems: [] };
  for (const segment of segments) appendSegment(paragraph, segment, mode);
  return paragraph;
}

export function appendSegment(paragraph: Paragraph, segment: Segment, mode: SpaceMode = 'body'): void {
  const cleaned = cleanLine(segment.text, mode);
  if (cleaned.text === '') return;
  const joined = joinPieces(paragraph.text, cleaned.text);
  const start = joined.length - cleaned.text.length;
  paragraph.lines.push({ start, line: segment.line });
  paragraph.text = joined;
  for (const finding of cleaned.findings) paragraph.problems.push(toProblem(finding, segment.line));
}

/** Join a paragraph that a column break cut into two. */
export function appendParagraph(target: Paragraph, next: Paragraph): void {
  const joined = joinPieces(target.text, next.text);
  const shift = joined.length - next.text.length;
  for (const entry of next.lines) target.lines.push({ start: entry.start + shift, line: entry.line });
  target.text = joined;
  target.problems.push(...next.problems);
}

/** Pair quotation marks across the whole paragraph, now that its pieces are joined. */
export function finishParagraph(paragraph: Paragraph): Paragraph {
  const { text, findings } = pairQuotes(paragraph.text);
  // excerpts taken before the quotes were paired show them as they now read
  const straight = (value: string) => value.replace(/[“”]/gu, '"').replace(/[‘’]/gu, "'");
  const flat = straight(text);
  for (const problem of paragraph.problems) {
    if (problem.excerpt === undefined || !/["']/u.test(problem.excerpt)) continue;
    const at = flat.indexOf(problem.excerpt);
    if (at < 0) continue;
    const now = text.slice(at, at + problem.excerpt.length);
    if (problem.suggestion !== undefined) {
      // the suggestion has the same quotes in the same order, maybe at other offsets
      const quotes = [...now].filter((ch) => /[“”‘’"']/u.test(ch));
      problem.suggestion = problem.suggestion.replace(/["']/gu, (ch) => quotes.shift() ?? ch);
    }
    problem.excerpt = now;
  }
  paragraph.text = text;
  for (const finding of findings) paragraph.problems.push(toProblem(finding, lineAt(paragraph, finding.offset)));
  return paragraph;
}

export function lineAt(paragraph: Paragraph, offset: number): number {
  let line = paragraph.lines[0]?.line ?? 1;
  for (const entry of paragraph.lines) {
    if (entry.start <= offset) line = entry.line;
    else break;
  }
  return line;
}

export function lastLineOf(paragraph: Paragraph): number {
  return paragraph.lines[paragraph.lines.length - 1]?.line ?? 1;
}

export function toProblem(finding: Finding, line: number): Problem {
  const problem: Problem = { code: finding.code, line, message: finding.message, excerpt: finding.excerpt };
  if (finding.suggestion !== undefined) problem.suggestion = finding.suggestion;
  if (finding.fixed) problem.fixed = true;
  return problem;
}
