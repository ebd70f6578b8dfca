import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Every environment variable a user may set is in one table, docs/configuration.md (issue 16):
 * a variable read anywhere in the site, the scripts or the Astro config and missing from the
 * table fails here, and so does a row for a variable nothing reads any more.
 */

const ROOT = join(import.meta.dirname, '..', '..');
/** Variables of the system, not of the archive. */
const SYSTEM = new Set(['PATH', 'HOME', 'CI', 'NODE_ENV', 'TMPDIR']);

function sources(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.(?:ts|mjs|astro)$/u.test(entry.name) && !/\.test\.ts$/u.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name));
}

function variablesRead(): Map<string, string> {
  const found = new Map<string, string>();
  for (const file of [...sources('src'), ...sources('scripts'), join(ROOT, 'astro.config.mjs')]) {
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(/process\.env(?:\.([A-Z][A-Z0-9_]*)|\[['"]([A-Z][A-Z0-9_]*)['"]\])/gu)) {
      const name = (match[1] ?? match[2])!;
      if (!SYSTEM.has(name) && !found.has(name)) found.set(name, relative(ROOT, file));
    }
  }
  return found;
}

describe('docs/configuration.md', () => {
  const table = new Set([...readFileSync(join(ROOT, 'docs', 'configuration.md'), 'utf8').matchAll(/^\| `([A-Z][A-Z0-9_]*)` \|/gmu)].map((m) => m[1]!));
  const read = variablesRead();

  it('lists every environment variable the code reads', () => {
    const missing = [...read].filter(([name]) => !table.has(name)).map(([name, file]) => `${name} (read in ${file})`);
    expect(missing).toEqual([]);
  });

  it('lists no variable that nothing reads', () => {
    expect([...table].filter((name) => !read.has(name))).toEqual([]);
  });
});
