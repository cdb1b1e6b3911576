import { asc, eq } from 'drizzle-orm';
import { auditLog } from '../../src/modules/audit/audit.schema';
import type { Session, TestApp } from './app';

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
