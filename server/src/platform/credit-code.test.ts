import { describe, expect, it } from 'vitest';
import { creditCodeCheckChar, creditCodeProblem } from './credit-code';

// Published codes of real organisations (their registers are public).
const VALID = ['91350100M000100Y43', '91110000802100433B', '91440300708461136T'];

describe('统一社会信用代码 (GB 32100-2015)', () => {
  it('accepts valid codes, in either case', () => {
    for (const code of VALID) expect(creditCodeProblem(code)).toBeNull();
    expect(creditCodeProblem(VALID[0].toLowerCase())).toBeNull();
  });

  it('names the check character a mistyped code should have', () => {
    const wrong = `${VALID[0].slice(0, 17)}0`;
    expect(creditCodeProblem(wrong)).toBe(
      `统一社会信用代码校验位错误：第18位应为“${creditCodeCheckChar(VALID[0])}”，现为“0”`,
    );
    expect(creditCodeCheckChar(VALID[0])).toBe('3');
  });

  it('refuses wrong lengths and letters the standard leaves out', () => {
    expect(creditCodeProblem('9135010')).toMatch(/应为18位，现为7位/);
    expect(creditCodeProblem('91350100M000100I43')).toMatch(/不允许的字符“I”/);
  });

  it('catches every single-character typo', () => {
    const code = VALID[1];
    const charset = '0123456789ABCDEFGHJKLMNPQRTUWXY';
    for (let i = 0; i < 18; i++) {
      for (const ch of charset) {
        if (ch === code[i]) continue;
        expect(creditCodeProblem(code.slice(0, i) + ch + code.slice(i + 1))).not.toBeNull();
      }
    }
  });
});
