import type { Db } from '../../db/database';
import type { EntityHistorySource } from '../../platform/entity-history';
import { todayInChina } from '../../platform/today';
import { isOverdue, RECTIFICATION_SOURCE_LABELS, RECTIFICATION_STATUS_LABELS, visibleTo } from './rectification-views';
import type { RectificationsRepository } from './rectifications.repository';

const short = (text: string) => (text.length > 40 ? `${text.slice(0, 40)}…` : text);

/**
 * An entity's 责令整改 in its 经济户口 (kind 'rectification'): those ordered on outings and after
 * 双随机 checks that the actor sees (his unit scope, or as the source's inspector), newest first,
 * each with its state (待整改, 逾期, 待复查, 已销号).
 */
export function createRectificationEntityHistory(deps: {
  db: Db;
  rectificationsRepository: Pick<RectificationsRepository, 'ofEntity'>;
  today?: () => string;
}): EntityHistorySource {
  const today = deps.today ?? (() => todayInChina());
  return {
    kind: 'rectification',
    async list(actor, entity, limit) {
      const day = today();
      const rows = await deps.rectificationsRepository.ofEntity(deps.db, entity.id, visibleTo(actor), limit);
      return rows.map((r) => ({
        kind: 'rectification',
        recordId: r.id,
        date: r.sourceDate,
        title: `${RECTIFICATION_SOURCE_LABELS[r.source]}责令整改：${short(r.description)}（期限 ${r.deadline ?? '—'}）`,
        status: isOverdue(r, day) ? '逾期未整改' : RECTIFICATION_STATUS_LABELS[r.status],
        unitName: r.unitName,
        link: `/rectifications/${r.id}`,
      }));
    },
  };
}
