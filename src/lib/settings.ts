/**
 * A count read from an environment variable or a command-line option: unset or empty gives the
 * default; anything but a whole number above 0 is an error that names the setting and the fix
 * (`ARCHIVE_SEARCH_SHARD_SIZE=-5` would otherwise cut the index into bundles forever, and
 * `12,500` would quietly become the default).
 */
export function countSetting(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw.trim());
  if (!Number.isSafeInteger(value) || value < 1) throw new Error(`${name}: "${raw}" is not a whole number above 0; write digits only (e.g. ${fallback}), or leave it unset for ${fallback}`);
  return value;
}
