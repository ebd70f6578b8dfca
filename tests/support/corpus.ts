import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ArticleRecord, Manifest } from '../../src/lib/open-data.ts';

/** The corpus of a built site: every line of every year file the manifest lists, in its order. */
export function readCorpus(distDir: string): { manifest: Manifest; lines: string[]; records: ArticleRecord[] } {
  const manifest = JSON.parse(readFileSync(join(distDir, 'data', 'manifest.json'), 'utf8')) as Manifest;
  const lines = manifest.files.flatMap((file) => {
    const text = readFileSync(join(distDir, file.path), 'utf8');
    return text === '' ? [] : text.trimEnd().split('\n');
  });
  return { manifest, lines, records: lines.map((line) => JSON.parse(line) as ArticleRecord) };
}
