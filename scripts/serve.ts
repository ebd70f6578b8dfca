#!/usr/bin/env node
/**
 * Serve the built site on the port its absolute URLs name, or stop and say why.
 *
 *   npm start          build (for ARCHIVE_SITE_URL, default http://localhost:4321), then serve
 *   npm run preview    serve dist/ as it was built
 *
 * A build carries its address in every permalink, citation, feed and the sitemap. Astro's
 * preview would move to the next free port when 4321 is taken, and every one of those URLs
 * would then lead to the other server; here the port is checked first, and a taken port is an
 * error that says what to do (src/lib/preview.ts).
 */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { portBusyMessage, previewPlan } from '../src/lib/preview.ts';
import { builtSiteUrl, portInUse } from '../src/io/preview.ts';
import { runCommand } from '../src/io/cli.ts';

const ROOT = resolve(import.meta.dirname, '..');
const ASTRO = resolve(ROOT, 'node_modules/astro/bin/astro.mjs');

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { build: { type: 'boolean', default: false }, dist: { type: 'string' }, help: { type: 'boolean', short: 'h', default: false } },
  });
  if (values.help) {
    process.stdout.write('Usage: npm start (build, then serve) | npm run preview [-- --dist <dir>] (serve a build as it was made)\n');
    return 0;
  }
  const dist = resolve(values.dist ?? resolve(ROOT, 'dist'));
  const site = values.build ? process.env.ARCHIVE_SITE_URL : builtSiteUrl(dist);
  if (!values.build && site === null) {
    process.stderr.write(`[serve] ${dist} holds no build: run \`npm start\` (build and serve) or \`npm run build\` first\n`);
    return 1;
  }
  const plan = previewPlan(site ?? undefined);
  // checked before a build, so that nobody waits for a build that cannot be served
  if (await portInUse(plan.port)) {
    process.stderr.write(`[serve] ${portBusyMessage(plan.port)}\n`);
    return 1;
  }
  if (plan.note) process.stderr.write(`[serve] note: ${plan.note}\n`);
  if (values.build) {
    const built = spawnSync(process.execPath, [ASTRO, 'build', '--outDir', dist], { cwd: ROOT, stdio: 'inherit' });
    if (built.status !== 0) return built.status ?? 1;
  }
  const served = spawnSync(process.execPath, [ASTRO, 'preview', '--port', String(plan.port), '--outDir', dist], { cwd: ROOT, stdio: 'inherit' });
  return served.status ?? 1;
}

if (import.meta.main) {
  runCommand(main, {
    onError: (error) => {
      process.stderr.write(`[serve] ${(error as Error).message}\n`);
      return 1;
    },
  });
}
