import { stringify as stringifyYaml } from 'yaml';
import { bylineText } from '../../src/lib/article-view.ts';
import { pad } from '../../src/lib/ids.ts';
import type { PrintedItem } from '../../src/lib/ocr-eval/truth.ts';
import { chance, createRng, hashSeed, int, pick, type Rng } from '../../src/lib/random.ts';
import type { ProblemCode } from '../../src/schemas/problem.ts';

/**
 * A synthetic archive of Chinese city dailies, deterministic for a seed: the papers, their
 * issues, each issue's pages and the items printed on them (articles and photo items), and the
 * OCR text of each page as the importer reads it. Used by `npm run generate` and the benchmark;
 * the search work imports it to evaluate recall against a known ground truth.
 *
 * The vocabulary and the shapes (headline, 本报讯（记者 …）, column wraps, half-width
 * punctuation from the OCR, jump lines, photo captions with credits) come from the real sample
 * page (`examples/zunyi-daily-2023-01-17/03.txt`). Sizes follow a city daily: about 20,000
 * items and 2,000 photos a year, issues of 8-16 pages, articles of 300-3,000 characters.
 *
 * Small API:
 *
 *   const options = resolveOptions({ seed: 1, papers: 2, years: 1 });
 *   for (const issue of syntheticIssues(options)) {           // date order, paper by paper
 *     issue.pages[0].items[0].paragraphs;                      // the clean printed text
 *     ocrPageText(issue, issue.pages[0]);                      // what the OCR file holds
 *   }
 *   syntheticIssue(options, 'zunyi-daily', '2023-01-17');      // one issue, random access
 *
 * Every issue is generated from its own seed (seed, paper, date), so any issue can be made on
 * its own and the same options always give the same archive. Pure: no I/O, no clock.
 */

export interface SyntheticOptions {
  /** Same seed, same archive. */
  seed: number;
  /** Number of papers (1-8). */
  papers: number;
  /** Years per paper, starting 1 January of `startYear`. */
  years: number;
  startYear: number;
  /** Items (articles and photo items) a paper prints per year. */
  itemsPerYear: number;
  /** Photos a paper prints per year. */
  photosPerYear: number;
  /** About this many items in all, shared evenly over the papers (see `syntheticIssues`). */
  maxItems: number | null;
  /** Share of articles that get a planted OCR problem (misread character, lost text …). */
  problemRate: number;
  /** Pages of an issue on weekdays (and 8-10 at weekends); small values make tiny test archives. */
  pageRange: [number, number];
}

export const DEFAULT_OPTIONS: SyntheticOptions = {
  seed: 1,
  papers: 1,
  years: 1,
  startYear: 2020,
  itemsPerYear: 20_000,
  photosPerYear: 2_000,
  maxItems: null,
  problemRate: 0.06,
  pageRange: [10, 16],
};

export function resolveOptions(partial: Partial<SyntheticOptions> = {}): SyntheticOptions {
  const options = { ...DEFAULT_OPTIONS, ...partial };
  if (options.papers < 1 || options.papers > PAPERS.length) throw new RangeError(`papers must be 1-${PAPERS.length}`);
  if (options.years < 1) throw new RangeError('years must be at least 1');
  return options;
}

export interface SyntheticPaper {
  slug: string;
  name: string;
  place: string;
  cn: string;
}

export interface SyntheticPhoto {
  /** File name in the issue folder's `photos/NN/`. */
  file: string;
  /** Seed for the image generator (scripts/io/bench-photos.ts). */
  seed: number;
  width: number;
  height: number;
  /** EXIF orientation written into the file (1 = upright; 6 = needs turning). */
  orientation: 1 | 6;
}

/** The problems the generator plants in the OCR text, for the importer to flag. */
export type PlantedProblem = Extract<ProblemCode, 'ocr-suspect' | 'dash-misread' | 'truncated-text'>;

/** An item as printed (its text clean: the OCR damage is planted in `ocrPageText`). */
export interface SyntheticItem extends PrintedItem {
  /** The id the importer gives it when it reads the page right: `<paper>/<date>/<page>/<nn>`. */
  id: string;
  photos: SyntheticPhoto[];
  /** OCR damage planted in this item's text (the clean text above is what was printed). */
  planted: PlantedProblem[];
}

export interface SyntheticPage {
  number: number;
  name: string;
  editor: string;
  items: SyntheticItem[];
}

export interface SyntheticIssue {
  paper: SyntheticPaper;
  date: string;
  /** 总第…期. */
  number: number;
  pages: SyntheticPage[];
}

// ---------------------------------------------------------------------------------------------
// vocabulary (from the sample page and the usual run of a Guizhou city daily)

