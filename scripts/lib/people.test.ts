import { describe, expect, it } from 'vitest';
import { parseBylineLine, parseCredit, parseLeadingByline, parsePeopleList } from './people.ts';

describe('parseLeadingByline', () => {
  it.each([
    ['本报讯（记者 张婷）2022年，新蒲新区', '本报讯', ['张婷'], [], '2022年，新蒲新区'],
    ['本报讯 (记者 张婷)2022年', '本报讯', ['张婷'], [], '2022年'],
    ['本报讯（记者 刘洋 通讯员 陈静）记者从', '本报讯', ['刘洋'], ['陈静'], '记者从'],
    ['本报讯（通讯员 罗军 龙飞）近日', '本报讯', [], ['罗军', '龙飞'], '近日'],
    ['新华社北京2月5日电（记者 王立新、李静）国务院', '新华社北京2月5日电', ['王立新', '李静'], [], '国务院'],
    ['本报北京1月16日讯（记者 向婧）', '本报北京1月16日讯', ['向婧'], [], ''],
    ['本报讯 记者 李明 报道：2月5日', '本报讯', ['李明'], [], '2月5日'],
    ['本报讯 近日，全市', '本报讯', [], [], '近日，全市'],
    ['本報訊（記者 陳靜）第三十一屆', '本報訊', ['陳靜'], [], '第三十一屆'],
    // what OCR does to a byline: the opening bracket lost or misread, a role word split by a
    // space, a name broken by the line end after its first character
    ['本报讯 记者 孙伟 通讯员 刘\n霞) 近日', '本报讯', ['孙伟'], ['刘霞'], '近日'],
    ['本报讯 (记者 李强 通讯 员 王芳) 今年以来', '本报讯', ['李强'], ['王芳'], '今年以来'],
    ['本报讯《记者曹\n涵然) 2022年', '本报讯', ['曹涵然'], [], '2022年'],
    // a name broken before its last character, which runs into the next role word; an opening
    // bracket read as a quotation mark
    ['本报讯(记者雷春\n琪通讯员田颖) 2022', '本报讯', ['雷春琪'], ['田颖'], '2022'],
    ['本报讯“记者薛欣通讯员杜芳\n勇) 2022年', '本报讯', ['薛欣'], ['杜芳勇'], '2022年'],
    // two opening brackets read for one; the closing bracket lost before the report's first figure
    ['本报讯〈《记者史霞通讯员周平丁) 2022年', '本报讯', ['史霞'], ['周平丁'], '2022年'],
    ['本報訊(記者鄭丁2022年,晴隆縣', '本報訊', ['鄭丁'], [], '2022年,晴隆縣'],
    ['“本報訊(記者蔡林) 近日', '本報訊', ['蔡林'], [], '近日'],
    ['本报讯《记者段婷通\n讯员赵辉一2022年，绥阳', '本报讯', ['段婷'], ['赵辉一'], '2022年，绥阳'],
    // the line broke after the first name's surname, the two names glued (anshun-daily 2022-07-30/01)
    ['本报讯(记者钱\n琪毛婷丽) 2022年，', '本报讯', ['钱琪', '毛婷丽'], [], '2022年，'],
    // both surnames of two glued names misread (郝建丹 袁华, zunyi-daily 2022-03-11/01): in the
    // brackets after a dateline five characters are two names
    ['本报讯(记者部建丹事华通讯员给冬\n芳) 2022年', '本报讯', ['部建丹', '事华'], ['给冬芳'], '2022年'],
  ])('%s', (text, dateline, reporters, correspondents, rest) => {
    expect(parseLeadingByline(text)).toEqual({ dateline, people: { reporters, correspondents, photographers: [] }, rest });
  });

  it('leaves ordinary text alone', () => {
    // no role word after the bracket: not a byline that lost its closing bracket
    expect(parseLeadingByline('本报讯(今年以来2022年')?.people).toEqual({ reporters: [], correspondents: [], photographers: [] });
    expect(parseLeadingByline('据了解，本报记者从市里获悉')).toBeNull();
    expect(parseLeadingByline('（社区）工作人员')).toBeNull();
  });
});

