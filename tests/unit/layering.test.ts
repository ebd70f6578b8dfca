import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../src/io/astro-build.ts';

/**
 * The house's layout, checked on every import of every source file, so that it cannot drift:
 *
 *   scripts/ (CLIs) -> src/ (schemas, lib, io) <- integrations, loaders, pages, components
 *
 * and only tests import tests/. Pure rooms (src/lib, src/schemas, scripts/lib) touch no disk,
 * no process, no sharp and no browser. docs/0002-layout.md says why.
 */

export interface ImportEdge {
  /** The importing file, relative to the repository root. */
  from: string;
  /** What it imports: a path relative to the root for relative specifiers, or the bare specifier. */
  to: string;
  line: number;
}

/** Where a file lives, as the rules see it. */
export function roomOf(path: string): string {
  if (/\.test\.ts$/.test(path) || path.startsWith('tests/')) return 'tests';
  const match = /^(src\/(?:schemas|lib|io|integrations|loaders|pages|components|layouts|styles)|src|scripts\/lib|scripts\/io|scripts)(?:\/|$)/.exec(path);
  return match ? match[1]! : path.split('/')[0]!;
}

/** Bare modules a pure room may not use: the file system, processes, the network, images, browsers. */
const IMPURE = /^(?:node:)?(?:fs|fs\/promises|child_process|net|http|http2|https|worker_threads)$|^(?:sharp|playwright-core|pagefind)$/;

/** What each room may import (rooms, by prefix); tests may import anything. */
const ALLOWED: Record<string, string[]> = {
  'src/schemas': ['src/schemas'],
  'src/lib': ['src/schemas', 'src/lib'],
  'src/io': ['src/schemas', 'src/lib', 'src/io'],
  'src/loaders': ['src/schemas', 'src/lib', 'src/io', 'src/loaders'],
  'src/integrations': ['src/schemas', 'src/lib', 'src/io', 'src/integrations', 'src/loaders'],
  'src/components': ['src/schemas', 'src/lib', 'src/components', 'src/styles'],
  'src/layouts': ['src/schemas', 'src/lib', 'src/components', 'src/layouts', 'src/styles'],
  'src/pages': ['src/schemas', 'src/lib', 'src/components', 'src/layouts', 'src/styles', 'src/pages', 'src'],
  src: ['src/schemas', 'src/lib', 'src/io', 'src/loaders', 'src'],
  'scripts/lib': ['src/schemas', 'src/lib', 'scripts/lib'],
  'scripts/io': ['src/schemas', 'src/lib', 'src/io', 'scripts/lib', 'scripts/io'],
  scripts: ['src/schemas', 'src/lib', 'src/io', 'scripts/lib', 'scripts/io', 'scripts'],
  'astro.config.mjs': ['src/integrations', 'src/lib'],
};

const PURE = new Set(['src/schemas', 'src/lib', 'scripts/lib']);

/** The rule an import breaks, in words, or null. */
export function violation(edge: ImportEdge): string | null {
  const from = roomOf(edge.from);
  if (from === 'tests') return null;
  if (!/^(?:src|scripts|tests)\//.test(edge.to)) {
    if (PURE.has(from) && IMPURE.test(edge.to)) return `${from} is pure: no ${edge.to} (do the I/O in src/io or scripts/io and pass data in)`;
    return null;
  }
  const to = roomOf(edge.to);
  if (to === 'tests') return `only tests import tests/ (move what ${edge.to} offers into src/io or src/lib)`;
  const allowed = ALLOWED[from];
  if (!allowed) return null;
  if (!allowed.includes(to)) return `${from} may import ${allowed.join(', ')}; not ${to}`;
  return null;
}

