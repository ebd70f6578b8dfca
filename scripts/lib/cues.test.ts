import { describe, expect, it } from 'vitest';
import { isTelephoneLine } from './cues.ts';

describe('isTelephoneLine', () => {
  it('reads an advertisement telephone line, its colon read as a colon, a semicolon or a comma', () => {
    for (const line of ['服务电话：400-3381298', '售楼热线: 0851-28972734', '服务电话； 400-3381298', '咨询电话，0851 2897 2734', '联系电话；： 1389013640', '地址：遵义市汇川区']) expect(isTelephoneLine(line)).toBe(true);
  });

  it('leaves a sentence about telephones alone', () => {
    for (const line of ['该局开通服务电话，方便群众咨询。', '拨打热线反映问题']) expect(isTelephoneLine(line)).toBe(false);
  });
});
