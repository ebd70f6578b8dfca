import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { OutputLine } from '../../src/lib/ocr/parser-text.ts';
import { placesAround } from '../io/gazetteer.ts';
import { loadLexicon } from '../io/lexicon.ts';
import { parsePage } from './parse-page.ts';

/**
 * What positions (ParseOptions.geometry, as toParserText writes it) tell the parser beyond the
 * text: type size from line heights, rows, and where text starts on the page. Each page below is
 * written line by line with boxes in page pixels (body type 28 px high); a blank line is null.
 * A line left of x 900 is in column 1, else in column 2, unless its row names another.
 */
type Row = readonly [text: string, x: number, y: number, w: number, h: number, column?: number] | null;

function page(rows: Row[]): { text: string; geometry: OutputLine[] } {
  const geometry: OutputLine[] = rows.map((row, i) =>
    row === null
      ? null
      : {
          type: 'text',
          box: { x: row[1], y: row[2], w: row[3], h: row[4] },
          boxes: [{ x: row[1], y: row[2], w: row[3], h: row[4] }],
          size: row[4] / 28,
          bold: null,
          block: `b${i}`,
          column: row[5] ?? (row[1] < 900 ? 1 : 2),
          band: 'body',
          kind: 'line',
          indent: row[0].startsWith('\u3000\u3000'),
          sourceLines: [i + 1],
        },
  );
  return { text: rows.map((row) => row?.[0] ?? '').join('\n'), geometry };
}

const META = { paper: 'zunyi-daily', date: '2023-01-17', page: 3 };

/**
 * The top of an article set in a column of its own from y 100: its headline, and its first line,
 * which opens with 本报讯（记者 …）and leaves its sentence open for the lines a test adds.
 */
function opening(place: '仁怀' | '凤冈', x: number, column: number): Row[] {
  const [title, first] =
    place === '仁怀'
      ? ['仁怀市河长制提质增效', '\u3000\u3000本报讯（记者 张婷）2022年，仁怀市落实河长制，']
      : ['凤冈县义务教育常态长效', '\u3000\u3000本报讯（记者 李强）2022年，凤冈县统筹义务教'];
  return [[title, x, 100, 600, 64, column], null, [first, x, 200, 750, 28, column]];
}

/** An article in the third column that ends its last sentence: what a run read after it does not carry on. */
const FINISHED: Row[] = [
  ['钟山区乐官镇抓实环境整治', 2000, 100, 600, 64, 3],
  null,
  ['\u3000\u3000本报讯（记者 王芳）2022年，钟山区乐官镇抓实环', 2000, 200, 750, 28, 3],
  ['境整治，取得明显成效。', 2000, 240, 400, 28, 3],
];

const BODY = [
  '\u3000\u3000本报讯（记者 张婷）2022年，新蒲新区新时代文',
  '明实践中心以品牌为抓手，强化项目引领，不断推进',
  '新时代文明实践工作走深走实，群众满意度持续提升。',
];

