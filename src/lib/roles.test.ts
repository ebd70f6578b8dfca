import { describe, expect, it } from 'vitest';
import { containsRoleWord, endsInsideRoleWord, endsWithRoleWord, joinSplitRoleWords, nextRoleWord, roleWordAt, ROLE_WORDS, simplifyRoleChars, splitsRoleWord, STAFF_ROLE } from './roles.ts';

describe('role words', () => {
  it('are listed longest first, so that the longest word at a place wins', () => {
    const lengths = ROLE_WORDS.map(([word]) => word.length);
    expect(lengths).toEqual([...lengths].sort((a, b) => b - a));
    expect(roleWordAt('本报通讯员 陈静')).toEqual(['本报通讯员', 'correspondent']);
    expect(roleWordAt('摄影记者 向婧')).toEqual(['摄影记者', 'photographer']);
    expect(roleWordAt('张婷')).toBeUndefined();
  });

  it('are found inside text', () => {
    expect(nextRoleWord('张婷通讯员陈静')).toBe(2);
    expect(nextRoleWord('记者张婷', 1)).toBe(-1);
    expect(containsRoleWord('□ 特约记者 王五')).toBe(true);
    expect(containsRoleWord('张三 李四')).toBe(false);
  });

  it('name the newsroom staff for bylines in brackets', () => {
    const staff = new RegExp(`^(?:${STAFF_ROLE})`, 'u');
    for (const word of ['记者', '本报记者', '通讯员', '本报通讯员', '特约通讯员', '实习生', '特约记者', '见习记者', '撰稿']) expect(word, word).toMatch(staff);
    for (const word of ['摄影', '编译', '文/图', '社区']) expect(word, word).not.toMatch(staff);
  });

  it('tell where a line break falls inside one', () => {
    // every pair the parser joined before the words were listed in one place
    for (const [left, right] of [['通讯', '员'], ['本报', '记者'], ['记', '者'], ['实习', '生'], ['特约', '记者'], ['摄影报', '道'], ['见习', '记者'], ['首席', '记者'], ['融媒体', '记者'], ['全媒体', '记者'], ['摄', '影']]) {
      expect(splitsRoleWord(`记者 张婷 ${left}`, `${right} 陈静`), `${left}/${right}`).toBe(true);
    }
    // and the ones it missed
    expect(splitsRoleWord('特约', '通讯员 陈静')).toBe(true);
    expect(splitsRoleWord('新华社', '记者 王某')).toBe(true);
    // two names are not a role word
    expect(splitsRoleWord('记者 张婷', '陈静')).toBe(false);
  });

  it('carry a line that ends inside a role word on to the next one', () => {
    for (const line of ['通讯', '本报', '特约', '实习', '见习', '首席', '摄影报', '融媒体', '全媒体', '本报特约通讯', '新华社记']) expect(endsInsideRoleWord(`（记者 张婷 ${line}`), line).toBe(true);
    // a whole word, or a single character, does not carry
    for (const line of ['记者', '摄影', '通讯员', '记', '摄']) expect(endsInsideRoleWord(`张婷 ${line}`), line).toBe(false);
  });

  it('join the words a line break split, and only those', () => {
    expect(joinSplitRoleWords('记者 张婷 通讯\n员 陈静')).toBe('记者 张婷 通讯员 陈静');
    expect(joinSplitRoleWords('本报特约通\n 讯员 陈静')).toBe('本报特约通讯员 陈静');
    expect(joinSplitRoleWords('记者 张婷\n陈静')).toBe('记者 张婷\n陈静');
  });

  it('end a line before names', () => {
    expect(endsWithRoleWord('本报讯（实习生')).toBe(true);
    expect(endsWithRoleWord('文/图')).toBe(true);
    expect(endsWithRoleWord('张婷')).toBe(false);
  });

  it('join up when a line break splits them in traditional characters (通訊 / 員)', () => {
    expect(splitsRoleWord('（記者王雪磊通訊', '員鄒晶凱）')).toBe(true);
    expect(endsInsideRoleWord('本報訊（記者王雪磊通訊')).toBe(true);
    expect(joinSplitRoleWords('（記者王雪磊通\n訊員鄒晶凱）')).toBe('（記者王雪磊通訊員鄒晶凱）');
    expect(joinSplitRoleWords('（記者王雪磊\n鄒晶凱）')).toBe('（記者王雪磊\n鄒晶凱）');
  });

  it('are read in traditional characters too, position for position', () => {
    expect(simplifyRoleChars('本報訊（記者 陳靜 通訊員）')).toBe('本报讯（记者 陳靜 通讯员）');
  });
});
