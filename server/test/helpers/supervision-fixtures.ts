import type { Db } from '../../src/db/database';
import { createSupervisionRepository } from '../../src/modules/supervision/supervision.repository';
import {
  supervisionGroupMembers,
  supervisionGroups,
  supervisionRounds,
  supervisionVisits,
} from '../../src/modules/supervision/supervision.schema';

/**
 * 督查组、轮次、督查 inserted directly (the supervision module's own routes make them in the app):
 * a group of an organising unit with its leader and members, a round, and a visit of the group
 * to a unit on a day.
 */
export async function insertSupervision(
  db: Db,
  o: {
    campaignId: string;
    organizerUnitId: string;
    leaderId: string;
    memberIds?: string[];
    createdBy: string;
    name?: string;
    roundNumber?: number;
  },
) {
  const [group] = await db
    .insert(supervisionGroups)
    .values({
      campaignId: o.campaignId,
      organizerUnitId: o.organizerUnitId,
      name: o.name ?? '第一督查组',
      leaderId: o.leaderId,
      createdBy: o.createdBy,
    })
    .returning();
  if (o.memberIds?.length)
    await db.insert(supervisionGroupMembers).values(o.memberIds.map((userId) => ({ groupId: group.id, userId })));
  const [round] = await db
    .insert(supervisionRounds)
    .values({
      campaignId: o.campaignId,
      organizerUnitId: o.organizerUnitId,
      number: o.roundNumber ?? 1,
      title: `第${o.roundNumber ?? 1}次督查`,
      startDate: '2026-03-01',
      endDate: '2026-03-31',
      createdBy: o.createdBy,
    })
    .returning();
  return { group, round };
}

export async function insertVisit(
  db: Db,
  o: { roundId: string; groupId: string; campaignId: string; unitId: string; visitDate: string; createdBy: string },
) {
  const [visit] = await db
    .insert(supervisionVisits)
    .values({ ...o, method: 'comprehensive', checkedItems: '台账、案卷、现场检查记录' })
    .returning();
  return visit;
}

/** A group (with the given unit as its 片区), a round, a draw and a visit of one plan, stored directly. */
export async function insertSupervisionChain(
  db: Db,
  p: {
    campaignId: string;
    organizerUnitId: string;
    leaderId: string;
    unitId: string;
    createdBy: string;
    roundNumber?: number;
  },
) {
  const repo = createSupervisionRepository();
  const group = await repo.insertGroup(db, {
    campaignId: p.campaignId,
    organizerUnitId: p.organizerUnitId,
    name: '授权测试督查组',
    leaderId: p.leaderId,
    createdBy: p.createdBy,
  });
  await repo.setArea(db, group, [p.unitId]);
  const round = await repo.insertRound(db, {
    campaignId: p.campaignId,
    organizerUnitId: p.organizerUnitId,
    number: p.roundNumber ?? 1,
    title: `第${p.roundNumber ?? 1}次督查`,
    startDate: '2026-03-01',
    endDate: '2026-11-30',
    createdBy: p.createdBy,
  });
  const draw = await repo.insertDraw(db, {
    roundId: round.id,
    groupId: group.id,
    kind: 'units',
    seed: 'x',
    algorithm: 'test',
    candidates: [p.unitId],
    count: 1,
    picked: [p.unitId],
    createdBy: p.createdBy,
  });
  const visit = await repo.insertVisit(db, {
    roundId: round.id,
    groupId: group.id,
    campaignId: p.campaignId,
    unitId: p.unitId,
    visitDate: '2026-04-01',
    method: 'comprehensive',
    checkedItems: '台账',
    createdBy: p.createdBy,
  });
  return { groupId: group.id, roundId: round.id, drawId: draw.id, visitId: visit.id };
}
