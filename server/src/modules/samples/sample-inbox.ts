import type { Db } from '../../db/database';
import type { Actor } from '../../platform/actor';
import { unitIdInScope } from '../../platform/scope';
import { todayInChina } from '../../platform/today';
import { INBOX_KIND_LIMIT, section, type InboxProvider } from '../inbox/inbox';
import { samplePolicy } from './samples.policy';
import type { SamplesRepository } from './samples.repository';
import { samples } from './samples.schema';

/**
 * The samples' part of 我的待办 (`sample_follow_up_overdue`): 核查处置 of failed samples still open past
 * their deadline in the actor's units, for the recorders and the leaders.
 */
export function createSampleInbox(deps: {
  db: Db;
  samplesRepository: Pick<SamplesRepository, 'overdueFollowUps' | 'overdueFollowUpCount'>;
  today?: () => string;
}): InboxProvider {
  const { db, samplesRepository: repo } = deps;
  const todayOf = deps.today ?? (() => todayInChina());
  return async (actor: Actor) => {
    if (!samplePolicy.watchesFollowUps(actor)) return [];
    const today = todayOf();
    const scope = unitIdInScope(actor, samples.unitId);
    const [rows, total] = await Promise.all([
      repo.overdueFollowUps(db, scope, today, INBOX_KIND_LIMIT),
      repo.overdueFollowUpCount(db, scope, today),
    ]);
    const kind = 'sample_follow_up_overdue';
    const items = rows.map((r) => ({
      kind,
      recordType: 'sample',
      recordId: r.sampleId,
      title: `抽检不合格核查处置：${r.product}${r.batch ? `（${r.batch}）` : ''}`,
      dueAt: r.deadline,
      unitId: r.unitId,
      link: `/samples/${r.sampleId}`,
      overdue: true,
    }));
    return [section(kind, items, total)];
  };
}
