import { describe, expect, it } from 'vitest';
import { readHocr } from './hocr.ts';
import { bylineLines, hocrWords, shiftWords, spliceRereads } from './reread.ts';

// Tesseract 5 chi_sim on a rendered page (eval:ocr seed 4, anshun-daily 2022-01-12/12): the
// dateline's line, where the page reading has 钟交一 for the reporter 钟辉一, and a body line
const word = (id: number, box: string, conf: number, text: string) => `\n      <span class='ocrx_word' id='word_1_${id}' title='bbox ${box}; x_wconf ${conf}'>${text}</span>`;
const PAGE = `<div class='ocr_page' id='page_1' title='image "page.png"; bbox 0 0 2500 3500; ppageno 0'>
   <div class='ocr_carea' id='block_1_11' title="bbox 80 410 830 1024">
    <p class='ocr_par' id='par_1_6' lang='chi_sim' title="bbox 80 410 830 855">
     <span class='ocr_line' id='line_1_7' title="bbox 134 410 830 436; baseline -0.001 -1; x_size 34.349594; x_descenders 9.3495932; x_ascenders 8.333334">${[
       word(28, '134 410 171 435', 93, '本'),
       word(29, '173 411 206 435', 92, '报'),
       word(30, '205 406 230 449', 91, '讯'),
       word(31, '234 410 296 435', 13, '记者'),
       word(32, '323 410 337 435', 83, '钟'),
       word(33, '339 410 402 435', 0, '交'),
       word(34, '377 406 405 449', 0, '一'),
       word(35, '404 406 415 449', 88, ')'),
       word(36, '422 410 510 436', 92, '2022'),
       word(37, '492 406 520 449', 91, '年'),
       word(38, '519 406 542 449', 90, '，'),
       word(44, '734 410 748 436', 0, '兰'),
       word(45, '758 410 775 435', 37, '椒'),
     ].join('')}
     </span>
     <span class='ocr_line' id='line_1_8' title="bbox 80 450 830 476; baseline 0 -1; x_size 34; x_descenders 9; x_ascenders 8">${word(48, '80 450 120 476', 95, '下一步')}
     </span>
    </p>
   </div>
  </div>`;

// the same line cropped with a margin (left 126, top 402) and read alone with --psm 7
const CROP = [
  word(1, '8 8 45 33', 93, '本'),
  word(2, '47 9 80 33', 92, '报'),
  word(3, '80 4 102 42', 87, '讯'),
  word(4, '108 8 169 33', 43, '《记者'),
  word(5, '196 8 230 33', 90, '钟'),
  word(6, '242 18 259 21', 0, '辉'),
  word(7, '270 9 276 33', 91, '一'),
  word(8, '279 4 289 42', 87, ')'),
  word(9, '296 8 384 34', 92, '2022'),
  word(10, '365 4 394 42', 89, '年'),
  word(11, '393 4 413 42', 92, '，'),
  word(17, '604 8 621 34', 0, '疗'),
  word(18, '633 9 649 33', 18, '概'),
].join('');

const lineText = (hocr: string, index: number) => readHocr(hocr).pages[0]!.blocks.flatMap((b) => b.lines)[index]!.words.map((w) => w.text).join('');

describe('bylineLines', () => {
  it('finds the lines that hold a role word, with their boxes', () => {
    expect(bylineLines(PAGE)).toEqual([{ id: 'line_1_7', box: { x0: 134, y0: 410, x1: 830, y1: 436 }, text: '本报讯记者钟交一)2022年，兰椒' }]);
    // in traditional print, and a photo credit's 摄 before its bracket
    const credit = PAGE.replace('记者', '記者');
    expect(bylineLines(credit).map((l) => l.id)).toEqual(['line_1_7']);
    expect(bylineLines(PAGE.replace('记者', '李强').replace('>)<', '>摄)<')).map((l) => l.id)).toEqual(['line_1_7']);
    expect(bylineLines(PAGE.replace('记者', '拍摄'))).toEqual([]);
  });
});

