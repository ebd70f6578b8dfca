import type { ParsedItem } from '../../src/schemas/parsed-page.ts';

import type { PhotoMappingEntry } from '../../src/schemas/photo-mapping.ts';

/**
 * Which photo file goes with which item on a page. By default the photos, sorted by name as a
 * person sorts them (2.jpg before 10.jpg), go to the photo items in reading order; a
 * `photos.yml` (src/schemas/photo-mapping.ts) maps them otherwise.
 */
export interface PhotoAssignment {
  file: string;
  itemId: string;
}

export interface AssignResult {
  assignments: PhotoAssignment[];
  /** Reasons the photos cannot be attached as given; each says how to fix it. */
  errors: string[];
  /** Photo items left without an image (they render as a captioned figure). */
  withoutImage: string[];
}

export const PHOTO_FILE = /\.(?:jpe?g|png|webp|tiff?|avif|heic)$/iu;

export function naturalCompare(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true, sensitivity: 'base' });
}

export function assignPhotos(files: string[], items: ParsedItem[], mapping: PhotoMappingEntry[] | null): AssignResult {
  const photos = files.filter((file) => PHOTO_FILE.test(file)).sort(naturalCompare);
  const photoItems = items.filter((item) => item.kind === 'photo');
  const result: AssignResult = { assignments: [], errors: [], withoutImage: [] };

  if (mapping) {
    for (const entry of mapping) {
      if (!photos.includes(entry.file)) {
        result.errors.push(`photos.yml names ${entry.file}, which is not in the folder: fix the name or add the file`);
        continue;
      }
      const item =
        entry.article !== undefined
          ? items[entry.article - 1]
          : entry.caption !== undefined
            ? items.find((candidate) => (candidate.caption ?? candidate.paragraphs.join('')).includes(entry.caption!))
            : undefined;
      if (!item) {
        result.errors.push(
          entry.article !== undefined
            ? `photos.yml maps ${entry.file} to article ${entry.article}, but the page has ${items.length} items: use a number from 1 to ${items.length}`
            : `photos.yml maps ${entry.file} to the caption text “${entry.caption ?? ''}”, which no item contains: copy a few characters of the caption exactly`,
        );
        continue;
      }
      result.assignments.push({ file: entry.file, itemId: item.id });
    }
    const mapped = new Set(mapping.map((entry) => entry.file));
    for (const file of photos) {
      if (!mapped.has(file)) result.errors.push(`${file} is not listed in photos.yml: add it, or move it out of the folder`);
    }
  } else {
    if (photos.length > photoItems.length) {
      result.errors.push(
        `${photos.length} photos but only ${photoItems.length} photo items on the page (${photos.slice(photoItems.length).join(', ')} left over): ` +
          'add a photos.yml that maps each file to an item (see README, "Photos")',
      );
    }
    photos.slice(0, photoItems.length).forEach((file, index) => result.assignments.push({ file, itemId: photoItems[index]!.id }));
  }
  const withImage = new Set(result.assignments.map((a) => a.itemId));
  result.withoutImage = photoItems.filter((item) => !withImage.has(item.id)).map((item) => item.id);
  return result;
}
