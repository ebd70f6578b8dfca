#!/usr/bin/env node
/**
 * What a page scan costs on the site: for each tile size, the files, bytes and seconds of one
 * scan's IIIF level-0 tiles and sizes (src/io/scan-images.ts), and what a decade of a daily
 * comes to. Measured on the scan given, and on a copy of it made to look photographed (grain
 * and a slight blur: real scans compress worse than a clean render).
 *
 *   node scripts/measure-scans.ts [--scan file] [--pages-per-day 8] [--tiles 256,512,1024]
 *
 * Without --scan, the bundled sample's scan (content/zunyi-daily/2023-01-17, page 3). Numbers go
 * to docs/0013-page-scans.md.
 */
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import sharp from 'sharp';
import { parse as parseYaml } from 'yaml';
import { makeScanImages } from '../src/io/scan-images.ts';
import { scanPath, storeScan } from '../src/io/scan-store.ts';
import { FIRST_VIEW_WIDTH, SCAN_TILE, scanSizes } from '../src/lib/scan-images.ts';
import { issueSchema } from '../src/schemas/issue.ts';
import { runCommand } from '../src/io/cli.ts';

const ROOT = resolve(import.meta.dirname, '..');

/** Deterministic grain: a seeded generator, so that every run measures the same image. */
function grain(width: number, height: number, seed = 7): Buffer {
  const out = Buffer.alloc(width * height);
  let state = seed;
  for (let i = 0; i < out.length; i++) {
    state = (state * 1103515245 + 12345) >>> 0;
    out[i] = 128 + (((state >>> 16) & 0xff) - 128) / 6;
  }
  return out;
}

async function photographed(master: string, dir: string): Promise<string> {
  const { width, height } = await sharp(master).metadata();
  const noise = await sharp(grain(width!, height!), { raw: { width: width!, height: height!, channels: 1 } }).png().toBuffer();
  const path = join(dir, 'photographed.jpg');
  await sharp(master).toColourspace('b-w').blur(0.7).composite([{ input: noise, blend: 'overlay' }]).jpeg({ quality: 90 }).toFile(path);
  return path;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      scan: { type: 'string' },
      'pages-per-day': { type: 'string', default: '8' },
      tiles: { type: 'string', default: '256,512,1024' },
    },
  });
  const work = mkdtempSync(join(tmpdir(), 'measure-scans-'));
  try {
    let master = values.scan ? resolve(values.scan) : undefined;
    if (!master) {
      const issue = issueSchema.parse(parseYaml(readFileSync(join(ROOT, 'content/zunyi-daily/2023-01-17/issue.yml'), 'utf8')));
      const scan = issue.pages.find((page) => page.scan)?.scan;
      if (!scan) throw new Error('[measure-scans] the sample issue has no scan: run node scripts/render-sample-scan.ts, or pass --scan');
      master = scanPath(scan, join(ROOT, 'scans'));
    }
    const variants = [
      { name: 'as given', file: master },
      { name: 'photographed', file: await photographed(master, work) },
    ];
    const pagesPerDecade = Number(values['pages-per-day']) * 365 * 10;
    const tiles = values.tiles.split(',').map(Number);
    console.log(`scan: ${relative(process.cwd(), master)}; a decade = ${pagesPerDecade} pages (${values['pages-per-day']} a day)\n`);
    console.log(['variant', 'master KB', 'tile', 'files', 'tiles+sizes KB', 'seconds (cpu)', 'sizes KB (w: KB)', 'decade files', 'decade GB (with masters)'].join('\t'));
    for (const variant of variants) {
      const store = join(work, `store-${variant.name}`);
      const scan = await storeScan(variant.file, { store });
      const stored = scanPath(scan, store);
      for (const tile of tiles) {
        const cpu = process.cpuUsage();
        const made = await makeScanImages(stored, scan, { cache: join(work, `cache-${variant.name}-${tile}`), tile });
        const used = process.cpuUsage(cpu);
        const sizes = scanSizes(scan).map((size) => `${size.width}: ${(statSync(join(made.dir, 'full', `${size.width},${size.height}`, '0', 'default.jpg')).size / 1024).toFixed(0)}`);
        // per page on the site: tiles and sizes, info.json, words.json and the master
        const files = made.files + 3;
        const bytes = made.bytes + scan.bytes;
        console.log(
          [
            variant.name,
            (scan.bytes / 1024).toFixed(0),
            tile === SCAN_TILE ? `${tile} (chosen)` : String(tile),
            files,
            (made.bytes / 1024).toFixed(0),
            `${(made.ms / 1000).toFixed(2)} (cpu ${((used.user + used.system) / 1e6).toFixed(2)})`,
            sizes.join(', '),
            (files * pagesPerDecade).toLocaleString('en'),
            ((bytes * pagesPerDecade) / 1024 ** 3).toFixed(1),
          ].join('\t'),
        );
      }
    }
    console.log(`\nfirst view on a phone: the ${FIRST_VIEW_WIDTH}-px size above`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (import.meta.main) runCommand(main);