describe('spliceRereads', () => {
  const rereads = new Map([['line_1_7', shiftWords(hocrWords(CROP), 126, 402)]]);

  it("puts the line's own reading of the byline in place of the page reading's, through its closing bracket", () => {
    const { hocr, changed } = spliceRereads(PAGE, rereads);
    expect(changed).toBe(1);
    // the name is read right; the text after the bracket keeps the page reading (兰椒, not 疗概)
    expect(lineText(hocr, 0)).toBe('本报讯《记者钟辉一)2022年，兰椒');
    expect(lineText(hocr, 1)).toBe('下一步');
    // the new words are in the page's pixels
    const words = readHocr(hocr).pages[0]!.blocks[0]!.lines[0]!.words;
    expect(words.find((w) => w.text === '辉')!.box).toEqual({ x: 368, y: 420, w: 17, h: 3 });
  });

  it('leaves out a speck the crop let in before the name', () => {
    const speck = new Map([['line_1_7', shiftWords(hocrWords(CROP.replace(word(5, '196 8 230 33', 90, '钟'), `${word(40, '180 20 186 26', 14, '.')}${word(5, '196 8 230 33', 90, '钟')}`)), 126, 402)]]);
    expect(lineText(spliceRereads(PAGE, speck).hocr, 0)).toBe('本报讯《记者钟辉一)2022年，兰椒');
  });

  it('keeps one closing bracket where both readings have it, and the mark before the role word as the page read it', () => {
    // the crop's bracket ends 6 px left of the page's, whose middle is then outside the stretch
    const doubled = new Map([['line_1_7', shiftWords(hocrWords(CROP.replace("bbox 279 4 289 42; x_wconf 87'>)<", "bbox 272 4 283 42; x_wconf 87'>)<")), 126, 402)]]);
    expect(lineText(spliceRereads(PAGE, doubled).hocr, 0)).toBe('本报讯《记者钟辉一)2022年，兰椒');
    // □记者: the crop reads the mark 口 as 品; the page's reading of it stays
    const marked = PAGE.replace(word(30, '205 406 230 449', 91, '讯'), word(30, '205 406 230 449', 91, '口'));
    const markedCrop = new Map([['line_1_7', shiftWords(hocrWords(CROP.replace(word(3, '80 4 102 42', 87, '讯'), word(3, '80 4 102 42', 87, '品'))), 126, 402)]]);
    expect(lineText(spliceRereads(marked, markedCrop).hocr, 0)).toBe('本报口《记者钟辉一)2022年，兰椒');
  });

  it('keeps the dateline the page read where the crop read its last character into the bracket', () => {
    // liupanshui-daily 2022-08-28/06: 本报讯记者 尹梅 on the page, 本报(记者 尹梅 in the crop
    const lost = new Map([['line_1_7', shiftWords(hocrWords(CROP.replace(word(3, '80 4 102 42', 87, '讯'), '').replace(word(4, '108 8 169 33', 43, '《记者'), word(4, '80 8 169 33', 43, '(记者'))), 126, 402)]]);
    expect(lineText(spliceRereads(PAGE, lost).hocr, 0)).toBe('本报讯(记者钟辉一)2022年，兰椒');
  });

  it('keeps one opening bracket where the page read it apart and the crop with the role word', () => {
    // xingyi-evening 2022-04-25/08: 本报讯〈 记者 on the page, (记者 in the crop, not 本报讯〈(记者
    const apart = PAGE.replace(word(31, '234 410 296 435', 13, '记者'), `${word(60, '232 406 240 449', 80, '〈')}${word(31, '240 410 296 435', 13, '记者')}`);
    expect(lineText(spliceRereads(apart, rereads).hocr, 0)).toBe('本报讯《记者钟辉一)2022年，兰椒');
  });

  it("keeps the new reading's words in their order, whatever their boxes say", () => {
    // Tesseract gives 辉 a box left of 钟 (a glyph's box can stray): the name still reads 钟辉一
    const strayed = new Map([['line_1_7', shiftWords(hocrWords(CROP.replace('242 18 259 21', '150 18 160 21')), 126, 402)]]);
    expect(lineText(spliceRereads(PAGE, strayed).hocr, 0)).toBe('本报讯《记者钟辉一)2022年，兰椒');
  });

  it('keeps the page reading where the new one has no byline, or reads far more or less there', () => {
    const notByline = new Map([['line_1_7', shiftWords(hocrWords(CROP.replace('《记者', '《记录')), 126, 402)]]);
    expect(spliceRereads(PAGE, notByline)).toEqual({ hocr: PAGE, changed: 0 });
    const short = new Map([['line_1_7', shiftWords(hocrWords([word(4, '108 8 169 33', 43, '记者'), word(8, '279 4 289 42', 87, ')')].join('')), 126, 402)]]);
    expect(spliceRereads(PAGE, short).changed).toBe(0);
    // the page read the opening bracket and the crop lost it (本报讯记者 钟辉一): the byline's frame would go with it
    const framed = PAGE.replace(word(31, '234 410 296 435', 13, '记者'), word(31, '234 410 296 435', 13, '(记者'));
    const unframed = new Map([['line_1_7', shiftWords(hocrWords(CROP.replace(word(4, '108 8 169 33', 43, '《记者'), word(4, '108 8 169 33', 43, '记者'))), 126, 402)]]);
    expect(spliceRereads(framed, unframed).changed).toBe(0);
    expect(spliceRereads(framed, rereads).changed).toBe(1);
    // a line of another engine's file, or one not asked for, stays as it is
    expect(spliceRereads(PAGE, new Map([['line_9_9', rereads.get('line_1_7')!]]))).toEqual({ hocr: PAGE, changed: 0 });
  });
});
