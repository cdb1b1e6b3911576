import type { Db } from '../../src/db/database';
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
