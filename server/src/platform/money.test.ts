import { describe, expect, it } from 'vitest';
import { fenToWanYuan, fenToYuan, yuanToFen } from './money';

describe('money in fen', () => {
  it('parses 元 with up to two decimals exactly', () => {
    expect(yuanToFen('1234.5')).toBe(123450);
    expect(yuanToFen('1,234.56')).toBe(123456);
    expect(yuanToFen('0.07')).toBe(7);
    expect(yuanToFen(0.1 + 0.2)).toBe(30); // a spreadsheet's double for 0.30
    expect(yuanToFen(12.345)).toBeNull();
    expect(yuanToFen(19.99)).toBe(1999);
    expect(yuanToFen('12.345')).toBeNull();
    expect(yuanToFen('十元')).toBeNull();
    expect(yuanToFen('')).toBeNull();
  });

  it('adds without floating-point drift and prints 元 and 万元', () => {
    const total = [yuanToFen('0.10')!, yuanToFen('0.20')!].reduce((a, b) => a + b, 0);
    expect(fenToYuan(total)).toBe('0.30');
    expect(fenToYuan(5)).toBe('0.05');
    expect(fenToWanYuan(123_456_789)).toBe('123.4568');
    expect(fenToWanYuan(50, 2)).toBe('0.00');
    expect(fenToWanYuan(500_000, 0)).toBe('1');
  });
});