describe('parseBylineLine', () => {
  it('leaves a dateline line to the report it opens', () => {
    expect(parseBylineLine('本报讯记者杨丁晨通讯员雷浪')).toBeNull();
    expect(parseBylineLine('@@记者苏勇琳通讯员史磊')).toEqual({ reporters: ['苏勇琳'], correspondents: ['史磊'], photographers: [] });
    expect(parseBylineLine('加记者郝军伟')).toEqual({ reporters: ['郝军伟'], correspondents: [], photographers: [] });
    expect(parseBylineLine('回本报记者孔飞通讯员胡一浪')).toEqual({ reporters: ['孔飞'], correspondents: ['胡一浪'], photographers: [] });
    // the mark read as two characters glued to 记者 (anshun-daily 2022-03-16/11, liupanshui-daily 2022-12-28/06)
    expect(parseBylineLine('上器记者 谭芳梅')).toEqual({ reporters: ['谭芳梅'], correspondents: [], photographers: [] });
    expect(parseBylineLine('上口本报记者 谭燕婷')).toEqual({ reporters: ['谭燕婷'], correspondents: [], photographers: [] });
    // and 本 of 本报 misread with it (liupanshui-daily 2022-05-10/11, qiandongnan-daily 2022-08-21/07, bijie-daily 2022-07-23/02)
    expect(parseBylineLine('图未报记者杨棉通讯员黄亲')).toEqual({ reporters: ['杨棉'], correspondents: ['黄亲'], photographers: [] });
    expect(parseBylineLine('国术报记者顾雪')).toEqual({ reporters: ['顾雪'], correspondents: [], photographers: [] });
    expect(parseBylineLine('口未報記者付俏麗')).toEqual({ reporters: ['付俏麗'], correspondents: [], photographers: [] });
    // the mark read as three signs, or a character and signs (tongren-daily 2022-08-29/05, anshun-daily 2022-11-16/01)
    expect(parseBylineLine('@@O 本报记者 江文鹏')).toEqual({ reporters: ['江文鹏'], correspondents: [], photographers: [] });
    expect(parseBylineLine('人@O 本报记者陆涛')).toEqual({ reporters: ['陆涛'], correspondents: [], photographers: [] });
    // a name set apart before the role word stays a name
    expect(parseBylineLine('张伟 记者 谭芳梅')).toEqual({ reporters: ['张伟', '谭芳梅'], correspondents: [], photographers: [] });
  });

  it('reads bylines printed on their own line', () => {
    expect(parseBylineLine('本报记者 吴涛')).toEqual({ reporters: ['吴涛'], correspondents: [], photographers: [] });
    expect(parseBylineLine('□ 记者 张三 通讯员 李四 王五')).toEqual({ reporters: ['张三'], correspondents: ['李四', '王五'], photographers: [] });
    expect(parseBylineLine('文/图 本报记者 张三')).toEqual({ reporters: ['张三'], photographers: ['张三'], correspondents: [] });
    expect(parseBylineLine('本报记者 刘洋 向婧')).toEqual({ reporters: ['刘洋', '向婧'], correspondents: [], photographers: [] });
  });

  it('refuses lines that only look like one', () => {
    expect(parseBylineLine('张三 李四')).toBeNull(); // no role word: a headline fragment
    expect(parseBylineLine('记者来到现场。')).toBeNull();
    expect(parseBylineLine('（记者 向婧 摄）')).toBeNull(); // a photo credit
  });
});

describe('parseCredit', () => {
  it.each([
    ['（记者 向婧 摄影报道）', '（记者 向婧 摄影报道）', ['向婧']],
    ['(张浪 摄)', '（张浪 摄）', ['张浪']],
    ['（通讯员 罗军 龙飞 摄）', '（通讯员 罗军 龙飞 摄）', ['罗军', '龙飞']],
    ['本报记者 王五 摄', '（本报记者 王五 摄）', ['王五']],
    ['（图片由绥阳县委宣传部提供）', '（图片由绥阳县委宣传部提供）', []],
    // the brackets as OCR reads them, the closing one perhaps lost after 摄
    ['《记者向婧摄影报道)', '（记者向婧摄影报道）', ['向婧']],
    ['《记者一丁摄影报道', '（记者一丁摄影报道）', ['一丁']],
    ['〈《张浪 摄）', '（张浪 摄）', ['张浪']],
  ])('%s', (text, credit, photographers) => {
    expect(parseCredit(text)).toEqual({ text: credit, people: { reporters: [], correspondents: [], photographers } });
  });

  it('is not fooled by a sentence ending in 摄', () => {
    expect(parseCredit('（这张照片是他在去年冬天拍摄）')).toBeNull();
    expect(parseCredit('《人民日报》')).toBeNull();
  });
});