const PAPERS: ReadonlyArray<SyntheticPaper & { places: readonly string[] }> = [
  { slug: 'zunyi-daily', name: '遵义日报', place: '贵州省遵义市', cn: 'CN 52-0015', places: ['红花岗区', '汇川区', '播州区', '新蒲新区', '仁怀市', '赤水市', '桐梓县', '绥阳县', '正安县', '道真县', '务川县', '凤冈县', '湄潭县', '余庆县', '习水县'] },
  { slug: 'qiannan-daily', name: '黔南日报', place: '贵州省都匀市', cn: 'CN 52-0021', places: ['都匀市', '福泉市', '荔波县', '贵定县', '瓮安县', '独山县', '平塘县', '罗甸县', '长顺县', '龙里县', '惠水县', '三都县'] },
  { slug: 'anshun-daily', name: '安顺日报', place: '贵州省安顺市', cn: 'CN 52-0023', places: ['西秀区', '平坝区', '普定县', '镇宁县', '关岭县', '紫云县', '黄果树旅游区', '安顺经开区'] },
  { slug: 'bijie-daily', name: '毕节日报', place: '贵州省毕节市', cn: 'CN 52-0025', places: ['七星关区', '大方县', '黔西市', '金沙县', '织金县', '纳雍县', '威宁县', '赫章县', '百里杜鹃管理区'] },
  { slug: 'tongren-daily', name: '铜仁日报', place: '贵州省铜仁市', cn: 'CN 52-0027', places: ['碧江区', '万山区', '江口县', '玉屏县', '石阡县', '思南县', '印江县', '德江县', '沿河县', '松桃县'] },
  { slug: 'liupanshui-daily', name: '六盘水日报', place: '贵州省六盘水市', cn: 'CN 52-0029', places: ['钟山区', '六枝特区', '水城区', '盘州市', '钟山经开区'] },
  { slug: 'qiandongnan-daily', name: '黔东南日报', place: '贵州省凯里市', cn: 'CN 52-0031', places: ['凯里市', '黄平县', '施秉县', '三穗县', '镇远县', '岑巩县', '天柱县', '锦屏县', '剑河县', '台江县', '黎平县', '榕江县', '从江县', '雷山县', '麻江县', '丹寨县'] },
  { slug: 'xingyi-evening', name: '兴义晚报', place: '贵州省兴义市', cn: 'CN 52-0033', places: ['兴义市', '兴仁市', '普安县', '晴隆县', '贞丰县', '望谟县', '册亨县', '安龙县'] },
];

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const GIVEN = '婷浪静洋涛明芳勇军伟磊敏丽强杰娟霞鹏超霞燕华平刚辉玲桂英红梅兰飞鑫宇航文斌波斌颖倩雪琳晶晨欣悦然萍娜丹凤菲楠琪璐瑶彬峰俊凯浩宏亮林建国庆春秋冬梓涵睿婧一丁';
const TOWN_FIRST = '永新兴安乐龙凤虾茅鸭溪团松桃马场土坪石板洪关枫香平正水红坡沙湾花山尚嵇子官井苍';
const TOWN_KIND = ['镇', '乡', '街道', '镇', '街道'] as const;
const ORGS = ['新时代文明实践中心', '卫健局', '教育局', '农业农村局', '人社局', '住建局', '交通运输局', '市场监管局', '应急管理局', '生态环境局', '公安分局', '消防救援大队', '供电局', '文体旅游局', '民政局', '医保局', '税务局', '总工会', '团委', '妇联', '科协', '融媒体中心', '人民法院', '人民检察院', '自然资源局'];
const TOPICS = ['新时代文明实践', '志愿服务', '疫情防控', '乡村振兴', '基层社会治理', '营商环境', '农村人居环境整治', '安全生产', '森林防火', '文明城市创建', '民生实事', '茶产业发展', '辣椒产业', '高标准农田建设', '义务教育', '医疗卫生服务', '养老服务', '就业创业', '生态环境保护', '河长制', '防汛抗旱', '交通建设', '招商引资', '数字经济', '红色文化传承', '全域旅游', '食品安全', '消费帮扶', '移风易俗', '法治宣传', '未成年人保护', '禁毒宣传', '冬春农业生产', '城市更新', '老旧小区改造'];
const VERBS = ['推进', '开展', '实施', '落实', '强化', '深化', '加快', '完善', '打造', '探索', '组织', '举办', '启动', '部署', '统筹', '聚焦', '夯实', '提升', '抓实', '做细'];
const OBJECTS = ['阵地建设', '体系建设', '品牌项目', '工作机制', '服务平台', '宣讲活动', '专项行动', '示范创建', '队伍建设', '监督检查', '排查整治', '技能培训', '政策宣传', '走访慰问', '结对帮扶', '数字化平台', '闭环管理', '联席会议制度', '积分兑换制度', '网格化管理'];
const RESULTS = ['走深走实', '提质增效', '落地见效', '全面覆盖', '常态长效', '取得明显成效', '不断巩固', '稳步推进', '持续向好', '实现新突破'];
const PEOPLE = ['群众', '居民', '村民', '党员干部', '志愿者', '学生', '企业职工', '困难群众', '老年人', '留守儿童', '网格员', '驻村工作队员', '村医', '返乡青年', '种植大户'];
const THINGS = ['粮油', '春联', '慰问金', '防疫健康包', '米面', '棉被', '学习用品', '宣传资料', '药品', '体检卡', '明白卡', '联系卡'];
const ADJ_PAIRS: ReadonlyArray<[string, string]> = [['聚合力', '谱新篇'], ['添活力', '开新局'], ['暖民心', '见实效'], ['强基础', '促发展'], ['抓落实', '惠民生'], ['出实招', '求实效'], ['筑防线', '保平安'], ['绘新景', '展新颜']];
const QUOTED = ['我为群众办实事', '文明实践·新蒲有约', '迎新春、送温暖', '敲门行动', '一户一知', '四单', '七彩假期', '和美乡村', '四在农家', '门前三包', '最多跑一次', '红色引擎', '志愿红', '小手拉大手', '百日攻坚'];
const DOCS = ['关于进一步加强基层治理的实施意见', '行业示范活动方案', '专项整治工作方案', '三年行动计划', '工作考核办法', '服务需求征集的通知'];
const PAGE_NAMES = ['要闻', '综合新闻', '区县新闻', '文明实践', '经济', '民生', '社会', '法治', '教育', '文化', '健康', '乡村振兴', '国内新闻', '国际新闻', '体育', '副刊'];
const COLUMNS = ['我们的节日·春节', '新春走基层', '聚焦乡村振兴', '一线见闻', '图片新闻', '民生关注', '走基层'];
const MONTH_EVENTS: Record<number, string> = { 1: '春节', 2: '元宵节', 3: '植树节', 4: '清明节', 5: '劳动节', 6: '端午节', 7: '建党节', 8: '建军节', 9: '教师节', 10: '国庆节', 11: '冬季农业生产', 12: '元旦' };

