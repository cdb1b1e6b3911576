import type { Db } from '../../db/database';
import type { Actor } from '../../platform/actor';
import { todayInChina } from '../../platform/today';
import { INBOX_KIND_LIMIT, section, type InboxProvider } from '../inbox/inbox';
import { isOverdue, visibleTo } from './rectification-views';
import { and, eq, or } from 'drizzle-orm';
import { supervisionFindings } from '../supervision/supervision.schema';
import { fieldRectificationPolicy, rectificationPolicy } from './rectifications.policy';
import {
  fieldInspector,
  visitOfGroupPerson,
  type FindingFilters,
  type RectificationsRepository,
} from './rectifications.repository';

/**
 * The rectifications' part of 我的待办: the open ones of the actor's own unit (its liaison, office
 * and leader answer them; overdue first, due on the deadline), and for a group's leader and members
 * the answers of their visits awaiting 复查.
 */
export function createRectificationInbox(deps: {
  db: Db;
  rectificationsRepository: Pick<RectificationsRepository, 'list' | 'totals'>;
  today?: () => string;
}): InboxProvider {
  const { db, rectificationsRepository: repo } = deps;
  const todayOf = deps.today ?? (() => todayInChina());

  /** `dated`: the unit's items fall due on the deadline; a 复查 has no deadline of its own (the unit's was for the answer). */
  async function read(kind: string, f: FindingFilters, today: string, dated: boolean) {
    const [rows, totals] = await Promise.all([
      repo.list(db, f, today, { limit: INBOX_KIND_LIMIT, offset: 0 }),
      repo.totals(db, f, today),
    ]);
    const items = rows.map((r) => ({
      kind,
      recordType: 'rectification',
      recordId: r.id,
      title: `${r.entityName ?? r.unitName}：${r.description.length > 40 ? `${r.description.slice(0, 40)}…` : r.description}`,
      dueAt: dated ? r.deadline : null,
      unitId: r.unitId,
      link: `/rectifications/${r.id}`,
      overdue: dated && isOverdue(r, today),
    }));
    return section(kind, items, totals.all);
  }

  return async (actor: Actor) => {
    const today = todayOf();
    const out = [];
    if (rectificationPolicy.answersForOwnUnit(actor))
      out.push(
        await read(
          'rectification_open',
          { visible: visibleTo(actor), unitId: actor.unitId!, statuses: ['open'], source: 'supervision' },
          today,
          true,
        ),
      );
    out.push(
      await read(
        'rectification_review',
        { visible: visitOfGroupPerson(actor.userId), statuses: ['replied'] },
        today,
        false,
      ),
    );
    // 责令整改 of entities: the outing's (or draw's) inspectors and the ordering unit's handlers
    // follow the open ones up (overdue first); the unit's office and leader close the answered ones.
    const ownUnit = actor.unitId ? eq(supervisionFindings.unitId, actor.unitId) : undefined;
    const following =
      fieldRectificationPolicy.followsUpForOwnUnit(actor) && ownUnit
        ? or(fieldInspector(actor), ownUnit)!
        : fieldInspector(actor);
    out.push(
      await read(
        'rectification_field_open',
        { visible: and(visibleTo(actor), following)!, source: 'field', statuses: ['open'] },
        today,
        true,
      ),
    );
    if (fieldRectificationPolicy.closesForOwnUnit(actor) && ownUnit)
      out.push(
        await read(
          'rectification_field_review',
          { visible: and(visibleTo(actor), ownUnit)!, source: 'field', statuses: ['replied'] },
          today,
          false,
        ),
      );
    return out.filter((s) => s.total > 0);
  };
}
