import { isAbsolute, resolve } from 'node:path';

/**
 * The content folder the site is built from: `content/`, or ARCHIVE_CONTENT_DIR when a test or
 * benchmark builds another archive (a generated one, or one shard of a large one).
 */
export function contentDir(): string {
  const configured = process.env.ARCHIVE_CONTENT_DIR;
  if (configured === undefined || configured === '') return './content';
  return isAbsolute(configured) ? configured : resolve(configured);
}
