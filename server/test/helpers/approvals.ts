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
