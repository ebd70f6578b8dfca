import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { paths } from '../lib/paths.ts';

/** Whether something already listens on `port` (on any address of this machine). */
export function portInUse(port: number): Promise<boolean> {
  return new Promise((done) => {
    const probe = createServer();
    probe.once('error', (error: NodeJS.ErrnoException) => done(error.code === 'EADDRINUSE' || error.code === 'EACCES'));
    probe.once('listening', () => probe.close(() => done(false)));
    probe.listen(port);
  });
}

/** The address a built site was made for, from its data manifest; null when `dir` holds no build. */
export function builtSiteUrl(dir: string): string | null {
  const manifest = join(dir, paths.manifest());
  if (!existsSync(manifest)) return null;
  return (JSON.parse(readFileSync(manifest, 'utf8')) as { site?: string }).site ?? null;
}