// ---------------------------------------------------------------------------------------------
// archive structure

export function syntheticPapers(options: Pick<SyntheticOptions, 'papers'>): SyntheticPaper[] {
  return PAPERS.slice(0, options.papers).map(({ slug, name, place, cn }) => ({ slug, name, place, cn }));
}

/** Every paper the generator knows (the sample's 遵义日报 among them). */
export function allSyntheticPapers(): SyntheticPaper[] {
  return syntheticPapers({ papers: PAPERS.length });
}

/**
 * All issues, paper by paper, each in date order. With `maxItems`, the budget is shared out
 * evenly over the papers (the first papers take one more of a remainder), and each paper stops
 * after the issue that reaches its share: `--papers 2 --articles 8000` gives each paper about
 * 4,000 items, not the first paper all of them.
 */
export function* syntheticIssues(options: SyntheticOptions): Generator<SyntheticIssue> {
  const papers = syntheticPapers(options);
  for (const [index, paper] of papers.entries()) {
    const share = options.maxItems === null ? null : Math.floor(options.maxItems / papers.length) + (index < options.maxItems % papers.length ? 1 : 0);
    let items = 0;
    for (const date of issueDates(options)) {
      if (share !== null && items >= share) break;
      const issue = syntheticIssue(options, paper.slug, date);
      items += issue.pages.reduce((n, page) => n + page.items.length, 0);
      yield issue;
    }
  }
}

/** Publication days: every day of the years, except a few holidays (no paper on 1-3 of 春节). */
export function issueDates(options: SyntheticOptions): string[] {
  const dates: string[] = [];
  for (let year = options.startYear; year < options.startYear + options.years; year++) {
    for (let day = new Date(Date.UTC(year, 0, 1)); day.getUTCFullYear() === year; day = new Date(day.getTime() + 86_400_000)) {
      const iso = day.toISOString().slice(0, 10);
      if (hashSeed(options.seed, 'holiday', iso) % 60 === 0) continue;
      dates.push(iso);
    }
  }
  return dates;
}

