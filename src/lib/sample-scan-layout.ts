import type { ArticleFrontmatter } from '../schemas/article.ts';
import { printedByline } from './article-view.ts';

/**
 * A newspaper page laid out in HTML from the text of its items, to be rendered by Chromium as a
 * stand-in scan (src/io/render-scan.ts): the bundled sample page has OCR text but no image, and
 * the 版面 view needs one. Five columns at about 300 dpi (A3-ish, 2480 x 3508 px), body type of
 * 40 px (about 9.6 pt), Noto Serif CJK for text, Noto Sans CJK for headlines, AR PL UKai for
 * bylines; photo items get a grey picture box. Every printed item is a `section[data-item]`
 * (several when it is printed in several blocks) and every text element carries `data-item`,
 * so that the renderer can read back each item's boxes and each character's.
 *
 * This is the small layout the sample needs; the OCR lab (`npm run eval:ocr`) lays out whole
 * pages of any shape for measuring OCR.
 */

export interface LayoutItem {
  data: Pick<ArticleFrontmatter, 'kind' | 'kicker' | 'title' | 'subtitle' | 'column' | 'dateline' | 'reporters' | 'correspondents' | 'photographers' | 'credit'>;
  paragraphs: string[];
}

export interface LayoutPage {
  paperName: string;
  /** As printed in the header, e.g. 2023年1月17日 星期二. */
  dateLine: string;
  /** As printed in the header, e.g. 第3版. */
  pageLine: string;
  /** Exactly five items in reading order: a lead article, two photo items under one banner, an article and a photo item. */
  items: LayoutItem[];
}

export const SAMPLE_SCAN_SIZE = { width: 2480, height: 3508 } as const;

