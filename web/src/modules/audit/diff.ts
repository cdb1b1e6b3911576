/** One field of an audited record, before and after the change. */
export interface DiffRow {
  field: string;
  before: unknown;
  after: unknown;
  /** Present on one side only (created, deleted) or different on both. */
  changed: boolean;
}

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Order-insensitive for object keys, so {a,b} and {b,a} compare equal. */
export function stableStringify(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`;
  if (isPlainObject(value)) {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stableStringify(value[k])}`)
      .join(',')}}`;
  }
  return value === undefined ? 'undefined' : JSON.stringify(value);
}

/**
 * Lines up the fields of an audit entry's before and after (each an object, null or absent).
 * Fields keep the order they have in `before`, then the new ones of `after`. A value that is not an
 * object (a rare scalar) shows as one row named "".
 */
export function diffRecords(before: unknown, after: unknown): DiffRow[] {
  const b = before == null ? {} : isPlainObject(before) ? before : { '': before };
  const a = after == null ? {} : isPlainObject(after) ? after : { '': after };
  const fields = [...Object.keys(b), ...Object.keys(a).filter((k) => !(k in b))];
  return fields.map((field) => ({
    field,
    before: b[field],
    after: a[field],
    changed: !(field in b) || !(field in a) || stableStringify(b[field]) !== stableStringify(a[field]),
  }));
}

/** A readable name of the audited record, from what the entry stored. */
export function recordLabel(before: unknown, after: unknown): string | undefined {
  for (const side of [after, before]) {
    if (!isPlainObject(side)) continue;
    if (typeof side.displayName === 'string')
      return typeof side.username === 'string' ? `${side.displayName}（${side.username}）` : side.displayName;
    if (typeof side.name === 'string') return typeof side.day === 'string' ? `${side.day} ${side.name}` : side.name;
  }
  return undefined;
}
