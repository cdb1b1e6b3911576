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

/** A whole number of fen as BigInt (a JS number must already be an integer: per-record amounts are). */
const big = (fen: number | bigint): bigint => (typeof fen === 'bigint' ? fen : BigInt(fen));

/**
 * 123450 → "1234.50", exactly for any size: sums of fen beyond 2^53 are carried as BigInt (the
 * figures) and printed without passing through a double.
 */
export function fenToYuan(fen: number | bigint): string {
  if (typeof fen === 'number' && Number.isSafeInteger(fen)) {
    // Exact in whole numbers below 2^53 (the ledger's rows: no BigInt per amount).
    const abs = Math.abs(fen);
    const cents = abs % 100;
    return `${fen < 0 ? '-' : ''}${(abs - cents) / 100}.${cents < 10 ? '0' : ''}${cents}`;
  }
  const v = big(fen);
  const abs = v < 0n ? -v : v;
  return `${v < 0n ? '-' : ''}${abs / 100n}.${String(abs % 100n).padStart(2, '0')}`;
}

/** 123450 fen → "0.1235" 万元 with the given decimals (half up, away from zero), as the forms print it; exact for any size. */
export function fenToWanYuan(fen: number | bigint, decimals = 4): string {
  // 1 万元 = 1,000,000 fen; whole-number arithmetic, the rounding on the exact amount.
  const v = big(fen);
  const abs = v < 0n ? -v : v;
  const step = 10n ** BigInt(6 - Math.min(decimals, 6));
  const scaled = (abs + step / 2n) / step;
  const scale = 10n ** BigInt(Math.min(decimals, 6));
  const sign = v < 0n && scaled !== 0n ? '-' : '';
  const part = decimals
    ? `.${String(scaled % scale)
        .padStart(Math.min(decimals, 6), '0')
        .padEnd(decimals, '0')}`
    : '';
  return `${sign}${scaled / scale}${part}`;
}

const YUAN_TEXT_RE = /^(-)?(\d+)(?:\.(\d{1,2}))?$/;

/**
 * Exact 元 text as the API writes it ("-12345678901234567.89", any length: a sum) → fen as BigInt;
 * null when it is not such text. For input typed by people use `yuanToFen` (it keeps the limit).
 */
export function yuanTextToFen(yuan: string): bigint | null {
  const m = YUAN_TEXT_RE.exec(yuan.trim());
  if (!m) return null;
  const fen = BigInt(m[2]) * 100n + BigInt((m[3] ?? '').padEnd(2, '0'));
  return m[1] ? -fen : fen;
}

/** Excel keeps 15 significant digits (a double); more than that it cannot hold exactly. */
const EXCEL_DIGITS = 15;

/**
 * A decimal amount ("90071992547.409912") for a spreadsheet cell: a number when Excel can hold and
 * show it exactly (at most 15 significant digits), otherwise the exact text — a sum beyond that
 * stays exact to the fen instead of being rounded by Excel.
 */
export function excelAmount(decimal: string): number | string {
  const significant = decimal.replace(/^-/, '').replace('.', '').replace(/^0+/, '').replace(/0+$/, '').length;
  return significant <= EXCEL_DIGITS ? Number(decimal) : decimal;
}

/** Fen → 万元 with all six decimals, trailing zeros dropped down to `keep` decimals ("9007199254.740992"). */
export function fenToWanYuanExact(fen: number | bigint, keep = 4): string {
  const text = fenToWanYuan(fen, 6);
  return text.replace(new RegExp(`(\\.\\d{${keep}}\\d*?)0+$`), '$1');
}