/** One issue of one paper, generated on its own. */
export function syntheticIssue(options: SyntheticOptions, paperSlug: string, date: string): SyntheticIssue {
  const paperIndex = PAPERS.findIndex((p) => p.slug === paperSlug);
  if (paperIndex < 0) throw new RangeError(`unknown synthetic paper ${paperSlug}`);
  const full = PAPERS[paperIndex]!;
  const paper: SyntheticPaper = { slug: full.slug, name: full.name, place: full.place, cn: full.cn };
  const rng = createRng(hashSeed(options.seed, paperSlug, date));
  const staff = staffOf(options.seed, paperSlug);
  const month = Number(date.slice(5, 7));

  // items per issue so that a year holds about itemsPerYear; pages of 8-16, more on weekdays
  const perIssue = options.itemsPerYear / 360;
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  const [fewest, most] = options.pageRange;
  const pageCount = weekday === 0 || weekday === 6 ? int(rng, Math.min(8, fewest), Math.min(10, most)) : int(rng, fewest, most);
  const itemTarget = Math.max(pageCount, Math.round(perIssue * (0.85 + rng() * 0.3)));
  const photoTarget = options.photosPerYear / 360;

  const ctx: Ctx = { rng, seed: options.seed, places: full.places, staff, month, date };
  // how many items each page carries
  const counts: number[] = [];
  let remaining = itemTarget;
  for (let number = 1; number <= pageCount; number++) {
    const left = pageCount - number + 1;
    const count = Math.max(1, Math.min(remaining - (left - 1), Math.round((remaining / left) * (0.7 + rng() * 0.6))));
    counts.push(count);
    remaining -= count;
  }
  // about half of the day's photos are photo items (图片新闻), never the lead item of a page;
  // the rest illustrate articles
  const photoCount = Math.round(photoTarget * (0.6 + rng() * 0.8));
  const slots = counts.flatMap((count, page) => Array.from({ length: count - 1 }, (_, i) => `${page + 1}/${i + 2}`));
  const photoSlots = new Set<string>();
  for (let i = 0; i < Math.round(photoCount / 2) && slots.length > 0; i++) photoSlots.add(slots.splice(Math.floor(rng() * slots.length), 1)[0]!);

  const names = pageNames(rng, pageCount);
  const pages: SyntheticPage[] = counts.map((count, index) => {
    const number = index + 1;
    const items = Array.from({ length: count }, (_, i) => {
      const id = `${paperSlug}/${date}/${pad(number)}/${pad(i + 1)}`;
      return photoSlots.has(`${number}/${i + 1}`) ? photoItemOf(ctx, id) : articleOf(ctx, id, options.problemRate);
    });
    return { number, name: names[index]!, editor: pick(rng, staff.editors), items };
  });
  const articles = pages.flatMap((page) => page.items).filter((item) => item.kind === 'article');
  for (let i = photoSlots.size; i < photoCount && articles.length > 0; i++) {
    const article = articles.splice(Math.floor(rng() * articles.length), 1)[0]!;
    article.photos.push(photoOf(ctx, article.id, 1));
  }
  linkContinuation(ctx, pages);
  const dayOfYear = Math.floor((Date.parse(`${date}T00:00:00Z`) - Date.UTC(Number(date.slice(0, 4)), 0, 1)) / 86_400_000);
  const number = 10_000 + (Number(date.slice(0, 4)) - 2000) * 360 + dayOfYear;
  return { paper, date, number, pages };
}

interface Staff {
  reporters: string[];
  correspondents: string[];
  photographers: string[];
  editors: string[];
}

interface Ctx {
  rng: Rng;
  seed: number;
  places: readonly string[];
  staff: Staff;
  month: number;
  date: string;
}

/** A paper's newsroom: the same names come back issue after issue, as in a real paper. */
function staffOf(seed: number, paper: string): Staff {
  const rng = createRng(hashSeed(seed, paper, 'staff'));
  const names = (n: number) => Array.from({ length: n }, () => personName(rng));
  return { reporters: names(36), correspondents: names(120), photographers: names(10), editors: names(12) };
}

function personName(rng: Rng): string {
  const surname = pick(rng, [...SURNAMES]);
  const given = chance(rng, 0.35) ? pick(rng, [...GIVEN]) : pick(rng, [...GIVEN]) + pick(rng, [...GIVEN]);
  return surname + given;
}

function pageNames(rng: Rng, count: number): string[] {
  const rest = PAGE_NAMES.slice(1).filter(() => chance(rng, 0.8));
  const names = ['要闻'];
  while (names.length < count) names.push(rest.length > 0 ? rest.splice(Math.floor(rng() * rest.length), 1)[0]! : pick(rng, PAGE_NAMES));
  return names;
}

function photoOf(ctx: Ctx, id: string, index: number): SyntheticPhoto {
  const { rng } = ctx;
  const landscape = chance(rng, 0.8);
  // camera originals of 6-14 megapixels (3:2 or 4:3), some needing the EXIF rotation applied
  const long = pick(rng, [3000, 4000, 4032, 4608]);
  const short = Math.round(long * (chance(rng, 0.5) ? 2 / 3 : 3 / 4));
  const orientation = chance(rng, 0.1) ? 6 : 1;
  return {
    file: `${id.split('/').at(-1)}-${index}.jpg`,
    seed: hashSeed(ctx.seed, id, index),
    width: landscape ? long : short,
    height: landscape ? short : long,
    orientation,
  };
}

// ---------------------------------------------------------------------------------------------
// text

function town(rng: Rng): string {
  return pick(rng, [...TOWN_FIRST]) + pick(rng, [...TOWN_FIRST]) + pick(rng, TOWN_KIND);
}

function quantity(rng: Rng): string {
  return pick(rng, [`${int(rng, 2, 90)}个`, `${int(rng, 2, 60) * 100}余场次`, `${int(rng, 1, 99)}.${int(rng, 1, 9)}万余人`, `${int(rng, 60, 99)}%以上`, `${int(rng, 10, 900)}余户`, `${int(rng, 2, 40)}家`, `${int(rng, 100, 9000)}人次`, `${int(rng, 1, 30)}亿元`]);
}

