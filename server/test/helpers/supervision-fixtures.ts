import type { Db } from '../../src/db/database';
import { createSupervisionRepository } from '../../src/modules/supervision/supervision.repository';

/** A group (with the given unit as its 片区), a round, a draw and a visit of one plan, stored directly. */
export async function insertSupervision(
  db: Db,
  p: { campaignId: string; organizerUnitId: string; leaderId: string; unitId: string; createdBy: string },
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
    number: 1,
    title: '第一次督查',
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
