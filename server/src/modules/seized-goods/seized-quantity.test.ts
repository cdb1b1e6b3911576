import { describe, expect, it } from 'vitest';
import {
  custodyBalance,
  disposalProblem,
  fromThousandths,
  normalizeQuantity,
  quantityProblem,
  seizedBelowDisposed,
  toThousandths,
} from './seized-quantity';

describe('seized quantities (exact thousandths)', () => {
  it('reads and writes decimal text without floats', () => {
    expect(toThousandths('3478')).toBe(3_478_000n);
    expect(toThousandths('247.15')).toBe(247_150n);
    expect(toThousandths('0.001')).toBe(1n);
    expect(toThousandths('9999999999999.999')).toBe(9_999_999_999_999_999n);
    expect(fromThousandths(247_150n)).toBe('247.15');
    expect(fromThousandths(1n)).toBe('0.001');
    expect(fromThousandths(3_478_000n)).toBe('3478');
    expect(normalizeQuantity('125.800')).toBe('125.8');
    expect(normalizeQuantity('0.000')).toBe('0');
  });

  it('refuses what numeric(16,3) cannot hold', () => {
    for (const bad of ['1.0001', '-1', '1e3', '', '.5', '12345678901234', 'abc'])
      expect(toThousandths(bad), bad).toBeNull();
    expect(quantityProblem('0', '数量')).toBe('数量应大于0');
    expect(quantityProblem('1.2345', '数量')).toMatch(/3位小数/);
    expect(quantityProblem('0.001', '数量')).toBeNull();
  });

  it('adds 0.1 and 0.2 to exactly 0.3', () => {
    const b = custodyBalance('0.3', [
      { kind: 'destroyed', quantity: '0.1' },
      { kind: 'destroyed', quantity: '0.2' },
    ]);
    expect(b.out).toBe(300n);
    expect(b.status).toBe('disposed');
  });

  it('derives 在库 / 部分处置 / 已处置 from what left custody (没收 alone keeps the goods in the store)', () => {
    expect(custodyBalance('3478', []).status).toBe('in_custody');
    expect(custodyBalance('3478', [{ kind: 'confiscated', quantity: '3478' }]).status).toBe('in_custody');
    expect(custodyBalance('3478', [{ kind: 'destroyed', quantity: '1000.5' }])).toMatchObject({
      status: 'partly_disposed',
      held: 2_477_500n,
    });
    expect(
      custodyBalance('3478', [
        { kind: 'confiscated', quantity: '3478' },
        { kind: 'destroyed', quantity: '3478' },
      ]).status,
    ).toBe('disposed');
  });

  it('never lets disposals exceed what was seized, to the thousandth', () => {
    const done = [{ kind: 'destroyed' as const, quantity: '247.149' }];
    expect(disposalProblem('247.15', '吨', done, { kind: 'destroyed', quantity: '0.001' })).toBeNull();
    expect(disposalProblem('247.15', '吨', done, { kind: 'handed_over', quantity: '0.002' })).toBe(
      '移交数量0.002吨超过在库数量0.001吨（查扣247.15吨，已处置247.149吨）',
    );
    expect(disposalProblem('1', '件', [], { kind: 'returned', quantity: '0' })).toBe('处置数量应大于0');
  });

  it('confiscates at most what was seized and returns nothing confiscated', () => {
    const confiscated = [{ kind: 'confiscated' as const, quantity: '3478' }];
    expect(disposalProblem('3478', '公斤', confiscated, { kind: 'destroyed', quantity: '3478' })).toBeNull();
    expect(disposalProblem('3478', '公斤', confiscated, { kind: 'confiscated', quantity: '0.001' })).toMatch(
      /^没收数量0.001公斤超过可没收数量0公斤/,
    );
    expect(disposalProblem('3478', '公斤', confiscated, { kind: 'returned', quantity: '1' })).toMatch(
      /^返还数量1公斤超过未没收的数量0公斤/,
    );
  });

  it('keeps the seized quantity at or above what was disposed', () => {
    const disposals = [
      { kind: 'returned' as const, quantity: '2' },
      { kind: 'confiscated' as const, quantity: '5' },
    ];
    expect(seizedBelowDisposed('7', disposals)).toBeNull();
    expect(seizedBelowDisposed('6.999', disposals)).toBe('数量不能少于已处置、没收的数量7');
  });
});