function sentence(ctx: Ctx, subject: string): string {
  const { rng } = ctx;
  const topic = pick(rng, TOPICS);
  const templates = [
    () => `${subject}以“${pick(rng, QUOTED)}”为抓手，${pick(rng, VERBS)}${topic}${pick(rng, OBJECTS)}，推动${topic}工作${pick(rng, RESULTS)}`,
    () => `${pick(rng, ['今年以来', '近年来', '去年以来', '连日来', '近日', `${ctx.date.slice(0, 4)}年`])}，${subject}${pick(rng, VERBS)}${pick(rng, OBJECTS)}，共计开展活动${quantity(rng)}，惠及${pick(rng, PEOPLE)}${quantity(rng)}`,
    () => `${pick(rng, ['同时', '此外', '与此同时'])}，${pick(rng, VERBS)}${pick(rng, OBJECTS)}，组织${pick(rng, PEOPLE)}深入${town(rng)}开展${pick(rng, QUOTED)}活动，为${pick(rng, PEOPLE)}送去${pick(rng, THINGS)}、${pick(rng, THINGS)}等物资`,
    () => `据了解，${subject}印发《${pick(rng, DOCS)}》，${pick(rng, VERBS)}${topic}${pick(rng, OBJECTS)}，形成常态长效的工作机制`,
    () => `“${pick(rng, ['这下可方便多了', '没想到政策这么好', '我们心里踏实了', '日子越过越有奔头', '志愿者常来看我们'])}。”${pick(rng, [...SURNAMES])}${pick(rng, ['大爷', '阿姨', '大姐', '师傅', '老师'])}说`,
    () => `下一步，${subject}将持续${pick(rng, VERBS)}${topic}，进一步${pick(rng, VERBS)}${pick(rng, OBJECTS)}，让${pick(rng, PEOPLE)}的获得感、幸福感、安全感${pick(rng, ['更加充实', '不断增强', '持续提升'])}`,
    () => `${subject}充分利用${pick(rng, ['村广播', '微信群', '宣传栏', '新媒体平台', '院坝会'])}等渠道，向${pick(rng, PEOPLE)}普及${topic}知识，${pick(rng, RESULTS)}`,
    () => `${pick(rng, ['截至目前', '目前'])}，${ctx.date.slice(0, 4)}年已完成${pick(rng, OBJECTS)}${quantity(rng)}，完成率达${int(rng, 80, 99)}%以上`,
  ];
  return pick(rng, templates)();
}

function paragraphsOf(ctx: Ctx, subject: string, chars: number): string[] {
  const { rng } = ctx;
  const paragraphs: string[] = [];
  let total = 0;
  while (total < chars) {
    const length = int(ctx.rng, 90, 320);
    let text = '';
    while ([...text].length < length) text += `${sentence(ctx, chance(rng, 0.6) ? '该' + pick(rng, ['区', '县', '乡', '镇', '局', '中心']) : subject)}。`;
    paragraphs.push(text);
    total += [...text].length;
  }
  return paragraphs;
}

/** 300-3,000 characters, most around 800-1,200 (log-normal). */
function articleLength(rng: Rng): number {
  const normal = Math.sqrt(-2 * Math.log(1 - rng())) * Math.cos(2 * Math.PI * rng());
  return Math.max(300, Math.min(3000, Math.round(Math.exp(Math.log(950) + 0.5 * normal))));
}

function articleOf(ctx: Ctx, id: string, problemRate: number): SyntheticItem {
  const { rng, staff } = ctx;
  const place = pick(rng, ctx.places);
  const org = chance(rng, 0.5) ? place : chance(rng, 0.5) ? `${place}${pick(rng, ORGS)}` : `${place}${town(rng)}`;
  const topic = pick(rng, TOPICS);
  const [a, b] = pick(rng, ADJ_PAIRS);
  const title = pick(rng, [`${topic}${a} ${pick(rng, OBJECTS).slice(0, 2)}${b}`, `${org}${pick(rng, VERBS)}${topic}`, `${place}${topic}${pick(rng, RESULTS)}`, `${pick(rng, QUOTED)}让${pick(rng, PEOPLE)}${pick(rng, ['笑开颜', '暖心田', '得实惠', '心里甜'])}`]);
  const reporters = chance(rng, 0.9) ? [pick(rng, staff.reporters)] : [pick(rng, staff.reporters), pick(rng, staff.reporters)].filter((n, i, all) => all.indexOf(n) === i);
  const correspondents = chance(rng, 0.4) ? [pick(rng, staff.correspondents)] : [];
  const paragraphs = paragraphsOf(ctx, org, articleLength(rng));
  paragraphs[0] = `${ctx.date.slice(0, 4)}年，${org}${pick(rng, VERBS)}${topic}${pick(rng, OBJECTS)}，${pick(rng, RESULTS)}。${paragraphs[0]}`;
  const planted: PlantedProblem[] = [];
  if (chance(rng, problemRate)) {
    const problem = pick(rng, ['ocr-suspect', 'dash-misread', 'truncated-text'] as const);
    planted.push(problem);
    // the printed text holds the phrase that the OCR will damage (see `plant`)
    const last = paragraphs.length - 1;
    if (problem === 'ocr-suspect') paragraphs[last] = `${DAMAGE['ocr-suspect'][0]}${paragraphs[last]}`;
    if (problem === 'dash-misread') paragraphs[last] = `${DAMAGE['dash-misread'][0]}${paragraphs[last]}`;
  }
  return {
    id,
    kind: 'article',
    column: chance(rng, 0.06) ? pick(rng, COLUMNS.filter((c) => c !== '图片新闻')) : null,
    kicker: chance(rng, 0.15) ? `${org}${pick(rng, VERBS)}${pick(rng, OBJECTS)}` : null,
    title,
    subtitle: chance(rng, 0.3) ? `${place}${pick(rng, VERBS)}${topic}工作${pick(rng, RESULTS)}` : null,
    dateline: '本报讯',
    reporters,
    correspondents,
    photographers: [],
    paragraphs,
    credit: null,
    continuation: null,
    photos: [],
    planted,
  };
}

