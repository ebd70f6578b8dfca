import type { ArticlePhoto } from '../schemas/article.ts';

/**
 * Responsive photo sizes. Each stored photo (already capped at 2400 px by the import) is
 * served at these widths in AVIF and WebP, plus its stored JPEG as the fallback and the
 * full-size view. The files are made once per photo and cached (src/io/photo-store.ts).
 */
export const PHOTO_WIDTHS = [480, 960, 1600] as const;
export const PHOTO_FORMATS = ['avif', 'webp'] as const;
export type PhotoFormat = (typeof PHOTO_FORMATS)[number];

/** The widths made for a photo: the standard ones below its own width, and its own width. */
export function widthsFor(width: number): number[] {
  return [...PHOTO_WIDTHS.filter((w) => w < width), width];
}

export function photoUrl(sha256: string, width: number, format: PhotoFormat): string {
  return `/photos/${sha256.slice(0, 16)}/${width}.${format}`;
}

/** The stored JPEG itself: the fallback for old browsers and the full-size view. */
export function fullPhotoUrl(sha256: string): string {
  return `/photos/${sha256.slice(0, 16)}/full.jpg`;
}

export function srcset(photo: ArticlePhoto, format: PhotoFormat): string {
  return widthsFor(photo.width)
    .map((w) => `${photoUrl(photo.sha256, w, format)} ${w}w`)
    .join(', ');
}