describe('parsePeopleList', () => {
  it('splits names by spaces, 、 and role words, and keeps four-character names whole', () => {
    expect(parsePeopleList('记者张婷通讯员陈静')).toEqual({ reporters: ['张婷'], correspondents: ['陈静'], photographers: [] });
    expect(parsePeopleList('记者 欧阳小明')).toEqual({ reporters: ['欧阳小明'], correspondents: [], photographers: [] });
    expect(parsePeopleList('记者 阿依古丽·买买提')).toEqual({ reporters: ['阿依古丽·买买提'], correspondents: [], photographers: [] });
    // one character on its own is half a name: it joins the name after it, or the one before it
    expect(parsePeopleList('记者 曹 涵然 通讯员 田颖')).toEqual({ reporters: ['曹涵然'], correspondents: ['田颖'], photographers: [] });
    expect(parsePeopleList('记者 雷春 琪 通讯员 田颖')).toEqual({ reporters: ['雷春琪'], correspondents: ['田颖'], photographers: [] });
    expect(parsePeopleList('记者 欧阳小明 琪')).toBeNull();
    // a speck read as a hyphen or an underscore beside a name (tongren-daily 2022-03-27/01)
    expect(parsePeopleList('记者石洋通讯员-廖敏')).toEqual({ reporters: ['石洋'], correspondents: ['廖敏'], photographers: [] });
    expect(parsePeopleList('记者_石洋')).toEqual({ reporters: ['石洋'], correspondents: [], photographers: [] });
  });

  it('splits names OCR glued together where a common surname starts the second', () => {
    const reporters = (text: string) => parsePeopleList(text)?.reporters;
    expect(reporters('记者张伟陈亮冬')).toEqual(['张伟', '陈亮冬']);
    expect(reporters('记者龚明鹏邓冬')).toEqual(['龚明鹏', '邓冬']);
    expect(reporters('记者钱芳雷文')).toEqual(['钱芳', '雷文']);
    expect(reporters('記者餘梓孟紅')).toEqual(['餘梓', '孟紅']);
    // either place could start a name (韩, 丁): the more common surname decides
    expect(reporters('记者江霞韩丁彬')).toEqual(['江霞', '韩丁彬']);
    // a two-character surname makes a four-character name; no surname inside, no split
    expect(reporters('记者欧阳小明')).toEqual(['欧阳小明']);
    expect(reporters('记者司马相如')).toEqual(['司马相如']);
    expect(reporters('记者艾力亚尔')).toEqual(['艾力亚尔']);
    expect(reporters('记者次仁罗布')).toEqual(['次仁罗布']);
  });

  it('splits five characters that open with a surname though the second surname was misread', () => {
    expect(parsePeopleList('记者邓红波圳超通讯员韩浩')).toMatchObject({ reporters: ['邓红波', '圳超'], correspondents: ['韩浩'] });
    // five characters without a surname first are not two names where nothing says it is a byline
    expect(parsePeopleList('记者近日了解到')).toBeNull();
    // ...but not a name with the start of a role word broken at the line's end
    expect(parseLeadingByline('本报讯（记者魏丽琪通讯\n员梁鑫璐）2022年')?.people).toMatchObject({ reporters: ['魏丽琪'], correspondents: ['梁鑫璐'] });
  });

  it('joins a character broken off a glued pair of names to them', () => {
    // 彭红丽吴 / 伟通讯员: the line broke inside the second name
    expect(parseLeadingByline('本报讯(记者 彭红丽吴\n伟通讯员付俊宏) 2022年，镇宁县')?.people).toMatchObject({ reporters: ['彭红丽', '吴伟'], correspondents: ['付俊宏'] });
  });
});
