/**
 * 统一社会信用代码 (unified social credit code), GB 32100-2015: 18 characters from a 31-character
 * set (digits and capitals without I, O, S, V, Z); the 18th is a check character over the first 17.
 */
const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** The check character the first 17 characters call for. */
export function creditCodeCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CHARSET.indexOf(first17[i]) * WEIGHTS[i];
  return CHARSET[(31 - (sum % 31)) % 31];
}

/** Why a credit code is wrong, in Chinese, or null when it is valid. Lower case is accepted. */
export function creditCodeProblem(raw: string): string | null {
  const code = raw.trim().toUpperCase();
  if (code.length !== 18) return `统一社会信用代码应为18位，现为${code.length}位`;
  const bad = [...code].find((ch) => !CHARSET.includes(ch));
  if (bad) return `统一社会信用代码含有不允许的字符“${bad}”（不使用I、O、S、V、Z）`;
  const expected = creditCodeCheckChar(code);
  if (code[17] !== expected) return `统一社会信用代码校验位错误：第18位应为“${expected}”，现为“${code[17]}”`;
  return null;
}

export const normalizeCreditCode = (raw: string) => raw.trim().toUpperCase();
