import { clipBox, type Block, type Box, type Line, type PositionedPage, type Word } from './model.ts';

/**
 * Where the image an OCR engine read sits relative to the stored master scan. Regions and page
 * words are recorded in the master's pixels (src/schemas/scan.ts), but the engine may have read
 * another image: Tesseract reads the page straightened (src/io/tesseract.ts turns it by
 * `rotateDeg` about its centre, after scaling it by `scale`, and crops it back to its size), and
 * a vendor's hOCR or ALTO may describe a smaller or larger copy of the scan.
 *
 * The engine's image is the master scaled to `width` x `height`, then turned by `rotateDeg`
 * degrees (clockwise, y down) about its centre. With `rotateDeg` 0 and different aspect ratios,
 * x and y scale apart.
 */
export interface OcrFrame {
  /** Size of the image the engine read, in its pixels. */
  width: number;
  height: number;
  /** Size of the master scan. */
  masterWidth: number;
  masterHeight: number;
  /** The engine's image was turned by this many degrees after scaling (0: not turned). */
  rotateDeg: number;
}

/** The frame of OCR run on the master itself, or a file describing it at its size. */
export function identityFrame(width: number, height: number): OcrFrame {
  return { width, height, masterWidth: width, masterHeight: height, rotateDeg: 0 };
}

export function isIdentity(frame: OcrFrame): boolean {
  return frame.rotateDeg === 0 && frame.width === frame.masterWidth && frame.height === frame.masterHeight;
}

/** A point of the engine's image on the master (unturned about the image's centre, then scaled). */
export function pointToMaster(frame: OcrFrame, x: number, y: number): [number, number] {
  let px = x;
  let py = y;
  if (frame.rotateDeg !== 0) {
    const cx = frame.width / 2;
    const cy = frame.height / 2;
    const a = (-frame.rotateDeg * Math.PI) / 180;
    const dx = x - cx;
    const dy = y - cy;
    px = cx + dx * Math.cos(a) - dy * Math.sin(a);
    py = cy + dx * Math.sin(a) + dy * Math.cos(a);
  }
  return [(px * frame.masterWidth) / frame.width, (py * frame.masterHeight) / frame.height];
}

/**
 * A box of the engine's image as a box of the master: the bounding box of its four corners
 * mapped back, rounded outwards and cut to the master. A box turned by 1° grows by about
 * 1.7 % of its width in height, so it still covers what it covered. Null when nothing of it
 * lies on the master.
 */
export function boxToMaster(frame: OcrFrame, box: Box): Box | null {
  if (isIdentity(frame)) return clipBox(box, frame.masterWidth, frame.masterHeight);
  const corners = [pointToMaster(frame, box.x, box.y), pointToMaster(frame, box.x + box.w, box.y), pointToMaster(frame, box.x, box.y + box.h), pointToMaster(frame, box.x + box.w, box.y + box.h)];
  const EPSILON = 1e-6;
  const x0 = Math.floor(Math.min(...corners.map((c) => c[0])) + EPSILON);
  const y0 = Math.floor(Math.min(...corners.map((c) => c[1])) + EPSILON);
  const x1 = Math.ceil(Math.max(...corners.map((c) => c[0])) - EPSILON);
  const y1 = Math.ceil(Math.max(...corners.map((c) => c[1])) - EPSILON);
  const clipped = clipBox({ x: x0, y: y0, w: Math.max(1, x1 - x0), h: Math.max(1, y1 - y0) }, frame.masterWidth, frame.masterHeight);
  return clipped && clipped.w >= 1 && clipped.h >= 1 ? clipped : null;
}

/**
 * The page with every box on the master (for the page words kept beside the scan). Words,
 * lines and blocks that fall off the master are dropped.
 */
export function pageToMaster(page: PositionedPage, frame: OcrFrame): PositionedPage {
  if (isIdentity(frame)) return page;
  const blocks: Block[] = [];
  for (const block of page.blocks) {
    const box = boxToMaster(frame, block.box);
    if (!box) continue;
    const lines: Line[] = [];
    for (const line of block.lines) {
      const lineBox = boxToMaster(frame, line.box);
      if (!lineBox) continue;
      const words: Word[] = [];
      for (const word of line.words) {
        const wordBox = boxToMaster(frame, word.box);
        if (wordBox) words.push({ ...word, box: wordBox });
      }
      lines.push({ ...line, box: lineBox, words });
    }
    blocks.push({ ...block, box, lines });
  }
  return { ...page, width: frame.masterWidth, height: frame.masterHeight, blocks };
}
