import { createHash } from 'node:crypto';

/** The hash of the entry before the first one. */
export const GENESIS_HASH = '0'.repeat(64);

/** JSON with object keys sorted, so that a value hashes the same after a round trip through jsonb. */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (typeof value === 'object') {
    const entries = Object.keys(value as object)
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value);
}

/** The fields of an entry that the chain protects. */
export interface ChainedFields {
  seq: number;
  at: Date;
  actorUserId: string | null;
  actorName: string;
  unitId: string | null;
  action: string;
  recordType: string;
  recordId: string;
  before: unknown;
  after: unknown;
}

export function entryHash(prevHash: string, e: ChainedFields): string {
  const body = canonicalJson({ ...e, at: e.at.toISOString(), before: e.before ?? null, after: e.after ?? null });
  return createHash('sha256').update(prevHash).update('\n').update(body).digest('hex');
}

/** Plain JSON (dates as ISO strings), the form in which before/after are stored and hashed. */
export const toPlainJson = (v: unknown): unknown => (v === undefined ? null : JSON.parse(JSON.stringify(v)));
