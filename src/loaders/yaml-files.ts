import type { Loader } from 'astro/loaders';
import type { z } from 'astro/zod';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { NameProblem } from '../lib/content-names.ts';
import { parseYamlData } from '../lib/yaml-data.ts';
import type { LoadProblem, LoadReport } from './load-report.ts';

/**
 * A content loader for the archive's YAML files (papers/*.yml, <paper>/<date>/issue.yml) that
 * reads them with the importer's own rule (src/lib/yaml-data.ts: the same parser, the same
 * schema, a limit on aliases) and reports every broken file with its line and the fix, instead
 * of the first only (load-report.ts).
 */
export interface YamlFilesOptions<S extends z.ZodType> {
  /** Folder that holds the files. */
  base: string;
  /** Which files are entries, tested on their path relative to `base` with `/` separators. */
  pattern: RegExp;
  /** How many path segments an entry has (`papers/x.yml`: 1 under papers; `a/b/issue.yml`: 3): folders deeper are not read. */
  depth: number;
  /** The entry id of a file, from its path relative to `base`. */
  generateId: (entry: string) => string;
  /** The collection's schema (the same object as its `schema`). */
  schema: S;
  /** What a valid file must also agree with: its name, its folder. */
  check?: (id: string, data: z.output<S>) => NameProblem | null;
  /** Where to read about the fields, for messages: "see src/schemas/issue.ts for the fields". */
  hint: string;
  report: LoadReport;
}

export function yamlFiles<S extends z.ZodType>(options: YamlFilesOptions<S>): Loader {
  return {
    name: 'archive:yaml-files',
    load: async (context) => {
      const { store, watcher, config, collection } = context;
      const base = resolve(options.base);
      const root = fileURLToPath(config.root);
      const untouched = new Set(store.keys());
      let problems: LoadProblem[] = [];

      const sync = (entry: string) => {
        const id = options.generateId(entry);
        untouched.delete(id);
        const path = join(base, entry);
        const text = utf8(readFileSync(path));
        if (text === null) {
          store.delete(id);
          problems.push({ file: path, message: 'not UTF-8 text', hint: 'save the file as UTF-8 (the importer writes UTF-8; an editor may have saved it as GBK)' });
          return;
        }
        const digest = context.generateDigest(text);
        if (store.get(id)?.digest === digest) return;
        store.delete(id);
        const result = parseYamlData(text, options.schema);
        if (!result.ok) {
          for (const problem of result.problems) problems.push({ file: path, ...problem, hint: options.hint });
          return;
        }
        const wrong = options.check?.(id, result.data);
        if (wrong) {
          problems.push({ file: path, message: wrong.message, hint: wrong.hint });
          return;
        }
        store.set({ id, data: result.data as Record<string, unknown>, filePath: relative(root, path).split(sep).join('/'), digest });
      };

      try {
        for (const entry of entriesAt(base, options.depth, options.pattern)) sync(entry);
        for (const id of untouched) store.delete(id);
      } catch (error) {
        options.report.abandon(collection);
        throw error;
      }
      await options.report.settle(collection, problems, { watching: Boolean(watcher) });

      if (!watcher) return;
      watcher.add(base);
      const relativeEntry = (path: string) => {
        const entry = relative(base, path).split(sep).join('/');
        return options.pattern.test(entry) ? entry : null;
      };
      const onChange = (path: string) => {
        const entry = relativeEntry(path);
        if (!entry) return;
        problems = [];
        sync(entry);
        // `astro dev` keeps running: say what is wrong and leave the entry out
        for (const problem of problems) context.logger.error(`${relative(root, problem.file)}${problem.line ? `:${problem.line}` : ''}: ${problem.message} (fix: ${problem.hint})`);
      };
      watcher.on('add', onChange);
      watcher.on('change', onChange);
      watcher.on('unlink', (path) => {
        const entry = relativeEntry(path);
        if (entry) store.delete(options.generateId(entry));
      });
    },
  };
}

/** The text of bytes that are valid UTF-8 (a BOM dropped), or null. */
export function utf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** The files `depth` segments below `base` whose relative path matches, sorted; hidden folders skipped. */
function entriesAt(base: string, depth: number, pattern: RegExp): string[] {
  if (!existsSync(base)) return [];
  let level = [''];
  for (let d = 1; d < depth; d++) {
    level = level.flatMap((dir) =>
      readdirSync(join(base, dir), { withFileTypes: true })
        .filter((entry) => entry.isDirectory() && !entry.name.startsWith('.'))
        .map((entry) => (dir ? `${dir}/${entry.name}` : entry.name)),
    );
  }
  return level
    .flatMap((dir) => readdirSync(join(base, dir)).map((name) => (dir ? `${dir}/${name}` : name)))
    .filter((entry) => pattern.test(entry))
    .sort();
}
