import { eq } from 'drizzle-orm';
import type { Db } from '../../src/db/database';
import { cases, type CaseStage } from '../../src/modules/cases/cases.schema';
import {
  supervisionFindings,
  supervisionGroups,
  supervisionRounds,
  supervisionVisits,
  type RectificationStatus,
  type VisitMethod,
} from '../../src/modules/supervision/supervision.schema';
import { systemActor } from '../../src/platform/actor';
import type { Services } from '../../src/services';

/**
 * Supervision records written straight into their tables (the supervision module's own services are
 * built elsewhere), and cases moved to a stage, for the 案卷评查 and 督查通报 tests.
 */
export async function insertRound(
  db: Db,
  r: { campaignId: string; organizerUnitId: string; number: number; createdBy: string; start?: string; end?: string },
) {
  const [row] = await db
    .insert(supervisionRounds)
    .values({
      campaignId: r.campaignId,
      organizerUnitId: r.organizerUnitId,
      number: r.number,
      title: `第${'一二三四五'[r.number - 1]}次督查`,
      startDate: r.start ?? '2026-04-13',
      endDate: r.end ?? '2026-04-24',
      focus: '重点案件查办和台账管理',
      createdBy: r.createdBy,
    })
    .returning();
  return row;
}

export async function insertGroup(
  db: Db,
  g: { campaignId: string; organizerUnitId: string; name: string; leaderId: string; sortOrder?: number },
) {
  const [row] = await db
    .insert(supervisionGroups)
    .values({ ...g, sortOrder: g.sortOrder ?? 0, createdBy: g.leaderId })
    .returning();
  return row;
}

export async function insertVisit(
  db: Db,
  v: {
    roundId: string;
    groupId: string;
    campaignId: string;
    unitId: string;
    visitDate: string;
    method: VisitMethod;
    summary?: string | null;
    unannounced?: boolean;
    createdBy: string;
  },
) {
  const [row] = await db
    .insert(supervisionVisits)
    .values({ ...v, checkedItems: '案件台账、执法文书、线索登记', summary: v.summary ?? null })
    .returning();
  return row;
}

export async function insertFinding(
  db: Db,
  f: {
    visitId: string;
    campaignId: string;
    unitId: string;
    description: string;
    status: RectificationStatus;
    deadline?: string | null;
    returnCount?: number;
    createdBy: string;
  },
) {
  const [row] = await db
    .insert(supervisionFindings)
    .values({
      ...f,
      requirement: f.status === 'noted' ? null : '限期整改并报送整改报告',
      deadline: f.deadline ?? null,
      deadlineWorkingDays: f.deadline ? 10 : null,
      returnCount: f.returnCount ?? 0,
    })
    .returning();
  return row;
}

/** A case of a unit in a plan, then moved straight to `stage` (作出决定以后 for 案卷评查). */
export async function insertCase(
  services: Services,
  db: Db,
  c: {
    unitId: string;
    campaignId: string;
    caseNumber: string;
    stage: CaseStage;
    approverId: string;
    investigatorId: string;
  },
) {
  const created = await services.casesService.create(systemActor, {
    unitId: c.unitId,
    campaignId: c.campaignId,
    categoryCode: 'food',
    caseNumber: c.caseNumber,
    name: `评查测试案件${c.caseNumber}`,
    partyKind: 'person',
    partyName: '张某',
    filingDate: '2026-03-01',
    amountInvolved: '0',
    fine: '0',
    confiscated: '0',
    lossesRecovered: '0',
    compensation: '0',
    mediated: false,
    penalized: false,
    otherMeasures: [],
    transferredToJudiciary: false,
    transferredToPolice: false,
    published: false,
    online: false,
    rural: false,
    typical: false,
    filingApproverId: c.approverId,
    investigatorId: c.investigatorId,
  } as never);
  await db.update(cases).set({ stage: c.stage }).where(eq(cases.id, created.id));
  return created.id;
}
