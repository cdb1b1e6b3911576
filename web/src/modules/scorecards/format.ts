/** A value as shown: money (fen) in 元, a ratio in %, other figures with at most 2 decimals. */
export function formatValue(format: 'count' | 'money' | 'ratio' | 'score', v: number): string {
  if (format === 'money')
    return (v / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  if (format === 'ratio') return `${(Math.round(v * 10000) / 100).toString()}%`;
  return (Math.round(v * 100) / 100).toString();
}

export const unitOf = (i: { format: 'count' | 'money' | 'ratio' | 'score'; unit: string }) =>
  i.format === 'money' ? '元' : i.format === 'ratio' ? '%' : i.unit;
