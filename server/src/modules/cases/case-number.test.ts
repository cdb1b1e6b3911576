import { describe, expect, it } from 'vitest';
import {
  casePatternPrefix,
  casePatternProblem,
  defaultCasePattern,
  formatCaseNumber,
  nextCaseNumber,
  sequenceOf,
} from './case-number';

describe('automatic case numbers (案件文号)', () => {
  const pattern = '崇市监案〔{year}〕{seq}号';

  it('formats the year and the sequence, padding {seq:N}', () => {
    expect(formatCaseNumber(pattern, 2026, 7)).toBe('崇市监案〔2026〕7号');
    expect(formatCaseNumber('崇市监处字〔{year}〕第{seq:3}号', 2026, 7)).toBe('崇市监处字〔2026〕第007号');
    expect(formatCaseNumber('{year}-{seq:3}', 2026, 1234)).toBe('2026-1234');
  });

  it('counts on from the highest number of that year under the pattern', () => {
    const inUse = [
      '崇市监案〔2026〕3号',
      '崇市监案〔2026〕12号',
      '崇市监案〔2025〕40号',
      '手工编号-99',
      '崇市监案〔2026〕x号',
    ];
    expect(nextCaseNumber(pattern, 2026, inUse)).toBe('崇市监案〔2026〕13号');
    expect(nextCaseNumber(pattern, 2025, inUse)).toBe('崇市监案〔2025〕41号');
    expect(nextCaseNumber(pattern, 2027, inUse)).toBe('崇市监案〔2027〕1号');
    // Padded numbers are read back as numbers.
    expect(nextCaseNumber('A{year}-{seq:3}', 2026, ['A2026-009', 'A2026-010'])).toBe('A2026-011');
  });

  it('reads the sequence back only from a number of the pattern and year', () => {
    expect(sequenceOf(pattern, 2026, '崇市监案〔2026〕12号')).toBe(12);
    expect(sequenceOf(pattern, 2026, '崇市监案〔2025〕12号')).toBeNull();
    expect(sequenceOf('(x){year}.{seq}', 2026, '(x)2026.5')).toBe(5);
    expect(sequenceOf('(x){year}.{seq}', 2026, '(x)2026a5')).toBeNull();
    expect(casePatternPrefix(pattern, 2026)).toBe('崇市监案〔2026〕');
  });

  it('refuses bad patterns naming the field', () => {
    expect(casePatternProblem(pattern)).toBeNull();
    expect(casePatternProblem('崇市监处字〔{year}〕第{seq:3}号')).toBeNull();
    expect(casePatternProblem('')).toMatch(/请填写案件文号格式/);
    expect(casePatternProblem('崇市监案{seq}号')).toMatch(/案件文号格式应含一个 \{year\}/);
    expect(casePatternProblem('崇市监案〔{year}〕号')).toMatch(/案件文号格式应含一个 \{seq\}/);
    expect(casePatternProblem('{year}{seq}{seq}')).toMatch(/应含一个 \{seq\}/);
    expect(casePatternProblem('{year}-{unit}-{seq}')).toMatch(/不认识“\{unit\}”/);
    expect(casePatternProblem('{year}-{seq:0}')).toMatch(/位数应在1至8之间/);
    expect(casePatternProblem('{year}-{seq}-{')).toMatch(/花括号/);
    expect(casePatternProblem(`${'长'.repeat(60)}{year}{seq}`)).toMatch(/不能超过60个字符/);
  });

  it('derives the default from the unit name', () => {
    expect(defaultCasePattern('崇州市市场监督管理局')).toBe('崇市监案〔{year}〕{seq}号');
    expect(casePatternProblem(defaultCasePattern('崇州市市场监督管理局'))).toBeNull();
  });
});
