import { describe, expect, it } from 'vitest';
import { matchItems, normalize, scorePage, similarity, summarize, type EvalItem } from './score.ts';

const article = (title: string, body: string, extra: Partial<EvalItem> = {}): EvalItem => ({ kind: 'article', kicker: null, title, subtitle: null, reporters: [], correspondents: [], photographers: [], body, ...extra });
const photo = (body: string, photographers: string[]): EvalItem => ({ kind: 'photo', kicker: null, title: null, subtitle: null, reporters: [], correspondents: [], photographers, body });

const A = article('志愿服务聚合力', '新蒲新区新时代文明实践中心以品牌为抓手，强化项目引领，不断推进新时代文明实践工作走深走实。', { reporters: ['张婷'] });
const B = article('扎实抓好疫情防控工作', '余庆县花山苗族乡以党建为引领，扎实抓好疫情防控工作，全力守护群众生命安全和身体健康。', { kicker: '花山苗族乡', reporters: ['一丁'] });
const P = photo('近日，仁怀市苍龙街道党员志愿者为辖区部分老党员和困难老人送去心愿包。', ['一丁']);

describe('normalize', () => {
  it('drops whitespace and folds the punctuation that OCR reads half-width', () => {
    expect(normalize('本报讯 (记者 张婷)2022年, 新 蒲')).toBe('本报讯（记者张婷）2022年，新蒲');
    expect(normalize('"文明实践"')).toBe(normalize('“文明实践”'));
    expect(normalize('２０２２年')).toBe('2022年');
    // a dash is not the character 一: OCR confusing them stays an error
    expect(normalize('试点探索——全面建设')).not.toBe(normalize('试点探索一一全面建设'));
  });
});

describe('matching', () => {
  it('pairs items by text, one to one, whatever their order', () => {
    expect(matchItems([A, B, P], [P, A, B])).toEqual([[0, 1], [1, 2], [2, 0]]);
  });

  it('does not pair unrelated texts', () => {
    expect(similarity(normalize(A.body), normalize(B.body))).toBeLessThan(0.5);
    expect(matchItems([A], [B])).toEqual([]);
  });

  it('pairs half an article with the article, and leaves the other half unpaired', () => {
    const half = A.body.slice(0, Math.ceil(A.body.length / 2));
    const rest = A.body.slice(half.length);
    expect(matchItems([A], [article('志愿服务聚合力', half), article('', rest)])).toEqual([[0, 0]]);
  });
});

