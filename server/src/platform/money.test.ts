import { describe, expect, it } from 'vitest';
import { excelAmount, fenToWanYuan, fenToWanYuanExact, fenToYuan, yuanTextToFen, yuanToFen } from './money';

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

  it('prints 元 from a whole number of fen as from the same BigInt, up to 2^53', () => {
    const samples = [0, 1, 9, 10, 99, 100, 101, 123_456, 100_000_007, Number.MAX_SAFE_INTEGER];
    for (let i = 0; i < 2000; i++) samples.push(Math.floor(Math.random() * Number.MAX_SAFE_INTEGER));
    for (const fen of samples) {
      expect(fenToYuan(fen)).toBe(fenToYuan(BigInt(fen)));
      expect(fenToYuan(-fen)).toBe(fen === 0 ? '0.00' : fenToYuan(-BigInt(fen)));
    }
    expect(fenToYuan(Number.MAX_SAFE_INTEGER)).toBe('90071992547409.91');
    expect(fenToYuan(-1)).toBe('-0.01');
  });

  it('prints sums beyond 2^53 fen exactly (BigInt), and rounds 万元 half up on the exact amount', () => {
    const beyond = 2n ** 53n + 1n; // 9007199254740993 fen: no double holds it
    expect(fenToYuan(beyond)).toBe('90071992547409.93');
    expect(fenToYuan(-beyond)).toBe('-90071992547409.93');
    expect(fenToWanYuan(beyond)).toBe('9007199254.7410');
    expect(fenToWanYuan(beyond, 2)).toBe('9007199254.74');
    expect(fenToWanYuan(-5_000n, 2)).toBe('-0.01');
    expect(fenToWanYuan(-4_999n, 2)).toBe('0.00');
    expect(fenToWanYuanExact(beyond)).toBe('9007199254.740993');
    expect(fenToWanYuanExact(1_000_000n)).toBe('1.0000');
    expect(yuanTextToFen('90071992547409.93')).toBe(beyond);
    expect(yuanTextToFen('-1.5')).toBe(-150n);
    expect(yuanTextToFen('1.234')).toBeNull();
  });

  it('writes a spreadsheet number only when Excel holds it exactly (15 significant digits), text beyond', () => {
    expect(excelAmount('9999999999999.99')).toBe(9999999999999.99);
    expect(excelAmount('10000000000000.00')).toBe(1e13);
    expect(excelAmount('-0.05')).toBe(-0.05);
    expect(excelAmount('90071992547409.93')).toBe('90071992547409.93');
    expect(excelAmount('9007199254.740993')).toBe('9007199254.740993');
  });
});
