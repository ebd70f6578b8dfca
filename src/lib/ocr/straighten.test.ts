import { describe, expect, it } from 'vitest';
import { boxToMaster, identityFrame } from './frame.ts';
import type { Block, Box, PositionedPage } from './model.ts';
import { straightened } from './positions.ts';
import { orderPage } from './reading-order.ts';
import { straighteningAngle, turnPage } from './straighten.ts';

/**
 * A page of two articles, each a headline over two columns of forty ten-character lines
 * (characters 20 px square, lines 28 px apart, a 24 px gutter), as an engine reads it from a scan turned
 * `deg` degrees clockwise about the page's centre: every character's box sits where its centre
 * was turned to, and a line's box holds its characters (so it is taller by the drop along it).
 */
function crookedPage(deg: number): PositionedPage {
  const [width, height] = [800, 2800];
  const a = (deg * Math.PI) / 180;
  const turn = (x: number, y: number): [number, number] => [width / 2 + (x - width / 2) * Math.cos(a) - (y - height / 2) * Math.sin(a), height / 2 + (x - width / 2) * Math.sin(a) + (y - height / 2) * Math.cos(a)];
  const lineOf = (x: number, y: number, text: string, size = 20) => {
    const words = [...text].map((ch, k) => {
      const [cx, cy] = turn(x + k * size + size / 2, y + size / 2);
      return { text: ch, box: { x: Math.round(cx - size / 2), y: Math.round(cy - size / 2), w: size, h: size }, confidence: null, bold: null, sourceLine: 1 };
    });
    const x0 = Math.min(...words.map((w) => w.box.x));
    const y0 = Math.min(...words.map((w) => w.box.y));
    const box: Box = { x: x0, y: y0, w: Math.max(...words.map((w) => w.box.x + w.box.w)) - x0, h: Math.max(...words.map((w) => w.box.y + w.box.h)) - y0 };
    return { box, kind: 'line' as const, words, fontSizePx: null, fontSizePt: null, xHeightPx: null, bold: null, hyphenated: false, sourceLine: 1 };
  };
  const block = (id: string, lines: ReturnType<typeof lineOf>[]): Block => {
    const x0 = Math.min(...lines.map((l) => l.box.x));
    const y0 = Math.min(...lines.map((l) => l.box.y));
    return { id, kind: 'text', area: null, role: null, sourceLine: 1, lines, box: { x: x0, y: y0, w: Math.max(...lines.map((l) => l.box.x + l.box.w)) - x0, h: Math.max(...lines.map((l) => l.box.y + l.box.h)) - y0 } };
  };
  // lines set a fraction of a pixel apart, as on paper, so that rounding to pixels does not
  // drop every line at the same place
  const column = (x: number, y: number, label: string) => Array.from({ length: 40 }, (_, i) => lineOf(x, y + i * 28 + ((i * 37) % 10) / 10, `${label}${'文'.repeat(9)}`));
  return {
    format: 'hocr',
    width,
    height,
    dpi: null,
    engine: null,
    image: null,
    sourceLine: 1,
    blocks: [
      block('h1', [lineOf(180, 100, '甲标题在两栏之上', 48)]),
      block('a1', column(176, 180, '子')),
      block('a2', column(400, 180, '丑')),
      block('h2', [lineOf(180, 1340, '乙标题在两栏之上', 48)]),
      block('b1', column(176, 1420, '寅')),
      block('b2', column(400, 1420, '卯')),
    ],
  };
}

const reading = (page: PositionedPage) =>
  orderPage(page)
    .items.flatMap((item) => (item.type === 'line' ? [item.line.text[0]] : []))
    .join('');

describe('straightening a page the engine read crooked', () => {
  it('measures the skew on the words and turns it back', () => {
    expect(straighteningAngle(crookedPage(0))).toBe(0);
    expect(straighteningAngle(crookedPage(0.2))).toBe(0);
    expect(straighteningAngle(crookedPage(1.2))).toBeCloseTo(-1.2, 1);
    expect(straighteningAngle(crookedPage(-0.8))).toBeCloseTo(0.8, 1);
    // turned back, each line is as high as its characters again, and level
    const page = crookedPage(1.2);
    const line = turnPage(page, straighteningAngle(page)).blocks[1]!.lines[0]!;
    expect(line.box.h).toBeLessThanOrEqual(22);
    const ys = line.words.map((w) => w.box.y);
    expect(Math.max(...ys) - Math.min(...ys)).toBeLessThanOrEqual(2);
  });

  it('reads the columns of a crooked page apart once it is straightened', () => {
    const straight = '甲' + '子'.repeat(40) + '丑'.repeat(40) + '乙' + '寅'.repeat(40) + '卯'.repeat(40);
    expect(reading(crookedPage(0))).toBe(straight);
    // 1.5° down a column 1,100 px high drifts 29 px, more than the 24 px gutter
    expect(reading(crookedPage(1.5))).not.toBe(straight);
    const page = crookedPage(1.5);
    expect(reading(turnPage(page, straighteningAngle(page)))).toBe(straight);
  });

  it('adds the turn to the frame, so that boxes of the straightened page land where the engine saw them', () => {
    const page = crookedPage(1.2);
    const read = { page, frame: identityFrame(page.width, page.height), engine: 'test hocr', problems: [] };
    const straight = straightened(read);
    expect(straight.frame!.rotateDeg).toBeCloseTo(-1.2, 1);
    expect(straightened({ ...read, page: crookedPage(0) })).toEqual({ ...read, page: crookedPage(0) });
    // the last character of a column's last line, back on the master, covers where it was read
    const word = page.blocks[2]!.lines[39]!.words[9]!;
    const back = boxToMaster(straight.frame!, straight.page.blocks[2]!.lines[39]!.words[9]!.box)!;
    const [cx, cy] = [word.box.x + word.box.w / 2, word.box.y + word.box.h / 2];
    expect(cx).toBeGreaterThanOrEqual(back.x);
    expect(cx).toBeLessThanOrEqual(back.x + back.w);
    expect(cy).toBeGreaterThanOrEqual(back.y);
    expect(cy).toBeLessThanOrEqual(back.y + back.h);
  });
});
