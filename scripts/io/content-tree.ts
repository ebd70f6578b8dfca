import { createHash } from 'node:crypto';
import { cpSync, existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A content folder as a comparable value: every folder, and every file with the SHA-256 of its
 * bytes, by path. The transaction folder `.import/` is left out (it is not content). Used to
 * prove that an interrupted import left a folder exactly as before or exactly as after.
 */
export type ContentTree = Record<string, string>;

export function contentTree(dir: string): ContentTree {
  const out: ContentTree = {};
  if (!existsSync(dir)) return out;
  const walk = (d: string, prefix: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const key = `${prefix}${entry.name}`;
      if (key === '.import') continue;
      if (entry.isDirectory()) {
        out[`${key}/`] = 'dir';
        walk(join(d, entry.name), `${key}/`);
      } else out[key] = createHash('sha256').update(readFileSync(join(d, entry.name))).digest('hex');
    }
  };
  walk(dir, '');
  return out;
}

export function sameTree(a: ContentTree, b: ContentTree): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => a[key] === b[key]);
}

/** The paths where two trees differ, for messages. */
export function treeDifference(a: ContentTree, b: ContentTree, limit = 5): string[] {
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
  return keys.filter((key) => a[key] !== b[key]).slice(0, limit);
}

/** Replace `to` with a copy of `from`. */
export function copyTree(from: string, to: string): void {
  rmSync(to, { recursive: true, force: true });
  cpSync(from, to, { recursive: true });
}
