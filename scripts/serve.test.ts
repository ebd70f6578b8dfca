import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const SERVE = resolve(import.meta.dirname, 'serve.ts');

/** `npm run preview` never moves a build to another port than its URLs name. */
describe('npm run preview', () => {
  let dir: string;
  let holder: Server;
  let port: number;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'serve-'));
    holder = createServer();
    await new Promise<void>((done) => holder.listen(0, done));
    port = (holder.address() as { port: number }).port;
  });
  afterAll(() => {
    holder.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const serve = (dist: string) => spawnSync(process.execPath, [SERVE, '--dist', dist], { encoding: 'utf8', timeout: 30_000 });

  it('stops with a message when the port of the build is taken', () => {
    const dist = join(dir, 'built');
    mkdirSync(join(dist, 'data'), { recursive: true });
    writeFileSync(join(dist, 'data', 'manifest.json'), JSON.stringify({ site: `http://localhost:${port}/` }));
    const run = serve(dist);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`port ${port} is in use`);
    expect(run.stderr).toContain(`ARCHIVE_SITE_URL=http://localhost:${port + 1} npm start`);
  });

  it('says so when there is no build to serve', () => {
    const run = serve(join(dir, 'empty'));
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('holds no build');
  });
});
