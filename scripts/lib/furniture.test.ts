import { describe, expect, it } from 'vitest';
import { headerSignals, parseHeaderLine, parseJumpLine, readsLikeText } from './furniture.ts';

describe('page furniture', () => {
  it('reads a header line and counts its signals', () => {
    expect(parseHeaderLine('2023年1月17日 星期二 3 文明实践 责任编辑 李明')).toMatchObject({ date: '2023-01-17', page: 3, pageName: '文明实践', credits: [{ role: '责任编辑', names: ['李明'] }] });
    expect(headerSignals('责任编辑 李明')).toBe(1);
    // the colon after a role read as a comma is still a credit
    expect(headerSignals('民生  责任编辑，丁红')).toBe(1);
    expect(readsLikeText('民生  责任编辑，丁红')).toBe(false);
    // a comma between two credits is the header's, not a sentence's
    expect(readsLikeText('责任编辑：李明，校对：王芳')).toBe(false);
    expect(headerSignals('编辑：赵敏, 美编：刘洋')).toBe(1);
    // …but a comma in a sentence before a credit word is the sentence's
    expect(readsLikeText('动计划》，统筹民生实事')).toBe(true);
  });

  it('does not take text or a headline that holds a credit word for a header', () => {
    // 统筹 is a credit role (统筹 王五), 就业创业 and 政策宣传 look like names after it
    for (const line of ['平塘县统筹就业创业', '区统筹政策宣传，共计开展活动', '三穗县凤关乡统筹示范创建']) {
      expect(readsLikeText(line)).toBe(true);
      expect(headerSignals(line)).toBe(0);
      expect(parseHeaderLine(line)).toBeNull();
    }
    expect(headerSignals('统筹 王五')).toBe(1);
  });

  it('takes no text that starts with a credit word for a line of credits', () => {
    // 统筹 as the verb opening a line of text, with the rest of the sentence after a comma
    for (const line of ['统筹移风易俗，进一步实', '统筹监督检查，让返乡']) expect(parseHeaderLine(line)).toBeNull();
    expect(parseHeaderLine('责任编辑：李明，校对：王芳')).toMatchObject({ credits: [{ role: '责任编辑', names: ['李明'] }, { role: '校对', names: ['王芳'] }] });
  });

  it('takes no jump line for the page header, whatever OCR made of its bracket', () => {
    for (const line of ['(下转第11版)', '（下转第2版）', '\\下转第10版)', '|上接第1版）']) expect(parseHeaderLine(line)).toBeNull();
    expect(parseHeaderLine('第7版')).toMatchObject({ page: 7 });
  });

  it('reads a jump line whose page number OCR misread, a 1 read as ] or l', () => {
    expect(parseJumpLine('(下转第1]版)')).toBe('下转第11版');
    expect(parseJumpLine('（上接第l版）')).toBe('上接第1版');
    expect(parseJumpLine('(下转第12版)')).toBe('下转第12版');
    expect(parseJumpLine('(下转第1]]]版)')).toBeNull();
  });
});
