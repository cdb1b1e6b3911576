import type { Db } from '../../db/database';
import type { NewNotification } from '../notifications/notifications.schema';
import type { SupervisionFindingRow } from '../supervision/supervision.schema';
import { FIELD_CLOSING_ROLES, FIELD_FOLLOW_UP_ROLES, RECTIFICATION_ANSWERING_ROLES } from './rectifications.policy';
import type { FindingListRow, RectificationsRepository } from './rectifications.repository';

const short = (text: string) => (text.length > 30 ? `${text.slice(0, 30)}…` : text);

/**
 * Who is told what of a rectification: the unit concerned (its liaison, office and leader) of a
 * demand (整改通知), a return (退回) and a 销号; the group's leader and members of an answer (整改报告).
 * Each notice is made once per step (the finding's version names it).
 */
export function rectificationNotices(deps: { db: Db; repo: RectificationsRepository }) {
  const { repo } = deps;
  const link = (id: string) => `/rectifications/${id}`;

  return {
    async demanded(tx: Db, row: SupervisionFindingRow, visitedUnitName: string): Promise<NewNotification[]> {
      const people = await repo.unitPeople(tx, row.unitId, RECTIFICATION_ANSWERING_ROLES);
      return people.map((userId) => ({
        userId,
        kind: 'rectification_demanded' as const,
        title: `整改通知：${short(row.description)}（整改期限 ${row.deadline}）`,
        body: `督查组在对${visitedUnitName}的督查中发现问题，要求：${row.requirement}`,
        link: link(row.id),
        unitId: row.unitId,
        dedupeKey: `rectification:${row.id}:demanded:${row.version}`,
      }));
    },

    /** 责令整改 of an entity: the source's inspectors and the ordering unit's handlers follow it up. */
    async ordered(
      tx: Db,
      row: SupervisionFindingRow,
      entityName: string,
      inspectorIds: string[],
    ): Promise<NewNotification[]> {
      const people = await repo.fieldPeople(tx, inspectorIds, row.unitId, FIELD_FOLLOW_UP_ROLES);
      return people.map((userId) => ({
        userId,
        kind: 'rectification_demanded' as const,
        title: `责令整改：${entityName}“${short(row.description)}”（整改期限 ${row.deadline}）`,
        body: `整改要求：${row.requirement}`,
        link: link(row.id),
        unitId: row.unitId,
        dedupeKey: `rectification:${row.id}:demanded:${row.version}`,
      }));
    },

    async of(
      tx: Db,
      kind: 'reply' | 'return' | 'close',
      row: FindingListRow,
      text: string,
    ): Promise<NewNotification[]> {
      const toReviewer = kind === 'reply';
      const people = !row.groupId
        ? toReviewer
          ? await repo.unitPeople(tx, row.unitId, FIELD_CLOSING_ROLES)
          : await repo.fieldPeople(tx, row.inspectorIds, row.unitId, FIELD_FOLLOW_UP_ROLES)
        : toReviewer
          ? await repo.groupPeople(tx, row.groupId)
          : await repo.unitPeople(tx, row.unitId, RECTIFICATION_ANSWERING_ROLES);
      const what = row.entityName ? `${row.entityName}：${short(row.description)}` : short(row.description);
      const title = {
        reply: `整改报告待复查：${row.unitName}“${what}”`,
        return: `整改报告被退回：“${what}”（整改期限 ${row.deadline}）`,
        close: `整改已销号：“${what}”`,
      }[kind];
      const notificationKind = (
        { reply: 'rectification_replied', return: 'rectification_returned', close: 'rectification_closed' } as const
      )[kind];
      return people.map((userId) => ({
        userId,
        kind: notificationKind,
        title,
        body: short(text),
        link: link(row.id),
        unitId: row.unitId,
        dedupeKey: `rectification:${row.id}:${kind}:${row.version}`,
      }));
    },
  };
}
