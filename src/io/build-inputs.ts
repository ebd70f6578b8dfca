import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { BuildInputs } from '../lib/build-inputs.ts';
import { listIssues } from './list-issues.ts';

/**
 * Fingerprints of what a build is made from (scripts/lib/build-inputs.ts). Text files are hashed
 * by content; images and other binary files by size and modification time, which is enough to
 * notice a replaced photo without reading gigabytes of JPEG on every update (a false alarm only
 * rebuilds a shard more than needed).
 */
const TEXT = /\.(mdx?|ya?ml|json|txt|ts|mjs|js|astro|css|svg|html)$/i;

/** The code and configuration every page depends on. Tests are left out. */
const CODE = ['src', 'public', 'astro.config.mjs', 'package-lock.json', 'tsconfig.json'];

export function readBuildInputs(root: string, content: string): BuildInputs {
  const papersDir = join(content, 'papers');
  const papers: Record<string, string> = {};
  for (const name of existsSync(papersDir) ? readdirSync(papersDir) : []) {
    if (name.endsWith('.yml')) papers[name.slice(0, -4)] = hashFiles(papersDir, [join(papersDir, name)]);
  }
  const issues: Record<string, string> = {};
  for (const { paper, date } of listIssues(content)) {
    const dir = join(content, paper, date);
    issues[`${paper}/${date}`] = hashFiles(dir, walk(dir));
  }
  const code = hashFiles(root, CODE.flatMap((path) => walk(join(root, path))).filter((path) => !/\.test\.ts$/.test(path)));
  return { code, papers, issues };
}

function walk(path: string): string[] {
  if (!existsSync(path)) return [];
  if (statSync(path).isFile()) return [path];
  return (readdirSync(path, { recursive: true, encoding: 'utf8' }) as string[])
    .map((name) => join(path, name))
    .filter((file) => statSync(file).isFile())
    .sort();
}

function hashFiles(base: string, files: string[]): string {
  const hash = createHash('sha256');
  for (const file of files) {
    hash.update(relative(base, file).split(sep).join('/'));
    hash.update('\0');
    if (TEXT.test(file)) hash.update(readFileSync(file));
    else {
      const stat = statSync(file);
      hash.update(`${stat.size}:${stat.mtimeMs}`);
    }
    hash.update('\0');
  }
  return hash.digest('hex').slice(0, 32);
}
