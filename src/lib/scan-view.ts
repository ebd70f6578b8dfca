import type { Box } from '../schemas/scan.ts';
import type { ScanSize, TileLevel } from './scan-images.ts';

/**
 * The arithmetic of the 版面 viewer (src/components/ScanViewer.astro), kept pure so that it can
 * be tested without a browser. The viewer shows the page in a frame of the page's own shape; at
 * scale 1 the page fills the frame, and a view is that picture scaled by `scale` and moved by
 * (`x`, `y`) CSS pixels (the frame's top left is 0, 0; both are 0 or negative).
 */

export interface View {
  scale: number;
  x: number;
  y: number;
}

export interface Frame {
  width: number;
  height: number;
}

export const FIT: View = { scale: 1, x: 0, y: 0 };

/** How far one may zoom in: until a pixel of the master is two CSS pixels, and at least 2x. */
export function maxScale(frame: Frame, page: ScanSize): number {
  return Math.max(2, (2 * page.width) / Math.max(1, frame.width));
}

/** A view kept inside its limits: no smaller than the frame, never showing past the page's edge. */
export function clampView(view: View, frame: Frame, limit: number): View {
  const scale = Math.min(limit, Math.max(1, view.scale));
  return {
    scale,
    x: Math.min(0, Math.max(frame.width * (1 - scale), view.x)),
    y: Math.min(0, Math.max(frame.height * (1 - scale), view.y)),
  };
}

/** Zoom by `factor` keeping the point (`px`, `py`) of the frame where it is. */
export function zoomAt(view: View, factor: number, px: number, py: number, frame: Frame, limit: number): View {
  const scale = Math.min(limit, Math.max(1, view.scale * factor));
  const k = scale / view.scale;
  return clampView({ scale, x: px - (px - view.x) * k, y: py - (py - view.y) * k }, frame, limit);
}

export function panBy(view: View, dx: number, dy: number, frame: Frame, limit: number): View {
  return clampView({ scale: view.scale, x: view.x + dx, y: view.y + dy }, frame, limit);
}

/** The part of the page a view shows, in master pixels. */
export function visibleRect(view: View, frame: Frame, page: ScanSize): Box {
  const sx = page.width / (frame.width * view.scale);
  const sy = page.height / (frame.height * view.scale);
  return { x: -view.x * sx, y: -view.y * sy, w: frame.width * sx, h: frame.height * sy };
}

/** The view that shows a region of the page (master pixels) whole and centred, as far as the limits allow. */
export function viewOf(rect: Box, frame: Frame, page: ScanSize, limit: number): View {
  const scale = Math.min(limit, Math.max(1, Math.min(page.width / rect.w, page.height / rect.h)));
  const cx = ((rect.x + rect.w / 2) / page.width) * frame.width * scale;
  const cy = ((rect.y + rect.h / 2) / page.height) * frame.height * scale;
  return clampView({ scale, x: frame.width / 2 - cx, y: frame.height / 2 - cy }, frame, limit);
}

/** Is the box (master pixels) wholly in view? */
export function inView(box: Box, view: View, frame: Frame, page: ScanSize): boolean {
  const seen = visibleRect(view, frame, page);
  return box.x >= seen.x - 1 && box.y >= seen.y - 1 && box.x + box.w <= seen.x + seen.w + 1 && box.y + box.h <= seen.y + seen.h + 1;
}

/**
 * The tile level to draw for a view, or undefined when the first image (`shown` pixels wide)
 * is sharp enough: the coarsest level with at least as many pixels across as the frame shows
 * device pixels, else the finest.
 */
export function levelFor(view: View, frame: Frame, levels: readonly TileLevel[], shown: number, dpr: number): TileLevel | undefined {
  const needed = frame.width * view.scale * dpr;
  if (shown >= needed * 0.95) return undefined;
  const coarsestFirst = [...levels].sort((a, b) => b.scale - a.scale);
  return coarsestFirst.find((level) => level.width >= needed * 0.95 && level.width > shown) ?? coarsestFirst.at(-1);
}
