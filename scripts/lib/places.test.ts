import { describe, expect, it } from 'vitest';
import { placesFromText, placesIn } from './places.ts';

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
