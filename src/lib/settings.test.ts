import { describe, expect, it } from 'vitest';
import { countSetting } from './settings.ts';

describe('countSetting', () => {
  it('reads a whole number, and the default when unset or empty', () => {
    expect(countSetting('ARCHIVE_SEARCH_FIRST_TIER', ' 5000 ', 12_500)).toBe(5000);
    expect(countSetting('ARCHIVE_SEARCH_FIRST_TIER', undefined, 12_500)).toBe(12_500);
    expect(countSetting('ARCHIVE_SEARCH_FIRST_TIER', '', 12_500)).toBe(12_500);
  });

  it('refuses what is not a whole number above 0, naming the setting and the fix', () => {
    for (const raw of ['12,500', '-5', '0', '2.5', 'abc', '1e400'])
      expect(() => countSetting('ARCHIVE_SEARCH_SHARD_SIZE', raw, 50_000)).toThrow(`ARCHIVE_SEARCH_SHARD_SIZE: "${raw}" is not a whole number above 0; write digits only (e.g. 50000), or leave it unset for 50000`);
  });
});
