import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { Db } from '../src/db/database';
import { fileCheckpointStore, type AuditAnchor } from '../src/modules/audit/audit.anchor';
import { entryHash, GENESIS_HASH } from '../src/modules/audit/audit.chain';
import { buildApp } from '../src/app';
import type { Database } from '../src/db/database';
import { login, type Session, type TestApp } from './helpers/app';
import { rowsOf } from '../src/platform/db/rows-of';
import { createTestDatabase } from './helpers/database';
import { createTenant } from './helpers/factories';

/**
 * The keyed chain and its anchor outside the database (issue 13): an attacker with database access
 * but without the key cuts the newest entries, rewrites one and recomputes the later hashes with
 * the plain SHA-256, or changes a request id; verify must notice each. Before the fix all three
 * verified ok.
 */

const ADMIN_PASSWORD = 'Chain-Audit-Check-2026';
/** Building a database and an app (migrations, a tenant) takes a while on a busy machine. */
const SLOW = 180_000;
let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rs-audit-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function newAnchor(): AuditAnchor {
  return {
    key: randomBytes(32),
    checkpoints: fileCheckpointStore(path.join(dir, `${randomBytes(4).toString('hex')}`, 'checkpoints.log')),
  };
}

/** An app whose chain is keyed with `anchor`, with a tenant's worth of entries and a verify that anchored them. */
async function anchoredApp(anchor: AuditAnchor, given?: Database) {
  const database = given ?? (await createTestDatabase());
  const { app, services } = await buildApp({
    database,
    config: { secureCookies: false, webDist: undefined },
    audit: anchor,
  });
  await app.ready();
  const t: TestApp = { app, services, database, close: async () => (await app.close(), await database.close()) };
  await t.services.authService.ensureSystemAdmin(ADMIN_PASSWORD);
  await createTenant(t.services, { roles: ['admin'] });
  const sys = await login(t.app, 'admin', ADMIN_PASSWORD);
  const first = (await sys.request('GET', '/api/audit/verify')).json();
  expect(first).toMatchObject({ ok: true, finding: 'intact' });
  return { t, sys, entries: first.entries as number };
}

type Row = Record<string, unknown> & { seq: number };
const entriesFrom = async (db: Db, fromSeq = 1): Promise<Row[]> =>
  rowsOf<Row>(await db.execute(sql`select * from audit_log where seq >= ${fromSeq} order by seq`));

/** What an attacker without the key can do: the old plain SHA-256 over the old fields, from `fromSeq` on. */
async function recomputePlain(db: Db, fromSeq: number, opts: { markUnkeyed?: boolean; toSeq?: number } = {}) {
  const [prev] = rowsOf<{ hash: string }>(await db.execute(sql`select hash from audit_log where seq = ${fromSeq - 1}`));
  let prevHash = prev?.hash ?? GENESIS_HASH;
  for (const r of await entriesFrom(db, fromSeq)) {
    if (opts.toSeq !== undefined && r.seq > opts.toSeq) break;
    const hash = entryHash(prevHash, {
      seq: Number(r.seq),
      at: new Date(r.at as string),
      actorUserId: r.actor_user_id as string | null,
      actorName: r.actor_name as string,
      unitId: r.unit_id as string | null,
      action: r.action as string,
      recordType: r.record_type as string,
      recordId: r.record_id as string,
      before: r.before,
      after: r.after,
    });
    await db.execute(sql`update audit_log set prev_hash = ${prevHash}, hash = ${hash},
      chain_version = case when ${opts.markUnkeyed ?? false} then 1 else chain_version end where seq = ${r.seq}`);
    prevHash = hash;
  }
}

