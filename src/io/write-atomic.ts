import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * Write a file through a temp file beside it, then rename it into place: a reader, or the next
 * run after a crash, sees the old file or the new one, never half of one. The temp name carries
 * the process id, so that two processes writing the same store do not share a temp file.
 */
export function writeFileAtomic(path: string, data: string | NodeJS.ArrayBufferView): void {
  mkdirSync(dirname(path), { recursive: true });
  const temp = `${path}.${process.pid}.tmp`;
  try {
    writeFileSync(temp, data);
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}
