import { asc, eq } from 'drizzle-orm';
import { auditLog } from '../../src/modules/audit/audit.schema';
import { systemActor } from '../../src/platform/actor';
import { login, type Session, type TestApp } from './app';
import { TEST_PASSWORD, type Tenant } from './factories';

/** 审批 of a request, at the version the approver saw. */
export const decide = (
  who: Session,
  r: { id: string; version: number },
  decision: 'approve' | 'reject',
  comment?: string,
) => who.request('POST', `/api/approvals/${r.id}/decision`, { decision, comment, version: r.version });

/** The audit actions of a record, oldest first. */
export const auditActionsOf = async (t: TestApp, id: string) =>
  (await t.database.db.select().from(auditLog).where(eq(auditLog.recordId, id)).orderBy(asc(auditLog.seq))).map(
    (e) => e.action,
  );

/** A 局领导 of another unit (a sibling's: he does not see the tenant's district records). */
export async function leaderOf(t: TestApp, tenant: Tenant, unitId: string, name = 'sib_leader'): Promise<Session> {
  const username = `${name}_${tenant.tag}`;
  await t.services.usersService.create(
    systemActor,
    { username, password: TEST_PASSWORD, displayName: name, unitId, roles: ['leader'] },
    { mustChangePassword: false },
  );
  return login(t.app, username, TEST_PASSWORD);
}

const signers = new WeakMap<TestApp, Map<string, Session>>();

/** A 局领导 of the unit who signs what its office asks (one per unit and app). */
async function signerOf(t: TestApp, unitId: string): Promise<Session> {
  const known = signers.get(t) ?? new Map<string, Session>();
  signers.set(t, known);
  if (!known.has(unitId)) {
    const username = `signer_${unitId.slice(0, 8)}_${Math.random().toString(36).slice(2, 8)}`;
    await t.services.usersService.create(
      systemActor,
      { username, password: TEST_PASSWORD, displayName: '签发领导', unitId, roles: ['leader'] },
      { mustChangePassword: false },
    );
    known.set(unitId, await login(t.app, username, TEST_PASSWORD));
  }
  return known.get(unitId)!;
}

/**
 * 发布 by the office, signed (签发) by a 局领导 of the issuing unit: the office's request, then the
 * leader's approval. Answers the plan as published (or the office's refusal, unchanged).
 */
export async function publishSigned(
  t: TestApp,
  office: Session,
  c: { id: string; version: number },
  extra: { owesPastPeriods?: boolean } = {},
) {
  const asked = await office.request('POST', `/api/campaigns/${c.id}/status`, {
    version: c.version,
    status: 'active',
    ...extra,
  });
  if (asked.statusCode !== 200) return asked;
  const plan = asked.json();
  const request = plan.approvals.find(
    (a: { kind: string; status: string }) => a.kind === 'campaign_issue' && a.status === 'pending',
  );
  if (!request) return asked;
  const leader = await signerOf(t, plan.unitId);
  const signed = await decide(leader, request, 'approve');
  if (signed.statusCode !== 200) return signed;
  return office.request('GET', `/api/campaigns/${c.id}`);
}
