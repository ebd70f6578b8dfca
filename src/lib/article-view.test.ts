import { describe, expect, it } from 'vitest';
import { articleSchema } from '../schemas/article.ts';
import { bylineText, captionSentences, peopleLine, photoHeadline, photoItemAlt, photoSubjects, printedByline, type ArticleView } from './article-view.ts';

describe('photo headlines', () => {
  it("take what the caption's 图为 sentence says the picture shows", () => {
    expect(photoHeadline(['日前，赤水市春节“送文化下乡”活动在该市复兴镇举行。图为群众展示领到的春联。'])).toBe('群众展示领到的春联');
    // a paragraph that stops without a full stop still ends a sentence
    expect(captionSentences(['连日来，各社区开展主题活动，确保他们过上一个愉快祥和', '图为1月15日，工作人员送去慰问品。'])).toEqual([
      '连日来，各社区开展主题活动，确保他们过上一个愉快祥和',
      '图为1月15日，工作人员送去慰问品。',
    ]);
    expect(photoHeadline(['连日来，各社区开展主题活动', '图为：工作人员送去慰问品。'])).toBe('工作人员送去慰问品');
  });

  it('fall back to the first sentence, then to the first characters', () => {
    expect(photoHeadline(['近日，党员志愿者为老人送去“心愿包”。据了解，包内装有大米。'])).toBe('近日，党员志愿者为老人送去“心愿包”');
    const long = '近日，'.concat('很长的说明文字'.repeat(10), '。');
    expect(photoHeadline([long])).toMatch(/^近日，很长的说明文字.+……$/u);
    expect(photoHeadline([])).toBe('图片');
  });

  it('give the same subject to the picture\'s text alternative', () => {
    const caption = ['日前，赤水市春节“送文化下乡”活动在该市复兴镇举行。图为群众展示领到的春联。'];
    expect(photoSubjects(caption)).toEqual(['群众展示领到的春联', '日前，赤水市春节“送文化下乡”活动在该市复兴镇举行']);
    expect(photoItemAlt(caption, '标题')).toBe('群众展示领到的春联');
    // a subject too long for a headline is still the picture's description, cut at 60 characters
    const long = `图为${'很长的说明文字'.repeat(10)}。`;
    expect(photoHeadline([long])).toMatch(/^图为很长的说明文字.+……$/u);
    expect(photoItemAlt([long], '标题')).toMatch(/^很长的说明文字.+……$/u);
    expect(photoItemAlt([], '春联送到家！')).toBe('春联送到家');
  });
});

describe('printed bylines', () => {
  const data = (fields: Record<string, unknown>) => articleSchema.parse({ kind: 'article', ...fields });

  it('put the people in brackets after the dateline, as printed', () => {
    expect(printedByline(data({ dateline: '本报讯', reporters: ['张婷'], correspondents: ['陈静'] }))).toEqual({ dateline: '本报讯', people: '（记者 张婷 通讯员 陈静）' });
    expect(printedByline(data({ reporters: ['李明', '王芳'] }))).toEqual({ dateline: null, people: '记者 李明 王芳' });
  });

  it('credit a reporter who also took the photos 文/图, and a separate photographer 摄影', () => {
    expect(printedByline(data({ dateline: '本报讯', reporters: ['张婷'], photographers: ['张婷'] })).people).toBe('（记者 张婷 文/图）');
    expect(printedByline(data({ reporters: ['张婷'], photographers: ['向婧'] })).people).toBe('记者 张婷 摄影 向婧');
    expect(printedByline(data({ dateline: '新华社北京2月5日电' }))).toEqual({ dateline: '新华社北京2月5日电', people: '' });
  });

  it('read as one line, and without the brackets on cards', () => {
    expect(bylineText(data({ dateline: '本报讯', reporters: ['张婷'], correspondents: ['陈静'] }))).toBe('本报讯（记者 张婷 通讯员 陈静）');
    expect(bylineText(data({}))).toBe('');
    const card = (fields: Record<string, unknown>, authors: string[]) => peopleLine({ ref: { entry: { data: data(fields) } }, authors } as unknown as Pick<ArticleView, 'ref' | 'authors'>);
    expect(card({ dateline: '本报讯', reporters: ['张婷'], correspondents: ['陈静'] }, ['张婷'])).toBe('记者 张婷 通讯员 陈静');
    expect(card({ kind: 'photo', photographers: ['向婧'] }, ['向婧'])).toBe('摄影 向婧');
    expect(card({ kind: 'photo' }, [])).toBe('');
  });
});
