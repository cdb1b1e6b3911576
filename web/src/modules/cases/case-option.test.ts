import { describe, expect, it } from 'vitest';
import { caseOption } from './case-option';

describe('a case in a picker', () => {
  it('shows its number and its name', () => {
    expect(caseOption({ id: 'a', caseNumber: '崇市监立〔2026〕12号', name: '销售标签不全的月饼案' })).toEqual({
      value: 'a',
      label: '崇市监立〔2026〕12号 销售标签不全的月饼案',
    });
  });

  it('shows the number alone when the name adds nothing', () => {
    expect(caseOption({ id: 'b', caseNumber: 'X-1', name: ' ' }).label).toBe('X-1');
    expect(caseOption({ id: 'c', caseNumber: 'X-2', name: 'X-2' }).label).toBe('X-2');
  });
});
