import { describe, expect, it } from 'vitest';
import { recordText } from './index-format.ts';
import { excerptSegments, flaggedReading, headlineSegments, highlightLink, resultView } from './results.ts';

const content = ['志愿服务聚合力文明实践谱新篇', '', '新蒲新区推进新时代文明实践工作走深走实', '本报讯（记者张婷）', '', '2022年，新蒲新区新时代文明实践中心以“文明实践·新蒲有约”品牌为抓手，强化项目引领。', '完成率达90%以上；惠及群众7.6万余人。'].join('\n');
const text = recordText(content);

describe('excerptSegments', () => {
  it('shows the hit in its sentence, marked as a whole run', () => {
    const segments = excerptSegments(text, ['7.6万']);
    expect(segments.filter((s) => s.hit).map((s) => s.text)).toEqual(['7.6万']);
    expect(segments.map((s) => s.text).join('')).toContain('惠及群众7.6万余人');
  });

  it('starts a long line at a clause near the hit and cuts the end', () => {
    const long = recordText(['', '', '', '', '', `${'甲'.repeat(60)}，乙丙丁${'戊'.repeat(200)}`].join('\n'));
    const segments = excerptSegments(long, ['乙丙']);
    expect(segments[0]).toEqual({ text: '……', hit: false });
    // the clause starts right at the hit
    expect(segments[1]).toEqual({ text: '乙丙', hit: true });
    expect(segments.at(-1)).toEqual({ text: '……', hit: false });
  });

  it('finds hits in the byline when the body has none, and falls back to the start of the body', () => {
    expect(excerptSegments(text, ['张婷']).some((s) => s.hit && s.text === '张婷')).toBe(true);
    expect(excerptSegments(text, ['不存在']).map((s) => s.text).join('')).toMatch(/^2022年/u);
  });
});

describe('a result', () => {
  it('marks the hits in the headline', () => {
    expect(headlineSegments('扎实抓好疫情防控工作', ['疫情防控'])).toEqual([
      { text: '扎实抓好', hit: false },
      { text: '疫情防控', hit: true },
      { text: '工作', hit: false },
    ]);
  });

  it('links to the article with the terms to mark there', () => {
    expect(highlightLink('/a/', ['疫情防控', 'New York'])).toBe('/a/?hl=%E7%96%AB%E6%83%85%E9%98%B2%E6%8E%A7&hl=New+York');
    expect(highlightLink('/a/', [])).toBe('/a/');
  });

  it('shows headline, paper, date, page with its name, kind and excerpt', () => {
    const view = resultView(
      { url: '/shards/x/zunyi-daily/2023-01-17/03/05/', raw_url: '/zunyi-daily/2023-01-17/03/05/', content, filters: { paper: ['遵义日报'], section: ['文明实践'], kind: ['photo'] }, meta: { headline: '春联送万家' } },
      ['春联'],
    );
    expect(view.href).toBe('/shards/x/zunyi-daily/2023-01-17/03/05/?hl=%E6%98%A5%E8%81%94');
    // and its printed page, the terms to be marked on the scan
    expect(view.pageHref).toBe('/shards/x/zunyi-daily/2023-01-17/03/?hl=%E6%98%A5%E8%81%94');
    expect(view.headline).toEqual([{ text: '春联', hit: true }, { text: '送万家', hit: false }]);
    expect(view.meta).toBe('遵义日报 · 2023年1月17日 · 第3版 文明实践 · 图片');
    // without a headline in the meta: the title, else a placeholder
    expect(resultView({ url: '/a/', raw_url: '/a/', content, filters: {} }, []).headline).toEqual([{ text: '志愿服务聚合力文明实践谱新篇', hit: false }]);
    expect(resultView({ url: '/a/', raw_url: '/a/', content: '', filters: {} }, []).headline[0]!.text).toBe('（无标题）');
  });
});

describe('a result with a flagged misreading', () => {
  const fragment = {
    url: '/a/2023-01-17/03/04/',
    raw_url: '/a/2023-01-17/03/04/',
    content: ['扎实抓好疫情防控工作', '', '', '', '', '组织村医开展“敲门行动”。', '2022年12月以来，7名村医人户走访600余次。'].join('\n'),
    filters: {},
    suspects: [{ excerpt: '名村医人户走', suggestion: '名村医入户走' }],
  };

  it('found as suggested: shows the suggested reading, marked, and says what was printed', () => {
    const view = resultView(fragment, ['村医入户'], 'suggested');
    expect(view.excerpt.filter((s) => s.hit).map((s) => s.text)).toEqual(['村医入户']);
    expect(view.excerpt.map((s) => s.text).join('')).toContain('7名村医入户走访');
    expect(view.note).toBe('原文识别为“村医人户”，导入时标记为疑似识别错误，建议读作“村医入户”。');
    // the article marks what it prints
    expect(view.href).toBe(`/a/2023-01-17/03/04/?hl=${encodeURIComponent('村医人户')}`);
  });

  it('found as printed where a flag doubts it: says what the flag suggests', () => {
    expect(resultView(fragment, ['人户'], 'printed').note).toBe('此处“人户”被标记为疑似识别错误，可能应为“入户”。');
    // a hit the flag does not touch: nothing to say
    expect(resultView(fragment, ['敲门行动'], 'printed').note).toBeUndefined();
    expect(resultView(fragment, ['村医'], 'printed').note).toBeUndefined();
  });

  it('names the printed and the suggested stretch of the first place a flag touches', () => {
    const text = recordText(fragment.content);
    expect(flaggedReading(text, fragment.suspects, ['医入户走访'], 'suggested')).toEqual({ printed: '医人户走访', suggested: '医入户走访' });
    expect(flaggedReading(text, fragment.suspects, ['医入户走访'], 'printed')).toBeNull();
  });
});
