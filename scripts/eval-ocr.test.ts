import { describe, expect, it } from 'vitest';
import { DEFAULT_TESSERACT_OPTIONS } from '../src/io/tesseract.ts';
import { parseSettings } from './eval-ocr.ts';

describe('eval:ocr --settings', () => {
  it('reads a comma list over the defaults', () => {
    expect(parseSettings('')).toEqual(DEFAULT_TESSERACT_OPTIONS);
    const s = parseSettings('psm=4, lang=chi_sim+chi_tra, dpi=none, deskew=1, scale=0.7, threshold=150, threads=2, c.thresholding_method=2');
    expect(s).toEqual({ ...DEFAULT_TESSERACT_OPTIONS, psm: 4, lang: 'chi_sim+chi_tra', dpi: null, deskew: true, scale: 0.7, threshold: 150, threads: 2, config: { ...DEFAULT_TESSERACT_OPTIONS.config, thresholding_method: '2' } });
    // a default Tesseract variable can be set back to compare (c.textord_tabfind_find_tables=1)
    expect(parseSettings('c.textord_tabfind_find_tables=1').config).toEqual({ textord_tabfind_find_tables: '1' });
  });

  it('names the setting it does not know', () => {
    expect(() => parseSettings('psm=3,dewarp=1')).toThrow(/unknown setting "dewarp"/);
  });

  it('turns the second reading of bylines off and on, and refuses what is neither', () => {
    expect(DEFAULT_TESSERACT_OPTIONS.rereadBylines).toBe(true);
    expect(parseSettings('reread=0').rereadBylines).toBe(false);
    expect(parseSettings('reread=1, deskew=false')).toMatchObject({ rereadBylines: true, deskew: false });
    expect(() => parseSettings('reread=yes')).toThrow(/reread=yes .* is neither 0 nor 1 \(write reread=0 or reread=1\)/);
  });
});
