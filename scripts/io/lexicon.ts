import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Jieba } from '@node-rs/jieba';
import type { Lexicon } from '../lib/suspicions.ts';

let cached: Lexicon | null = null;

/**
 * The jieba dictionary (349k words with frequencies, shipped in @node-rs/jieba) as a lexicon
 * for OCR suspicions. Loaded once per process: about 0.3 s and 60 MB.
 */
export function loadLexicon(): Lexicon {
  if (cached) return cached;
  const require = createRequire(import.meta.url);
  const dictPath = require.resolve('@node-rs/jieba/dict.txt');
  const bytes = readFileSync(dictPath);
  const frequencies = new Map<string, number>();
  const bound = new Map<string, number>();
  for (const line of bytes.toString('utf8').split('\n')) {
    const [word, freq] = line.split(' ');
    if (!word || !freq) continue;
    const count = Number(freq);
    frequencies.set(word, count);
    if ([...word].length > 1) for (const ch of new Set(word)) bound.set(ch, (bound.get(ch) ?? 0) + count);
  }
  const jieba = Jieba.withDict(bytes);
  cached = {
    frequency: (word) => frequencies.get(word) ?? 0,
    boundFrequency: (char) => bound.get(char) ?? 0,
    cut: (text) => jieba.cut(text, false),
  };
  return cached;
}