function photoItemOf(ctx: Ctx, id: string): SyntheticItem {
  const { rng, staff } = ctx;
  const place = pick(rng, ctx.places);
  const photographer = pick(rng, staff.photographers);
  const event = MONTH_EVENTS[ctx.month]!;
  const scene = `${pick(rng, ['近日', '日前', '连日来'])}，${place}${town(rng)}${pick(rng, ['党员志愿者', '社区工作人员', '驻村工作队', '文艺志愿者'])}围绕${event}开展“${pick(rng, QUOTED)}”主题活动，为${pick(rng, PEOPLE)}送去${pick(rng, THINGS)}、${pick(rng, THINGS)}等物资。`;
  const detail = `图为${ctx.date.slice(5, 7).replace(/^0/, '')}月${int(rng, 1, 28)}日，${pick(rng, PEOPLE)}${pick(rng, ['展示领到的春联', '参加志愿服务活动', '在田间忙碌', '观看文艺演出', '领取慰问品'])}。`;
  const staffPhoto = chance(rng, 0.7);
  return {
    id,
    kind: 'photo',
    column: null,
    kicker: null,
    title: null,
    subtitle: null,
    dateline: null,
    reporters: [],
    correspondents: [],
    photographers: [photographer],
    paragraphs: [scene + detail],
    credit: staffPhoto ? `（记者 ${photographer} 摄）` : `（${photographer} 摄）`,
    continuation: null,
    photos: [photoOf(ctx, id, 1)],
    planted: [],
  };
}

/** About one front-page article a day jumps to an inner page (下转第N版 / 上接第1版). */
function linkContinuation(ctx: Ctx, pages: SyntheticPage[]): void {
  const { rng } = ctx;
  const front = pages[0]!.items.find((item) => item.kind === 'article' && item.paragraphs.length >= 3);
  if (!front || pages.length < 4 || !chance(rng, 0.7)) return;
  const target = pages[int(rng, 2, Math.min(pages.length, 5)) - 1]!;
  const cut = Math.ceil(front.paragraphs.length / 2);
  const rest = front.paragraphs.splice(cut);
  front.continuation = `下转第${target.number}版`;
  const seq = target.items.length + 1;
  target.items.push({
    ...front,
    id: `${front.id.split('/').slice(0, 2).join('/')}/${pad(target.number)}/${pad(seq)}`,
    kicker: null,
    subtitle: null,
    column: null,
    dateline: null,
    reporters: [],
    correspondents: [],
    paragraphs: rest,
    continuation: '上接第1版',
    photos: [],
    planted: [],
  });
}

// ---------------------------------------------------------------------------------------------
// prose in a lexicon's word frequencies

/**
 * The templates above use a small vocabulary (about 570 different characters in 5 million),
 * which is right for testing the importer and the build but far from the 9,000 characters
 * and million character pairs of the same amount of prose, which is what a search index's
 * size depends on. Prose made of words drawn from a frequency lexicon (jieba's dictionary,
 * read by the caller) has them.
 */
export interface Lexicon {
  words: readonly string[];
  /** Cumulative weights, same length as `words`. */
  cumulative: readonly number[];
}

/** A lexicon from (word, weight) pairs; words that are not all Han, or weigh nothing, are left out. */
export function lexiconFrom(entries: Iterable<[word: string, weight: number]>): Lexicon {
  const words: string[] = [];
  const cumulative: number[] = [];
  let total = 0;
  for (const [word, weight] of entries) {
    if (!/^\p{Script=Han}+$/u.test(word) || !(weight > 0)) continue;
    total += weight;
    words.push(word);
    cumulative.push(total);
  }
  return { words, cumulative };
}

