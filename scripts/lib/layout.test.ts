import { describe, expect, it } from 'vitest';
import { splitUnits } from './layout.ts';
import { parseBylineLine, parseCredit } from './people.ts';

const units = (lines: string[]) => splitUnits(lines, new Set(), (line) => parseBylineLine(line) !== null || parseCredit(line) !== null).map((unit) => unit.segments.map((s) => s.text));

describe('splitUnits', () => {
  it('keeps a byline whose last name wraps onto the next line of a narrow column as one unit', () => {
    expect(units(['文化传承工作不断巩固', '@记者 张峰通讯员段', '航春', '', '　　2022年，水城区团委'])).toEqual([['文化传承工作不断巩固'], ['@记者 张峰通讯员段', '航春'], ['　　2022年，水城区团委']]);
  });

  it('leaves a byline on one line and a short line after it apart', () => {
    expect(units(['□记者 张婷', '春联', '', '　　2022年，新蒲新区'])).toEqual([['□记者 张婷'], ['春联'], ['　　2022年，新蒲新区']]);
  });

  it('joins a credit whose lines the reading order set apart', () => {
    // (彭秋浪 stood level with the caption's last line, 摄) under it
    expect(units(['17日，老年人展示领到', '', '的春联。', '', '(彭秋浪', '', '摄)', '', '技能培训，推动移风'])).toEqual([['17日，老年人展示领到'], ['的春联。'], ['(彭秋浪', '摄)'], ['技能培训，推动移风']]);
    // a bracket left open before ordinary text stays as it is
    expect(units(['(彭秋浪', '', '据了解'])).toEqual([['(彭秋浪'], ['据了解']]);
  });

  it('keeps a byline broken inside a role word together among short lines', () => {
    // short lines without punctuation read as a stack of headline lines, each a unit of its own
    expect(units(['独山县落实医', '疗卫生服务', '', '@记者魏丽琪通讯', '员 梁璐', '', '　　2022年，独山县探'])).toEqual([['独山县落实医'], ['疗卫生服务'], ['@记者魏丽琪通讯', '员 梁璐'], ['　　2022年，独山县探']]);
  });
});
