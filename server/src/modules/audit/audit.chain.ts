import { createHash, createHmac } from 'node:crypto';

/** The hash of the entry before the first one. */
export const GENESIS_HASH = '0'.repeat(64);

/**
 * How an entry was chained (the `chain_version` column):
 * 1 — plain SHA-256 over the fields of `ChainedFields` (before the upgrade; no key, no request id);
 * 2 — HMAC-SHA256 with the audit key over every column (`KeyedFields`).
 */
export const CHAIN_UNKEYED = 1;
export const CHAIN_KEYED = 2;

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

/** The fields of an entry that the unkeyed chain (version 1) protects. */
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

/**
 * Version 1, kept only to verify entries written before the upgrade: SHA-256 without a key, so
 * anyone who can write the table can recompute it.
 */
export function entryHash(prevHash: string, e: ChainedFields): string {
  const body = canonicalJson({ ...e, at: e.at.toISOString(), before: e.before ?? null, after: e.after ?? null });
  return createHash('sha256').update(prevHash).update('\n').update(body).digest('hex');
}

/** Every stored column of an entry except its own hash: what version 2 protects. */
export interface KeyedFields extends ChainedFields {
  requestId: string | null;
  prevHash: string;
}

/** The canonical text that version 2 authenticates: every column, the version included. */
export function keyedEntryBody(e: KeyedFields): string {
  return canonicalJson({
    v: CHAIN_KEYED,
    seq: e.seq,
    at: e.at.toISOString(),
    actorUserId: e.actorUserId,
    actorName: e.actorName,
    unitId: e.unitId,
    action: e.action,
    recordType: e.recordType,
    recordId: e.recordId,
    before: e.before ?? null,
    after: e.after ?? null,
    requestId: e.requestId,
    prevHash: e.prevHash,
  });
}

/** Version 2: HMAC-SHA256 with the audit key (kept outside the database) over `keyedEntryBody`. */
export function keyedEntryHash(key: Buffer, e: KeyedFields): string {
  return createHmac('sha256', key).update(keyedEntryBody(e)).digest('hex');
}

/**
 * A short public name of a key (16 hex digits of an HMAC of a fixed text), written with each
 * checkpoint so that verify can tell "another key" from "altered entries". It reveals nothing of the key.
 */
export function auditKeyId(key: Buffer): string {
  return createHmac('sha256', key).update('redshield audit key id').digest('hex').slice(0, 16);
}

/** Plain JSON (dates as ISO strings), the form in which before/after are stored and hashed. */
export const toPlainJson = (v: unknown): unknown => (v === undefined ? null : JSON.parse(JSON.stringify(v)));
