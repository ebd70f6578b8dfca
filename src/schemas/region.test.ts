import { describe, expect, it } from 'vitest';
import { boxSchema, pageRegionsSchema } from './region.ts';

describe('region schema', () => {
  it('takes boxes of non-negative whole pixels inside the page', () => {
    const regions = { width: 1600, height: 1900, boxes: [{ x: 352, y: 137, w: 896, h: 113 }, { x: 0, y: 0, w: 1600, h: 1900 }] };
    expect(pageRegionsSchema.parse(regions)).toEqual(regions);
  });

  it('refuses negative, fractional and outside boxes, and an empty list', () => {
    expect(boxSchema.safeParse({ x: -1, y: 0, w: 10, h: 10 }).success).toBe(false);
    expect(boxSchema.safeParse({ x: 0.5, y: 0, w: 10, h: 10 }).success).toBe(false);
    expect(pageRegionsSchema.safeParse({ width: 100, height: 100, boxes: [{ x: 50, y: 50, w: 51, h: 10 }] }).success).toBe(false);
    expect(pageRegionsSchema.safeParse({ width: 100, height: 100, boxes: [] }).success).toBe(false);
  });
});
