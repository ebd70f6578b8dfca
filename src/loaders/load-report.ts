import { AstroError } from 'astro/errors';
import { relative } from 'node:path';

/**
 * What the content loaders found wrong with the archive's files, reported together: one build
 * names every broken file (invalid front matter, a missing photo, a page listed twice, a name
 * the site does not accept), each with its line and the fix, instead of stopping at the first.
 *
 * Astro runs the collections' loaders at once and stops at the first that throws. So each loader
 * that takes part hands its problems in when it is done and waits for the others; then every one
 * of them throws the same error, which lists them all. With a file watcher (`astro dev`), a
 * loader may run alone later, and reports its own problems at once.
 */

/** One broken file: where, what is wrong, how to fix it. */
export interface LoadProblem {
  /** Absolute path of the file. */
  file: string;
  line?: number;
  message: string;
  hint: string;
}

export interface LoadReport {
  /** Hand in a collection's problems; resolves when every collection has, throws if any had any. */
  settle(collection: string, problems: LoadProblem[], options: { watching: boolean }): Promise<void>;
  /** A collection's loader failed for another reason (a bug): let the others finish. */
  abandon(collection: string): void;
}

/** A report for the loaders of these collections; each must settle or abandon once per sync. */
export function loadReport(collections: readonly string[], root = process.cwd()): LoadReport {
  const handedIn = new Map<string, LoadProblem[]>();
  let release: () => void = () => {};
  const everyone = new Promise<void>((resolve) => (release = resolve));
  let together = true;
  let combined: AstroError | undefined;

  const handIn = (collection: string, problems: LoadProblem[]) => {
    handedIn.set(collection, problems);
    if (collections.every((name) => handedIn.has(name))) {
      together = false;
      release();
    }
  };
  return {
    async settle(collection, problems, { watching }) {
      if (watching || !together || !collections.includes(collection)) {
        if (problems.length > 0) throw contentError(problems, root);
        return;
      }
      handIn(collection, problems);
      await everyone;
      const all = collections.flatMap((name) => handedIn.get(name) ?? []);
      if (all.length > 0) throw (combined ??= contentError(all, root));
    },
    abandon(collection) {
      if (together && collections.includes(collection)) handIn(collection, []);
    },
  };
}

/** One error for every problem, sorted by file and line, in Astro's format (message and hint). */
export function contentError(problems: LoadProblem[], root = process.cwd()): AstroError {
  const sorted = [...problems].sort((a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0));
  const files = new Set(sorted.map((p) => p.file)).size;
  const shown = (file: string) => {
    const path = relative(root, file);
    return path === '' || path.startsWith('..') ? file : path;
  };
  const lines = sorted.map((p) => `  ${shown(p.file)}${p.line !== undefined ? `:${p.line}` : ''}: ${p.message}\n      fix: ${p.hint}`);
  const error = new AstroError(
    `${sorted.length} problem${sorted.length === 1 ? '' : 's'} in ${files} content file${files === 1 ? '' : 's'}; nothing was built:\n${lines.join('\n')}`,
    'Fix each file as its line says and build again. Files written by `npm run import` can also be made again by importing their page again (with --force where they were edited by hand).',
  );
  error.name = 'ContentError';
  // the message says everything; a stack trace of the loader would only hide it
  error.stack = '';
  return error;
}
