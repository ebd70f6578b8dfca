import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildStart, markBuildStart, removeStale, writtenThisBuild } from './output-in-place.ts';

let site: string;

beforeEach(() => {
  site = mkdtempSync(join(tmpdir(), 'output-in-place-'));
});

afterEach(() => {
  rmSync(site, { recursive: true, force: true });
});

describe('a build over the previous output', () => {
  it('takes no file written just before it started for one of its own', () => {
    // the file system's clock ticks every few ms: written in the same tick as the marker, the
    // file would share its change time, and be neither replaced nor removed as stale
    for (let round = 0; round < 40; round++) {
      const path = join(site, `previous-${round}.html`);
      writeFileSync(path, 'previous build');
      markBuildStart(site);
      expect(writtenThisBuild(path, buildStart(site))).toBe(false);
    }
  });

  it('removes what the previous build left and this one did not write, except what it kept', () => {
    mkdirSync(join(site, 'old', 'deep'), { recursive: true });
    writeFileSync(join(site, 'old', 'deep', 'gone.html'), 'previous');
    writeFileSync(join(site, 'kept.html'), 'previous, kept as it was');
    writeFileSync(join(site, 'rewritten.html'), 'previous');
    markBuildStart(site);
    writeFileSync(join(site, 'rewritten.html'), 'this build');
    writeFileSync(join(site, 'new.html'), 'this build');
    expect(writtenThisBuild(join(site, 'new.html'), buildStart(site))).toBe(true);
    expect(removeStale(site, new Set([join(site, 'kept.html')]))).toEqual({ removed: 1 });
    expect(existsSync(join(site, 'old'))).toBe(false);
    for (const name of ['kept.html', 'rewritten.html', 'new.html']) expect(existsSync(join(site, name))).toBe(true);
    // the marker goes with the build: without one, nothing is removed
    expect(buildStart(site)).toBeNull();
    writeFileSync(join(site, 'stray.html'), '');
    expect(removeStale(site)).toEqual({ removed: 0 });
  });
});
