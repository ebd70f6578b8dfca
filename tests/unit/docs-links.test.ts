import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The README and docs/ are a guide a newcomer follows: every relative link leads to a file
 * that exists (and a `#heading` of the README to a heading it has), and every `npm run <name>`
 * they mention is a script of package.json.
 */

const ROOT = join(import.meta.dirname, '..', '..');
const pages = [join(ROOT, 'README.md'), join(ROOT, 'bench-results', 'README.md'), ...readdirSync(join(ROOT, 'docs')).filter((n) => n.endsWith('.md')).map((n) => join(ROOT, 'docs', n))];

/** GitHub's anchor of a heading: lower case, punctuation dropped, spaces to hyphens. */
const anchorOf = (heading: string) => heading.trim().toLowerCase().replace(/[^\p{L}\p{N}\s_-]/gu, '').replace(/\s/gu, '-');

describe('README and docs', () => {
  it('link only to files and README headings that exist', () => {
    const broken: string[] = [];
    for (const page of pages) {
      const text = readFileSync(page, 'utf8').replace(/```[\s\S]*?```/gu, '');
      for (const [, target] of text.matchAll(/\]\(([^)\s]+)\)/gu)) {
        if (/^[a-z]+:/u.test(target!)) continue;
        const [path, anchor] = target!.split('#') as [string, string | undefined];
        const file = path === '' ? page : join(dirname(page), path);
        if (!existsSync(file)) broken.push(`${relative(ROOT, page)}: ${target} (no such file)`);
        else if (anchor && file.endsWith('.md')) {
          const headings = [...readFileSync(file, 'utf8').matchAll(/^#+ (.+)$/gmu)].map((m) => anchorOf(m[1]!));
          if (!headings.includes(anchor)) broken.push(`${relative(ROOT, page)}: ${target} (no such heading)`);
        }
      }
    }
    expect(broken).toEqual([]);
  });

  it('name only npm scripts that package.json has', () => {
    const scripts = Object.keys((JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts);
    const missing: string[] = [];
    for (const page of pages) {
      for (const [, name] of readFileSync(page, 'utf8').matchAll(/npm run ([a-z][\w:-]*)/gu)) {
        if (!scripts.includes(name!)) missing.push(`${relative(ROOT, page)}: npm run ${name}`);
      }
    }
    expect([...new Set(missing)]).toEqual([]);
  });
});
