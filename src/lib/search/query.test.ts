import { describe, expect, it } from 'vitest';
import { essentialTerms, formatQuery, parseQuery } from './query.ts';

describe('parseQuery', () => {
  it('splits terms on spaces; quoted terms keep their spaces', () => {
    expect(parseQuery('张婷 志愿服务').terms).toEqual(['张婷', '志愿服务']);
    expect(parseQuery('"New York" 时报').terms).toEqual(['New York', '时报']);
    expect(parseQuery('“文明 实践” 新蒲').terms).toEqual(['文明实践', '新蒲']);
    expect(parseQuery('「新时代」').terms).toEqual(['新时代']);
  });

  it('takes an unclosed quote to the end and ignores empty terms', () => {
    expect(parseQuery('疫情 "防控 工作').terms).toEqual(['疫情', '防控工作']);
    expect(parseQuery('"" 　 ').terms).toEqual([]);
  });

  it('drops repeated terms and terms inside longer ones', () => {
    expect(essentialTerms(['疫情', '疫情防控', '疫情'])).toEqual(['疫情防控']);
    expect(essentialTerms(['pm2.5', 'PM2.5'])).toEqual(['pm2.5']);
    expect(parseQuery('防控 疫情防控工作 张婷').terms).toEqual(['疫情防控工作', '张婷']);
  });

  it('formats terms back, quoting those with spaces', () => {
    expect(formatQuery(['New York', '时报'])).toBe('"New York" 时报');
  });
});
