/**
 * Renders the sample page's articles as a 3-column newspaper page with Chromium, so that
 * Tesseract can be run on it to make the positioned-OCR fixtures in
 * tests/fixtures/ocr-positioned/ (see the README there). Not run by `npm test`.
 *
 *   node tests/support/render-positioned-sample.ts OUT_DIR
 *
 * writes OUT_DIR/page.png and OUT_DIR/truth.json (the box of every rendered text line, in page
 * pixels, in the reading order an editor would use).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { launchBrowser } from '../../src/io/browser.ts';

const WIDTH = 1600;
const HEIGHT = 1900;

const html = String.raw`<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><style>
  * { margin: 0; padding: 0; box-sizing: border-box; }
  html, body { width: ${WIDTH}px; height: ${HEIGHT}px; background: #fff; color: #111;
    font-family: 'Noto Serif CJK SC', serif; line-break: strict; }
  .abs { position: absolute; }
  .header { top: 40px; left: 70px; width: 1460px; height: 44px; font-size: 22px; border-bottom: 3px solid #111;
    display: flex; justify-content: space-between; }
  .title { font-weight: 700; }
  .body { font-size: 24px; line-height: 38px; text-align: justify; column-fill: auto; }
  .body p { text-indent: 2em; }
  .rule { height: 2px; background: #111; }
  .banner { font-size: 28px; font-weight: 700; border: 2px solid #111; text-align: center; padding: 6px 0; }
  .photo { background: linear-gradient(135deg, #9a9a9a, #5f5f5f 40%, #b4b4b4); }
  .caption { font-size: 22px; line-height: 34px; text-align: justify; }
  .caption p { text-indent: 2em; }
  .credit { text-align: right; }
  .ad { font-size: 40px; font-weight: 700; border: 3px double #111; text-align: center; padding-top: 34px; }
  .footer { font-size: 20px; text-align: center; }
</style></head><body>
<div class="abs header"><span>7　2023年1月17日　星期二</span><span>新闻</span><span>责任编辑　王静</span></div>

<div class="abs title" style="top:120px;left:70px;width:1460px;font-size:60px;text-align:center">志愿服务聚合力　文明实践谱新篇</div>
<div class="abs" style="top:210px;left:70px;width:1460px;font-size:32px;text-align:center">新蒲新区推进新时代文明实践工作走深走实</div>
<div class="abs body" style="top:290px;left:70px;width:1460px;height:420px;column-count:3;column-gap:50px">
<p>本报讯（记者　张婷）2022年，新蒲新区新时代文明实践中心以“文明实践·新蒲有约”品牌为抓手，强化项目引领，不断推进新时代文明实践工作走深走实。</p>
<p>建强阵地，文明实践组织“体系化”。该区新时代文明实践中心依托“试点探索—全面建设—总结提升”三步走的工作思路，整合公园、广场、便民服务站等资源，实现群众健身、活动、阅读、学习不离村（社区）；吸纳7个公益组织，形成机关党员、社区居民、社会组织三方参与、三方联动、三方提升的志愿服务新局面。</p>
<p>项目支撑，文明实践品牌“精品化”。该区积极贯彻落实上级安排部署，推动志愿服务实现项目化、品牌化。2022年，共计推出30余个示范性强、贴近生活的志愿服务项目品牌。其中，六角井社区依托辖区大学生开展“七彩假期”，获市级志愿服务项目大赛二等奖；松源社区将党建优势转化为服务优势，在垃圾分类、消防安全、疫情防控、走访慰问等一系列志愿服务活动中树立了良好形象。</p>
<p>2023年，新蒲新区将持续开展“文明实践·新蒲有约”活动，进一步完善新时代文明实践联席会议制度，深化使用区级新时代文明实践数字化云平台，让新时代文明实践工作聚民心、暖民心、惠民生。</p>
</div>
<div class="abs rule" style="top:730px;left:70px;width:1460px"></div>

<div class="abs" style="top:760px;left:70px;width:960px;font-size:30px;text-align:center">花山苗族乡</div>
<div class="abs title" style="top:810px;left:70px;width:960px;font-size:52px;text-align:center">扎实抓好疫情防控工作</div>
<div class="abs body" style="top:900px;left:70px;width:960px;height:460px;column-count:2;column-gap:50px">
<p>本报讯（记者　一丁）余庆县花山苗族乡以党建为引领，扎实抓好疫情防控工作，全力守护群众生命安全和身体健康。</p>
<p>该乡充分利用“一中心一张网十联户”基层社会治理机制，认真开展村、组65岁以上重点人员、次重点人员走访摸排工作，并分类建立人员信息台账，坚持每日更新，实时掌握重点人群健康状况，为精准高效落实疫情防控各项措施提供数据支撑；充分发挥村干部、党员、网格员作用，入户发放“疫情防控明白卡”和联系卡，做到“一户一知”，确保疫情防控宣传全覆盖、无死角。2022年12月以来，发放“疫情防控明白卡”和联系卡2800余份。</p>
<p>该乡充分用好村广播、微信群等宣传渠道，向群众普及用药常识及个人防护知识；组织村医开展“敲门行动”，把防疫健康包派发到重点人员手中。2022年12月以来，7名村医入户走访600余次，发放防疫健康包467人份。</p>
</div>

<div class="abs banner" style="top:760px;left:1080px;width:450px">我们的节日，春节</div>
<div class="abs photo" style="top:840px;left:1080px;width:450px;height:280px"></div>
<div class="abs caption" style="top:1135px;left:1080px;width:450px">
<p>连日来，红花岗区老城街道各社区分别开展“迎新春、送温暖”主题活动，走访慰问困难群众。图为1月15日，老城街道官井社区工作人员为困难群众送去粮油、春联等慰问品。</p>
<p class="credit">（记者　向婧　摄影报道）</p>
</div>
<div class="abs photo" style="top:1370px;left:1080px;width:450px;height:220px"></div>
<div class="abs caption" style="top:1605px;left:1080px;width:450px">
<p>日前，赤水市2023年春节“我们的中国梦——文化进万家”活动在该市复兴镇举行。图为群众展示领到的春联。</p>
<p class="credit">（张浪　摄）</p>
</div>

<div class="abs ad" style="top:1420px;left:70px;width:960px;height:130px">绿色环保　从我做起</div>
<div class="abs rule" style="top:1800px;left:70px;width:1460px"></div>
<div class="abs footer" style="top:1812px;left:70px;width:1460px">遵义日报社出版　第7版</div>
</body></html>`;

/** Every rendered line of text: one rectangle per line box of each text element. */
function lineBoxes(): { text: string; x: number; y: number; w: number; h: number }[] {
  const out: { text: string; x: number; y: number; w: number; h: number }[] = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.textContent ?? '';
    if (text.trim() === '') continue;
    // one range per character, grouped into lines by their top
    const range = document.createRange();
    let current: { text: string; x: number; y: number; r: number; b: number } | null = null;
    for (let i = 0; i < text.length; i++) {
      range.setStart(node, i);
      range.setEnd(node, i + 1);
      const rect = range.getBoundingClientRect();
      if (rect.width === 0) continue;
      if (current && Math.abs(rect.top - current.y) < 4 && rect.left >= current.r - 2) {
        current.text += text[i];
        current.r = Math.max(current.r, rect.right);
        current.b = Math.max(current.b, rect.bottom);
      } else {
        if (current) out.push({ text: current.text, x: current.x, y: current.y, w: current.r - current.x, h: current.b - current.y });
        current = { text: text[i]!, x: rect.left, y: rect.top, r: rect.right, b: rect.bottom };
      }
    }
    if (current) out.push({ text: current.text, x: current.x, y: current.y, w: current.r - current.x, h: current.b - current.y });
  }
  return out.map((l) => ({ ...l, x: Math.round(l.x), y: Math.round(l.y), w: Math.round(l.w), h: Math.round(l.h) }));
}

if (import.meta.main) {
  const out = process.argv[2];
  if (!out) throw new Error('usage: node tests/support/render-positioned-sample.ts OUT_DIR');
  await mkdir(out, { recursive: true });
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage({ viewport: { width: WIDTH, height: HEIGHT }, deviceScaleFactor: 1 });
    await page.setContent(html, { waitUntil: 'load' });
    await page.evaluate(() => document.fonts.ready);
    await page.screenshot({ path: join(out, 'page.png'), fullPage: false });
    const lines = await page.evaluate(lineBoxes);
    await writeFile(join(out, 'truth.json'), JSON.stringify({ width: WIDTH, height: HEIGHT, lines }, null, 1) + '\n');
  } finally {
    await browser.close();
  }
}
