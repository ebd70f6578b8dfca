import type { Box, Scan } from '../schemas/scan.ts';

/**
 * What the site serves of a page scan, as a IIIF Image API 3 level-0 image service: static files
 * made once per scan (src/io/scan-images.ts), published under `/scans/<key>/`, where `key` is the
 * first 16 hex digits of the scan's SHA-256:
 *
 *   info.json                                    the service's description (id = its absolute URL)
 *   full/<w>,<h>/0/default.jpg                   whole-page sizes (thumbnail, phone, desktop)
 *   <x>,<y>,<w>,<h>/<tw>,<th>/0/default.jpg      tiles of TILE px at scale factors 1, 2, 4, ...
 *   <sha256>.<ext>                               the master, for download
 *   words.json                                   the page's words for marking search hits
 *
 * Tile size and sizes were chosen by measurement (docs/0013-page-scans.md): 1024-px tiles keep a
 * 2500 x 3500 page at 17 tiles in 3 levels, where 256-px tiles (OpenSeadragon's default) need
 * 190 in 5 levels; a decade of a daily is then about 0.7 million files instead of 6 million.
 */

/** Edge of a square tile, pixels. */
export const SCAN_TILE = 1024;
/** Widths of the whole-page sizes: issue thumbnails, a phone's first view, a desktop's. */
export const SCAN_WIDTHS = [400, 800, 1600] as const;
/** The size the page view shows first on a phone (and the clipping's source when it is sharp enough). */
export const FIRST_VIEW_WIDTH = 800;
/** JPEG quality of tiles and sizes (mozjpeg); greyscale scans stay one channel. */
export const SCAN_JPEG_QUALITY = 72;

export function scanKey(sha256: string): string {
  return sha256.slice(0, 16);
}

/** The image service's base path (no trailing slash, as IIIF ids are written). */
export function scanBase(sha256: string): string {
  return `/scans/${scanKey(sha256)}`;
}

export interface ScanSize {
  width: number;
  height: number;
}

/** The whole-page sizes made for a scan: the standard widths below its own width. */
export function scanSizes(scan: Pick<Scan, 'width' | 'height'>): ScanSize[] {
  return SCAN_WIDTHS.filter((w) => w < scan.width).map((width) => ({ width, height: Math.round((scan.height * width) / scan.width) }));
}

export function sizeUrl(sha256: string, size: ScanSize): string {
  return `${scanBase(sha256)}/full/${size.width},${size.height}/0/default.jpg`;
}

export function infoUrl(sha256: string): string {
  return `${scanBase(sha256)}/info.json`;
}

export function masterUrl(scan: Pick<Scan, 'sha256' | 'format'>): string {
  return `${scanBase(scan.sha256)}/${scan.sha256}.${scan.format}`;
}

export function wordsUrl(sha256: string): string {
  return `${scanBase(sha256)}/words.json`;
}

export const MEDIA_TYPES: Record<Scan['format'], string> = { png: 'image/png', jpg: 'image/jpeg', webp: 'image/webp', tif: 'image/tiff' };

/** One resolution level of the tile pyramid. */
export interface TileLevel {
  /** Scale factor: 1 is the master's resolution, 2 half of it, ... */
  scale: number;
  /** Size of the whole page at this level. */
  width: number;
  height: number;
  columns: number;
  rows: number;
}

/**
 * The pyramid sharp (libvips dzsave, IIIF layout) writes: scale factors 1, 2, 4, ... down to the
 * first level whose page fits in one tile.
 */
export function tileLevels(width: number, height: number, tile = SCAN_TILE): TileLevel[] {
  const levels: TileLevel[] = [];
  for (let scale = 1; ; scale *= 2) {
    const w = Math.ceil(width / scale);
    const h = Math.ceil(height / scale);
    levels.push({ scale, width: w, height: h, columns: Math.ceil(w / tile), rows: Math.ceil(h / tile) });
    if (w <= tile && h <= tile) return levels;
  }
}

export interface Tile {
  /** Region in master pixels. */
  region: Box;
  /** Pixel size of the tile image. */
  width: number;
  height: number;
  /** Path below the service's base, e.g. `0,0,2048,2048/1024,1024/0/default.jpg`. */
  path: string;
}

/**
 * The tiles of a level that a rectangle of the master touches. The level that fits in one tile
 * is the whole page, which IIIF names `full` and sharp writes so.
 */