describe('the keyed audit chain and its checkpoints', () => {
  let t: TestApp;
  let sys: Session;
  let anchor: AuditAnchor;
  let entries: number;

  beforeAll(async () => {
    anchor = newAnchor();
    ({ t, sys, entries } = await anchoredApp(anchor));
  }, SLOW);
  afterAll(() => t.close());

  it('writes a checkpoint after a request that appended, as a line in a file of mode 0600', async () => {
    const units = (await sys.request('GET', '/api/units')).json().items as {
      id: string;
      version: number;
      parentId: string | null;
    }[];
    const unit = units.find((u) => u.parentId)!;
    expect(
      (await sys.request('PATCH', `/api/units/${unit.id}`, { version: unit.version, name: `改名-${Date.now()}` }))
        .statusCode,
    ).toBe(200);
    const [{ seq: head }] = rowsOf<{ seq: number }>(
      await t.database.db.execute(sql`select max(seq)::int as seq from audit_log`),
    );
    expect(head).toBe(entries + 1);
    let last: { seq: number } | undefined;
    for (let i = 0; i < 50 && last?.seq !== head; i++) {
      await new Promise((r) => setTimeout(r, 20));
      last = (await anchor.checkpoints.readAll()).checkpoints.at(-1);
    }
    expect(last).toMatchObject({ seq: head });
    expect(fs.statSync(anchor.checkpoints.where).mode & 0o777).toBe(0o600);
    entries = head;
  });

  it('reports the newest entries deleted in SQL as truncated, naming the seqs', async () => {
    await t.services.auditService.checkpoint();
    await t.database.db.execute(sql`delete from audit_log where seq > ${entries - 2}`);
    const res = (await sys.request('GET', '/api/audit/verify')).json();
    expect(res).toMatchObject({
      ok: false,
      finding: 'truncated',
      brokenAt: entries - 1,
      entries: entries - 2,
      checkpoint: { seq: entries },
    });
    expect(res.message).toContain(`第 ${entries - 1}–${entries} 条被删除`);
  });

  it('still finds the cut when new entries have since taken the deleted seqs', async () => {
    const units = (await sys.request('GET', '/api/units')).json().items as {
      id: string;
      version: number;
      parentId: string | null;
    }[];
    const unit = units.find((u) => u.parentId)!;
    expect(
      (await sys.request('PATCH', `/api/units/${unit.id}`, { version: unit.version, name: `再改名-${Date.now()}` }))
        .statusCode,
    ).toBe(200);
    const res = (await sys.request('GET', '/api/audit/verify')).json();
    expect(res).toMatchObject({ ok: false, finding: 'rewritten', brokenAt: entries - 1 });
    expect(res.message).toContain('被改写或删除');
  });
});

describe('rewriting without the key', () => {
  let t: TestApp;
  let sys: Session;
  let entries: number;
  // One chain for all four: each test tampers, then the entries are put back as they were.
  beforeAll(async () => {
    ({ t, sys, entries } = await anchoredApp(newAnchor()));
    await t.database.db.execute(sql`create table audit_log_copy as select * from audit_log`);
  }, SLOW);
  afterEach(async () => {
    await t.database.db.execute(sql`delete from audit_log`);
    await t.database.db.execute(sql`insert into audit_log select * from audit_log_copy`);
    expect((await sys.request('GET', '/api/audit/verify')).json()).toMatchObject({ ok: true, entries });
  });
  afterAll(() => t.close());

  it('finds an entry rewritten with the later hashes recomputed by the plain SHA-256', async () => {
    await t.database.db.execute(sql`update audit_log set actor_name = '别人' where seq = 3`);
    await recomputePlain(t.database.db, 3);
    const res = (await sys.request('GET', '/api/audit/verify')).json();
    expect(res).toMatchObject({ ok: false, finding: 'altered', brokenAt: 3, entries: 2 });
    expect(res.message).toContain('第 3 条');
  });

  it('finds the same rewrite when the entries are also marked as written before the key', async () => {
    await t.database.db.execute(sql`update audit_log set actor_name = '别人' where seq = 3`);
    await recomputePlain(t.database.db, 3, { markUnkeyed: true });
    expect((await sys.request('GET', '/api/audit/verify')).json()).toMatchObject({
      ok: false,
      finding: 'downgraded',
      brokenAt: 3,
    });
  });

  it('finds the whole chain recomputed as if unkeyed by its checkpoint', async () => {
    await t.database.db.execute(sql`update audit_log set actor_name = '别人' where seq = 2`);
    await recomputePlain(t.database.db, 1, { markUnkeyed: true });
    const res = (await sys.request('GET', '/api/audit/verify')).json();
    expect(res).toMatchObject({ ok: false, finding: 'rewritten', brokenAt: entries, checkpoint: { seq: entries } });
    expect(res.message).toContain(`第 1–${entries} 条中有记录被改写或删除`);
  });

  it('finds a changed request id', async () => {
    await t.database.db.execute(sql`update audit_log set request_id = 'forged' where seq = 2`);
    expect((await sys.request('GET', '/api/audit/verify')).json()).toMatchObject({
      ok: false,
      finding: 'altered',
      brokenAt: 2,
    });
  });
});