function lexiconWord(rng: Rng, lexicon: Lexicon): string {
  const x = rng() * lexicon.cumulative[lexicon.cumulative.length - 1]!;
  let lo = 0;
  let hi = lexicon.cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (lexicon.cumulative[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lexicon.words[lo]!;
}

/** Something put in place of a lexicon word at a known rate (a planted query string, a number). */
export interface ProseInsert {
  /** The chance that a word is replaced by this. */
  rate: number;
  pick: (rng: Rng) => string;
}

const PROSE_PUNCTUATION = ['，', '，', '，', '，', '。', '。', '、', '；', '：'];

/**
 * A paragraph of at least `chars` characters: lexicon words, each replaced by one of `inserts`
 * at its rate, a punctuation mark every 4-12 words, and a full stop at the end.
 */
export function proseParagraph(rng: Rng, lexicon: Lexicon, chars: number, inserts: readonly ProseInsert[] = []): string {
  let text = '';
  let words = 0;
  while (text.length < chars) {
    let roll = rng();
    let word: string | undefined;
    for (const insert of inserts) {
      if (roll < insert.rate) {
        word = insert.pick(rng);
        break;
      }
      roll -= insert.rate;
    }
    word ??= lexiconWord(rng, lexicon);
    const punctuation = ++words % int(rng, 4, 12) === 0 ? pick(rng, PROSE_PUNCTUATION) : '';
    text += word + punctuation;
  }
  return `${text.replace(/[，、；：]$/u, '')}。`;
}

// ---------------------------------------------------------------------------------------------
// the OCR text of a page

const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'];

/**
 * The page as an OCR engine returns it: a running header, then the items in reading order,
 * each paragraph broken into column lines joined by spaces, half-width punctuation and straight
 * quotes, blank lines between blocks, and the planted damage (人户 for 入户, 一 for ——, a cut
 * sentence). Deterministic for the issue.
 */
export function ocrPageText(issue: SyntheticIssue, page: SyntheticPage): string {
  const rng = createRng(hashSeed(issue.paper.slug, issue.date, page.number, 'ocr'));
  const [y, m, d] = issue.date.split('-').map(Number) as [number, number, number];
  const weekday = WEEKDAYS[new Date(Date.UTC(y, m - 1, d)).getUTCDay()]!;
  const lines: string[] = [`${issue.paper.name} ${y}年${m}月${d}日 星期${weekday} 第${page.number}版 ${page.name} 责任编辑 ${page.editor}`, ''];
  let lastColumn: string | null = null;
  for (const item of page.items) {
    if (item.column && item.column !== lastColumn) lines.push(item.column, '');
    lastColumn = item.column;
    if (item.kind === 'photo') {
      lines.push('', '');
      lines.push(...wrap(rng, ocrPunctuation(rng, item.paragraphs.join(''))), '');
      lines.push(ocrPunctuation(rng, item.credit ?? ''), '', '');
      continue;
    }
    if (item.kicker) lines.push(item.kicker, '');
    if (item.title) lines.push(item.title, '');
    if (item.subtitle) lines.push(item.subtitle, '');
    if (item.continuation?.startsWith('上接')) lines.push(`(${item.continuation})`, '');
    item.paragraphs.forEach((paragraph, index) => {
      let text = paragraph;
      if (index === 0 && item.dateline) {
        text = `${bylineText(item)}${paragraph}`;
      }
      if (index === item.paragraphs.length - 1) text = plant(item.planted, text);
      // the dateline and byline open the first column line in one piece
      const byline = index === 0 && item.dateline ? /^[^）]*）/u.exec(text)?.[0] ?? '' : '';
      lines.push(`${ocrPunctuation(rng, byline)}${wrap(rng, ocrPunctuation(rng, text.slice(byline.length))).join(' ')}`, '');
    });
    if (item.continuation?.startsWith('下转')) lines.push(`(${item.continuation})`, '');
    lines.push('');
  }
  return `${lines.join('\n').replace(/\n{4,}/g, '\n\n\n')}\n`;
}

/** Printed phrases and what the OCR made of them (the sample page has both). */
const DAMAGE = {
  'ocr-suspect': ['组织村医入户走访，', '组织村医人户走访，'],
  'dash-misread': ['按照“试点探索——全面建设——总结提升”的思路，', '按照“试点探索一全面建设一总结提升”的思路，'],
} as const;

/** Damage the last paragraph the way OCR does, so that the importer flags it. */
function plant(planted: PlantedProblem[], text: string): string {
  if (planted.includes('ocr-suspect')) return text.replace(DAMAGE['ocr-suspect'][0], DAMAGE['ocr-suspect'][1]);
  if (planted.includes('dash-misread')) return text.replace(DAMAGE['dash-misread'][0], DAMAGE['dash-misread'][1]);
  // the end of the column was not scanned: the sentence stops and nothing continues it
  if (planted.includes('truncated-text')) return text.slice(0, Math.max(20, Math.floor(text.length * 0.6))).replace(/[。！？，、；“”]+$/u, '');
  return text;
}

/** Full-width punctuation read back as ASCII, curly quotes as straight ones (the sample's habit). */
function ocrPunctuation(rng: Rng, text: string): string {
  const ascii = chance(rng, 0.8);
  if (!ascii) return text;
  return text.replace(/[，；：（）“”]/gu, (ch) => ({ '，': ',', '；': ';', '：': ':', '（': '(', '）': ')', '“': '"', '”': '"' })[ch] ?? ch);
}

/**
 * Column lines of 9-16 characters; a paragraph's lines are joined by spaces, as in the sample.
 * Typesetting keeps a run of digits or Latin letters on one line, so no break falls inside one.
 */
function wrap(rng: Rng, text: string): string[] {
  const width = int(rng, 9, 16);
  const chars = [...text];
  const lines: string[] = [];
  let line = '';
  let count = 0;
  for (const [i, ch] of chars.entries()) {
    line += ch;
    count++;
    const next = chars[i + 1];
    if (count >= width && !(/[\w.%]/.test(ch) && next !== undefined && /[\w.%]/.test(next))) {
      lines.push(line);
      line = '';
      count = 0;
    }
  }
  if (line !== '') lines.push(line);
  return lines;
}

/** issue.yml of the import folder. */
export function issueManifest(issue: SyntheticIssue): { paper: string; date: string; number: number; pages: Array<{ number: number; name: string }> } {
  return { paper: issue.paper.slug, date: issue.date, number: issue.number, pages: issue.pages.map((page) => ({ number: page.number, name: page.name })) };
}

export interface IssueFolderFile {
  /** Path inside the issue folder. */
  path: string;
  /** Text to write, or the photo to render as a JPEG. */
  text?: string;
  photo?: SyntheticPhoto;
}

/**
 * The import folder of an issue (README, "Import an issue"): issue.yml, one OCR text file per
 * page, and `photos/NN/` with a photos.yml mapping. `withPhoto` decides which photos get a file
 * (the others stay photo items without an image, as in a real archive with missing scans).
 */
export function issueFolderFiles(issue: SyntheticIssue, withPhoto: (photo: SyntheticPhoto) => boolean = () => true): IssueFolderFile[] {
  const files: IssueFolderFile[] = [{ path: 'issue.yml', text: stringifyYaml(issueManifest(issue)) }];
  for (const page of issue.pages) {
    files.push({ path: `${pad(page.number)}.txt`, text: ocrPageText(issue, page) });
    const kept = { ...page, items: page.items.map((item) => ({ ...item, photos: item.photos.filter(withPhoto) })) };
    const mapping = photoMapping(kept);
    if (!mapping) continue;
    files.push({ path: `photos/${pad(page.number)}/photos.yml`, text: stringifyYaml(mapping) });
    for (const item of kept.items) for (const photo of item.photos) files.push({ path: `photos/${pad(page.number)}/${photo.file}`, photo });
  }
  return files;
}

/** content/papers/<slug>.yml for a synthetic paper. */
export function paperYaml(paper: SyntheticPaper): string {
  return stringifyYaml({ name: paper.name, place: paper.place, cn: paper.cn, description: '合成测试数据：由 npm run generate 生成，内容虚构。' });
}

/**
 * photos.yml for a page whose photos do not all belong to photo items: map each file to its
 * item by a piece of the item's text (the importer's `caption:` mapping).
 */
export function photoMapping(page: SyntheticPage): Array<{ file: string; caption: string }> | null {
  const photos = page.items.flatMap((item) => item.photos.map((photo) => ({ item, photo })));
  if (photos.length === 0) return null;
  return photos.map(({ item, photo }) => ({ file: photo.file, caption: captionKey(item) }));
}

/** A run of Han characters from the item's text that the OCR leaves intact. */
function captionKey(item: SyntheticItem): string {
  const text = item.paragraphs[0] ?? '';
  const runs = text.split(/[^\p{Script=Han}]+/u).filter((run) => [...run].length >= 8);
  const longest = runs.sort((a, b) => b.length - a.length)[0] ?? text.slice(0, 8);
  return [...longest].slice(0, 14).join('');
}

/** Totals of a list of issues: items, articles, photo items, photos, characters. */
export function countIssues(issues: Iterable<SyntheticIssue>): { issues: number; pages: number; items: number; articles: number; photoItems: number; photos: number; chars: number } {
  const totals = { issues: 0, pages: 0, items: 0, articles: 0, photoItems: 0, photos: 0, chars: 0 };
  for (const issue of issues) {
    totals.issues++;
    totals.pages += issue.pages.length;
    for (const item of issue.pages.flatMap((page) => page.items)) {
      totals.items++;
      if (item.kind === 'article') totals.articles++;
      else totals.photoItems++;
      totals.photos += item.photos.length;
      totals.chars += item.paragraphs.reduce((n, p) => n + [...p].length, 0);
    }
  }
  return totals;
}
