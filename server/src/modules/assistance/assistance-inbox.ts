import type { Actor } from '../../platform/actor';
import type { Db } from '../../db/database';
import { todayInChina } from '../../platform/today';
import { INBOX_KIND_LIMIT, section, type InboxProvider } from '../inbox/inbox';
import { ASSISTANCE_KIND_LABELS, isAssistanceOverdue } from './assistance-status';
import { assistancePolicy } from './assistance.policy';
import type { AssistanceRepository } from './assistance.repository';

/**
 * 协查与通报 in 我的待办: for the receiving bureau's office and leader, requests to accept or answer
 * (`assistance_incoming`, due on the reply date); for the sending side, answers arrived in the last
 * two weeks and requests past their reply date without one (`assistance_sent`).
 */
export function createAssistanceInbox(deps: {
  db: Db;
  assistanceRepository: AssistanceRepository;
  today?: () => string;
}): InboxProvider {
  const { db, assistanceRepository: repo } = deps;
  const todayOf = deps.today ?? (() => todayInChina());

  return async (actor: Actor) => {
    const today = todayOf();
    const out = [];
    if (assistancePolicy.receivesInInbox(actor)) {
      const rows = await repo.toHandle(db, actor, ['sent', 'accepted'], INBOX_KIND_LIMIT + 1);
      const items = rows.map((r) => ({
        kind: 'assistance_incoming',
        recordType: 'assistance_request',
        recordId: r.id,
        title: `${r.fromUnitName}${ASSISTANCE_KIND_LABELS[r.kind]}：${r.title}（${r.status === 'sent' ? '待受理' : '待答复'}）`,
        dueAt: r.replyDueDate,
        unitId: r.toUnitId,
        link: `/assistance/${r.id}`,
        overdue: isAssistanceOverdue(r.status, r.replyDueDate, today),
      }));
      out.push(section('assistance_incoming', items, items.length));
    }
    if (assistancePolicy.sendsInInbox(actor)) {
      const rows = await repo.sentNeedingAttention(db, actor, today, INBOX_KIND_LIMIT + 1);
      const items = rows.map((r) => ({
        kind: 'assistance_sent',
        recordType: 'assistance_request',
        recordId: r.id,
        title: `${r.toUnitName}：${r.title}（${r.status === 'answered' ? '已答复' : '逾期未答复'}）`,
        dueAt: r.status === 'answered' ? null : r.replyDueDate,
        unitId: r.fromUnitId,
        link: `/assistance/${r.id}`,
        overdue: isAssistanceOverdue(r.status, r.replyDueDate, today),
      }));
      out.push(section('assistance_sent', items, items.length));
    }
    return out.filter((s) => s.total > 0);
  };
}
