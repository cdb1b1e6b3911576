/**
 * 合格率 as the reports write it (seed 002: 16 batches, 2 failed → 合格率为87.5%), computed from the
 * integers only: the passed share in per cent, rounded half up to at most two decimals, trailing
 * zeros dropped (100%, 87.5%, 66.67%). No batch with a result: no rate (null).
 */
export function passRateText(tested: number, failed: number): string | null {
  if (!Number.isInteger(tested) || !Number.isInteger(failed) || tested < 0 || failed < 0 || failed > tested)
    throw new RangeError(`合格率：批次数 ${tested} 或不合格数 ${failed} 不正确`);
  if (tested === 0) return null;
  const passed = BigInt(tested - failed);
  const total = BigInt(tested);
  // Hundredths of a per cent, half up: passed * 10000 / total.
  const hundredths = (passed * 10000n * 2n + total) / (total * 2n);
  const whole = hundredths / 100n;
  const fraction = (hundredths % 100n).toString().padStart(2, '0').replace(/0+$/, '');
  return `${whole}${fraction ? `.${fraction}` : ''}%`;
}

/** One group's counts (a product, a category) and its rate. */
export interface PassRateRow {
  /** Batches with a result (合格 or 不合格). */
  tested: number;
  failed: number;
  passed: number;
  /** Sampled, no result yet (not in the rate). */
  pending: number;
  rate: string | null;
}

export function passRateRow(counts: { tested: number; failed: number; pending: number }): PassRateRow {
  return { ...counts, passed: counts.tested - counts.failed, rate: passRateText(counts.tested, counts.failed) };
}