describe('a database written before the upgrade', () => {
  it(
    'verifies its unkeyed entries, says so, and chains the first keyed entry onto them',
    async () => {
      const database = await createTestDatabase();
      // Three entries as the old code wrote them: plain SHA-256, no chain_version (the migration's default 1).
      let prevHash = GENESIS_HASH;
      for (let seq = 1; seq <= 3; seq++) {
        const fields = {
          seq,
          at: new Date(Date.UTC(2026, 0, seq)),
          actorUserId: null,
          actorName: '系统',
          unitId: null,
          action: 'unit.create',
          recordType: 'unit',
          recordId: `old-${seq}`,
          before: null,
          after: { name: `旧单位${seq}` },
        };
        const hash = entryHash(prevHash, fields);
        await database.db
          .execute(sql`insert into audit_log (seq, at, actor_name, action, record_type, record_id, after, request_id, prev_hash, hash)
        values (${seq}, ${fields.at.toISOString()}, ${fields.actorName}, ${fields.action}, ${fields.recordType}, ${fields.recordId}, ${JSON.stringify(fields.after)}::jsonb, ${`req-${seq}`}, ${prevHash}, ${hash})`);
        prevHash = hash;
      }
      const anchor = newAnchor();
      const { t, sys, entries } = await anchoredApp(anchor, database);
      try {
        const res = (await sys.request('GET', '/api/audit/verify')).json();
        expect(res).toMatchObject({ ok: true, finding: 'intact', unkeyedBefore: 4, entries });
        expect(res.notes.join()).toContain('第 1–3 条写于启用审计密钥之前');
        const [fourth] = await entriesFrom(t.database.db, 4);
        expect(fourth).toMatchObject({ chain_version: 2, prev_hash: prevHash });

        // An old entry changed after the upgrade (recomputed up to the last old one) breaks the first keyed entry.
        await t.database.db.execute(sql`update audit_log set actor_name = '别人' where seq = 2`);
        await recomputePlain(t.database.db, 2, { toSeq: 3 });
        expect((await sys.request('GET', '/api/audit/verify')).json()).toMatchObject({
          ok: false,
          finding: 'altered',
          brokenAt: 4,
        });

        // No table holds the key, in hex or base64 (a dump of the database alone does not contain it).
        const tables = rowsOf<{ tablename: string }>(
          await t.database.db.execute(sql`select tablename from pg_tables where schemaname = 'public'`),
        );
        expect(tables.length).toBeGreaterThan(10);
        for (const { tablename } of tables) {
          const dump = JSON.stringify(rowsOf(await t.database.db.execute(sql.raw(`select * from "${tablename}"`))));
          expect(dump).not.toContain(anchor.key.toString('hex'));
          expect(dump).not.toContain(anchor.key.toString('base64'));
        }
      } finally {
        await t.close();
      }
    },
    SLOW,
  );
});
