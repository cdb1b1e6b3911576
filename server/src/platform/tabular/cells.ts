import { isIsoDate } from '../today';
import { yuanToFen } from '../money';
import type { ImportRowContext } from './import-types';
import type { Cell } from './read-table';

/**
 * Reading one spreadsheet cell as a domain value. Each reader returns the value, or a string that
 * says in Chinese what is wrong with the cell (the caller adds the row and the column).
 */
export type CellResult<T> = { ok: true; value: T } | { ok: false; message: string };
const ok = <T>(value: T): CellResult<T> => ({ ok: true, value });
const bad = <T>(message: string): CellResult<T> => ({ ok: false, message });

/** The cell as trimmed text ('' when empty); dates as YYYY-MM-DD, numbers as written. */
export function cellText(cell: Cell): string {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  return String(cell).trim();
}

export const isBlank = (cell: Cell) => cellText(cell) === '';

/** A date: a real spreadsheet date, or text YYYY-MM-DD (also 2026/3/1 and 2026-3-1). */
export function cellDate(cell: Cell): CellResult<string> {
  // Spreadsheet dates are stored as midnight UTC of the day shown.
  if (cell instanceof Date)
    return Number.isNaN(cell.getTime()) ? bad('不是有效日期') : ok(cell.toISOString().slice(0, 10));
  const text = cellText(cell);
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(text);
  if (!m) return bad(`“${text}”不是日期，应为 YYYY-MM-DD，如 2026-03-01`);
  const iso = `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`;
  return isIsoDate(iso) ? ok(iso) : bad(`“${text}”不是有效日期（该月没有这一天）`);
}

/** An amount of 元 with up to 2 decimals, not negative, as fen; empty is 0. */
export function cellFen(cell: Cell): CellResult<number> {
  if (isBlank(cell)) return ok(0);
  if (typeof cell === 'boolean' || cell instanceof Date) return bad('应为金额（元）');
  const fen = yuanToFen(typeof cell === 'number' ? cell : cellText(cell));
  if (fen === null) return bad(`“${cellText(cell)}”不是金额，应为最多两位小数的数字（元）`);
  if (fen < 0) return bad('金额不能为负数');
  return ok(fen);
}

/** A count of people, vehicles, entities …: a whole number ≥ 0; empty is 0. */
export function cellCount(cell: Cell): CellResult<number> {
  if (isBlank(cell)) return ok(0);
  const n = typeof cell === 'number' ? cell : Number(cellText(cell).replace(/[,，]/g, ''));
  if (!Number.isInteger(n) || n < 0) return bad(`“${cellText(cell)}”不是非负整数`);
  return ok(n);
}

const YES = new Set(['是', 'Y', 'YES', 'TRUE', '1', '√', '✓']);
const NO = new Set(['否', 'N', 'NO', 'FALSE', '0', '']);

/** 是 / 否 (also Y/N, TRUE/FALSE, 1/0, √); empty is 否. */
export function cellYesNo(cell: Cell): CellResult<boolean> {
  if (typeof cell === 'boolean') return ok(cell);
  const text = cellText(cell).toUpperCase();
  if (YES.has(text)) return ok(true);
  if (NO.has(text)) return ok(false);
  return bad(`“${cellText(cell)}”应为“是”或“否”`);
}

/** A header as written, reduced to its name: spaces, line breaks and a trailing unit such as （元） removed. */
export function headerName(cell: Cell): string {
  return cellText(cell)
    .replace(/\s+/g, '')
    .replace(/[（(][^（()）]*[)）]$/, '')
    .replace(/[*＊]/g, '');
}

// Reading a row's cells, reporting each bad one on its column.

/** Reads a cell and reports its problem; undefined when the cell is bad. */
export function cellReader(ctx: ImportRowContext) {
  return <T>(key: string, read: (c: ReturnType<ImportRowContext['get']>) => CellResult<T>): T | undefined => {
    const r = read(ctx.get(key));
    if (r.ok) return r.value;
    ctx.problem(key, r.message);
    return undefined;
  };
}

/** A date cell: null when empty, undefined when bad (reported). */
export function optionalDate(ctx: ImportRowContext, key: string): string | null | undefined {
  return cellText(ctx.get(key)) ? cellReader(ctx)(key, cellDate) : null;
}

/** Text that must be there; reports the column's own name when empty. */
export function requiredText(ctx: ImportRowContext, key: string, label: string, max: number): string | undefined {
  const text = cellText(ctx.get(key));
  if (!text) ctx.problem(key, `请填写${label}`);
  else if (text.length > max) ctx.problem(key, `${label}不能超过 ${max} 个字`);
  else return text;
  return undefined;
}
