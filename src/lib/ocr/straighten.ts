import { clipBox, median, unionBox, type Block, type Box, type Line, type PositionedPage } from './model.ts';

/**
 * A page the engine read crooked. OCR of a scan that was not straightened first (a vendor's hOCR
 * or ALTO, Tesseract run without deskewing) gives boxes that drift down or up along each line:
 * at 1° a column drifts 60 px across a 3,500 px page, which closes the gutters and the gaps
 * between rows of articles that the reading order cuts at. The skew is measured on the words
 * themselves (their centres along each line) and every box is turned back about the page's
 * centre, as src/io/tesseract.ts turns the image before it reads it; the turn is recorded in the
 * OCR frame (frame.ts), so regions still land on the master.
 */

/** Lines with at least this many words (characters, in Chinese OCR) measure the skew. */
const MIN_WORDS = 6;
/** At least this many such lines, or the page is left as it is. */
const MIN_LINES = 8;
/** Less than this is not worth turning (0.3° drifts 13 px across a 2,500 px page, a third of a gutter), and straight pages measure up to 0.23°. */
export const MIN_SKEW_DEG = 0.3;
/** More than this is not a scan's skew but a page on its side or a misreading. */
const MAX_SKEW_DEG = 5;

/**
 * The angle in degrees (clockwise, y down) to turn the page by to straighten it: minus the
 * slope of the lines' word centres. 0 when fewer than MIN_LINES lines tell, or when the
 * skew is under MIN_SKEW_DEG or over MAX_SKEW_DEG.
 */
export function straighteningAngle(page: PositionedPage): number {
  const skew = skewOf(page);
  if (skew === null || Math.abs(skew) < MIN_SKEW_DEG || Math.abs(skew) > MAX_SKEW_DEG) return 0;
  return Math.round(-skew * 100) / 100;
}

/** The page straightened (or as it is, deg 0): what the reading order reads, and the turn it took. */
export function straighten(page: PositionedPage): { page: PositionedPage; deg: number } {
  const deg = straighteningAngle(page);
  return { page: turnPage(page, deg), deg };
}

/**
 * The slope of the lines' word centres, in degrees (y down): fitted on all lines at once (each
 * about its own centre), leaving out lines more than a degree off the median line (a line the
 * engine read across two columns, or a stray); null when too few lines tell. Fitted at once, a
 * page of short lines still gives its skew, where each short line's own slope is a step of a
 * pixel.
 */
function skewOf(page: PositionedPage): number | null {
  const fits: { sxy: number; sxx: number; slope: number }[] = [];
  for (const block of page.blocks) {
    for (const line of block.lines) {
      // punctuation sits low or high in its line: only letters, digits and Han characters
      const points = line.words.filter((w) => /[\p{L}\p{N}]/u.test(w.text)).map((w) => [w.box.x + w.box.w / 2, w.box.y + w.box.h / 2] as const);
      if (points.length < MIN_WORDS) continue;
      const span = Math.max(...points.map((p) => p[0])) - Math.min(...points.map((p) => p[0]));
      if (span < line.box.h * 4) continue;
      const mx = points.reduce((s, p) => s + p[0], 0) / points.length;
      const my = points.reduce((s, p) => s + p[1], 0) / points.length;
      let sxy = 0;
      let sxx = 0;
      for (const [x, y] of points) {
        sxy += (x - mx) * (y - my);
        sxx += (x - mx) ** 2;
      }
      if (sxx > 0) fits.push({ sxy, sxx, slope: sxy / sxx });
    }
  }
  if (fits.length < MIN_LINES) return null;
  const degrees = (slope: number) => (Math.atan(slope) * 180) / Math.PI;
  const middle = degrees(median(fits.map((f) => f.slope))!);
  const kept = fits.filter((f) => Math.abs(degrees(f.slope) - middle) <= 1);
  return degrees(kept.reduce((s, f) => s + f.sxy, 0) / kept.reduce((s, f) => s + f.sxx, 0));
}

/**
 * Every box of the page turned by `deg` degrees (clockwise, y down) about the page's centre, as
 * frame.ts turns an image: a word's box is the bounding box of its turned corners; a line's
 * spans its words across and is as high as it was less the drop along it, about its turned
 * centre; a block's is the union of its lines', or its own turned about its centre when it has
 * none (a photo, a rule). Boxes are cut to the page.
 */
export function turnPage(page: PositionedPage, deg: number): PositionedPage {
  if (deg === 0) return page;
  const a = (deg * Math.PI) / 180;
  const [cos, sin] = [Math.cos(a), Math.sin(a)];
  const [cx, cy] = [page.width / 2, page.height / 2];
  const point = (x: number, y: number): [number, number] => [cx + (x - cx) * cos - (y - cy) * sin, cy + (x - cx) * sin + (y - cy) * cos];
  const clip = (box: Box): Box => clipBox(box, page.width, page.height) ?? { x: Math.min(Math.max(0, box.x), page.width), y: Math.min(Math.max(0, box.y), page.height), w: 0, h: 0 };
  const corners = (box: Box): Box => {
    const pts = [point(box.x, box.y), point(box.x + box.w, box.y), point(box.x, box.y + box.h), point(box.x + box.w, box.y + box.h)];
    const x0 = Math.round(Math.min(...pts.map((p) => p[0])));
    const y0 = Math.round(Math.min(...pts.map((p) => p[1])));
    return clip({ x: x0, y: y0, w: Math.round(Math.max(...pts.map((p) => p[0]))) - x0, h: Math.round(Math.max(...pts.map((p) => p[1]))) - y0 });
  };
  const moved = (box: Box): Box => {
    const [x, y] = point(box.x + box.w / 2, box.y + box.h / 2);
    return clip({ x: Math.round(x - box.w / 2), y: Math.round(y - box.h / 2), w: box.w, h: box.h });
  };
  const blocks = page.blocks.map((block): Block => {
    const lines = block.lines.map((line): Line => {
      const words = line.words.map((word) => ({ ...word, box: corners(word.box) }));
      // a crooked line's box is its text's height plus the drop along it; straightened, the
      // drop is gone (its words' boxes stick out of it unevenly, so their union would not do)
      const [x, y] = point(line.box.x + line.box.w / 2, line.box.y + line.box.h / 2);
      const h = Math.max(1, line.box.h - line.box.w * Math.abs(sin));
      const across = unionBox(words.map((w) => w.box));
      const box = clip({ x: across?.x ?? Math.round(x - line.box.w / 2), y: Math.round(y - h / 2), w: across?.w ?? line.box.w, h: Math.round(h) });
      return { ...line, words, box };
    });
    return { ...block, lines, box: unionBox(lines.map((l) => l.box)) ?? moved(block.box) };
  });
  return { ...page, blocks };
}