describe('scorePage and summarize', () => {
  it('gives F1 1, field accuracy 1 and CER 0 for a perfect reading', () => {
    const s = summarize([scorePage([A, B, P], [A, B, P])]);
    expect(s.f1).toBe(1);
    expect(s.fieldAccuracy).toBe(1);
    expect(s.bodyCer).toBe(0);
  });

  it("compares a subtitle without its lead-in dash, and nothing else without theirs", () => {
    const printed = article('让红色资源活起来', A.body, { subtitle: '遵义市推进红色文化传承工作综述' });
    const withDash = scorePage([printed], [{ ...printed, subtitle: '——遵义市推进红色文化传承工作综述' }]);
    expect(withDash.fields.subtitle).toEqual({ correct: 1, counted: 1 });
    const titled = scorePage([printed], [{ ...printed, title: '——让红色资源活起来' }]);
    expect(titled.fields.title).toEqual({ correct: 0, counted: 1 });
  });

  it('counts a missed item against recall and its whole body as deleted', () => {
    const s = summarize([scorePage([A, B], [A])]);
    expect(s.precision).toBe(1);
    expect(s.recall).toBe(0.5);
    expect(s.f1).toBeCloseTo(2 / 3, 10);
    expect(s.bodyCer).toBeCloseTo(normalize(B.body).length / (normalize(A.body).length + normalize(B.body).length), 10);
  });

  it('counts an invented item against precision only', () => {
    const s = summarize([scorePage([A], [A, article('遵义日报', '2022年1月1日 星期六 责任编辑 赵敏')])]);
    expect(s.precision).toBe(0.5);
    expect(s.recall).toBe(1);
    expect(s.bodyCer).toBe(0);
  });

  it('counts one misread character per body length', () => {
    const body = '组织村医入户走访，发放防疫健康包。';
    const s = summarize([scorePage([article('标题', body)], [article('标题', body.replace('入户', '人户'))])]);
    expect(s.bodyCer).toBeCloseTo(1 / normalize(body).length, 10);
  });

  it('counts a field only when either side has a value; people as sets', () => {
    // truth: kicker 花山苗族乡, title, reporters 一丁; parse: kicker lost, title right, reporters right
    const score = scorePage([B], [{ ...B, kicker: null }]);
    expect(score.fields.kind).toEqual({ correct: 1, counted: 1 });
    expect(score.fields.kicker).toEqual({ correct: 0, counted: 1 });
    expect(score.fields.title).toEqual({ correct: 1, counted: 1 });
    expect(score.fields.subtitle).toEqual({ correct: 0, counted: 0 });
    expect(score.fields.reporters).toEqual({ correct: 1, counted: 1 });
    expect(score.fields.correspondents).toEqual({ correct: 0, counted: 0 });
    // 4 counted, 3 right
    expect(summarize([score]).fieldAccuracy).toBe(0.75);
    expect(score.misses.fields).toEqual([{ field: 'kicker', truth: '花山苗族乡', parsed: '∅', placed: false }]);
    const two = article('标题', '正文内容正文内容', { reporters: ['李强', '王芳'] });
    expect(scorePage([two], [{ ...two, reporters: ['王芳', '李强'] }]).fields.reporters).toEqual({ correct: 1, counted: 1 });
  });

  it('counts a field placed right when only misreads make it wrong, and not when a line is lost or moved', () => {
    const printed = article('冬春农业生产抓落实 工作惠民生', A.body, { kicker: '水城区', reporters: ['邓斌建', '胡飞'] });
    // one misread in a 14-character title, one in each name: wrong, but placed right
    const misread = scorePage([printed], [{ ...printed, title: '冬春农业生产抓落实 工作串民生', reporters: ['胡飞', '邓断建'] }]);
    expect(misread.fields.title).toEqual({ correct: 0, counted: 1 });
    expect(misread.placed.title).toEqual({ correct: 1, counted: 1 });
    expect(misread.placed.reporters).toEqual({ correct: 1, counted: 1 });
    expect(misread.misses.fields.every((miss) => miss.placed)).toBe(true);
    // four of fourteen wrong is more than a misread's allowance (two)
    expect(scorePage([printed], [{ ...printed, title: '冬春农业生产抓落实 工口口口口' }]).placed.title.correct).toBe(0);
    // half the title read as a kicker, a reporter lost, the kicker missing
    const moved = scorePage([printed], [{ ...printed, kicker: '冬春农业生产抓落实', title: '工作惠民生', reporters: ['邓斌建'] }]);
    expect(moved.placed.kicker.correct).toBe(0);
    expect(moved.placed.title.correct).toBe(0);
    expect(moved.placed.reporters.correct).toBe(0);
    expect(scorePage([printed], [{ ...printed, kicker: null }]).placed.kicker).toEqual({ correct: 0, counted: 1 });
    // a two-character name may have one misread; two names may not pair with one
    expect(scorePage([printed], [{ ...printed, reporters: ['邓斌建', '胡匡'] }]).placed.reporters.correct).toBe(1);
    expect(scorePage([printed], [{ ...printed, reporters: ['邓斌建胡飞'] }]).placed.reporters.correct).toBe(0);
    const s = summarize([misread]);
    expect(s.fieldAccuracy).toBeLessThan(s.placedAccuracy);
    expect(s.placedAccuracy).toBe(1);
  });

  it('sees a photo read as an article in the kind field', () => {
    const score = scorePage([P], [{ ...P, kind: 'article' }]);
    expect(score.matched).toBe(1);
    expect(score.fields.kind).toEqual({ correct: 0, counted: 1 });
  });
});
