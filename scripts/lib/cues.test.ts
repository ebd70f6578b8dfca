import { describe, expect, it } from 'vitest';
import { isTelephoneLine, opensParagraph, opensWithQuotedSentence } from './cues.ts';

describe('isTelephoneLine', () => {
  it('reads an advertisement telephone line, its colon read as a colon, a semicolon or a comma', () => {
    for (const line of ['服务电话：400-3381298', '售楼热线: 0851-28972734', '服务电话； 400-3381298', '咨询电话，0851 2897 2734', '联系电话；： 1389013640', '地址：遵义市汇川区']) expect(isTelephoneLine(line)).toBe(true);
  });

  it('leaves a sentence about telephones alone', () => {
    for (const line of ['该局开通服务电话，方便群众咨询。', '拨打热线反映问题']) expect(isTelephoneLine(line)).toBe(false);
  });
});

describe('opensParagraph', () => {
  it('reads the words that open a paragraph, in simplified and in traditional type', () => {
    for (const text of ['据了解，该中心印发', '據瞭解，該中心印發', '近年来，道真县', '近年來，道真縣', '連日來，播州區', '該縣以“四單”為抓手', '下一步，该局将']) expect(opensParagraph(text)).toBe(true);
  });

  it('leaves text that carries on a sentence alone', () => {
    for (const text of ['全，进一步聚焦体系建设', '民深入正龙街道开展', '了解，该中心']) expect(opensParagraph(text)).toBe(false);
  });
});

describe('opensWithQuotedSentence', () => {
  it('reads a quoted sentence, its closing mark read or lost, and a quoted slogan as none', () => {
    expect(opensWithQuotedSentence('“志愿者常来看我们。”陶大爷说。')).toBe(true);
    // tongren-daily 2022-09-18/01, degraded: OCR lost the closing mark
    expect(opensWithQuotedSentence('“志愿者常来看我们。陶大爷说。')).toBe(true);
    expect(opensWithQuotedSentence('“四单”为抓手，推动辣椒产业工作走深走实。')).toBe(false);
    expect(opensWithQuotedSentence('“最多跑一次”改革，让群众少跑腿。')).toBe(false);
    expect(opensWithQuotedSentence('据了解，“四单”')).toBe(false);
  });
});
