import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { writeFileAtomic } from './write-atomic.ts';

describe('writeFileAtomic', () => {
  const dir = mkdtempSync(join(tmpdir(), 'write-atomic-'));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('writes into folders it makes, replaces an old file and leaves no temp file', () => {
    const path = join(dir, 'a', 'b', 'manifest.json');
    writeFileAtomic(path, '旧');
    writeFileAtomic(path, Buffer.from('新的内容'));
    expect(readFileSync(path, 'utf8')).toBe('新的内容');
    expect(readdirSync(join(dir, 'a', 'b'))).toEqual(['manifest.json']);
  });

  it('on a failed rename keeps the old file and removes its temp file', () => {
    // a folder where the file should go: the rename fails after the temp file was written
    const path = join(dir, 'taken');
    mkdirSync(path, { recursive: true });
    writeFileSync(join(path, 'inside'), 'x');
    expect(() => writeFileAtomic(path, 'data')).toThrow();
    expect(readdirSync(dir)).toEqual(['taken']);
    expect(readFileSync(join(path, 'inside'), 'utf8')).toBe('x');
  });
});
