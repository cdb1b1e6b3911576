import type { Actor } from '../../platform/actor';
import { fenToYuan } from '../../platform/money';
import { INBOX_KIND_LIMIT, section, type InboxProvider } from '../inbox/inbox';
import { transferPolicy } from './transfers.policy';
import type { TransfersService } from './transfers.service';

/**
 * The transfers' part of 我的待办, for the office and the leader: 涉刑不移 (cases over their
 * category's 涉刑移送标准 and not transferred to a judicial organ) and 移送逾期未答复 (to chase).
 */
export function createTransferInbox(deps: {
  transfersService: Pick<TransfersService, 'flaggedCases' | 'overdue'>;
}): InboxProvider {
  return async (actor: Actor) => {
    if (!transferPolicy.watchesInInbox(actor)) return [];
    const [[flagged, flaggedTotal], [late, lateTotal]] = await Promise.all([
      deps.transfersService.flaggedCases(actor, INBOX_KIND_LIMIT),
      deps.transfersService.overdue(actor, INBOX_KIND_LIMIT),
    ]);
    return [
      section(
        'criminal_not_transferred',
        flagged.map((c) => ({
          kind: 'criminal_not_transferred',
          recordType: 'case',
          recordId: c.id,
          title: `${c.name}（${c.caseNumber}）涉案金额${fenToYuan(c.amountInvolvedFen)}元，达到移送标准未移送`,
          dueAt: null,
          unitId: c.unitId,
          link: `/cases/${c.id}`,
          overdue: true,
        })),
        flaggedTotal,
      ),
      section(
        'transfer_reply_overdue',
        late.map((t) => ({
          kind: 'transfer_reply_overdue',
          recordType: 'transfer',
          recordId: t.id,
          title: `移送${t.receiverName}：${t.caseId ? `${t.caseName}（${t.caseNumber}）` : `线索 ${t.leadPartyName}`}逾期未答复`,
          dueAt: t.replyDueDate,
          unitId: t.unitId,
          link: t.caseId ? `/cases/${t.caseId}` : `/leads/${t.leadId}`,
          overdue: true,
        })),
        lateTotal,
      ),
    ];
  };
}
