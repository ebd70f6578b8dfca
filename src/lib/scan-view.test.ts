import { describe, expect, it } from 'vitest';
import { tileLevels } from './scan-images.ts';
import { clampView, FIT, inView, levelFor, maxScale, panBy, viewOf, visibleRect, zoomAt } from './scan-view.ts';

const page = { width: 2480, height: 3508 };
const frame = { width: 600, height: (600 * 3508) / 2480 };
const limit = maxScale(frame, page);

describe('scan view', () => {
  it('zooms about a point that stays where it is', () => {
    const view = zoomAt(FIT, 2, 150, 200, frame, limit);
    expect(view.scale).toBe(2);
    // the page point under (150, 200) before is under it after
    const before = visibleRect(FIT, frame, page);
    const after = visibleRect(view, frame, page);
    const at = (rect: typeof before, px: number, py: number) => [rect.x + (px / frame.width) * rect.w, rect.y + (py / frame.height) * rect.h];
    expect(at(after, 150, 200)[0]).toBeCloseTo(at(before, 150, 200)[0]!);
    expect(at(after, 150, 200)[1]).toBeCloseTo(at(before, 150, 200)[1]!);
    expect(after.w).toBeCloseTo(page.width / 2);
  });

  it('never zooms out past the page or shows past its edges', () => {
    expect(zoomAt(FIT, 0.5, 300, 300, frame, limit)).toEqual(FIT);
    expect(clampView({ scale: 3, x: 100, y: -99999 }, frame, limit)).toEqual({ scale: 3, x: 0, y: frame.height * -2 });
    expect(panBy({ scale: 2, x: 0, y: 0 }, -5000, 10, frame, limit)).toEqual({ scale: 2, x: -600, y: 0 });
    expect(zoomAt(FIT, 100, 0, 0, frame, limit).scale).toBeCloseTo((2 * 2480) / 600);
  });

  it('frames a region of the page, centred', () => {
    const region = { x: 1963, y: 415, w: 397, h: 1129 };
    const view = viewOf(region, frame, page, limit);
    expect(inView(region, view, frame, page)).toBe(true);
    const seen = visibleRect(view, frame, page);
    expect(seen.y + seen.h / 2).toBeCloseTo(region.y + region.h / 2, 0);
    expect(seen.h).toBeCloseTo(region.h, 0);
    expect(inView({ x: 0, y: 0, w: 100, h: 100 }, view, frame, page)).toBe(false);
  });

  it('asks for tiles only when the first image is not sharp enough, and for the coarsest that is', () => {
    const levels = tileLevels(page.width, page.height, 1024);
    expect(levelFor(FIT, frame, levels, 800, 1)).toBeUndefined();
    // 2x on a 1x screen: 1200 px across; the half level has 1240
    expect(levelFor({ scale: 2, x: 0, y: 0 }, frame, levels, 800, 1)?.scale).toBe(2);
    expect(levelFor({ scale: 2, x: 0, y: 0 }, frame, levels, 1600, 1)).toBeUndefined();
    expect(levelFor({ scale: 8, x: 0, y: 0 }, frame, levels, 800, 2)?.scale).toBe(1);
  });
});
