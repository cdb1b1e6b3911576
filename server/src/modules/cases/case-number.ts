/**
 * 案件文号: the automatic case number of a unit, from its pattern, e.g. "崇市监案〔{year}〕{seq}号"
 * → "崇市监案〔2026〕7号"; "{seq:3}" pads the sequence to three digits ("007"). The sequence counts
 * per unit and year: the next one is the highest already used under the pattern that year, plus 1.
 * Pure; the filing transaction supplies the numbers in use (cases.service / case-filing.ts).
 */

const TOKEN = /\{([a-z]+)(?::(\d+))?\}/g;
const MAX_PATTERN = 60;

/** What is wrong with a pattern, in Chinese naming the field (案件文号格式), or null when it is usable. */
export function casePatternProblem(pattern: string): string | null {
  const field = '案件文号格式';
  if (!pattern.trim()) return `请填写${field}，例如 崇市监案〔{year}〕{seq}号`;
  if (pattern.length > MAX_PATTERN) return `${field}不能超过${MAX_PATTERN}个字符`;
  let year = 0;
  let seq = 0;
  for (const m of pattern.matchAll(TOKEN)) {
    if (m[1] === 'year' && m[2] === undefined) year++;
    else if (m[1] === 'seq') {
      seq++;
      const width = m[2] === undefined ? 1 : Number(m[2]);
      if (width < 1 || width > 8) return `${field}中 {seq:N} 的位数应在1至8之间`;
    } else return `${field}只能使用 {year}（年份）和 {seq}（序号，{seq:3} 补足三位）两个占位符，不认识“${m[0]}”`;
  }
  const rest = pattern.replace(TOKEN, '');
  if (/[{}]/.test(rest)) return `${field}中的花括号只能用于 {year} 和 {seq}`;
  if (year !== 1) return `${field}应含一个 {year}（年份），序号按单位和年度编排`;
  if (seq !== 1) return `${field}应含一个 {seq}（序号）`;
  return null;
}

/** The unit's short name (简称) for the default pattern: the first character of its place name. */
export function defaultCasePattern(unitName: string): string {
  const first = unitName.trim().charAt(0) || '市';
  return `${first}市监案〔{year}〕{seq}号`;
}

/** The case number of a sequence in a year. The pattern must be usable (casePatternProblem). */
export function formatCaseNumber(pattern: string, year: number, seq: number): string {
  return pattern.replace(TOKEN, (_all, name: string, width?: string) =>
    name === 'year' ? String(year) : String(seq).padStart(width ? Number(width) : 1, '0'),
  );
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The sequence of a number written under the pattern in that year, or null when it is not one. */
export function sequenceOf(pattern: string, year: number, caseNumber: string): number | null {
  let source = '';
  let last = 0;
  for (const m of pattern.matchAll(TOKEN)) {
    source += escapeRegExp(pattern.slice(last, m.index));
    source += m[1] === 'year' ? String(year) : '(\\d+)';
    last = m.index + m[0].length;
  }
  source += escapeRegExp(pattern.slice(last));
  const match = new RegExp(`^${source}$`).exec(caseNumber);
  return match ? Number(match[1]) : null;
}

/** The text every number of the pattern in that year starts with (to find them along an index). */
export function casePatternPrefix(pattern: string, year: number): string {
  const seqAt = pattern.search(/\{seq(?::\d+)?\}/);
  return formatCaseNumber(pattern.slice(0, seqAt), year, 0);
}

/** The next number of the year: one more than the highest sequence among the numbers in use. */
export function nextCaseNumber(pattern: string, year: number, numbersInUse: Iterable<string>): string {
  let highest = 0;
  for (const n of numbersInUse) {
    const seq = sequenceOf(pattern, year, n);
    if (seq !== null && seq > highest) highest = seq;
  }
  return formatCaseNumber(pattern, year, highest + 1);
}
