import { describe, expect, it } from 'vitest';
import { estimateSkew } from './skew.ts';

/**
 * A page turned clockwise by `deg` about its centre: each pixel is dark where `ink` says the
 * straight page has ink (at the point it came from).
 */
function turnedPage(width: number, height: number, deg: number, ink: (px: number, py: number) => boolean): Uint8Array {
  const pixels = new Uint8Array(width * height).fill(255);
  const a = (-deg * Math.PI) / 180;
  const cx = width / 2;
  const cy = height / 2;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const px = cx + (x - cx) * Math.cos(a) - (y - cy) * Math.sin(a);
      const py = cy + (x - cx) * Math.sin(a) + (y - cy) * Math.cos(a);
      if (px > 100 && px < width - 100 && py > 100 && py < height - 100 && ink(px, py)) pixels[y * width + x] = 20;
    }
  }
  return pixels;
}

/** A page of dark text lines (bars with gaps, like words), turned clockwise by `deg`. */
function linesPage(width: number, height: number, deg: number): Uint8Array {
  return turnedPage(width, height, deg, (px, py) => py % 40 < 22 && px % 30 < 24);
}

/**
 * A page of columns of text lines, each column's lines set `phases[k]` pixels lower (articles
 * side by side whose lines do not share rows), turned clockwise by `deg`. The last 30 pixels of
 * each column are its gutter.
 */
function columnsPage(width: number, height: number, deg: number, phases: number[]): Uint8Array {
  const columnWidth = (width - 200) / phases.length;
  return turnedPage(width, height, deg, (px, py) => {
    if ((px - 100) % columnWidth > columnWidth - 30) return false;
    const phase = phases[Math.floor((px - 100) / columnWidth)]!;
    return (py + phase) % 40 < 22 && px % 30 < 24;
  });
}

describe('estimateSkew', () => {
  it('finds the angle of turned text lines to within 0.15 degrees', () => {
    for (const deg of [-1.4, -0.5, 0, 0.8, 1.5]) expect(Math.abs(estimateSkew(linesPage(400, 520, deg), 400, 520) - deg)).toBeLessThan(0.15);
  });

  it('finds the angle of a page whose columns set their lines at different heights', () => {
    // half a line apart: piling up the lines of neighbouring columns, not straightening them,
    // is what the sum of squared row counts rewards
    for (const phases of [[0, 20], [0, 20, 0, 20]]) {
      for (const deg of [-1.2, 0.4, 1.2]) expect(Math.abs(estimateSkew(columnsPage(1600, 1000, deg, phases), 1600, 1000) - deg)).toBeLessThan(0.15);
    }
  });

  it('says 0 for a blank page', () => {
    expect(estimateSkew(new Uint8Array(100 * 100).fill(255), 100, 100)).toBe(0);
  });
});
