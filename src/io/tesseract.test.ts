import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_TESSERACT_OPTIONS, ocrImage, requireTesseract } from './tesseract.ts';

const cache = mkdtempSync(join(tmpdir(), 'ocr-cache-test-'));
afterAll(() => rmSync(cache, { recursive: true, force: true }));

/** A line of Chinese in a common font, as a small PNG. */
async function textImage(text: string): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="520" height="90"><rect width="100%" height="100%" fill="#fff"/><text x="20" y="60" font-family="Noto Sans CJK SC" font-size="40">${text}</text></svg>`;
  return sharp(Buffer.from(svg)).png().toBuffer();
}

describe('ocrImage', () => {
  it('reads text with txt, hOCR and TSV from one run, and serves the second call from the cache', async () => {
    const image = await textImage('文明实践志愿服务');
    const first = await ocrImage(image, { ...DEFAULT_TESSERACT_OPTIONS, psm: 7, deskew: false }, cache);
    expect(first.cached).toBe(false);
    expect(first.text.replace(/\s/g, '')).toContain('文明实践');
    expect(first.hocr).toContain('ocrx_word');
    expect(first.tsv.split('\n')[0]).toMatch(/^level\tpage_num/);
    expect(first.version).toMatch(/^tesseract \d/);
    const second = await ocrImage(image, { ...DEFAULT_TESSERACT_OPTIONS, psm: 7, deskew: false, threads: 2 }, cache);
    // threads change the time, not the output: the same cache entry
    expect(second.cached).toBe(true);
    expect(second.text).toBe(first.text);
    expect(second.seconds).toEqual(first.seconds);
    // Tesseract's own reading is kept apart from the one with bylines read again: without them,
    // the page is not read again
    const own = await ocrImage(image, { ...DEFAULT_TESSERACT_OPTIONS, psm: 7, deskew: false, rereadBylines: false }, cache);
    expect(own.cached).toBe(true);
    expect(own.reread).toBeNull();
    // another option is another entry (two: the page's reading, and with the bylines')
    await ocrImage(image, { ...DEFAULT_TESSERACT_OPTIONS, psm: 8, deskew: false }, cache);
    const entries = readdirSync(cache).flatMap((d) => readdirSync(join(cache, d)));
    expect(entries).toHaveLength(4);
    expect(entries.every((e) => /^[0-9a-f]{64}$/.test(e))).toBe(true);
  });

  it('straightens a skewed scan before OCR and says by how much', async () => {
    // six different lines, as on a page (one line printed six times would line up its own
    // glyphs' edges and lean the skew measure of src/lib/scan/skew.ts by about 0.2 degrees)
    const text = ['新时代文明实践工作走深走实志愿服务', '红花岗区老城街道各社区开展主题活动', '为群众送春联米面等物资持续向好', '截至目前已完成技能培训四千余场次', '该县充分利用新媒体平台等渠道普及', '让群众的获得感幸福感安全感不断增强'];
    const lines = text.map((line, i) => `<text x="40" y="${90 + i * 70}" font-family="Noto Sans CJK SC" font-size="44">${line}</text>`).join('');
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="900" height="560"><rect width="100%" height="100%" fill="#fff"/>${lines}</svg>`;
    const skewed = await sharp(Buffer.from(svg)).rotate(1.2, { background: '#fff' }).png().toBuffer();
    const result = await ocrImage(skewed, { ...DEFAULT_TESSERACT_OPTIONS, deskew: true }, null);
    expect(result.rotateDeg).toBeGreaterThan(-1.4);
    expect(result.rotateDeg).toBeLessThan(-1.0);
    expect(result.text.replace(/\s/g, '')).toContain('文明实践');
  });

  it("reads a byline's line again from a crop and keeps the rest of the page as Tesseract read it", async () => {
    const text = ['本报讯（记者 钟辉一 通讯员 廖超建）2022年，普定县', '团委探索辣椒产业技能培训，提质增效。下一步，', '该镇将持续做细安全生产，进一步开展服务平台。'];
    const lines = text.map((line, i) => `<text x="40" y="${80 + i * 60}" font-family="Noto Serif CJK SC" font-size="36">${line}</text>`).join('');
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1000" height="260"><rect width="100%" height="100%" fill="#fff"/>${lines}</svg>`;
    const image = await sharp(Buffer.from(svg)).png().toBuffer();
    const plain = await ocrImage(image, { ...DEFAULT_TESSERACT_OPTIONS, rereadBylines: false }, null);
    expect(plain.reread).toBeNull();
    const reread = await ocrImage(image, DEFAULT_TESSERACT_OPTIONS, null);
    // the one line with a role word, and only it, was read again
    expect(reread.reread).toMatchObject({ lines: 1 });
    const words = (hocr: string) => [...hocr.matchAll(/<span class='ocrx_word'[^>]*>([^<]*)<\/span>/gu)].map((m) => m[1]).join('');
    expect(words(reread.hocr)).toContain('钟辉一');
    expect(words(reread.hocr).slice(-20)).toBe(words(plain.hocr).slice(-20));
    // every word, spliced or not, stays inside the page
    for (const m of reread.hocr.matchAll(/ocrx_word[^>]*bbox (\d+) (\d+) (\d+) (\d+)/gu)) {
      expect(Number(m[3])).toBeLessThanOrEqual(1000);
      expect(Number(m[4])).toBeLessThanOrEqual(260);
    }
  });

  it('says what to install when a language is missing', async () => {
    await expect(requireTesseract('chi_sim+klingon')).rejects.toThrow(/no klingon traineddata.*apt-get install tesseract-ocr/);
  });

  it('says what to install when the program is missing', () => {
    const script = "import { requireTesseract } from './src/io/tesseract.ts'; requireTesseract('chi_sim').catch((e) => { console.log(e.message); });";
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], { env: { ...process.env, TESSERACT_PATH: '/nonexistent/tesseract' }, encoding: 'utf8' });
    expect(out).toContain('apt-get install tesseract-ocr tesseract-ocr-chi-sim tesseract-ocr-chi-tra');
    expect(out).toContain('/nonexistent/tesseract');
  });
});
