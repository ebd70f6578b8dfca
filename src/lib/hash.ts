/**
 * FNV-1a, 32 bit, over the UTF-16 code units of `text`: a small, stable hash for names and
 * seeds (not for security). The synthetic archive's seeds are made with it (the search index's
 * bundle keys use the same hash), so it must never change.
 */
export function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}