export function tilesIn(level: TileLevel, master: ScanSize, rect: Box, tile = SCAN_TILE): Tile[] {
  const span = tile * level.scale;
  if (level.columns === 1 && level.rows === 1) {
    return [{ region: { x: 0, y: 0, w: master.width, h: master.height }, width: level.width, height: level.height, path: `full/${level.width},${level.height}/0/default.jpg` }];
  }
  const first = (v: number) => Math.max(0, Math.floor(v / span));
  const tiles: Tile[] = [];
  const lastColumn = Math.min(level.columns - 1, Math.floor((rect.x + rect.w - 1) / span));
  const lastRow = Math.min(level.rows - 1, Math.floor((rect.y + rect.h - 1) / span));
  for (let row = first(rect.y); row <= lastRow; row++) {
    for (let column = first(rect.x); column <= lastColumn; column++) {
      const x = column * span;
      const y = row * span;
      const w = Math.min(span, master.width - x);
      const h = Math.min(span, master.height - y);
      const width = Math.ceil(w / level.scale);
      const height = Math.ceil(h / level.scale);
      tiles.push({ region: { x, y, w, h }, width, height, path: `${x},${y},${w},${h}/${width},${height}/0/default.jpg` });
    }
  }
  return tiles;
}

/** Every tile of the pyramid, each once (what the image files must hold). */
export function allTiles(master: ScanSize, tile = SCAN_TILE): Tile[] {
  const whole = { x: 0, y: 0, w: master.width, h: master.height };
  return tileLevels(master.width, master.height, tile).flatMap((level) => tilesIn(level, master, whole, tile));
}

/**
 * The IIIF Image API 3 description of a scan's level-0 service. `id` is the service's absolute
 * URL (the site's address + scanBase), as the spec requires.
 */
export function imageInfo(scan: Pick<Scan, 'width' | 'height'>, id: string, tile = SCAN_TILE) {
  return {
    '@context': 'http://iiif.io/api/image/3/context.json',
    id,
    type: 'ImageService3',
    protocol: 'http://iiif.io/api/image',
    profile: 'level0',
    width: scan.width,
    height: scan.height,
    sizes: [...scanSizes(scan), tileLevels(scan.width, scan.height, tile).at(-1)!].map((size) => ({ width: size.width, height: size.height })).filter((size, i, all) => all.findIndex((s) => s.width === size.width) === i).sort((a, b) => a.width - b.width),
    tiles: [{ width: tile, height: tile, scaleFactors: tileLevels(scan.width, scan.height, tile).map((level) => level.scale) }],
  };
}

/** A region of the page in a URL fragment, `xywh=x,y,w,h` in master pixels (W3C Media Fragments, as IIIF uses them). */
export function formatXywh(box: Box): string {
  return `xywh=${Math.round(box.x)},${Math.round(box.y)},${Math.round(box.w)},${Math.round(box.h)}`;
}

/** The region of a `#xywh=` fragment, clipped to the page; undefined when there is none or it is empty. */
export function parseXywh(hash: string, page: ScanSize): Box | undefined {
  const match = /(?:^#?|&)xywh=(?:pixel:)?(\d+),(\d+),(\d+),(\d+)(?:&|$)/u.exec(hash);
  if (!match) return undefined;
  const [x, y, w, h] = match.slice(1).map(Number) as [number, number, number, number];
  const left = Math.min(x, page.width);
  const top = Math.min(y, page.height);
  const right = Math.min(x + w, page.width);
  const bottom = Math.min(y + h, page.height);
  if (right - left < 1 || bottom - top < 1) return undefined;
  return { x: left, y: top, w: right - left, h: bottom - top };
}

/** The box around several boxes, with a margin (fraction of its size), kept inside the page. */
export function around(boxes: readonly Box[], page: ScanSize, margin = 0): Box {
  const x = Math.min(...boxes.map((b) => b.x));
  const y = Math.min(...boxes.map((b) => b.y));
  const right = Math.max(...boxes.map((b) => b.x + b.w));
  const bottom = Math.max(...boxes.map((b) => b.y + b.h));
  const mx = Math.round((right - x) * margin);
  const my = Math.round((bottom - y) * margin);
  const left = Math.max(0, x - mx);
  const top = Math.max(0, y - my);
  return { x: left, y: top, w: Math.min(page.width, right + mx) - left, h: Math.min(page.height, bottom + my) - top };
}

/**
 * How to show a region of the page as a clipping thumbnail `width` CSS pixels wide from one of
 * the whole-page sizes (no file per article): the smallest size in which the region has at
 * least `width * density` pixels across (else the largest), and where to place that image in a
 * box of the region's shape (percentages of the box).
 */
export function clipping(scan: Pick<Scan, 'sha256' | 'width' | 'height'>, region: Box, width: number, density = 1.5) {
  const sizes = scanSizes(scan);
  const size = sizes.find((s) => (region.w * s.width) / scan.width >= width * density) ?? sizes.at(-1) ?? { width: scan.width, height: scan.height };
  return {
    src: sizes.length > 0 ? sizeUrl(scan.sha256, size) : undefined,
    size,
    /** The box's aspect ratio, w / h. */
    aspect: region.w / region.h,
    /** The page image's width and offsets, relative to the box (percent). */
    imageWidth: (scan.width / region.w) * 100,
    left: (-region.x / region.w) * 100,
    top: (-region.y / region.h) * 100,
    imageHeight: (scan.height / region.h) * 100,
  };
}