const SPECIFIER = /(?:^|[\s;])(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|(?:^|[\s;(=])import\s*\(\s*['"]([^'"]+)['"]\s*\)|^\s*import\s*['"]([^'"]+)['"]|new URL\(\s*['"](\.{1,2}\/[^'"]+)['"]\s*,\s*import\.meta\.url/gm;

/** The imports of one file's text. Relative specifiers are resolved against the file. */
export function importsOf(path: string, text: string): ImportEdge[] {
  const edges: ImportEdge[] = [];
  for (const match of text.matchAll(SPECIFIER)) {
    const specifier = match[1] ?? match[2] ?? match[3] ?? match[4]!;
    const line = text.slice(0, match.index).split('\n').length + (match[0].startsWith('\n') ? 1 : 0);
    const to = specifier.startsWith('.') ? relative(ROOT, resolve(ROOT, dirname(path), specifier)) : specifier;
    edges.push({ from: path, to, line });
  }
  return edges;
}

function sourceFiles(): string[] {
  const files: string[] = ['astro.config.mjs'];
  const walk = (dir: string) => {
    for (const entry of readdirSync(join(ROOT, dir), { withFileTypes: true })) {
      const path = `${dir}/${entry.name}`;
      if (entry.isDirectory()) {
        if (entry.name !== 'fixtures' && entry.name !== 'node_modules') walk(path);
      } else if (/\.(?:ts|mjs|astro)$/.test(entry.name)) files.push(path);
    }
  };
  for (const dir of ['src', 'scripts', 'tests']) walk(dir);
  return files;
}

describe('the import direction', () => {
  it('tells the rooms apart and finds every kind of import', () => {
    expect(roomOf('src/lib/search/engine.ts')).toBe('src/lib');
    expect(roomOf('scripts/lib/parse-page.ts')).toBe('scripts/lib');
    expect(roomOf('scripts/import.ts')).toBe('scripts');
    expect(roomOf('src/lib/ids.test.ts')).toBe('tests');
    const text = "import a from '../../scripts/lib/ids.ts';\nexport { b } from './b.ts';\nconst c = await import('../../tests/support/x.ts');\nnew URL('../io/x.ts', import.meta.url);\nimport 'node:fs';";
    expect(importsOf('src/lib/x.ts', text)).toEqual([
      { from: 'src/lib/x.ts', to: 'scripts/lib/ids.ts', line: 1 },
      { from: 'src/lib/x.ts', to: 'src/lib/b.ts', line: 2 },
      { from: 'src/lib/x.ts', to: 'tests/support/x.ts', line: 3 },
      { from: 'src/lib/x.ts', to: 'src/io/x.ts', line: 4 },
      { from: 'src/lib/x.ts', to: 'node:fs', line: 5 },
    ]);
  });

  it('refuses each wrong way', () => {
    const wrong: Array<[string, string]> = [
      ['src/lib/paths.ts', 'scripts/lib/ids.ts'],
      ['src/integrations/photos.ts', 'scripts/io/write-atomic.ts'],
      ['src/pages/index.astro', 'src/io/static-server.ts'],
      ['scripts/eval-search.ts', 'tests/support/static-server.ts'],
      ['scripts/bench.ts', 'src/integrations/photos.ts'],
      ['scripts/shard.ts', 'src/loaders/shard.ts'],
      ['src/lib/search/engine.ts', 'src/io/write-atomic.ts'],
      ['src/lib/corpus.ts', 'node:fs'],
      ['scripts/lib/parse-page.ts', 'sharp'],
      ['src/schemas/article.ts', 'src/lib/ids.ts'],
    ];
    for (const [from, to] of wrong) expect(violation({ from, to, line: 1 }), `${from} -> ${to}`).not.toBeNull();
    const right: Array<[string, string]> = [
      ['scripts/import.ts', 'src/io/write-atomic.ts'],
      ['src/integrations/photos.ts', 'src/io/photo-store.ts'],
      ['src/io/corpus-files.ts', 'src/lib/corpus.ts'],
      ['src/lib/ids.test.ts', 'tests/support/archive-fixture.ts'],
      ['src/io/tesseract.ts', 'node:child_process'],
    ];
    for (const [from, to] of right) expect(violation({ from, to, line: 1 }), `${from} -> ${to}`).toBeNull();
  });

  it('holds for every source file of the repository', () => {
    const problems = sourceFiles().flatMap((file) =>
      importsOf(file, readFileSync(join(ROOT, file), 'utf8')).flatMap((edge) => {
        const why = violation(edge);
        return why ? [`${edge.from}:${edge.line} imports ${edge.to}: ${why}`] : [];
      }),
    );
    expect(problems).toEqual([]);
  });
});
