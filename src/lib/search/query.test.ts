import { describe, expect, it } from 'vitest';
import { essentialClauses, essentialTerms, formatQuery, parseQuery } from './query.ts';

const clauses = (input: string) => parseQuery(input).clauses;

describe('parseQuery', () => {
  it('splits terms on spaces; quoted terms keep their spaces', () => {
    expect(clauses('张婷 志愿服务')).toEqual([['张婷'], ['志愿服务']]);
    expect(clauses('"New York" 时报')).toEqual([['New York'], ['时报']]);
    expect(clauses('“文明 实践” 新蒲')).toEqual([['文明实践'], ['新蒲']]);
    expect(clauses('「新时代」')).toEqual([['新时代']]);
    expect(clauses('＂New York＂')).toEqual([['New York']]);
    // the quotes are syntax, punctuation inside them is text
    expect(clauses('“文明实践·新蒲有约”')).toEqual([['文明实践·新蒲有约']]);
    expect(clauses('"文明实践·新蒲有约" 2022年')).toEqual([['文明实践·新蒲有约'], ['2022年']]);
    expect(parseQuery('-“文明实践·新蒲有约”')).toEqual({ clauses: [], excluded: ['文明实践·新蒲有约'] });
  });

  it('takes an unclosed quote to the end and ignores empty terms', () => {
    expect(clauses('疫情 "防控 工作')).toEqual([['疫情'], ['防控工作']]);
    expect(parseQuery('"" 　 ')).toEqual({ clauses: [], excluded: [] });
  });

  it('joins the terms on either side of 或, OR or | into one clause', () => {
    for (const query of ['疫情 或 防控', '疫情 OR 防控', '疫情 | 防控', '疫情|防控', '疫情｜防控']) expect(clauses(query), query).toEqual([['疫情', '防控']]);
    expect(clauses('张婷 疫情 或 防控 或 春联 红花岗')).toEqual([['张婷'], ['疫情', '防控', '春联'], ['红花岗']]);
    expect(clauses('"New York" OR 纽约')).toEqual([['New York', '纽约']]);
  });

  it('takes an operator without a term on both sides, or in quotes, as a term', () => {
    expect(clauses('或')).toEqual([['或']]);
    expect(clauses('疫情 或')).toEqual([['疫情'], ['或']]);
    expect(clauses('OR 疫情')).toEqual([['OR'], ['疫情']]);
    expect(clauses('疫情 "或" 防控')).toEqual([['疫情'], ['或'], ['防控']]);
    // lower case is a word, not the operator
    expect(clauses('a or b')).toEqual([['a'], ['or'], ['b']]);
  });

  it('excludes terms after a minus, also quoted ones', () => {
    expect(parseQuery('疫情 -防控')).toEqual({ clauses: [['疫情']], excluded: ['防控'] });
    expect(parseQuery('-疫情')).toEqual({ clauses: [], excluded: ['疫情'] });
    expect(parseQuery('春联 -"New York" －张婷')).toEqual({ clauses: [['春联']], excluded: ['New York', '张婷'] });
    expect(parseQuery('疫情 OR -防控 春联')).toEqual({ clauses: [['疫情'], ['春联']], excluded: ['防控'] });
    // a minus inside a word, or alone, is text
    expect(parseQuery('COVID-19 疫情')).toEqual({ clauses: [['COVID-19'], ['疫情']], excluded: [] });
    expect(parseQuery('疫情 -')).toEqual({ clauses: [['疫情'], ['-']], excluded: [] });
  });

  it('drops repeated terms and terms implied by others', () => {
    expect(essentialTerms(['疫情', '疫情防控', '疫情'])).toEqual(['疫情防控']);
    expect(essentialTerms(['pm2.5', 'PM2.5'])).toEqual(['pm2.5']);
    expect(clauses('防控 疫情防控工作 张婷')).toEqual([['疫情防控工作'], ['张婷']]);
    expect(essentialClauses([['疫情', '疫情防控'], ['防控', '春联'], ['春联', '防控']])).toEqual([['疫情'], ['防控', '春联']]);
    // a single term inside a clause of alternatives is not implied by it
    expect(essentialClauses([['疫情'], ['疫情防控', '春联']])).toEqual([['疫情'], ['疫情防控', '春联']]);
  });

  it('formats a query back, quoting terms with spaces and operators', () => {
    expect(formatQuery({ clauses: [['New York', '时报'], ['或']], excluded: ['张婷'] })).toBe('"New York" 或 时报 "或" -张婷');
    expect(parseQuery(formatQuery(parseQuery('"New York" OR 时报 "或" -张婷')))).toEqual(parseQuery('"New York" OR 时报 "或" -张婷'));
  });
});
