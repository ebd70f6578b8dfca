import type { z } from 'astro/zod';
import { isAlias, isCollection, isMap, isScalar, LineCounter, parseDocument, visit, type Document } from 'yaml';

/**
 * YAML files checked by a schema, with every problem at its line: the importer's issue.yml,
 * photos.yml and papers/*.yml, and the site's data files and front matter, read by one rule.
 */

/** One thing wrong with a YAML file: the line (1-based, when there is one) and what to change. */
export interface DataProblem {
  line?: number;
  message: string;
}

export type YamlData<T> = { ok: true; data: T } | { ok: false; problems: DataProblem[] };

/**
 * Aliases (`*name`) resolved per file at most. Our files need none; a "billion laughs" file
 * (aliases of aliases of lists) would expand to gigabytes. The yaml package stops there.
 */
export const MAX_YAML_ALIASES = 100;

/** Parse YAML text and check it with a schema: the data, or every problem with its line. */
export function parseYamlData<S extends z.ZodType>(text: string, schema: S): YamlData<z.output<S>> {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      problems: doc.errors.map((error) => ({
        line: lineCounter.linePos(error.pos[0]).line,
        message: `not valid YAML: ${error.message.split('\n')[0]}`,
      })),
    };
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_YAML_ALIASES });
  } catch (error) {
    if (!/alias/iu.test((error as Error).message)) throw error;
    return { ok: false, problems: [aliasProblem(doc, lineCounter)] };
  }
  const result = schema.safeParse(value);
  if (result.success) return { ok: true, data: result.data };
  return { ok: false, problems: issueProblems(doc, lineCounter, result.error.issues) };
}

/**
 * The problems of schema issues found in data parsed elsewhere (Astro reads front matter with
 * js-yaml), placed at their lines in the YAML text. Lines count from the text's first line;
 * add the offset of the text in its file.
 */
export function locateIssues(text: string, issues: readonly z.core.$ZodIssue[]): DataProblem[] {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  return issueProblems(doc, lineCounter, issues);
}

/** A finder of the line of a path (`['pages', 2, 'file']`) in YAML text, for messages about valid data. */
export function yamlLines(text: string): (path: Array<string | number>) => number | undefined {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  return (path) => lineOfPath(doc, lineCounter, path);
}

function issueProblems(doc: Document, lineCounter: LineCounter, issues: readonly z.core.$ZodIssue[]): DataProblem[] {
  return issues
    .map((issue) => {
      const path = issue.path.map((key) => (typeof key === 'symbol' ? String(key) : key));
      const line = lineOfPath(doc, lineCounter, path);
      const name = path.length > 0 ? `\`${path.join('.')}\`` : 'the file';
      // zod says "expected string, received undefined" for a key that is not there
      const missing = /^Invalid input: expected (\w+), received undefined$/u.exec(issue.message);
      const message = missing ? `${name} is missing: add it (a ${missing[1]})` : `${name}: ${issue.message}`;
      return { ...(line !== undefined ? { line } : {}), message };
    })
    .sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
}

/** The line of the deepest node that exists along a path (a missing key: its parent's line). */
function lineOfPath(doc: Document, lineCounter: LineCounter, path: Array<string | number>): number | undefined {
  for (let length = path.length; length >= 0; length--) {
    const node = (length === 0 ? doc.contents : doc.getIn(path.slice(0, length), true)) as { range?: [number, number, number] } | null | undefined;
    if (node?.range) {
      // a missing key of a mapping: point at the mapping's first line, not its end
      if (length < path.length && isCollection(node)) return lineCounter.linePos(node.range[0]).line;
      // a key: point at the key itself when its value starts on a later line
      const pair = length > 0 ? pairOf(doc, path.slice(0, length)) : undefined;
      return lineCounter.linePos(pair ?? node.range[0]).line;
    }
  }
  return undefined;
}

function pairOf(doc: Document, path: Array<string | number>): number | undefined {
  const parent = path.length === 1 ? doc.contents : doc.getIn(path.slice(0, -1), true);
  if (!isMap(parent)) return undefined;
  const last = path.at(-1);
  const pair = parent.items.find((item) => isScalar(item.key) && item.key.value === last);
  return isScalar(pair?.key) ? pair.key.range?.[0] : undefined;
}

function aliasProblem(doc: Document, lineCounter: LineCounter): DataProblem {
  let first: number | undefined;
  visit(doc, {
    Alias(_, node) {
      if (isAlias(node) && node.range && first === undefined) first = lineCounter.linePos(node.range[0]).line;
    },
  });
  return {
    ...(first !== undefined ? { line: first } : {}),
    message: `the aliases (*name) expand to more than ${MAX_YAML_ALIASES} copies, which looks like a "billion laughs" file; write the values out without anchors (&) and aliases (*)`,
  };
}
