import type { Db } from '../../db/database';
import type { InspectionsRepository } from '../inspections/inspections.repository';
import type { LeadOrigin } from '../leads/lead-handover';
import type { RandomChecksRepository } from './random-checks.repository';

/**
 * The record whose finding opened a lead (the leads module's `origins`): the outing that keeps the
 * lead's id (执法检查), or the drawn entity of a 双随机 check (random_draw_items.lead_id). The other
 * direction: the outing's and the draw item's `leadId`.
 */
export function createLeadOrigins(deps: {
  inspectionsRepository: Pick<InspectionsRepository, 'ofLead'>;
  randomChecksRepository: Pick<RandomChecksRepository, 'itemOfLead'>;
}) {
  return async (db: Db, leadId: string): Promise<LeadOrigin | null> => {
    const outing = await deps.inspectionsRepository.ofLead(db, leadId);
    if (outing)
      return {
        kind: 'inspection',
        recordId: outing.id,
        label: `执法检查（${outing.inspectionDate}）`,
        link: `/inspections/${outing.id}`,
      };
    const item = await deps.randomChecksRepository.itemOfLead(db, leadId);
    if (item)
      return {
        kind: 'random_check',
        recordId: item.drawId,
        label: `双随机抽查“${item.drawName}”第${item.seq}号 · ${item.entityName}`,
        link: `/random-checks/draws/${item.drawId}`,
      };
    return null;
  };
}
