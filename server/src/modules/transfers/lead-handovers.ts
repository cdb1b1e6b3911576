import type { Db } from '../../db/database';
import { todayInChina } from '../../platform/today';
import type { LeadHandovers, LeadHandoverState } from '../leads/lead-handover';
import { replyOverdue } from './transfer-rules';
import type { TransfersRepository } from './transfers.repository';
import type { TransfersService } from './transfers.service';

/** leads' LeadHandovers: a handed-over lead's transfer, stored and audited in the decision's transaction. */
export function createLeadHandovers(deps: {
  transfersRepository: TransfersRepository;
  transfersService: Pick<TransfersService, 'insertIn'>;
  today?: () => string;
}): LeadHandovers {
  const today = deps.today ?? (() => todayInChina());
  return {
    async handOverIn(tx, actor, lead, h, date) {
      await deps.transfersService.insertIn(
        tx,
        actor,
        {
          unitId: lead.unitId,
          campaignId: lead.campaignId,
          leadId: lead.id,
          receiverKind: h.receiverKind,
          receiverName: h.receiverName,
          transferDate: date,
          reason: h.reason ?? '',
          materials: h.materials ?? [],
          createdBy: actor.userId,
        },
        h.replyDueDate,
      );
    },

    async statesOf(db: Db, leadIds: string[]) {
      const rows = await deps.transfersRepository.ofLeads(db, leadIds);
      const out = new Map<string, LeadHandoverState>();
      for (const r of rows)
        out.set(r.leadId!, {
          transferId: r.id,
          receiverKind: r.receiverKind,
          receiverName: r.receiverName,
          transferDate: r.transferDate,
          replyDueDate: r.replyDueDate,
          status: r.status,
          overdue: replyOverdue(r, today()),
        });
      return out;
    },
  };
}