function escape(text: string): string {
  return text.replace(/[&<>"]/gu, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[ch]!);
}

function head(item: LayoutItem, index: number, size: 'lead' | 'second'): string {
  const { data } = item;
  const parts: string[] = [];
  if (data.kicker) parts.push(`<p class="kicker" data-item="${index}">${escape(data.kicker)}</p>`);
  if (data.title) parts.push(`<h2 class="title ${size}" data-item="${index}">${escape(data.title)}</h2>`);
  if (data.subtitle) parts.push(`<p class="subtitle" data-item="${index}">——${escape(data.subtitle)}</p>`);
  const byline = printedByline(data as ArticleFrontmatter);
  const line = [byline.dateline, byline.people].filter(Boolean).join('');
  if (line) parts.push(`<p class="byline" data-item="${index}">${escape(line)}</p>`);
  return parts.join('');
}

function body(item: LayoutItem, index: number): string {
  return item.paragraphs.map((text) => `<p data-item="${index}">${escape(text)}</p>`).join('');
}

/** A grey picture: soft shapes, as a halftone photo prints, with no text in it. */
function picture(height: number, seed: number): string {
  const shapes = [0, 1, 2, 3]
    .map((i) => {
      const x = 15 + ((seed * 37 + i * 23) % 70);
      const y = 25 + ((seed * 53 + i * 31) % 50);
      return `radial-gradient(circle at ${x}% ${y}%, rgba(40,40,40,0.55) 0, rgba(40,40,40,0.55) ${8 + i * 3}%, transparent ${9 + i * 3}%)`;
    })
    .join(',');
  return `<div class="picture" style="height:${height}px;background:${shapes},linear-gradient(${seed * 40}deg,#8a8a8a,#d2d2d2)"></div>`;
}

function photoItem(item: LayoutItem, index: number, pictureHeight: number): string {
  const credit = item.data.credit ? `<p class="credit" data-item="${index}">${escape(item.data.credit)}</p>` : '';
  return `<section data-item="${index}" class="photo">${picture(pictureHeight, index)}<div class="caption">${body(item, index)}${credit}</div></section>`;
}

/** The page as one HTML document of exactly SAMPLE_SCAN_SIZE pixels. */
export function sampleScanHtml(page: LayoutPage): string {
  if (page.items.length !== 5) throw new Error(`[sample-scan-layout] the sample layout holds five items, got ${page.items.length}`);
  const [lead, photoA, photoB, second, photoC] = page.items as [LayoutItem, LayoutItem, LayoutItem, LayoutItem, LayoutItem];
  const banner = photoA.data.column ?? photoB.data.column;
  const { width, height } = SAMPLE_SCAN_SIZE;
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><style>
  * { box-sizing: border-box; margin: 0; padding: 0; }
  html, body { width: ${width}px; height: ${height}px; background: #f5f2ea; }
  .page { width: ${width}px; height: ${height}px; padding: 110px 120px; color: #1c1c1c; font: 40px/60px 'Noto Serif CJK SC', serif; text-align: justify; line-break: strict; }
  header { display: flex; align-items: flex-end; justify-content: space-between; border-bottom: 8px double #1c1c1c; padding-bottom: 18px; margin-bottom: 40px; font-family: 'Noto Sans CJK SC', sans-serif; }
  header .paper { font-size: 96px; line-height: 1; font-weight: 900; letter-spacing: 8px; }
  header .info { font-size: 40px; line-height: 56px; text-align: right; }
  .grid { display: grid; grid-template-columns: repeat(5, 1fr); grid-template-rows: auto 1fr; column-gap: 40px; row-gap: 36px; height: 3060px; }
  section { min-width: 0; }
  .lead { grid-column: 1 / 5; grid-row: 1; }
  .second { grid-column: 1 / 5; grid-row: 2; border-top: 3px solid #1c1c1c; padding-top: 24px; }
  .side { grid-column: 5 / 6; grid-row: 1 / 3; border-left: 3px solid #1c1c1c; padding-left: 36px; margin-left: -20px; display: flex; flex-direction: column; gap: 44px; }
  .banner { font: 900 48px/1.4 'Noto Sans CJK SC', sans-serif; color: #f5f2ea; background: #1c1c1c; text-align: center; padding: 8px 0; }
  .title { font-family: 'Noto Sans CJK SC', sans-serif; font-weight: 900; text-align: center; letter-spacing: 4px; }
  .title.lead { font-size: 112px; line-height: 140px; }
  .title.second { font-size: 80px; line-height: 104px; }
  .kicker, .subtitle { font: 500 48px/72px 'Noto Sans CJK SC', sans-serif; text-align: center; }
  .subtitle { margin-bottom: 12px; }
  .byline { font-family: 'AR PL UKai CN', 'Noto Serif CJK SC', serif; margin: 12px 0 8px; }
  .cols { column-gap: 40px; column-rule: 2px solid #9a9a9a; column-fill: balance; }
  .cols p { text-indent: 2em; }
  .picture { width: 100%; border: 2px solid #555; margin-bottom: 14px; }
  .caption p { font-size: 36px; line-height: 54px; text-indent: 2em; }
  .caption p.credit { text-align: right; text-indent: 0; }
</style></head><body><div class="page">
<header><span class="paper" data-item="-1">${escape(page.paperName)}</span><span class="info" data-item="-1">${escape(page.dateLine)}<br>${escape(page.pageLine)}</span></header>
<div class="grid">
  <section data-item="0" class="lead">${head(lead, 0, 'lead')}<div class="cols" style="column-count:4">${body(lead, 0)}</div></section>
  <div class="side">
    ${banner ? `<p class="banner" data-item="-1">${escape(banner)}</p>` : ''}
    ${photoItem(photoA, 1, 520)}
    ${photoItem(photoB, 2, 520)}
    ${photoItem(photoC, 4, 400)}
  </div>
  <section data-item="3" class="second">${head(second, 3, 'second')}<div class="cols" style="column-count:4">${body(second, 3)}</div></section>
</div>
</div></body></html>`;
}
