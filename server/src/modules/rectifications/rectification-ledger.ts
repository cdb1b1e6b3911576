import type { Db } from '../../db/database';
import type { Actor } from '../../platform/actor';
import { streamXlsx, thinBorder } from '../../platform/documents/xlsx';
import { createPagedTotals } from '../../platform/paged-totals';
import { createRecordScope } from '../../platform/records';
import { todayInChina } from '../../platform/today';
import type { CampaignsService } from '../campaigns/campaigns.service';
import { supervisionFindings, type RectificationStatus } from '../supervision/supervision.schema';
import type { UnitsRepository } from '../units/units.repository';
import { isOverdue, RECTIFICATION_SOURCE_LABELS, RECTIFICATION_STATUS_LABELS, visibleTo } from './rectification-views';
import type { FindingFilters, FindingListRow, RectificationsRepository } from './rectifications.repository';

export interface LedgerQuery {
  campaignId?: string;
  unitId?: string;
  status?: Exclude<RectificationStatus, 'noted'>;
  overdue?: boolean;
  roundId?: string;
  groupId?: string;
  /** Only the actor's own unit (我单位整改), not its subtree. */
  mine?: boolean;
  /** 督查 or 执法检查 (an outing's or a 双随机 check's 责令整改). */
  source?: 'supervision' | 'field';
}

/** The statuses the ledger holds: a finding that demanded 整改 (the noted ones stay on their visit). */
const DEMANDED: RectificationStatus[] = ['open', 'replied', 'closed'];
const EXPORT_LIMIT = 10_000;

/**
 * 整改台账: every rectification the caller sees (his units', his groups' and the outings he went
 * on), filtered by source (督查 / 执法检查), plan, unit, round, group, status and overdue; totals by status, the per-unit summary and the .xlsx.
 */
export function createRectificationLedger(deps: {
  db: Db;
  rectificationsRepository: RectificationsRepository;
  unitsRepository: Pick<UnitsRepository, 'findById'>;
  campaignsService: Pick<CampaignsService, 'requireVisible' | 'requireVisiblePath'>;
  today?: () => string;
}) {
  const { db, rectificationsRepository: repo } = deps;
  const today = deps.today ?? (() => todayInChina());
  const records = createRecordScope({
    db,
    findUnit: deps.unitsRepository.findById,
    requireCampaign: deps.campaignsService.requireVisiblePath,
  });
  const pageWithTotal = createPagedTotals();

  async function filters(actor: Actor, q: LedgerQuery, day: string): Promise<FindingFilters> {
    const { unitPath, campaignPath } = await records.listScope(actor, supervisionFindings.unitId, q);
    return {
      visible: visibleTo(actor),
      unitPath,
      campaignPath,
      statuses: q.status ? [q.status] : DEMANDED,
      overdueOn: q.overdue ? day : undefined,
      roundId: q.roundId,
      groupId: q.groupId,
      unitId: q.mine ? (actor.unitId ?? undefined) : undefined,
      source: q.source,
    };
  }

  const row = (r: FindingListRow, day: string) => ({
    ...r,
    statusLabel: RECTIFICATION_STATUS_LABELS[r.status],
    sourceLabel: RECTIFICATION_SOURCE_LABELS[r.source],
    overdue: isOverdue(r, day),
  });

  return {
    async list(actor: Actor, q: LedgerQuery & { page: number; pageSize: number }) {
      const day = today();
      const f = await filters(actor, q, day);
      const all = await filters(actor, { ...q, status: undefined, overdue: undefined }, day);
      const { page: _page, ...filtered } = q;
      const [page, totals] = await Promise.all([
        pageWithTotal(
          [actor.userId, actor.unitId, filtered, day],
          q.page,
          () => repo.list(db, f, day, { limit: q.pageSize, offset: (q.page - 1) * q.pageSize }),
          async () => ({ total: (await repo.totals(db, f, day)).all, totalCapped: false }),
        ),
        repo.totals(db, all, day),
      ]);
      return { ...page, items: page.items.map((r) => row(r, day)), totals };
    },

    /** Per unit concerned: demanded, open, overdue, replied, closed. */
    async summary(actor: Actor, q: LedgerQuery) {
      const day = today();
      return { items: await repo.summary(db, await filters(actor, { ...q, status: undefined }, day), day) };
    },

    /** The ledger as a spreadsheet (整改台账.xlsx), the same filters, at most EXPORT_LIMIT rows. */
    async xlsx(actor: Actor, q: LedgerQuery) {
      const day = today();
      const f = await filters(actor, q, day);
      const rows = await repo.list(db, f, day, { limit: EXPORT_LIMIT, offset: 0 });
      const content = streamXlsx(async (wb) => {
        const ws = wb.addWorksheet('整改台账');
        ws.columns = [
          { header: '序号', width: 6 },
          { header: '来源', width: 10 },
          { header: '督查轮次 / 检查日期', width: 18 },
          { header: '督查组 / 抽查任务', width: 16 },
          { header: '整改单位 / 主体', width: 24 },
          { header: '发现问题', width: 40 },
          { header: '整改要求', width: 36 },
          { header: '整改期限', width: 12 },
          { header: '状态', width: 10 },
          { header: '是否逾期', width: 10 },
          { header: '整改情况', width: 40 },
          { header: '销号日期', width: 12 },
        ];
        ws.getRow(1).font = { bold: true };
        rows.forEach((r, i) => {
          const added = ws.addRow([
            i + 1,
            RECTIFICATION_SOURCE_LABELS[r.source],
            r.roundTitle ?? r.sourceDate,
            r.groupName ?? r.drawName ?? r.unitName,
            r.entityName ?? r.unitName,
            r.description,
            r.requirement ?? '',
            r.deadline ?? '',
            RECTIFICATION_STATUS_LABELS[r.status],
            isOverdue(r, day) ? '是' : '否',
            r.latestReply ?? '',
            r.closedAt ? todayInChina(r.closedAt) : '',
          ]);
          added.eachCell((c) => (c.border = thinBorder));
          added.commit();
        });
      });
      return { fileName: `整改台账-${day}.xlsx`, content };
    },
  };
}

export type RectificationLedger = ReturnType<typeof createRectificationLedger>;
