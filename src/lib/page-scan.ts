import type { Scan, Box } from '../schemas/scan.ts';
import type { Archive, ArticleRef, PageRef } from './archive.ts';
import { articleView } from './article-view.ts';
import { around, clipping, formatXywh, FIRST_VIEW_WIDTH, masterUrl, SCAN_TILE, scanBase, scanSizes, sizeUrl, tileLevels, wordsUrl, type ScanSize } from './scan-images.ts';

/**
 * What the 版面 view of a page shows of its scan (src/components/ScanViewer.astro): the image
 * at its sizes, the tile pyramid for zooming, and each item that has regions as a hotspot.
 */
export interface PageScanView {
  scan: Scan;
  /** The image service's base path, /scans/<key>. */
  base: string;
  sizes: Array<ScanSize & { url: string }>;
  /** The size shown first on a phone. */
  first: ScanSize & { url: string };
  tile: number;
  scaleFactors: number[];
  master: string;
  words: string;
  regions: Array<{ seq: number; url: string; headline: string; kind: 'article' | 'photo'; boxes: Box[] }>;
}

export function pageScanView(archive: Archive, page: PageRef): PageScanView | undefined {
  const scan = page.page.scan;
  if (!scan) return undefined;
  const sizes = scanSizes(scan).map((size) => ({ ...size, url: sizeUrl(scan.sha256, size) }));
  // a scan narrower than the first size is shown as its master
  const whole = { width: scan.width, height: scan.height, url: masterUrl(scan) };
  const first = sizes.find((size) => size.width === FIRST_VIEW_WIDTH) ?? sizes.at(-1) ?? whole;
  return {
    scan,
    base: scanBase(scan.sha256),
    sizes: sizes.length > 0 ? sizes : [whole],
    first,
    tile: SCAN_TILE,
    scaleFactors: tileLevels(scan.width, scan.height).map((level) => level.scale),
    master: masterUrl(scan),
    words: wordsUrl(scan.sha256),
    regions: page.articles
      .filter((ref) => (ref.entry.data.regions ?? []).length > 0)
      .map((ref) => ({ seq: ref.key.seq, url: ref.url, headline: articleView(archive, ref).headline, kind: ref.entry.data.kind, boxes: ref.entry.data.regions! })),
  };
}

/** The page's thumbnail for the 版面导航: its smallest size. */
export function pageThumbnail(page: PageRef): (ScanSize & { url: string }) | undefined {
  const scan = page.page.scan;
  if (!scan) return undefined;
  const size = scanSizes(scan)[0];
  return size ? { ...size, url: sizeUrl(scan.sha256, size) } : { width: scan.width, height: scan.height, url: masterUrl(scan) };
}

/** Width of the 原版 clipping on an article page, CSS pixels. */
export const CLIPPING_WIDTH = 192;

/**
 * An article's clipping: its region of the page scan, cut by CSS from one of the page's sizes
 * (no image per article), linking to the page zoomed to it (`#xywh=`).
 */
export function articleClipping(page: PageRef, ref: ArticleRef) {
  const scan = page.page.scan;
  const boxes = ref.entry.data.regions ?? [];
  if (!scan || boxes.length === 0) return undefined;
  const page_ = { width: scan.width, height: scan.height };
  const region = around(boxes, page_, 0.02);
  const cut = clipping(scan, region, CLIPPING_WIDTH);
  if (!cut.src) return undefined;
  return { ...cut, href: `${page.url}#${formatXywh(around(boxes, page_, 0.05))}`, region };
}
