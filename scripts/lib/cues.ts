import { countHan, endsSentence } from './chars.ts';

/**
 * Cues that an editor reads from the words themselves: where a paragraph opens, what a headline
 * looks like, what starts a photo caption.
 */

/**
 * Words that open a new paragraph or item in Chinese news writing. A block that starts with one
 * of them is not the continuation of an unfinished block before it: the text in between was lost.
 */
const PARAGRAPH_OPENERS = new RegExp(
  [
    '^该(?:区|乡|县|市|镇|村|局|委|部|厅|办|公司|企业|院|校|所|中心|街道|社区|项目|集团|协会|队|站)',
    '^据(?:了解|悉|介绍|统计|悉|测算|初步统计|报道|调查)',
    '^(?:近日|日前|连日来|近年来|近期|今年以来|去年以来|截至|目前|此外|另外|与此同时|同时，|同时,|其中，|其中,|下一步|记者了解到|记者从|记者在|记者注意到)',
    '^(?:首先|其次|再次|最后|一是|二是|三是|四是|五是|六是|七是|八是|九是|十是)',
    '^图为',
    '^本报讯',
    '^[一二三四五六七八九十]+、',
    '^[（(][一二三四五六七八九十\\d]+[）)]',
    '^\\d{1,2}[、.．](?!\\d)',
    '^第[一二三四五六七八九十]+[，,、]',
    '^(?:19|20)\\d{2}年(?:\\d{1,2}月(?:\\d{1,2}日)?)?(?:以来)?[，,]',
    '^(?:今年|去年|当天|当日|次日)[，,]',
  ].join('|'),
  'u',
);

/** The traditional forms of the openers' characters, as papers set in traditional characters print them. */
const TRADITIONAL_OPENER_CHARS: Record<string, string> = {
  該: '该', 區: '区', 鄉: '乡', 縣: '县', 鎮: '镇', 廳: '厅', 辦: '办', 業: '业', 項: '项', 團: '团', 協: '协', 會: '会', 隊: '队',
  據: '据', 瞭: '了', 紹: '绍', 統: '统', 計: '计', 測: '测', 報: '报', 導: '导', 調: '调', 來: '来', 連: '连', 與: '与', 時: '时',
  記: '记', 從: '从', 後: '后', 圖: '图', 為: '为', 訊: '讯', 當: '当',
};
const TRADITIONAL_OPENER = new RegExp(`[${Object.keys(TRADITIONAL_OPENER_CHARS).join('')}]`, 'gu');

/** Does the text open with words that open a paragraph (据了解，…; 據瞭解，… as traditional type prints it)? */
export function opensParagraph(text: string): boolean {
  return PARAGRAPH_OPENERS.test(text.trimStart().replace(TRADITIONAL_OPENER, (ch) => TRADITIONAL_OPENER_CHARS[ch] ?? ch));
}

/**
 * Text that opens with a quoted sentence (“志愿者常来看我们。”陶大爷说, its closing mark sometimes
 * lost to OCR): after a finished sentence, a new one. (After 说： it is the sentence going on, so
 * this is not one of the openers above; a slogan quoted mid-sentence, 以“四单”为抓手, closes
 * before any 。)
 */
export function opensWithQuotedSentence(text: string): boolean {
  return /^[“"「][^”"」]{1,60}[。！？!?]/u.test(text.trimStart());
}

/** Text that can only continue a sentence: it starts with punctuation that never opens one. */
export function continuesSentence(text: string): boolean {
  return /^[，。、；：！？）》”’,.;:!?)]/u.test(text.trimStart());
}

/** The second part of a caption, after the scene is set: 图为… */
export function opensCaptionDetail(text: string): boolean {
  return /^(?:图为|图[一二三四五六七八九\d]为?|上图|下图|左图|右图|左上图|右上图)/u.test(text.trimStart());
}

/**
 * Could this unit be a headline line (引题, 主题, 副题, or a column banner)? Short, no sentence
 * inside, not ending in a comma, and not opening like running text.
 */
export function looksLikeHeadline(text: string): boolean {
  const flat = text.replace(/\s+/gu, ' ').trim();
  const han = countHan(flat);
  if (han < 2 || han > 34 || flat.length > 48) return false;
  if (/[。；]/u.test(flat)) return false;
  if (/[，、：,:;]$/u.test(flat)) return false;
  if (endsSentence(flat) && !/[！？!?]$/u.test(flat)) return false;
  if (/[！？!?]$/u.test(flat) && han > 26) return false;
  if (/^(?:图为|[（(])/u.test(flat)) return false;
  // many commas make a sentence, not a headline
  if ((flat.match(/[，,]/gu) ?? []).length > 2) return false;
  return true;
}

/** The standing column words (栏目) that open a banner, as papers set in simplified and in traditional characters print them. */
export const BANNER_START = /^(?:我们的节日|我們的節日|图片新闻|圖片新聞|图说|圖說|新春走基层|新春走基層|一线见闻|一線見聞|一线|一線|走基层|走基層|聚焦|关注|關注|专题|專題|特别报道|特別報道|影像|镜头|鏡頭)/u;
/** …and the words that end one (民生关注, 一线见闻). */
export const BANNER_END = /(?:关注|關注|视点|視點|观察|觀察|速递|速遞|快讯|快訊|纵横|縱橫|在线|在線|见闻|見聞|走基层|走基層)$/u;

/** A column banner over several items rather than a headline: 我们的节日·春节, 图片新闻. */
export function looksLikeColumnBanner(text: string): boolean {
  return (
    /[·•・|｜]/u.test(text) ||
    BANNER_START.test(text) ||
    /[，,]/u.test(text)
  );
}

/**
 * Labels printed on boxes that are not news: 广告, 公告, a subscription line. They and the slogan
 * that follows an advertisement label belong to no article.
 */
export function isBoxLabel(text: string): boolean {
  if (isTelephoneLine(text)) return true;
  return /^(?:广告|公告|启事|声明|通告|招聘|讣告|遗失声明|广而告之|公益广告)$|^(?:订报|订阅|广告|发行|新闻)热线|^邮发代号/u.test(text.replace(/\s+/gu, ''));
}

/** A telephone number after 电话/热线 (or an address line), as advertisements print them: 服务电话：400-8641592, 售楼热线：0851-…, 地址：…. */
export function isTelephoneLine(text: string): boolean {
  // OCR reads the colon as a semicolon or a comma too, or as two marks (服务电话； 400-3381298,
  // 联系电话；： 138…)
  return /(?:电话|電話|热线|熱線|专线|專線|咨询|諮詢)\s*[:：;；,，]{0,2}\s*[\d（(][\d\s\-—－()（）]{6,}/u.test(text) || /^(?:地址|地點|地点)\s*[:：;；]/u.test(text.trim());
}

/** Does the text finish its sentence, so that a following block starts a new paragraph? */
export { endsSentence };
