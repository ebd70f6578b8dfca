import type { Box } from './truth.ts';

/**
 * How well an importer's regions sit on a page whose truth is known: for every printed line of
 * an item (six characters or more, so that it names one item), the parsed item whose text holds
 * it (found by characters alone, spaces and punctuation dropped: not the aligner's own matching),
 * and whether the line's centre lies inside that item's regions (covered) or inside another
 * item's (stray). Lines that no parsed item or several hold are counted apart (unowned): that is
 * the parser's segmentation, not the placing.
 */

export interface RegionItem {
  text: string;
  regions: readonly Box[] | null;
}

export interface RegionScore {
  /** Printed lines of items with at least six characters. */
  lines: number;
  /** Lines held by exactly one parsed item. */
  owned: number;
  /** Owned lines whose centre is inside their item's regions. */
  covered: number;
  /** Owned lines whose centre is inside another item's regions. */
  stray: number;
  /** Parsed items that hold at least one printed line, and those of them with regions. */
  items: number;
  placed: number;
}

export const emptyRegionScore = (): RegionScore => ({ lines: 0, owned: 0, covered: 0, stray: 0, items: 0, placed: 0 });

const strip = (text: string) => text.replace(/[\s\p{P}\p{S}]/gu, '');

function inside([x, y]: [number, number], boxes: readonly Box[] | null): boolean {
  return (boxes ?? []).some((b) => x >= b.x && x <= b.x + b.w && y >= b.y && y <= b.y + b.h);
}

/** Score one page. `place` maps a point of the printed page onto the scan the regions are on. */
export function scoreRegions(
  lines: ReadonlyArray<{ text: string; box: Box }>,
  items: readonly RegionItem[],
  place: (x: number, y: number) => [number, number] = (x, y) => [x, y],
  onMiss?: (line: string, what: 'not covered' | 'stray') => void,
): RegionScore {
  const score = emptyRegionScore();
  const keys = items.map((item) => strip(item.text));
  const holding = new Set<number>();
  for (const line of lines) {
    const key = strip(line.text);
    if ([...key].length < 6) continue;
    score.lines++;
    const owners = keys.flatMap((text, index) => (text.includes(key) ? [index] : []));
    if (owners.length !== 1) continue;
    score.owned++;
    holding.add(owners[0]!);
    const point = place(line.box.x + line.box.w / 2, line.box.y + line.box.h / 2);
    if (inside(point, items[owners[0]!]!.regions)) score.covered++;
    else onMiss?.(line.text, 'not covered');
    if (items.some((item, index) => index !== owners[0] && inside(point, item.regions))) {
      score.stray++;
      onMiss?.(line.text, 'stray');
    }
  }
  score.items = holding.size;
  score.placed = [...holding].filter((index) => (items[index]!.regions?.length ?? 0) > 0).length;
  return score;
}

export function addRegionScores(a: RegionScore, b: RegionScore): RegionScore {
  return { lines: a.lines + b.lines, owned: a.owned + b.owned, covered: a.covered + b.covered, stray: a.stray + b.stray, items: a.items + b.items, placed: a.placed + b.placed };
}
