import { describe, expect, it } from 'vitest';
import { maskIdNumber, maskName, maskPhone } from './masking';

describe('masking complainants’ personal data', () => {
  it('masks phone numbers as 138****1234', () => {
    expect(maskPhone('13812341234')).toBe('138****1234');
    expect(maskPhone('021-69611097')).toBe('021****1097');
    expect(maskPhone(null)).toBeNull();
  });
  it('keeps only the family name and the ends of an ID number', () => {
    expect(maskName('张三丰')).toBe('张**');
    expect(maskIdNumber('310230199001011234')).toBe('3102**********1234');
  });
});
