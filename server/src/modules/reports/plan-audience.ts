import type { Db } from '../../db/database';
import type { CampaignsRepository } from '../campaigns/campaigns.repository';
import type { CampaignRow } from '../campaigns/campaigns.schema';
import type { UnitsRepository } from '../units/units.repository';
import { idsOnPath, unitLabelBelow, unitsOwingPlan } from './owing-units';

/**
 * A plan's audience: the units owing it (owing-units.ts) in tree order (depth, then code), each
 * named as the boards name it, and the issuing unit's path (whose office reviews, acknowledges).
 * Who files a 工作实施计划 with the plan's office and who reports a 重大情况 to it are the same units.
 */
export async function loadPlanAudience(
  db: Db,
  deps: {
    campaignsRepository: Pick<CampaignsRepository, 'participants'>;
    unitsRepository: Pick<UnitsRepository, 'findByIds'>;
  },
  campaign: Pick<CampaignRow, 'id' | 'unitId'>,
) {
  const { campaignsRepository, unitsRepository } = deps;
  const participants = await unitsRepository.findByIds(db, await campaignsRepository.participants(db, campaign.id));
  const onPaths = new Set([campaign.unitId, ...participants.flatMap((u) => idsOnPath(u.path))]);
  const tree = new Map((await unitsRepository.findByIds(db, [...onPaths])).map((u) => [u.id, u]));
  const kindOf = new Map([...tree.values()].map((u) => [u.id, u.kind]));
  const nameOf = new Map([...tree.values()].map((u) => [u.id, u.name]));
  const owing = unitsOwingPlan(campaign.unitId, participants, kindOf)
    .sort((a, b) => a.depth - b.depth || a.code.localeCompare(b.code))
    .map((u) => ({ unit: u, unitLabel: unitLabelBelow(campaign.unitId, u, nameOf) }));
  return { owing, issuerPath: tree.get(campaign.unitId)!.path };
}
