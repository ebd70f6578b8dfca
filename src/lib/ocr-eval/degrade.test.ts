import { describe, expect, it } from 'vitest';
import { createRng } from '../random.ts';
import { applyLightAndNoise, CLEAN, degradeParams } from './degrade.ts';

describe('degradeParams', () => {
  it('is deterministic per seed and stays in a scan\'s range', () => {
    expect(degradeParams(createRng(7))).toEqual(degradeParams(createRng(7)));
    for (let seed = 0; seed < 200; seed++) {
      const p = degradeParams(createRng(seed));
      expect(Math.abs(p.skewDeg)).toBeLessThanOrEqual(1.5);
      expect(p.jpegQuality).toBeGreaterThanOrEqual(40);
      expect(p.scale).toBeGreaterThanOrEqual(0.75);
      expect(p.scale).toBeLessThanOrEqual(1.15);
    }
    expect(new Set(Array.from({ length: 20 }, (_, s) => degradeParams(createRng(s)).skewDeg)).size).toBeGreaterThan(10);
  });
});

describe('applyLightAndNoise', () => {
  it('leaves a page alone with the clean parameters', () => {
    const pixels = Uint8Array.from([0, 255, 128, 30]);
    applyLightAndNoise(pixels, 2, 2, CLEAN);
    expect([...pixels]).toEqual([0, 255, 128, 30]);
  });

  it('darkens one side for uneven light and tones white to the paper grey', () => {
    const pixels = new Uint8Array(100).fill(255);
    applyLightAndNoise(pixels, 100, 1, { ...CLEAN, light: 0.3, lightAngle: 0, paper: 240 });
    expect(pixels[0]).toBe(240);
    expect(pixels[99]).toBeLessThan(180);
    expect(pixels[50]).toBeLessThan(pixels[0]!);
  });
});