describe('parsePage with positions', () => {
  it('joins the two halves of a headline row, and takes the largest type for the title', () => {
    const { text, geometry } = page([
      ['志愿服务聚合力', 100, 300, 400, 64],
      null,
      ['文明实践谱新篇', 560, 302, 400, 64],
      ['新蒲新区推进新时代文明实践工作走深走实', 100, 390, 700, 34],
      null,
      [BODY[0]!, 150, 450, 700, 28],
      [BODY[1]!, 100, 490, 750, 28],
      [BODY[2]!, 100, 530, 750, 28],
      null,
      ['\u3000\u3000该区持续深化志愿服务，让群众的获得感、幸福', 150, 580, 700, 28],
      ['感、安全感更加充实。', 100, 620, 300, 28],
    ]);
    const [article] = parsePage(text, META, { geometry }).articles;
    expect(article).toMatchObject({ kicker: null, title: '志愿服务聚合力 文明实践谱新篇', subtitle: '新蒲新区推进新时代文明实践工作走深走实', reporters: ['张婷'] });
  });

  it('reads a full stop between the two phrases of a headline as the gap it is', () => {
    const rows = (head: string): Row[] => [
      [head, 100, 300, 860, 64],
      null,
      [BODY[0]!, 150, 400, 700, 28],
      [BODY[1]!, 100, 440, 750, 28],
      [BODY[2]!, 100, 480, 750, 28],
    ];
    const gap = page(rows('志愿服务聚合力。文明实践谱新篇'));
    expect(parsePage(gap.text, META, { geometry: gap.geometry }).articles[0]).toMatchObject({ title: '志愿服务聚合力 文明实践谱新篇', reporters: ['张婷'] });
    // a line in large type with a comma as well is a sentence: no headline
    const sentence = page(rows('志愿服务聚合力，文明实践。谱新篇'));
    expect(parsePage(sentence.text, META, { geometry: sentence.geometry }).articles[0]!.title ?? '').not.toContain('志愿服务');
  });

  it('joins a headline wrapped onto a second line of the same type', () => {
    const { text, geometry } = page([
      ['德江县农村人居环境', 100, 300, 500, 56],
      ['整治实现新突破', 100, 366, 390, 56],
      null,
      [BODY[0]!, 150, 450, 700, 28],
      [BODY[1]!, 100, 490, 750, 28],
      [BODY[2]!, 100, 530, 750, 28],
    ]);
    const [article] = parsePage(text, META, { geometry }).articles;
    expect(article).toMatchObject({ kicker: null, title: '德江县农村人居环境整治实现新突破', subtitle: null });
  });

  it('reads a short line in body type as text, not as a headline', () => {
    const { text, geometry } = page([
      ['扎实抓好疫情防控工作', 100, 300, 600, 56],
      null,
      [BODY[0]!, 150, 400, 700, 28],
      [BODY[1]!, 100, 440, 750, 28],
      null,
      ['关岭县养老服务', 100, 500, 210, 28],
      null,
      ['取得明显成效。', 100, 540, 210, 28],
    ]);
    const parsed = parsePage(text, META, { geometry });
    expect(parsed.articles).toHaveLength(1);
    expect(parsed.articles[0]!.paragraphs.join('')).toContain('关岭县养老服务');
  });

  it('does not give text a headline printed below where the text starts', () => {
    const { text, geometry } = page([
      ['扎实抓好疫情防控工作', 100, 300, 600, 56],
      null,
      [BODY[0]!, 150, 400, 700, 28],
      [BODY[1]!, 100, 440, 750, 28],
      [BODY[2]!, 100, 480, 750, 28],
      null,
      ['品质洋房火热认购中', 100, 3000, 500, 50],
      null,
      ['\u3000\u3000该区持续深化志愿服务，让群众的获得感更加充实。', 1000, 420, 700, 28],
    ]);
    const parsed = parsePage(text, META, { geometry });
    expect(parsed.articles).toHaveLength(1);
    expect(parsed.articles[0]!.paragraphs.join('')).toContain('获得感更加充实');
    expect(parsed.unassigned.map((u) => u.text)).toEqual(['品质洋房火热认购中']);
  });

  // an article, then the top of the second column (no indent, no dateline) finishing a sentence
  // begun elsewhere, then the article it belongs to, read after it
  it.each([
    [
      'whose last words it completes (增 | 强)',
      [],
      ['强。去年以来，该县夯实服务平台，共计开展活动', '31家，惠及村民10家。'],
      '育，让困难群众的获得感、幸福感、安全感不断增',
      '安全感不断增强。去年以来，该县夯实服务平台',
    ],
    [
      // tongren-daily 2022-01-04/01: …已完成监督检查29 | 个，完成率达99%以上。, read after an
      // article sent on to another page (下转第4版)
      'left open on the number whose unit it opens with (29 | 个)',
      [['\u3000\u3000(下转第4版)', 500, 280, 200, 28] as const],
      ['个，完成率达99%以上。今年以来，该县夯实服务平台', '，共计开展活动31家，惠及村民10家。'],
      '育。截至目前，2022年已完成监督检查29',
      '已完成监督检查29个，完成率达99%以上。',
    ],
  ])('gives a run carried on from another column to the article %s, though read after it', (_, jump, run, secondEnd, joined) => {
    const { text, geometry } = page([
      ['仁怀市河长制提质增效', 100, 100, 600, 64],
      null,
      ['\u3000\u3000本报讯（记者 张婷）2022年，仁怀市落实河长制，', 100, 200, 750, 28],
      ['取得明显成效。', 100, 240, 300, 28],
      ...jump,
      null,
      [run[0]!, 1000, 100, 750, 28],
      [run[1]!, 1000, 140, 500, 28],
      null,
      ['凤冈县义务教育常态长效', 1000, 260, 600, 64],
      null,
      ['\u3000\u3000本报讯（记者 李强）2022年，凤冈县统筹义务教', 1000, 360, 750, 28],
      [secondEnd, 1000, 400, 750, 28],
    ]);
    const parsed = parsePage(text, META, { geometry, lexicon: loadLexicon() });
    expect(parsed.articles.map((a) => a.title)).toEqual(['仁怀市河长制提质增效', '凤冈县义务教育常态长效']);
    expect(parsed.articles[0]!.paragraphs.join('')).not.toContain(run[0]!.slice(2, 6));
    expect(parsed.articles[1]!.paragraphs.join('')).toContain(joined);
  });

  it('gives a paragraph at the head of a column to the article whose places it names, not to one sent on to another page', () => {
    // qiannan-daily 2022-03-29/06: 此外，实施联席会议制度… (贵定县尚苍乡) read after 罗甸县…(下转第8版)
    const rows: Row[] = [
      ['罗甸县教育局抓实全域旅游', 100, 100, 600, 64, 1],
      null,
      ['\u3000\u3000本报讯（记者 张婷）2022年，罗甸县教育局落实全域', 100, 200, 750, 28, 1],
      ['旅游阵地建设，取得明显成效。', 100, 240, 400, 28, 1],
      ['\u3000\u3000(下转第8版)', 500, 280, 200, 28, 1],
      null,
      ['\u3000\u3000此外，实施联席会议制度，组织群众深入团永乡开', 2000, 100, 750, 28, 3],
      ['展红色引擎活动。贵定县尚苍乡充分利用宣传栏等渠道', 2000, 140, 750, 28, 3],
      ['，向居民普及营商环境知识，持续向好。', 2000, 180, 500, 28, 3],
      null,
      ['小手拉大手让返乡青年心里甜', 1000, 100, 600, 64, 2],
      null,
      ['\u3000\u3000本报讯（记者 李强）2022年，贵定县尚苍乡加快结', 1000, 200, 750, 28, 2],
      ['对帮扶专项行动，稳步推进。', 1000, 240, 400, 28, 2],
    ];
    const { text, geometry } = page(rows);
    const parsed = parsePage(text, META, { geometry, lexicon: loadLexicon() });
    expect(parsed.articles.map((a) => a.title)).toEqual(['罗甸县教育局抓实全域旅游', '小手拉大手让返乡青年心里甜']);
    expect(parsed.articles[0]!.paragraphs.join('')).not.toContain('联席会议');
    expect(parsed.articles[1]!.paragraphs.at(-1)).toMatch(/^此外，实施联席会议制度/u);
    // ...but a paragraph naming its own article's place, misread in one character (演安县 for
    // 瓮安县), stays, though another article's text has the misreading too
    const own = page([
      ['乡村振兴聚合力', 100, 100, 600, 64, 1],
      null,
      ['\u3000\u3000本报讯（记者 张婷）2022年，瓮安县总工会推进乡村', 100, 200, 750, 28, 1],
      ['振兴宣讲活动，取得明显成效。', 100, 240, 400, 28, 1],
      null,
      ['\u3000\u3000目前，演安县总工会已完成网格化管理574余户，完', 2000, 100, 750, 28, 3],
      ['成率达84%以上。', 2000, 140, 300, 28, 3],
      null,
      ['医疗卫生服务抓落实', 1000, 100, 600, 64, 2],
      null,
      ['\u3000\u3000本报讯（记者 李强）2022年，演安县科协开展医疗', 1000, 200, 750, 28, 2],
      ['卫生服务监督检查，持续向好。', 1000, 240, 400, 28, 2],
    ]);
    const kept = parsePage(own.text, META, { geometry: own.geometry, lexicon: loadLexicon() });
    expect(kept.articles[0]!.paragraphs.join('')).toContain('目前，演安县总工会已完成网格化管理574余户');
  });

  // two open articles, a finished one, then a run in a fourth column that carries one of the two on
  it.each([
    [
      // liupanshui-daily 2022-08-28/06: 联、米面等物资 completes …以电 (以上。 misread: 电联) and
      // …为群众送去春 (春联); 春联 is the word, far the commoner
      'that completes the words of both to the one it makes the commoner word with',
      '目前已完成专项行动56个，完成率达96%以电',
      '育，组织居民开展和美乡村活动，为群众送去春',
      ['联、米面等物资。该区充分利用新媒体平台等渠道，向', '党员干部普及消费帮扶知识，实现新突破。'],
      '为群众送去春联、米面等物资。',
    ],
    [
      // xingyi-evening 2022-04-25/08: 向老年人普及防汛抗旱知识… carries on …等渠道，, not the first
      // article, whose text stops at a stray 聚焦乡村振兴
      'that completes no word to the one left open at a comma before the one left open at a word',
      '完成率达92%以上。聚焦乡村振兴',
      '育，该县充分利用新媒体平台等渠道，',
      ['向老年人普及防汛抗旱知识，全面覆盖。此外，完善专', '项行动，组织村民深入石凤街道开展活动。'],
      '等渠道，向老年人普及防汛抗旱知识',
    ],
  ])('gives a run %s', (_, firstEnd, secondEnd, run, joined) => {
    const { text, geometry } = page([
      ...opening('仁怀', 100, 1),
      [firstEnd, 100, 240, 700, 28, 1],
      null,
      ...opening('凤冈', 1000, 2),
      [secondEnd, 1000, 240, 750, 28, 2],
      null,
      ...FINISHED,
      null,
      [run[0]!, 3000, 100, 750, 28, 4],
      [run[1]!, 3000, 140, 600, 28, 4],
    ]);
    const parsed = parsePage(text, META, { geometry, lexicon: loadLexicon() });
    expect(parsed.articles.map((a) => a.title)).toEqual(['仁怀市河长制提质增效', '凤冈县义务教育常态长效', '钟山区乐官镇抓实环境整治']);
    expect(parsed.articles[0]!.paragraphs.join('')).not.toContain(run[0]!.slice(0, 4));
    expect(parsed.articles[1]!.paragraphs.join('')).toContain(joined);
  });

  it('moves a run that closes the title its own article leaves open at its end there', () => {
    // anshun-daily 2022-12-05/03: …惠及 | 征集的通知》，… | 种植大户9家。…该中心印发《服务需求,
    // the article's columns read in the order 1, 2, 3 but printed 1, 3, 2
    const { text, geometry } = page([
      ['就业创业抓落实', 100, 100, 600, 64, 1],
      null,
      ['\u3000\u3000本报讯《记者钱琪陆涛) 2022年，镇宁县打造就业', 100, 200, 750, 28, 1],
      ['创业，共计开展活动2944人次，惠及', 100, 240, 500, 28, 1],
      null,
      ['征集的通知》，组织交通建设专项行动，形成常态长效的', 1000, 100, 750, 28, 2],
      ['工作机制。', 1000, 140, 150, 28, 2],
      null,
      ['种植大户9家。该镇充分利用院坝会等渠道，向驻村工作', 100, 400, 750, 28, 3],
      ['队员普及知识。据了解，该中心印发《服务需求', 100, 440, 600, 28, 3],
    ]);
    const parsed = parsePage(text, META, { geometry, lexicon: loadLexicon() });
    expect(parsed.articles).toHaveLength(1);
    expect(parsed.articles[0]!.paragraphs.join('')).toBe(
      '2022年，镇宁县打造就业创业，共计开展活动2944人次，惠及种植大户9家。该镇充分利用院坝会等渠道，向驻村工作队员普及知识。据了解，该中心印发《服务需求征集的通知》，组织交通建设专项行动，形成常态长效的工作机制。',
    );
  });

  it('reads a headline set in one block with a kicker and a byline OCR garbled into no byline', () => {
    // the sample page degraded (seed 17): 花山苗族乡 / 扎实  抓好疫情防控工作 / 者,二丰 (记者 一丁)
    // were one block of three lines after the previous article's last paragraph
    const { text, geometry } = page([
      ['志愿服务聚合力', 100, 100, 400, 64],
      null,
      [BODY[0]!, 150, 200, 700, 28],
      [BODY[1]!, 100, 240, 750, 28],
      [BODY[2]!, 100, 280, 750, 28],
      null,
      ['花山苗族乡', 1200, 100, 120, 27],
      ['扎实  抓好疫情防控工作', 1080, 142, 360, 38],
      ['者,二丰', 1210, 194, 96, 27],
      null,
      ['\u3000\u3000余庆县花山苗族乡以党建为引领，扎实抓好疫情', 1080, 236, 750, 28],
      ['防控工作，全力守护群众生命安全和身体健康。', 1040, 276, 700, 28],
    ]);
    const parsed = parsePage(text, META, { geometry });
    expect(parsed.articles.map((a) => [a.kicker, a.title])).toEqual([
      [null, '志愿服务聚合力'],
      ['花山苗族乡', '扎实 抓好疫情防控工作'],
    ]);
    expect(parsed.articles[1]!.paragraphs.join('')).toContain('余庆县花山苗族乡以党建为引领');
    // two lines of a paragraph that the engine read as one tall line (with a comma) are no headline
    // (xingyi-evening 2022-07-20/06, seed 21)
    const merged = page([
      ['志愿服务聚合力', 100, 100, 400, 64],
      null,
      [BODY[0]!, 150, 200, 700, 28],
      [BODY[1]!, 100, 240, 750, 28],
      [BODY[2]!, 100, 280, 750, 28],
      null,
      ['居民26个。目前，2022年已完成服', 100, 330, 750, 28],
      ['务平台2100余场次，2', 100, 368, 750, 71],
      null,
      ['织村民深入板关乡开展七有2', 100, 445, 750, 68],
      null,
      ['以上。同时，探索数字化平台。', 100, 520, 700, 28],
    ]);
    const one = parsePage(merged.text, META, { geometry: merged.geometry });
    expect(one.articles.map((a) => a.title)).toEqual(['志愿服务聚合力']);
  });

  it('takes a line of signs in type far smaller than the body read inside a headline for noise', () => {
    // xingyi-evening 2022-07-17/04: 全|  人  人|  1  4 read at half body type inside the line of
    // 迎新春、送温暖让困难群众得实惠, which then looked like a sentence's start
    const { text, geometry } = page([
      ['待遇面议五险一金', 100, 200, 260, 32],
      null,
      ['迎新春、送温暖让困难群众得实惠', 100, 300, 731, 56],
      ['全|  人  人|  1  4', 100, 296, 602, 14],
      null,
      [BODY[0]!, 150, 380, 700, 28],
      [BODY[1]!, 100, 420, 750, 28],
      [BODY[2]!, 100, 460, 750, 28],
    ]);
    const parsed = parsePage(text, META, { geometry });
    expect(parsed.articles).toHaveLength(1);
    expect(parsed.articles[0]).toMatchObject({ title: '迎新春、送温暖让困难群众得实惠', reporters: ['张婷'] });
  });

  it('gives the run that ends an article left open to another article whose common word it completes', () => {
    // xingyi-evening 2022-07-16/06 (seed 17, degraded): …安全感持续提升 (its stop lost) | 步，该镇
    // 将持续… belongs to …明白卡等物资*下一, read later; …万余 | 人，完成率… stays where it
    // was read, though 举 | 人 is a word too (举人, far rarer)
    const runOn = (open: string, run: string, other: string) =>
      page([
        ...opening('仁怀', 100, 1),
        [open, 100, 240, 700, 28, 1],
        null,
        [run, 1000, 100, 750, 28, 2],
        ['让老年人的获得感更加充实。', 1000, 140, 400, 28, 2],
        null,
        ...opening('凤冈', 2000, 3),
        [other, 2000, 240, 750, 28, 3],
      ]);
    const moved = runOn('让居民的获得感、幸福感、安全感持续提升', '步，该镇将持续提升移风易俗，进一步抓实管理，', '育，为村医送去联系卡、明白卡等物资*下一');
    const [a, b] = parsePage(moved.text, META, { geometry: moved.geometry, lexicon: loadLexicon() }).articles;
    expect(a!.paragraphs.join('')).not.toContain('该镇将持续');
    expect(b!.paragraphs.join('')).toContain('明白卡等物资*下一步，该镇将持续提升移风易俗');
    const kept = runOn('共计开展走访慰问49.5万余', '人，完成率达86%以上。据了解，该县聚焦服务，', '育，连日来，该区举');
    const [c, d] = parsePage(kept.text, META, { geometry: kept.geometry, lexicon: loadLexicon() }).articles;
    expect(c!.paragraphs.join('')).toContain('49.5万余人，完成率达86%以上。');
    expect(d!.paragraphs.join('')).not.toContain('完成率');
  });

  it('keeps an item with hardly any text out of the articles, under unassigned', () => {
    // a headline whose report went elsewhere, or a garbled scan's 史亿让汇 看我门 / 陶老
    const { text, geometry } = page([
      ...opening('仁怀', 100, 1),
      ['取得明显成效。', 100, 240, 300, 28, 1],
      null,
      ['史亿让汇 看我门', 1000, 100, 600, 64, 2],
      null,
      ['陶老说。', 1000, 200, 150, 28, 2],
      null,
      ['凤冈县义务教育常态长效', 2000, 100, 600, 64, 3],
      null,
      ['\u3000\u3000本报讯（记者 李强）2022年，凤冈县统筹义务教育，', 2000, 200, 750, 28, 3],
      ['让困难群众的获得感不断增强。', 2000, 240, 500, 28, 3],
    ]);
    const parsed = parsePage(text, META, { geometry, lexicon: loadLexicon() });
    expect(parsed.articles.map((a) => a.title)).toEqual(['仁怀市河长制提质增效', '凤冈县义务教育常态长效']);
    expect(parsed.unassigned.map((u) => u.text)).toEqual(expect.arrayContaining(['史亿让汇 看我门', '陶老说。']));
    expect(parsed.problems.filter((p) => p.code === 'unassigned-text').map((p) => p.excerpt)).toContain('史亿让汇 看我门');
  });

  it('sets right a place OCR misread in a headline from the text under it, and says so', () => {
    // anshun-daily 2022-01-18/03: 天岭县移风易俗实现新突破 over a report on 关岭县
    const text = ['天岭县移风易俗实现新突破', '', '　　本报讯（记者 张婷）2022年，关岭县统筹移风易俗服务平台，不断巩固。', '　　关岭县充分利用村广播等渠道，向群众普及移风易俗知识。'].join('\n');
    const [article] = parsePage(text, META, { lexicon: loadLexicon() }).articles;
    expect(article!.title).toBe('关岭县移风易俗实现新突破');
    expect(article!.problems).toContainEqual(expect.objectContaining({ code: 'ocr-fixed', excerpt: '天岭县移风易俗实现新突破', suggestion: '关岭县移风易俗实现新突破', fixed: true }));
  });

  it("sets right a county misread in every headline line from the paper's region, where the text never names it", () => {
    // qiannan-daily 2022-04-17/06: 瓮安县 read as 贷安县 in the title and 爹安县 in the subtitle; the text says 该县
    const text = ['贷安县辣椒产业走深走实', '——爹安县聚焦辣椒产业工作提质增效', '', '　　本报讯（记者 张婷）2022年，该县统筹辣椒产业服务平台，不断巩固。'].join('\n');
    const qiannan = { paper: 'qiannan-daily', date: '2022-04-17', page: 6 };
    const [article] = parsePage(text, qiannan, { lexicon: loadLexicon(), places: placesAround('贵州省都匀市') }).articles;
    expect(article).toMatchObject({ title: '瓮安县辣椒产业走深走实', subtitle: '——瓮安县聚焦辣椒产业工作提质增效' });
    expect(article!.problems.filter((p) => p.code === 'ocr-fixed').map((p) => p.suggestion)).toEqual(['瓮安县辣椒产业走深走实', '——瓮安县聚焦辣椒产业工作提质增效']);
    // a paper elsewhere: 贷安县 is one character from no place of its region, and stays
    expect(parsePage(text, qiannan, { lexicon: loadLexicon(), places: placesAround('北京市') }).articles[0]!.title).toBe('贷安县辣椒产业走深走实');
  });

  it("sets right a county misread in the text from the paper's region, and says where", () => {
    const text = ['瓮安县辣椒产业走深走实', '', '　　本报讯（记者 张婷）2022年，代安县总工会推进乡村振兴宣讲活动，常态长效。', '　　代安县总工会充分利用新媒体平台等渠道，走深走实。'].join('\n');
    const [article] = parsePage(text, { paper: 'qiannan-daily', date: '2022-02-13', page: 6 }, { lexicon: loadLexicon(), places: placesAround('贵州省都匀市') }).articles;
    expect(article!.paragraphs).toEqual(['2022年，瓮安县总工会推进乡村振兴宣讲活动，常态长效。', '瓮安县总工会充分利用新媒体平台等渠道，走深走实。']);
    expect(article!.problems.filter((p) => p.code === 'ocr-fixed').map((p) => [p.line, p.excerpt, p.suggestion])).toEqual([
      [3, '代安县', '瓮安县'],
      [4, '代安县', '瓮安县'],
    ]);
  });

  it('joins back the last character of a headline line that wrapped in a narrow column, set in its type', () => {
    // real Tesseract output (tests/fixtures/ocr-positioned/headline-tail.parser-text.json):
    // 安龙县落实监督检 / 查 in a kicker's type, then the title and the article
    const fixture = JSON.parse(readFileSync(new URL('../../tests/fixtures/ocr-positioned/headline-tail.parser-text.json', import.meta.url), 'utf8')) as { lines: string[]; geometry: OutputLine[] };
    const parsed = parsePage(fixture.lines.join('\n'), { paper: 'xingyi-evening', date: '2022-09-22', page: 8 }, { geometry: fixture.geometry });
    expect(parsed.articles).toHaveLength(1);
    expect(parsed.articles[0]).toMatchObject({ kicker: '安龙县落实监督检查' });
    expect(parsed.articles[0]!.paragraphs[0]).toMatch(/^2022年，安龙县做细法治宣传/u);
  });

  it('takes a column banner off the headline, and keeps a title with a middle dot', () => {
    const [banner] = parsePage(['民生关注', '', '镇宁县移风易俗落地见效', '', BODY.join('')].join('\n'), META).articles;
    expect(banner).toMatchObject({ column: '民生关注', kicker: null, title: '镇宁县移风易俗落地见效' });
    const [dotted] = parsePage(['文明实践·新蒲有约让居民心里甜', '', '平坝区做细全域旅游工作持续向好', '', BODY.join('')].join('\n'), META).articles;
    expect(dotted).toMatchObject({ column: null, title: '文明实践·新蒲有约让居民心里甜', subtitle: '平坝区做细全域旅游工作持续向好' });
  });

  it('does not take a line of text near the top that holds a header word for the page header', () => {
    // 区统筹政策宣传，共计… has 统筹 (a credit role) and a name-like word after it; as an anchor of
    // the header band it took the headline beside it and the first lines of every column
    const { text, geometry } = page([
      ['2023年1月17日 星期二 3 文明实践 责任编辑 李明', 100, 20, 1600, 28],
      null,
      ['志愿服务聚合力', 100, 70, 400, 64],
      null,
      [BODY[0]!, 150, 160, 700, 28],
      [BODY[1]!, 100, 200, 750, 28],
      [BODY[2]!, 100, 240, 750, 28],
      null,
      ['\u3000\u3000该区统筹政策宣传，共计开展活动', 1000, 90, 700, 28],
      ['12场次，群众满意度持续提升。', 1000, 130, 500, 28],
      null,
      ['和美乡村让村民暖心田', 100, 900, 500, 64],
      null,
      ['\u3000\u3000本报讯（记者 李强）近日，红花岗区开展和美乡村', 150, 990, 700, 28],
      ['建设，村民的获得感不断增强。', 100, 1030, 400, 28],
    ]);
    const parsed = parsePage(text, META, { geometry });
    expect(parsed.credits).toEqual([{ role: '责任编辑', names: ['李明'] }]);
    expect(parsed.articles[0]).toMatchObject({ title: '志愿服务聚合力', reporters: ['张婷'] });
    expect(parsed.articles.flatMap((a) => a.paragraphs).join('')).toContain('该区统筹政策宣传，共计开展活动');
  });

  it('joins the other half of a headline row read after the byline set under the first half', () => {
    const { text, geometry } = page([
      ['乡村振兴暖民心', 100, 300, 400, 56],
      null,
      ['@本报记者 莫春颖', 100, 380, 220, 28],
      null,
      ['服务见实效', 560, 300, 300, 56],
      null,
      ['\u3000\u30002022年，镇宁县开展乡村振兴技能培训，提质增效。', 150, 450, 700, 28],
      [BODY[1]!, 100, 490, 750, 28],
      [BODY[2]!, 100, 530, 750, 28],
    ]);
    const parsed = parsePage(text, META, { geometry });
    expect(parsed.articles).toHaveLength(1);
    expect(parsed.articles[0]).toMatchObject({ title: '乡村振兴暖民心 服务见实效', reporters: ['莫春颖'] });
  });

  it('reads a byline whose names OCR read as a block of their own under the dateline', () => {
    // anshun-daily 2022-07-30/01: 本报讯〈记者莫 / 俊) 2022年…, the two lines in two blocks
    const { text, geometry } = page([
      ['关岭县老旧小区改造稳步推进', 100, 300, 700, 56],
      null,
      ['\u3000\u3000本报讯〈记者莫', 150, 400, 260, 28],
      null,
      ['俊) 2022年，关岭县教育局实施老旧小区改造走访慰', 100, 440, 750, 28],
      ['问，稳步推进。', 100, 480, 200, 28],
    ]);
    const [article] = parsePage(text, META, { geometry }).articles;
    expect(article).toMatchObject({ title: '关岭县老旧小区改造稳步推进', reporters: ['莫俊'], dateline: '本报讯' });
    expect(article!.paragraphs.join('')).toBe('2022年，关岭县教育局实施老旧小区改造走访慰问，稳步推进。');
  });

  it('reads a short line with a comma, measured a little larger than body type, as text', () => {
    // anshun-daily 2022-01-18/03: 目前，2022年已完成 measured 1.03 of body type had become a headline
    const { text, geometry } = page([
      ['关岭县民生实事稳步推进', 100, 300, 300, 56],
      null,
      ['\u3000\u3000(下转第4版)', 250, 360, 150, 27],
      ['目前，2022年已完成', 140, 400, 260, 29],
      ['数字化平台1500余场次，', 100, 440, 300, 29],
      ['完成率达81%以', 100, 480, 190, 29],
      ['\u3000\u3000(下转第4版)', 250, 520, 150, 27],
    ]);
    const parsed = parsePage(text, META, { geometry });
    expect(parsed.articles).toHaveLength(1);
    expect(parsed.articles[0]).toMatchObject({ title: '关岭县民生实事稳步推进', continuation: '下转第4版' });
    expect(parsed.articles[0]!.paragraphs.join('')).toBe('目前，2022年已完成数字化平台1500余场次，完成率达81%以');
  });

  it('takes a line of signs with a character or two among them between two headline lines for noise', () => {
    // tongren-daily 2022-09-14/05 (degraded): a rule read as |，和7/一】 between 法治宣传出实招 and 技能求实效
    const { text, geometry } = page([
      ['法治宣传出实招', 100, 300, 350, 49],
      null,
      ['|，和7/一】', 100, 296, 147, 30],
      null,
      ['技能求实效', 100, 365, 250, 50],
      null,
      [BODY[0]!, 150, 450, 700, 28],
      [BODY[1]!, 100, 490, 750, 28],
      [BODY[2]!, 100, 530, 750, 28],
    ]);
    const parsed = parsePage(text, META, { geometry });
    expect(parsed.articles).toHaveLength(1);
    // (two stacked lines of one type: joined as one title, with or without the space between its halves)
    expect(parsed.articles[0]).toMatchObject({ kicker: null, title: expect.stringMatching(/^法治宣传出实招 ?技能求实效$/u), reporters: ['张婷'] });
  });

  it('takes one or two large characters that stop at a comma for a speck, not a headline', () => {
    // zunyi-daily 2022-09-21/01: the edge of a photo read as 改， in 72 px type over a report
    const { text, geometry } = page([
      ['乡村振兴暖民心', 100, 300, 400, 56],
      null,
      [BODY[0]!, 150, 400, 700, 28],
      [BODY[1]!, 100, 440, 750, 28],
      [BODY[2]!, 100, 480, 750, 28],
      null,
      ['改，', 100, 540, 70, 72],
      null,
      ['\u3000\u3000该区持续深化志愿服务，让群众的获得感、幸福', 150, 640, 700, 28],
      ['感、安全感更加充实。', 100, 680, 300, 28],
    ]);
    const parsed = parsePage(text, META, { geometry });
    expect(parsed.articles).toHaveLength(1);
    expect(parsed.articles[0]).toMatchObject({ title: '乡村振兴暖民心', reporters: ['张婷'] });
    expect(parsed.unassigned.map((u) => u.text)).toContain('改，');
  });

  it('leaves an advertisement\'s slogan printed above its address but read after it to the advertisement', () => {
    // anshun-daily 2022-01-18/03: 售楼热线… / 88-138㎡三室两厅 / 城南首府, the last printed highest
    const { text, geometry } = page([
      ['乡村振兴暖民心', 100, 300, 400, 56],
      null,
      [BODY[0]!, 150, 400, 700, 28],
      [BODY[1]!, 100, 440, 750, 28],
      [BODY[2]!, 100, 480, 750, 28],
      null,
      ['售楼热线：0851-28257668', 1000, 900, 400, 30, 3],
      null,
      ['88-138㎡三室两厅', 1000, 800, 300, 34, 3],
      null,
      ['城南首府', 1000, 640, 270, 67, 3],
      null,
      ['关岭县民生实事稳步推进', 1500, 600, 500, 48, 4],
      null,
      ['\u3000\u3000目前，2022年已完成数字化平台1500余场次，', 1500, 700, 700, 28, 4],
      ['完成率达81%以上。', 1500, 740, 250, 28, 4],
    ]);
    const parsed = parsePage(text, META, { geometry });
    expect(parsed.articles.map((a) => [a.kicker, a.title, a.subtitle])).toEqual([
      [null, '乡村振兴暖民心', null],
      [null, '关岭县民生实事稳步推进', null],
    ]);
    expect(parsed.unassigned.map((u) => u.text)).toEqual(expect.arrayContaining(['88-138㎡三室两厅', '城南首府']));
  });

  it('takes a short banner over a single photo for its column, not its title, with a period read for the middle dot', () => {
    const text = '和我们的节日.春节\n\n　　连日来，红花岗区老城街道各社区分别开展“迎新春、送温暖”主题活动。图为志愿者为群众送春联。\n（记者 一丁 摄）';
    const [photo] = parsePage(text, META).articles;
    expect(photo).toMatchObject({ kind: 'photo', title: null, column: '我们的节日.春节', photographers: ['一丁'] });
  });

  it('takes a credit at the end of a caption for the photo credit, its brackets misread or lost', () => {
    const text = '近日，仁怀市苍龙街道党员志愿者为辖区部分老党员送去“心愿包”。据了解，“心愿包”内装有大米、春联等物资。《记者一丁摄影报道';
    const [photo] = parsePage(text, META).articles;
    expect(photo).toMatchObject({ kind: 'photo', photographers: ['一丁'] });
    expect(photo!.caption).toMatch(/等物资。$/u);
  });

  it('reads a column banner printed in traditional characters, a stray mark before it dropped', () => {
    const text = '和新春走基層\n\n鳳岡縣落實義務教育\n\n　　本報訊（記者 蔡林）2022年，鳳岡縣落實義務教育工作機制，走深走實。';
    expect(parsePage(text, META).articles[0]).toMatchObject({ kicker: null, title: '鳳岡縣落實義務教育', column: '新春走基層', reporters: ['蔡林'] });
  });

  it('opens a new report at a title in headline type between a kicker and a subtitle set in body type, over a byline', () => {
    // 镇远县统筹示范创建 (kicker) / 镇远县启动疫情防控 (title, 1.6 times body type) / subtitle /
    // byline: the kicker leaves no sentence open and the title is no subheading of the report above
    const { text, geometry } = page([
      ['湄潭县生态环境局探索生态环境保护', 100, 300, 700, 56],
      null,
      [BODY[0]!, 150, 380, 700, 28],
      [BODY[1]!, 100, 420, 750, 28],
      [BODY[2]!, 100, 460, 750, 28],
      null,
      ['镇远县统筹示范创建', 100, 560, 250, 27],
      null,
      ['镇远县启动疫情防控', 100, 610, 412, 45],
      null,
      ['镇远县夯实疫情防控工作持续向好', 100, 672, 418, 28],
      ['本报记者 林鹏 通讯员 江建凤', 100, 716, 315, 28],
      null,
      ['\u3000\u30002022年，镇远县做细疫情防控示范创建，走', 150, 768, 700, 28],
      ['深走实。', 100, 808, 120, 28],
    ]);
    const articles = parsePage(text, META, { geometry }).articles;
    expect(articles).toHaveLength(2);
    expect(articles[0]!.paragraphs.join('')).not.toContain('镇远县');
    expect(articles[1]).toMatchObject({ kicker: '镇远县统筹示范创建', title: '镇远县启动疫情防控', subtitle: '镇远县夯实疫情防控工作持续向好', reporters: ['林鹏'], correspondents: ['江建凤'] });
    expect(articles[1]!.paragraphs.join('')).toContain('2022年，镇远县做细疫情防控示范创建，走深走实。');
  });

  it('reads a subtitle set in body type between a title in headline type and a dateline as part of the headline', () => {
    const { text, geometry } = page([
      ['黄果树旅游区启动营商环境', 100, 300, 655, 53],
      null,
      ['黄果树旅游区完善营商环境工作持续向好', 110, 376, 627, 28],
      null,
      ['\u3000\u3000本报讯（记者 汤涵）2022年，黄果树旅游区统筹营商', 150, 440, 700, 28],
      ['环境品牌项目，常态长效。', 100, 480, 350, 28],
    ]);
    const articles = parsePage(text, META, { geometry }).articles;
    expect(articles).toHaveLength(1);
    expect(articles[0]).toMatchObject({ title: '黄果树旅游区启动营商环境', subtitle: '黄果树旅游区完善营商环境工作持续向好', reporters: ['汤涵'] });
    expect(articles[0]!.paragraphs.join('')).toMatch(/^2022年，黄果树旅游区统筹营商环境品牌项目，常态长效。$/u);
  });

  it('joins the last character of a headline line, read as a line of its own in the same row, to it', () => {
    // …提质增 | 效: the engine split the subtitle's last character off, a little smaller
    const { text, geometry } = page([
      ['赫章县义务教育实现新突破', 80, 280, 824, 68],
      null,
      ['赫章县探索义务教育工作提质增', 80, 375, 568, 39],
      null,
      ['效', 656, 378, 35, 30],
      null,
      ['\u3000\u3000本报讯（记者 万涛瑶）2022年，赫章县加快义务教育排查', 140, 448, 500, 30],
      ['整治，稳步推进。', 80, 493, 250, 30],
    ]);
    const articles = parsePage(text, META, { geometry }).articles;
    expect(articles).toHaveLength(1);
    expect(articles[0]).toMatchObject({ title: '赫章县义务教育实现新突破', subtitle: '赫章县探索义务教育工作提质增效', reporters: ['万涛瑶'] });
  });

  it('takes no speck read as a digit under the first headline for a page number, nor the headline for the header', () => {
    // a 4 in a box half the height of body type, between the headline and its byline
    const { text, geometry } = page([
      ['国内新闻  责任编辑:江亮', 120, 180, 1500, 60],
      null,
      ['2022年1月8日星期六', 2130, 210, 254, 26],
      ['兴义晚报', 2200, 176, 105, 26],
      null,
      ['门前三包让党员干部得实惠', 500, 362, 835, 70],
      null,
      ['4', 1324, 401, 16, 13],
      null,
      ['本报记者 罗涵晨 通讯员 齐俊浩', 723, 454, 388, 28],
      null,
      ['\u3000\u30002022年，望谟县官石镇打造河长制示范创建，全面', 150, 510, 700, 28],
      [BODY[1]!, 100, 550, 750, 28],
      [BODY[2]!, 100, 590, 750, 28],
    ]);
    const parsed = parsePage(text, { ...META, date: '2022-01-08', paperName: '兴义晚报' }, { geometry });
    expect(parsed.articles).toHaveLength(1);
    expect(parsed.articles[0]).toMatchObject({ title: '门前三包让党员干部得实惠', reporters: ['罗涵晨'], correspondents: ['齐俊浩'] });
    expect(parsed.pageName).toBe('国内新闻');
  });

  it('reads a subtitle set in body type after its dash, so that its headline opens a new report', () => {
    // the headline is only a little larger than body type, its subtitle in body type with the
    // dash read as 一一: the pair is a headline, not a subheading of the report before it
    const { text, geometry } = page([
      ['湄潭县生态环境局探索生态环境保护', 100, 300, 700, 48],
      null,
      [BODY[0]!, 150, 380, 700, 28],
      [BODY[1]!, 100, 420, 750, 28],
      [BODY[2]!, 100, 460, 750, 28],
      null,
      ['余庆县卫健局聚焦数字经济', 150, 540, 430, 40],
      ['一一余庆县组织数字经济工作全面覆盖', 120, 595, 470, 28],
      null,
      ['\u3000\u3000本报讯（记者 高英然）2022年，余庆县卫健局抓实数字', 150, 650, 700, 28],
      ['经济闭环管理，持续向好。', 100, 690, 400, 28],
    ]);
    const articles = parsePage(text, META, { geometry }).articles;
    expect(articles).toHaveLength(2);
    expect(articles[1]).toMatchObject({ title: '余庆县卫健局聚焦数字经济', subtitle: '——余庆县组织数字经济工作全面覆盖', reporters: ['高英然'] });
  });

  /**
   * 甲 (锦屏县) in the left column; at the head of the right column, read before 乙's headline,
   * the run-on of 乙 (从江县): it starts mid-sentence and names 乙's county, and 乙 stops
   * mid-sentence. `end` is how 甲's last line ends; `place` is the county the run-on names;
   * with `jump`, 甲 goes on on page 2 (下转第2版).
   */
  const runOnPage = (end: string, place = '从江县', jump = false) =>
    page([
      ['锦屏县推进乡村振兴', 100, 200, 500, 56],
      null,
      ['\u3000\u3000本报讯（记者 沈刚）2022年，锦屏县推进乡村', 150, 280, 700, 28],
      [`振兴，组织志愿者开展活动，持续向好${end}`, 100, 320, 560, 28],
      ...(jump ? [['（下转第2版）', 500, 360, 200, 28] as const] : []),
      null,
      [`织村民深入关茅镇开展活动，${place}的群众说：`, 1000, 280, 700, 28],
      ['“日子越过越有奔头。”', 950, 320, 300, 28],
      null,
      ['从江县完善辣椒产业', 100, 900, 500, 56],
      null,
      ['\u3000\u3000本报讯（记者 吴芳）2022年，从江县完善辣椒', 150, 980, 700, 28],
      ['产业排查整治，持续向好。此外，该县组', 100, 1020, 540, 28],
    ]);

  it('gives a run-on read before its article to the article it continues, by the places both name', () => {
    const { text, geometry } = runOnPage('。');
    const [a, b] = parsePage(text, META, { geometry }).articles;
    expect(a!.paragraphs.join('')).not.toContain('关茅镇');
    expect(b!.paragraphs.join('')).toMatch(/该县组织村民深入关茅镇开展活动，从江县的群众说：“日子越过越有奔头。”$/u);
  });

  it('leaves a column that names the places of its own article where it is', () => {
    const { text, geometry } = runOnPage('。', '锦屏县');
    const [a, b] = parsePage(text, META, { geometry }).articles;
    expect(a!.paragraphs.join('')).toContain('关茅镇');
    expect(b!.paragraphs.join('')).toMatch(/该县组$/u);
  });

  it('leaves a column where it is when it names the places of its own report, though an article before it stops mid-sentence', () => {
    const { text, geometry } = page([
      ['锦屏县推进乡村振兴', 100, 200, 500, 56],
      null,
      ['\u3000\u3000本报讯（记者 沈刚）2022年，锦屏县推进乡村', 150, 280, 700, 28],
      ['振兴，组织志愿者开展活动。此外，该县', 100, 320, 560, 28],
      null,
      ['水城区完善辣椒产业', 100, 900, 500, 56],
      null,
      ['\u3000\u3000本报讯（记者 吴芳）2022年，水城区完善辣椒', 150, 980, 700, 28],
      ['产业排查整治，持续向好。', 100, 1020, 350, 28],
      null,
      ['组织村民深入关茅镇开展活动，水城区的群众说：', 1000, 980, 700, 28],
      ['“日子越过越有奔头。”', 950, 1020, 300, 28],
    ]);
    const [a, b] = parsePage(text, META, { geometry }).articles;
    expect(a!.paragraphs.join('')).toMatch(/该县$/u);
    expect(b!.paragraphs.join('')).toContain('关茅镇');
  });

  it('gives the text after the jump line of an article to the article it continues', () => {
    // 甲 goes on on page 2: the column read after its jump line is 乙's run-on
    const { text, geometry } = runOnPage('。', '从江县', true);
    const [a, b] = parsePage(text, META, { geometry }).articles;
    expect(a).toMatchObject({ continuation: '下转第2版' });
    expect(a!.paragraphs.join('')).not.toContain('关茅镇');
    expect(b!.paragraphs.join('')).toContain('该县组织村民深入关茅镇');
  });

  /**
   * 甲 (锦屏县) finished, then in its column the lines `runOn` (乙's run-on, 从江县), then 乙
   * stopping mid-sentence further down.
   */
  const sameColumnPage = (runOn: Row[]) =>
    page([
      ['锦屏县推进乡村振兴', 100, 200, 500, 56],
      null,
      ['\u3000\u3000本报讯（记者 沈刚）2022年，锦屏县推进乡村', 150, 280, 700, 28],
      ['振兴，组织志愿者开展活动，持续向好。', 100, 320, 560, 28],
      ...runOn,
      null,
      ['从江县完善辣椒产业', 100, 900, 500, 56],
      null,
      ['\u3000\u3000本报讯（记者 吴芳）2022年，从江县完善辣椒', 150, 980, 700, 28],
      ['产业排查整治，持续向好。此外，该县组', 100, 1020, 540, 28],
    ]);
  const firstArticle = ({ text, geometry }: { text: string; geometry: OutputLine[] }) => parsePage(text, META, { geometry }).articles[0]!.paragraphs.join('');

  it('reads a column that holds the end of one article and, below a gap, a run of another as two runs', () => {
    // tongren-daily 2022-09-18/01: column 2 holds 甲's last lines, then far below them a run of
    // 乙 that opens with a quoted sentence; read after 乙, the whole column had gone to 甲
    const { text, geometry } = page([
      ['锦屏县推进乡村振兴', 100, 200, 500, 56],
      null,
      ['\u3000\u3000本报讯（记者 沈刚）2022年，锦屏县推进乡村', 150, 280, 700, 28],
      ['振兴，组织志愿者开展活动。此外，该县组', 100, 320, 560, 28],
      null,
      ['从江县完善辣椒产业', 100, 900, 500, 56],
      null,
      ['\u3000\u3000本报讯（记者 吴芳）2022年，从江县完善辣椒', 150, 980, 700, 28],
      ['产业排查整治，持续向好。', 100, 1020, 540, 28],
      null,
      ['织村民深入关茅镇开展活动，持续向好。', 1000, 280, 700, 28],
      null,
      ['“日子越过越有奔头。”吴大爷说。从江县充分', 1000, 980, 700, 28],
      ['利用新媒体平台，推动辣椒产业提质增效。', 1000, 1020, 700, 28],
    ]);
    const [a, b] = parsePage(text, META, { geometry }).articles;
    expect(a!.paragraphs.join('')).toMatch(/该县组织村民深入关茅镇开展活动，持续向好。$/u);
    expect(b!.paragraphs.join('')).toMatch(/持续向好。“日子越过越有奔头。”吴大爷说。从江县充分利用新媒体平台，推动辣椒产业提质增效。$/u);
  });

  it('gives a run that opens a sentence beside the columns of a finished article to it, when places do not tell', () => {
    // liupanshui-daily 2022-12-28/06: 甲's last column stands right of its headline's span and
    // was read after 乙, which names the same place; it starts in the row of 甲's columns
    const { text, geometry } = page([
      ['六枝特区义务教育稳步推进', 100, 200, 500, 56],
      null,
      ['\u3000\u3000本报讯（记者 谭燕）2022年，六枝特区推进义务', 150, 280, 700, 28],
      ['教育，组织志愿者开展活动，持续向好。', 100, 320, 560, 28],
      null,
      ['六枝特区义务教育实现新突破', 100, 900, 500, 56],
      null,
      ['\u3000\u3000本报讯（记者 张峰）2022年，六枝特区完善义务', 150, 980, 700, 28],
      ['教育排查整治，持续向好。', 100, 1020, 540, 28],
      null,
      ['据了解，六枝特区印发《工作考核办法》，形成', 1000, 280, 700, 28],
      ['常态长效的工作机制。', 1000, 320, 400, 28],
    ]);
    const [a, b] = parsePage(text, META, { geometry }).articles;
    expect(a!.paragraphs.join('')).toMatch(/持续向好。据了解，六枝特区印发《工作考核办法》，形成常态长效的工作机制。$/u);
    expect(b!.paragraphs.join('')).toMatch(/完善义务教育排查整治，持续向好。$/u);
  });

  it('gives a run read after an article left open to another open article whose words it completes, when the text after it completes the first', () => {
    // zunyi-daily 2022-01-01/01: 乙 stops at 组织村 and goes on (民深入…) below a gap in column 2,
    // whose top holds the end of 甲 (…食品安 | 全，…)
    const { text, geometry } = page([
      ['务川县推进食品安全', 100, 200, 500, 56],
      null,
      ['\u3000\u3000本报讯（记者 董静）2022年，务川县推进食品', 150, 280, 700, 28],
      ['安全排查整治，下一步，该县将持续提升食品安', 100, 320, 620, 28],
      null,
      ['仁怀市茅沙乡加快移风易俗', 100, 900, 500, 56],
      null,
      ['\u3000\u3000本报讯（记者 蒋颖）2022年，仁怀市茅沙乡探索', 150, 980, 700, 28],
      ['数字化平台，组织村', 100, 1020, 300, 28],
      null,
      ['全，进一步聚焦体系建设，持续提升。', 1000, 280, 600, 28],
      null,
      ['民深入正龙街道开展活动，持续向好。', 1000, 980, 600, 28],
    ]);
    const [a, b] = parsePage(text, META, { geometry, lexicon: loadLexicon() }).articles;
    expect(a!.paragraphs.join('')).toMatch(/持续提升食品安全，进一步聚焦体系建设，持续提升。$/u);
    expect(b!.paragraphs.join('')).toMatch(/组织村民深入正龙街道开展活动，持续向好。$/u);
  });

  it('gives the column under a headline and byline that carries on another article left open to it, when the article opens after it', () => {
    // anshun-daily 2022-03-03/07 (degraded): 甲 stops at …幸福 at a column foot; its last column
    // stands under 乙's headline, beside 乙's own first column
    const { text, geometry } = page([
      ['普定县深化乡村振兴工作', 100, 200, 500, 56],
      null,
      ['\u3000\u3000本报讯（记者 齐芳）2022年，普定县教育局打造', 150, 280, 700, 28],
      ['乡村振兴，让居民的获得感、幸福', 100, 320, 450, 28],
      null,
      ['数字经济聚合力', 100, 900, 500, 56],
      null,
      ['本报记者 彭红丽', 100, 970, 300, 28],
      null,
      ['感、安全感不断增强。该县以品牌为抓手，', 100, 1020, 700, 28],
      ['推动法治宣传工作稳步推进。', 100, 1060, 400, 28],
      null,
      ['\u3000\u30002022年，安顺经开区启动数字经济政策宣', 1000, 1020, 700, 28],
      ['传，提质增效。', 1000, 1060, 200, 28],
    ]);
    const [a, b] = parsePage(text, META, { geometry, lexicon: loadLexicon() }).articles;
    expect(a!.paragraphs.join('')).toMatch(/获得感、幸福感、安全感不断增强。该县以品牌为抓手，推动法治宣传工作稳步推进。$/u);
    expect(b).toMatchObject({ title: '数字经济聚合力', reporters: ['彭红丽'] });
    expect(b!.paragraphs.join('')).toBe('2022年，安顺经开区启动数字经济政策宣传，提质增效。');
  });

  it('joins the second half of a headline read at the head of the next column, and gives the text under it to the article', () => {
    // tongren-daily 2022-03-27/05: 冬春农业生产强基础 | 品牌促发展 over two columns, the gutter
    // cutting the row; the second half was read after the first column, over its text going on
    const { text, geometry } = page([
      ['冬春农业生产强基础', 100, 200, 430, 47],
      null,
      ['\u3000\u3000本报讯（记者 沈兰娜）2022年，印江县夯实冬春', 150, 280, 700, 28],
      ['农业生产政策宣传，推动城市更新工作稳步推', 100, 320, 700, 28],
      null,
      ['品牌促发展', 580, 200, 235, 46, 2],
      null,
      ['进。志愿者常来看我们，群众满意度持续提升。', 580, 280, 700, 28, 2],
    ]);
    const articles = parsePage(text, META, { geometry, lexicon: loadLexicon() }).articles;
    expect(articles).toHaveLength(1);
    expect(articles[0]).toMatchObject({ title: '冬春农业生产强基础 品牌促发展', reporters: ['沈兰娜'] });
    expect(articles[0]!.paragraphs.join('')).toMatch(/稳步推进。志愿者常来看我们，群众满意度持续提升。$/u);
  });

  it('drops a speck read as a character from a headline block and keeps it as unassigned text', () => {
    // tongren-daily 2022-03-27/05: 司, 13 by 14 px, under the headline's first two lines; the
    // headline had become the text of an untitled item
    const { text, geometry } = page([
      ['松桃县实施法治宣传', 100, 900, 400, 56],
      null,
      ['\u3000\u3000本报讯（记者 梁萍浩）2022年，松桃县深化法治', 150, 980, 700, 28],
      ['宣传工作机制，组织志愿者深入一线开展', 100, 1020, 700, 28],
      null,
      ['文明实践。新蒲', 1046, 1050, 409, 57],
      ['有约让党员干部', 1046, 1127, 409, 57],
      ['司', 1169, 1128, 13, 14],
      null,
      ['心里甜', 1164, 1204, 174, 56],
      ['@本报记者黄宇睿通讯员谢', 1052, 1283, 398, 30],
      ['杰刚', 1221, 1323, 58, 29],
      null,
      ['\u3000\u3000本报讯（记者 黄宇睿）2022年，思南县落实红色文化', 1100, 1386, 700, 28],
      ['传承服务平台，持续向好。', 1100, 1426, 400, 28],
    ]);
    const parsed = parsePage(text, META, { geometry });
    expect(parsed.articles).toHaveLength(2);
    expect(parsed.articles[1]).toMatchObject({ kicker: null, title: '文明实践 新蒲有约让党员干部心里甜', reporters: ['黄宇睿'], correspondents: ['谢杰刚'] });
    expect(parsed.unassigned.map((u) => u.text)).toContain('司');
  });

  it('reads a kicker and a title wrapped over five lines of a narrow column as the headline', () => {
    // zunyi-daily 2022-02-10/09: the kicker a little smaller than the title, the title's last
    // character 1.15 of body type; under the foot of another article's column
    const body = (y: number, t: string): Row => [t, 2025, y, 350, 33, 3];
    const { text, geometry } = page([
      ['播州区推进红色文化传承', 2025, 600, 350, 60, 3],
      null,
      body(700, '\u3000\u3000本报讯（记者 邱明伟）2022年，播州区医保局夯实'),
      body(750, '红色文化传承监督检查，推动红色文化传承工作稳步'),
      body(800, '推进。同时，该局充分利用院坝会等渠道，向群众普'),
      body(850, '及医保政策知识，不断巩固。据了解，该局印发《工'),
      body(900, '作考核办法》，形成常态长效的工作机制。下一步，'),
      body(950, '该局将持续深化走访慰问，让群众的获得感持续提升。'),
      null,
      ['习水县强化联席会', 139, 1249, 319, 38, 1],
      ['议制度', 236, 1302, 118, 37, 1],
      ['迎新春、送温暖', 126, 1365, 339, 46, 1],
      ['让种植大户心里', 125, 1429, 339, 44, 1],
      ['甜', 272, 1496, 46, 38, 1],
      null,
      ['\u3000\u3000本报讯（记者 严文春）2022年，习水县完善', 150, 1560, 330, 33, 1],
      ['未成年人保护品牌项目，持续向好。下一步，该', 100, 1610, 380, 33, 1],
      ['局将持续提升森林防火，进一步完善技能培训。', 100, 1660, 380, 33, 1],
    ]);
    const [, article] = parsePage(text, META, { geometry }).articles;
    expect(article).toMatchObject({ kicker: '习水县强化联席会议制度', title: '迎新春、送温暖让种植大户心里甜', reporters: ['严文春'] });
  });

  it('gives a run that closes a quotation to the article left open inside it, not to the first article left open', () => {
    // xingyi-evening 2022-04-25/08 (degraded): 乙 stops at …走深走实。“日子 at a column foot; its
    // run-on (越过越有奔头。”侯阿姨说。…) is read after 丙's jump line (a 1 of 下转第11版 read
    // as ]); 甲, before 乙, was left open too
    const { text, geometry } = page([
      ['望谟县组织法治宣传', 100, 200, 500, 56],
      null,
      ['\u3000\u3000本报讯（记者 范然）2022年，望谟县组织法治宣', 150, 280, 700, 28],
      ['传，聚焦乡村振兴', 100, 320, 300, 28],
      null,
      ['普安县聚焦森林防火', 100, 500, 500, 56],
      null,
      ['\u3000\u3000本报讯（记者 曾玲）2022年，普安县聚焦森林防', 150, 580, 700, 28],
      ['火，走深走实。“日子', 100, 620, 300, 28],
      null,
      ['安龙县推进生态环境保护', 100, 800, 500, 56],
      null,
      ['\u3000\u3000本报讯（记者 孔娟）2022年，安龙县湾兴镇关沙', 150, 880, 700, 28],
      ['镇实施监督检查，惠及返乡青年18家。', 100, 920, 500, 28],
      ['(下转第1]版)', 400, 960, 200, 28],
      null,
      ['越过越有奔头。”侯阿姨说。下一步，普安县将持', 1000, 200, 700, 28],
      ['续夯实安全生产。', 1000, 240, 300, 28],
    ]);
    const [a, b, c] = parsePage(text, META, { geometry, lexicon: loadLexicon() }).articles;
    expect(a!.paragraphs.join('')).toMatch(/聚焦乡村振兴$/u);
    expect(b!.paragraphs.join('')).toMatch(/走深走实。“日子越过越有奔头。”侯阿姨说。下一步，普安县将持续夯实安全生产。$/u);
    expect(c!.paragraphs.join('')).toMatch(/惠及返乡青年18家。$/u);
    expect(c!.continuation).toBe('下转第11版');
  });

  it('opens a new item at a byline line after the text of a report that had its own, its headline lost', () => {
    // liupanshui-daily 2022-02-28/07: 敲门行动让学生得实惠 was not read; its byline and text had
    // become the end of the article above
    const { text, geometry } = page([
      ['法治宣传强基础', 100, 200, 400, 56],
      null,
      ['\u3000\u3000本报讯（记者 钱雪飞）2022年，盘州市新时代文明', 150, 280, 700, 28],
      ['实践中心举办法治宣传，常态长效。', 100, 320, 500, 28],
      null,
      ['本报记者 吴明晨', 100, 420, 300, 28],
      null,
      ['\u3000\u30002022年，钟山经开区税务局统筹就业创业体系', 150, 480, 700, 28],
      ['建设，提质增效。', 100, 520, 300, 28],
    ]);
    const articles = parsePage(text, META, { geometry }).articles;
    expect(articles).toHaveLength(2);
    expect(articles[0]).toMatchObject({ title: '法治宣传强基础', reporters: ['钱雪飞'] });
    expect(articles[0]!.paragraphs.join('')).toMatch(/常态长效。$/u);
    expect(articles[1]).toMatchObject({ title: null, reporters: ['吴明晨'] });
    expect(articles[1]!.paragraphs.join('')).toMatch(/^2022年，钟山经开区/u);
  });

  it('gives a run-on set under another article in the same column, a gap above it, to the article it continues', () => {
    // 乙's run-on stands in 甲's column, below 甲's last line with more than two lines' space
    // between them: a block of its own, not 甲 going on
    const { text, geometry } = sameColumnPage([null, ['织村民深入关茅镇开展活动，从江县的群众说：', 100, 480, 700, 28], ['“日子越过越有奔头。”', 100, 520, 300, 28]]);
    const [a, b] = parsePage(text, META, { geometry }).articles;
    expect(a!.paragraphs.join('')).toMatch(/持续向好。$/u);
    expect(b!.paragraphs.join('')).toMatch(/该县组织村民深入关茅镇开展活动，从江县的群众说：“日子越过越有奔头。”$/u);
    // the same lines one line below 甲's, with no gap: 甲's column going on
    expect(firstArticle(sameColumnPage([['织村民深入关茅镇开展活动，从江县的群众说：', 100, 360, 700, 28], ['“日子越过越有奔头。”', 100, 400, 300, 28]]))).toContain('关茅镇');
    // a gap that holds a line of the column, read out of order (OCR broke the line): no gap
    expect(firstArticle(sameColumnPage([null, ['织村民深入关茅镇开展活动，从江县的群众说：', 100, 480, 700, 28], ['下一步', 150, 400, 100, 56], ['“日子越过越有奔头。”', 100, 520, 300, 28]]))).toContain('关茅镇');
  });

  /**
   * 甲 (绥阳县) finished at the top of the left column; at the head of the right column (or at
   * `y` lower down), read after 甲, a run-on of 乙 whose last line is `tail`; 乙 under 甲,
   * stopping mid-sentence at the foot of the left column (…为抓) and read on lower in the right
   * column (强。…), where its text ends with a full stop.
   */
  const interlockedPage = (tail: string, y = 280) =>
    page([
      ['绥阳县冬春农业生产不断巩固', 100, 200, 500, 56],
      null,
      ['\u3000\u3000本报讯（记者 董静）2022年，绥阳县提升冬春', 150, 280, 700, 28],
      ['农业生产联席会议制度，取得明显成效。', 100, 320, 560, 28],
      null,
      ['手，实施数字经济专项行动，推动数字经济工作提质增', 1000, y, 700, 28],
      [tail, 950, y + 40, 700, 28],
      null,
      ['余庆县卫健局聚焦数字经济', 100, 900, 500, 56],
      null,
      ['\u3000\u3000本报讯（记者 高英然）2022年，余庆县卫健局', 150, 980, 700, 28],
      ['抓实数字经济闭环管理，持续向好。该县以“我为群', 100, 1020, 750, 28],
      ['众办实事”为抓', 100, 1060, 200, 28],
      null,
      ['强。余庆县卫健局充分利用村广播等渠道，向企业职', 950, 980, 750, 28],
      ['工普及养老服务知识，全面覆盖。', 950, 1020, 420, 28],
    ]);
  const lexicon = loadLexicon();

  it('puts a run-on back into the middle of its article, at the column foot whose words it completes', () => {
    const { text, geometry } = interlockedPage('效。目前，让群众的获得感不断增');
    const [a, b] = parsePage(text, META, { geometry, lexicon }).articles;
    expect(a!.paragraphs.join('')).toMatch(/取得明显成效。$/u);
    expect(b!.paragraphs.join('')).toMatch(/为抓手，实施数字经济专项行动，推动数字经济工作提质增效。目前，让群众的获得感不断增强。余庆县卫健局充分利用/u);
    // a run that ends a sentence still goes in when it stands above where the article reads on
    const ended = interlockedPage('效。');
    expect(parsePage(ended.text, META, { geometry: ended.geometry, lexicon }).articles[1]!.paragraphs.join('')).toMatch(/为抓手，实施数字经济专项行动，推动数字经济工作提质增效。强。余庆县/u);
    // one that neither hands on nor stands above (set below the article's other column) stays
    const elsewhere = interlockedPage('效。', 1150);
    expect(parsePage(elsewhere.text, META, { geometry: elsewhere.geometry, lexicon }).articles[0]!.paragraphs.join('')).toContain('数字经济专项行动');
  });

  it('gives each of two run-ons read after one article to the article it continues', () => {
    // at the head of the next column 乙's run-on, at the head of the one after it 丙's
    const { text, geometry } = page([
      ['锦屏县推进乡村振兴', 100, 200, 500, 56],
      null,
      ['\u3000\u3000本报讯（记者 沈刚）2022年，锦屏县推进乡村', 150, 280, 700, 28],
      ['振兴，组织志愿者开展活动，持续向好。', 100, 320, 560, 28],
      null,
      ['织村民深入关茅镇开展活动，从江县的群众说：', 1000, 280, 700, 28],
      ['“日子越过越有奔头。”', 950, 320, 300, 28],
      null,
      ['展文明实践活动，榕江县的群众说：', 1800, 280, 700, 28, 3],
      ['“我们心里踏实了。”', 1750, 320, 300, 28, 3],
      null,
      ['从江县完善辣椒产业', 100, 900, 500, 56],
      null,
      ['\u3000\u3000本报讯（记者 吴芳）2022年，从江县完善辣椒', 150, 980, 700, 28],
      ['产业排查整治，持续向好。此外，该县组', 100, 1020, 540, 28],
      null,
      ['榕江县推进文明实践', 100, 1300, 500, 56],
      null,
      ['\u3000\u3000本报讯（记者 杨帆）2022年，榕江县推进文明', 150, 1380, 700, 28],
      ['实践，持续向好。同时，该县开', 100, 1420, 420, 28],
    ]);
    const [a, b, c] = parsePage(text, META, { geometry, lexicon }).articles;
    expect(a!.paragraphs.join('')).toMatch(/持续向好。$/u);
    expect(b!.paragraphs.join('')).toMatch(/该县组织村民深入关茅镇开展活动，从江县的群众说：“日子越过越有奔头。”$/u);
    expect(c!.paragraphs.join('')).toMatch(/该县开展文明实践活动，榕江县的群众说：“我们心里踏实了。”$/u);
  });

  /**
   * 甲 (锦屏县) finished in the left column; at the head of the right column, read after 甲, a
   * column `run` that opens a sentence; 乙 (从江县) under 甲, finished.
   */
  const openerPage = (run: string) =>
    page([
      ['锦屏县推进乡村振兴', 100, 200, 500, 56],
      null,
      ['\u3000\u3000本报讯（记者 沈刚）2022年，锦屏县推进乡村', 150, 280, 700, 28],
      ['振兴，组织志愿者开展活动，持续向好。', 100, 320, 560, 28],
      null,
      [run, 1000, 280, 700, 28],
      ['组织村民开展活动，持续向好。', 950, 320, 400, 28],
      null,
      ['从江县完善辣椒产业', 100, 900, 500, 56],
      null,
      ['\u3000\u3000本报讯（记者 吴芳）2022年，从江县完善辣椒', 150, 980, 700, 28],
      ['产业排查整治，持续向好。', 100, 1020, 350, 28],
    ]);

  it('gives a column that opens a sentence to the finished article whose places it names, when it names none of its own', () => {
    const moved = openerPage('据了解，从江县印发《工作考核办法》，同时，该县');
    const [a, b] = parsePage(moved.text, META, { geometry: moved.geometry }).articles;
    expect(a!.paragraphs.join('')).toMatch(/持续向好。$/u);
    expect(b!.paragraphs.join('')).toMatch(/产业排查整治，持续向好。据了解，从江县印发《工作考核办法》，同时，该县组织村民开展活动，持续向好。$/u);
    // naming its own article's county, or no county, it stays where it was read
    for (const run of ['据了解，锦屏县与从江县印发《工作考核办法》，该县', '据了解，该县印发《工作考核办法》，同时，该县']) {
      const kept = openerPage(run);
      expect(parsePage(kept.text, META, { geometry: kept.geometry }).articles[0]!.paragraphs.join('')).toContain('工作考核办法');
    }
  });

  it.each(['o', '-', '*', '.'])('takes a full stop read as %s for the end of a sentence', (mark) => {
    // tongren-daily 2022-11-14/09 (seed 17, degraded): …提质增效- | 一步，… belongs to …罗老师说。下
    const { text, geometry } = runOnPage(mark);
    const [a, b] = parsePage(text, META, { geometry }).articles;
    expect(a!.paragraphs.join('').endsWith(`持续向好${mark}`)).toBe(true);
    expect(b!.paragraphs.join('')).toContain('关茅镇');
  });

  it('keeps an advertisement out of the articles: its slogans go with its telephone line', () => {
    const text = ['遵义市推进乡村振兴', '', BODY[0], BODY[1], BODY[2], '', '城南首府', '', '品质洋房 火热认购中', '', '88-138㎡ 三室两厅', '', '售楼热线：0851-28123456'].join('\n');
    const parsed = parsePage(text, META);
    expect(parsed.articles.map((a) => a.title)).toEqual(['遵义市推进乡村振兴']);
    expect(parsed.articles[0]!.paragraphs.join('')).not.toMatch(/城南|洋房|三室/u);
    expect(parsed.unassigned.map((u) => u.text)).toEqual(['城南首府', '品质洋房 火热认购中', '88-138㎡ 三室两厅', '售楼热线：0851-28123456']);
  });

  it('opens a new report at a headline over a subtitle in body type and a paragraph that opens with a dateline', () => {
    // after a report that opened with a dateline: a headline, not a subheading of that report
    const { text, geometry } = page([
      ['西秀区新平乡推进技能培训', 100, 200, 600, 56],
      null,
      [BODY[0]!, 150, 280, 700, 28],
      [BODY[1]!, 100, 320, 750, 28],
      [BODY[2]!, 100, 360, 750, 28],
      null,
      ['生态环境保护绘新景', 100, 460, 500, 40],
      null,
      ['关岭县组织生态环境保护工作提质增效', 100, 520, 500, 28],
      null,
      ['\u3000\u3000本报讯（记者 段倩伟）2022年，关岭县水洪街道', 150, 580, 700, 28],
      ['夯实生态环境保护走访慰问，全面覆盖。', 100, 620, 560, 28],
    ]);
    const articles = parsePage(text, META, { geometry }).articles;
    expect(articles).toHaveLength(2);
    expect(articles[0]!.paragraphs.join('')).not.toContain('关岭县');
    expect(articles[1]).toMatchObject({ title: '生态环境保护绘新景', subtitle: '关岭县组织生态环境保护工作提质增效', reporters: ['段倩伟'] });
  });

  it('opens a new report at a headline in headline type, though a broken byline follows it', () => {
    // 招商引资抓落实 / 口本报记 (the name lost) / 宣讲惠民生 after a report that opened with a
    // dateline: a headline, not a subheading of that report
    const { text, geometry } = page([
      ['民生实事绘新景', 100, 200, 500, 56],
      null,
      [BODY[0]!, 150, 280, 700, 28],
      [BODY[1]!, 100, 320, 750, 28],
      [BODY[2]!, 100, 360, 750, 28],
      null,
      ['招商引资抓落实', 100, 440, 400, 56],
      null,
      ['口本报记', 300, 510, 120, 28],
      null,
      ['宣讲惠民生', 560, 440, 300, 56],
      null,
      ['\u3000\u30002022年，钟山经开区市场监管局强化招商引资宣讲', 150, 580, 700, 28],
      ['活动，持续向好。', 100, 620, 250, 28],
    ]);
    const articles = parsePage(text, META, { geometry }).articles;
    expect(articles.map((a) => a.title?.slice(0, 7))).toEqual(['民生实事绘新景', '招商引资抓落实']);
  });

  it('drops a speck read between the two lines of a headline', () => {
    const { text, geometry } = page([
      ['农村人居环境整治绘新', 100, 200, 600, 52],
      ['三', 200, 256, 28, 25],
      ['景监督展新颜', 100, 270, 400, 52],
      null,
      [BODY[0]!, 150, 350, 700, 28],
      [BODY[1]!, 100, 390, 750, 28],
    ]);
    const parsed = parsePage(text, META, { geometry });
    expect(parsed.articles).toHaveLength(1);
    expect(parsed.articles[0]!.title?.replace(/\s/gu, '')).toBe('农村人居环境整治绘新景监督展新颜');
    expect(parsed.unassigned.map((u) => u.text)).toEqual(['三']);
  });

  it('reads a headline wrapped over four lines of a narrow column as one headline', () => {
    const { text, geometry } = page([
      ['贞丰县人民检察院强化品牌项目', 100, 200, 420, 34],
      null,
      ['迎新春、送', 140, 250, 280, 52],
      ['温暖让驻村', 140, 310, 280, 52],
      ['工作队员笑', 140, 370, 280, 52],
      ['开颜', 220, 430, 110, 52],
      null,
      ['\u3000\u3000本报讯（记者 黄祥静）2022年，贞丰县人民检察', 150, 510, 700, 28],
      [BODY[1]!, 100, 550, 750, 28],
      [BODY[1]!, 100, 590, 750, 28],
      [BODY[1]!, 100, 630, 750, 28],
      [BODY[1]!, 100, 670, 750, 28],
      [BODY[2]!, 100, 710, 750, 28],
    ]);
    const [article] = parsePage(text, META, { geometry }).articles;
    expect(article).toMatchObject({ kicker: '贞丰县人民检察院强化品牌项目', reporters: ['黄祥静'] });
    expect(article!.title?.replace(/\s/gu, '')).toBe('迎新春、送温暖让驻村工作队员笑开颜');
  });

  it('keeps the last character of a subtitle wrapped in a narrow column with its headline', () => {
    // eval:ocr seed 4, qiannan-daily 2022-02-07/06: 效 alone on the subtitle's third line reads
    // 0.83 of the line above from one glyph; it had become the body of a headline-only item,
    // and the report under it an item with no headline
    const rows: Row[] = [
      ['辣椒产业绘', 1453, 282, 276, 52],
      ['新景', 1538, 356, 106, 52],
      ['政策展新颜', 1454, 427, 271, 54],
      null,
      ['——荔波县举办辣', 1446, 504, 291, 33],
      ['椒产业工作常态长', 1445, 551, 291, 35],
      ['效', 1577, 603, 31, 29],
      null,
      ['\u3000\u3000本报讯（记者 曹飞', 1502, 669, 239, 28],
      ['丁 通讯员 汤倩丹）', 1442, 714, 281, 28],
      ['2022年，荔波县启动辣椒', 1442, 759, 300, 28],
      ['产业数字化平台，提质增', 1441, 804, 300, 28],
      ['效。该县充分利用宣传栏', 1441, 849, 300, 28],
      ['等渠道普及相关知识。', 1441, 894, 280, 28],
    ];
    const { text, geometry } = page(rows);
    const articles = parsePage(text, META, { geometry }).articles;
    expect(articles).toHaveLength(1);
    expect(articles[0]!.title?.replace(/\s/gu, '')).toBe('辣椒产业绘新景政策展新颜');
    expect(articles[0]!.subtitle?.replace(/\s/gu, '')).toBe('——荔波县举办辣椒产业工作常态长效');
    expect(articles[0]!.paragraphs.join('')).toMatch(/^2022年，荔波县启动/u);
  });

  it('leaves a short line that shares its row with another under a headline to the byline', () => {
    // 口记者 (□记者 misread) beside 谭芳梅 is a byline split in two, not a wrapped subtitle end
    const { text, geometry } = page([
      ['紫云县子桃镇强化食品安全', 1523, 2059, 642, 52],
      null,
      ['——紫云县强化食品安全工作稳步推进', 1563, 2133, 556, 31],
      null,
      ['口记者', 1749, 2182, 91, 24],
      null,
      ['谭芳梅', 1856, 2183, 79, 24],
      null,
      ['\u3000\u30002022年，紫云县子桃镇完善食品安全体系建设，', 1540, 2230, 600, 28],
      ['持续向好。下一步，该镇将持续做细食品安全监管。', 1500, 2270, 640, 28],
    ]);
    const [article] = parsePage(text, META, { geometry }).articles;
    expect(article!.subtitle).toBe('——紫云县强化食品安全工作稳步推进');
  });

  it('reads the same text without positions by the text rules alone', () => {
    const { text } = page([
      ['志愿服务聚合力 文明实践谱新篇', 100, 300, 860, 64],
      null,
      ['新蒲新区推进新时代文明实践工作走深走实', 100, 390, 700, 34],
      null,
      [BODY[0]!, 150, 450, 700, 28],
      [BODY[1]!, 100, 490, 750, 28],
      [BODY[2]!, 100, 530, 750, 28],
    ]);
    const [article] = parsePage(text, META).articles;
    expect(article).toMatchObject({ title: '志愿服务聚合力 文明实践谱新篇', subtitle: '新蒲新区推进新时代文明实践工作走深走实' });
  });
});
