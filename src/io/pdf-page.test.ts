import { describe, expect, it } from 'vitest';
import { extractable, listedImages } from './pdf-page.ts';

/** `pdfimages -list` as Poppler 22 prints it. */
const LIST = `page   num  type   width height color comp bpc  enc interp  object ID x-ppi y-ppi size ratio
--------------------------------------------------------------------------------------------
   1     0 image    2480  3508  gray    1   8  jpeg   no         3  0   300   300  935K  11%
`;
const A4 = { widthPt: 595.2, heightPt: 841.92, rotate: 0 };

describe('which PDF pages give their image as it is', () => {
  it('reads the list of images', () => {
    expect(listedImages(LIST)).toEqual([{ type: 'image', width: 2480, height: 3508, color: 'gray', comp: 1, enc: 'jpeg', ppiX: 300, ppiY: 300 }]);
  });

  it('takes out one JPEG or Flate image that fills the unturned page', () => {
    const [image] = listedImages(LIST);
    expect(extractable([image!], A4)).toEqual({ flag: '-j', ext: 'jpg' });
    expect(extractable([{ ...image!, enc: 'image', color: 'rgb', comp: 3 }], A4)).toEqual({ flag: '-png', ext: 'png' });
  });

  it('renders everything else: two images, a turned page, a margin, bitonal or CMYK images', () => {
    const [image] = listedImages(LIST);
    expect(extractable([image!, image!], A4)).toBeNull();
    expect(extractable([image!], { ...A4, rotate: 90 })).toBeNull();
    expect(extractable([image!], { widthPt: 595.2 + 72, heightPt: 841.92 + 72, rotate: 0 })).toBeNull();
    expect(extractable([{ ...image!, enc: 'ccitt', color: 'gray' }], A4)).toBeNull();
    expect(extractable([{ ...image!, enc: 'jbig2' }], A4)).toBeNull();
    expect(extractable([{ ...image!, color: 'cmyk', comp: 4 }], A4)).toBeNull();
    expect(extractable([{ ...image!, type: 'smask' }], A4)).toBeNull();
    expect(extractable([], A4)).toBeNull();
  });
});
