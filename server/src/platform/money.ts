/**
 * Money is stored exactly, in fen (分), as integers; 元 with up to 2 decimals is what people type
 * and read; the statistics forms print 万元.
 */
const YUAN_RE = /^(-)?(\d{1,13})(?:\.(\d{1,2}))?$/;

/** "1,234.5" / "1234.50" / 1234.5 → 123450 fen; null when it is not an amount of 元 with ≤ 2 decimals. */
export function yuanToFen(input: string | number): number | null {
  let text: string;
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) return null;
    // Spreadsheet numbers: round to 2 decimals only when they are amounts of fen already (12.3 → "12.30").
    const fixed = input.toFixed(2);
    if (Math.abs(Number(fixed) - input) > 1e-9) return null;
    text = fixed;
  } else {
    text = input.trim().replace(/[,，]/g, '');
  }
  const m = YUAN_RE.exec(text);
  if (!m) return null;
  const fen = Number(m[2]) * 100 + Number((m[3] ?? '').padEnd(2, '0'));
  return m[1] ? -fen : fen;
}

/** 123450 → "1234.50" */
export function fenToYuan(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** 123450 fen → "0.1235" 万元 with the given decimals (half up), as the forms print it. */
export function fenToWanYuan(fen: number, decimals = 4): string {
  // 1 万元 = 1,000,000 fen; integer arithmetic until the final rounding step.
  const scale = 10 ** decimals;
  const scaled = Math.round((Math.abs(fen) * scale) / 1_000_000);
  const sign = fen < 0 ? '-' : '';
  const whole = Math.floor(scaled / scale);
  const part = decimals ? `.${String(scaled % scale).padStart(decimals, '0')}` : '';
  return `${sign}${whole}${part}`;
}
