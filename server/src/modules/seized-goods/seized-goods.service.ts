import type { Db } from '../../db/database';
import type { Actor } from '../../platform/actor';
import { conflict, forbidden, notFound } from '../../platform/errors';
import { createRecordScope } from '../../platform/records';
import { isUuid, unitIdInScope } from '../../platform/scope';
import { todayInChina } from '../../platform/today';
import type { AuditService } from '../audit/audit.service';
import type { CampaignsRepository } from '../campaigns/campaigns.repository';
import type { CampaignsService } from '../campaigns/campaigns.service';
import { inspections } from '../inspections/inspections.schema';
import type { UnitsRepository } from '../units/units.repository';
import type { UnitRow } from '../units/units.schema';
import type { UserLineCheck } from '../users/user-line';
import type { UsersRepository } from '../users/users.repository';
import { amountsOf, createSeizedGoodsChecks, refused } from './seized-goods-checks';
import { seizedGoodsXlsx } from './seized-goods-export';
import { seizedGoodsPolicy } from './seized-goods.policy';
import type { SeizedGoodsFilters, SeizedGoodsRepository } from './seized-goods.repository';
import {
  SEIZURE_MEASURE_LABELS,
  seizedGoods,
  type DisposalKind,
  type DisposalRow,
  type SeizedGoodsRow,
  type SeizureMeasure,
} from './seized-goods.schema';
import {
  custodyBalance,
  CUSTODY_STATUS_LABELS,
  DISPOSAL_KIND_LABELS,
  fromThousandths,
  normalizeQuantity,
  seizedBelowDisposed,
  toThousandths,
  type CustodyStatus,
  type DisposalAmount,
} from './seized-quantity';

/** What registering custody writes (物品, 措施, 数量, 存放地点, 保管人, 来源). */
export interface SeizedGoodsInput {
  unitId: string;
  campaignId: string;
  categoryCode: string;
  goods: string;
  measure: SeizureMeasure;
  /** Exact decimal text (up to 3 places). */
  quantity: string;
  quantityUnit: string;
  description?: string | null;
  place: string;
  custodianId: string;
  seizedDate: string;
  inspectionId?: string | null;
  inspectionSeizureId?: string | null;
  caseId?: string | null;
  entityId?: string | null;
  ownerName?: string | null;
  note?: string | null;
}

export interface DisposalInput {
  kind: DisposalKind;
  disposalDate: string;
  quantity: string;
  method?: string | null;
  witnesses?: string[];
  recipient?: string | null;
  basis?: string | null;
  note?: string | null;
  /** The record's version the disposal was based on. */
  version: number;
}

export interface SeizedGoodsListQuery {
  campaignId?: string;
  unitId?: string;
  status?: CustodyStatus;
  measure?: SeizureMeasure;
  from?: string;
  to?: string;
  q?: string;
  inspectionId?: string;
  caseId?: string;
}

const EXPORT_LIMIT = 10_000;

/**
 * 涉案财物 / 罚没物品 (issue 21; seed 002 查获私宰肉3478公斤 … 依法没收): custody of seized goods and
 * their disposal, in unit scope, each write and its audit entry in one transaction.
 */
export function createSeizedGoodsService(deps: {
  db: Db;
  seizedGoodsRepository: SeizedGoodsRepository;
  campaignsService: CampaignsService;
  campaignsRepository: Pick<CampaignsRepository, 'namesAndCategories'>;
  unitsRepository: UnitsRepository;
  usersRepository: Pick<UsersRepository, 'findById'>;
  userLine: UserLineCheck;
  auditService: AuditService;
  today?: () => string;
}) {
  const { db, seizedGoodsRepository: repo, campaignsService, campaignsRepository, unitsRepository } = deps;
  const { usersRepository, userLine, auditService } = deps;
  const today = deps.today ?? (() => todayInChina());
  const records = createRecordScope({
    db,
    findUnit: unitsRepository.findById,
    requireCampaign: campaignsService.requireVisiblePath,
  });

  async function filtersFor(actor: Actor, q: SeizedGoodsListQuery): Promise<SeizedGoodsFilters> {
    const { unitId, campaignId, ...rest } = q;
    return { ...(await records.listScope(actor, seizedGoods.unitId, { unitId, campaignId })), ...rest };
  }

  async function views(rows: SeizedGoodsRow[]) {
    const [units, { names, labels }, sources] = await Promise.all([
      unitsRepository.findByIds(db, [...new Set(rows.map((r) => r.unitId))]),
      campaignsRepository.namesAndCategories(db, [...new Set(rows.map((r) => r.campaignId))]),
      repo.sourceNames(db, rows),
    ]);
    const unitNames = new Map(units.map((u) => [u.id, u.name]));
    return rows.map((r) => {
      const held = (toThousandths(r.quantity) ?? 0n) - (toThousandths(r.disposedQuantity) ?? 0n);
      return {
        ...r,
        quantity: normalizeQuantity(r.quantity),
        disposedQuantity: normalizeQuantity(r.disposedQuantity),
        confiscatedQuantity: normalizeQuantity(r.confiscatedQuantity),
        heldQuantity: fromThousandths(held),
        unitName: unitNames.get(r.unitId) ?? '',
        campaignName: names.get(r.campaignId) ?? '',
        categoryLabel: labels.get(`${r.campaignId}:${r.categoryCode}`) ?? r.categoryCode,
        measureLabel: SEIZURE_MEASURE_LABELS[r.measure],
        statusLabel: CUSTODY_STATUS_LABELS[r.status],
        inspectionDate: r.inspectionId ? (sources.outingDates.get(r.inspectionId) ?? null) : null,
        caseNumber: r.caseId ? (sources.caseNumbers.get(r.caseId) ?? null) : null,
        entityName: r.entityId ? (sources.entityNames.get(r.entityId) ?? null) : null,
        entityCreditCode: r.entityId ? (sources.entityCodes.get(r.entityId) ?? null) : null,
      };
    });
  }

  const disposalView = (d: DisposalRow) => ({
    ...d,
    quantity: normalizeQuantity(d.quantity),
    kindLabel: DISPOSAL_KIND_LABELS[d.kind],
  });

  async function detail(actor: Actor, row: SeizedGoodsRow, unit: UnitRow) {
    const [[view], disposals, attachments] = await Promise.all([
      views([row]),
      repo.disposals(db, row.id),
      repo.attachments(db, row.id),
    ]);
    const canRecord = seizedGoodsPolicy.canRecord(actor, unit.path);
    return {
      ...view,
      disposals: disposals.map(disposalView),
      attachments: attachments.map((a) => ({ ...a, canRemove: seizedGoodsPolicy.canRemoveFile(actor, a, unit.path) })),
      can: { edit: canRecord, dispose: canRecord && row.status !== 'disposed', attach: canRecord },
    };
  }

  const requireVisible = (actor: Actor, id: string) =>
    records.requireRecord(actor, id, '涉案财物记录', seizedGoods.unitId, (id, scope) =>
      repo.findVisible(db, id, scope),
    );

  const columns = (input: SeizedGoodsInput, custodianName: string) => ({
    unitId: input.unitId,
    campaignId: input.campaignId,
    categoryCode: input.categoryCode,
    goods: input.goods,
    measure: input.measure,
    quantity: input.quantity,
    quantityUnit: input.quantityUnit,
    description: input.description || null,
    place: input.place,
    custodianId: input.custodianId,
    custodianName,
    seizedDate: input.seizedDate,
    inspectionId: input.inspectionId || null,
    inspectionSeizureId: (input.inspectionId && input.inspectionSeizureId) || null,
    caseId: input.caseId || null,
    entityId: input.entityId || null,
    ownerName: input.ownerName || null,
    note: input.note || null,
  });

  /** The stored sums and status after the disposals (exact, from the kernel). */
  function derived(row: Pick<SeizedGoodsRow, 'measure' | 'quantity'>, disposals: DisposalAmount[]) {
    const b = custodyBalance(row.quantity, amountsOf(row, disposals));
    return {
      disposedQuantity: fromThousandths(b.out),
      confiscatedQuantity: fromThousandths(b.confiscated),
      status: b.status,
    };
  }

  const { check, disposalErrors } = createSeizedGoodsChecks({
    db,
    seizedGoodsRepository: repo,
    campaignsService,
    usersRepository,
    userLine,
    today,
  });

  return {
    requireVisible,

    /** A page of the 罚没物品台账 (newest first), how many match, and the exact totals per goods and unit. */
    async list(actor: Actor, q: SeizedGoodsListQuery & { page: number; pageSize: number }) {
      const filters = await filtersFor(actor, q);
      const [items, count, totals] = await Promise.all([
        repo.page(db, { ...filters, limit: q.pageSize, offset: (q.page - 1) * q.pageSize }),
        repo.count(db, filters),
        repo.totals(db, filters),
      ]);
      return { items: await views(items), ...count, totals: totals.map(normalizedTotal) };
    },

    /** The ledger as .xlsx (罚没物品台账, A4 landscape), streamed; the same filters, at most EXPORT_LIMIT rows. */
    async xlsx(actor: Actor, q: SeizedGoodsListQuery) {
      const filters = await filtersFor(actor, q);
      const [rows, totals] = await Promise.all([
        repo.page(db, { ...filters, limit: EXPORT_LIMIT, offset: 0 }),
        repo.totals(db, filters),
      ]);
      const [items, disposals] = await Promise.all([
        views(rows),
        repo.disposalsOf(
          db,
          rows.map((r) => r.id),
        ),
      ]);
      const day = today();
      return {
        fileName: `罚没物品台账-${day}.xlsx`,
        content: seizedGoodsXlsx(items, disposals.map(disposalView), totals.map(normalizedTotal), day),
      };
    },

    async get(actor: Actor, id: string) {
      const { row, unit } = await requireVisible(actor, id);
      return detail(actor, row, unit);
    },

    /** An outing's 查扣物品 rows (to register their custody), each with its custody record if registered. */
    async outingSeizures(actor: Actor, inspectionId: string) {
      const outing = isUuid(inspectionId)
        ? await repo.findInspection(db, inspectionId, unitIdInScope(actor, inspections.unitId))
        : undefined;
      if (!outing) throw notFound('检查记录');
      const seizures = await repo.inspectionSeizures(db, inspectionId);
      return { ...outing, seizures: seizures.map((s) => ({ ...s, quantity: normalizeQuantity(s.quantity) })) };
    },

    async create(actor: Actor, input: SeizedGoodsInput) {
      const { unit, custodianName } = await check(actor, input);
      if (!seizedGoodsPolicy.canRecord(actor, unit.path))
        throw forbidden('只有该单位或上级单位的办案人员、专项办可以登记涉案财物');
      const row = await db.transaction(async (tx) => {
        const cols = columns(input, custodianName);
        const created = await repo.insert(tx, { ...cols, ...derived(cols, []), createdBy: actor.userId });
        await auditService.record(tx, actor, {
          action: 'seized_goods.create',
          recordId: created.id,
          unitId: created.unitId,
          after: created,
        });
        return created;
      });
      return detail(actor, row, unit);
    },

    async update(actor: Actor, id: string, input: SeizedGoodsInput & { version: number }) {
      const { row: before, unit: current } = await requireVisible(actor, id);
      if (!seizedGoodsPolicy.canRecord(actor, current.path))
        throw forbidden('只有该单位或上级单位的办案人员、专项办可以修改涉案财物记录');
      const { unit, custodianName } = await check(actor, input, id);
      if (!seizedGoodsPolicy.canRecord(actor, unit.path)) throw forbidden('您不能把涉案财物记录改到该单位');
      const row = await db.transaction(async (tx) => {
        const cols = columns(input, custodianName);
        const done = (await repo.disposals(tx, id)).map((d) => ({ kind: d.kind, quantity: d.quantity }));
        const below = seizedBelowDisposed(input.quantity, amountsOf(cols, done));
        if (below) throw refused([{ path: 'quantity', message: below }]);
        const updated = await repo.update(tx, id, input.version, { ...cols, ...derived(cols, done) });
        if (!updated) throw conflict('涉案财物记录已被他人修改，请刷新后再保存（您填写的内容仍保留在页面上）');
        await auditService.record(tx, actor, {
          action: 'seized_goods.update',
          recordId: id,
          unitId: updated.unitId,
          before,
          after: updated,
        });
        return updated;
      });
      return detail(actor, row, unit);
    },

    /** 处置: part or all returned, confiscated, destroyed or handed over; never more than was seized. */
    async dispose(actor: Actor, id: string, input: DisposalInput) {
      const { row: current, unit } = await requireVisible(actor, id);
      if (!seizedGoodsPolicy.canRecord(actor, unit.path))
        throw forbidden('只有该单位或上级单位的办案人员、专项办可以处置涉案财物');
      if (input.version !== current.version)
        throw conflict('涉案财物记录已被他人修改（可能已有新的处置），请刷新后再办理');
      const row = await db.transaction(async (tx) => {
        const done = await repo.disposals(tx, id);
        const errors = disposalErrors(current, done, input);
        if (errors.length) throw refused(errors);
        const disposal = await repo.insertDisposal(tx, {
          seizedGoodsId: id,
          kind: input.kind,
          disposalDate: input.disposalDate,
          quantity: input.quantity,
          method: input.method?.trim() || null,
          witnesses: (input.witnesses ?? []).map((w) => w.trim()).filter(Boolean),
          recipient: input.recipient?.trim() || null,
          basis: input.basis?.trim() || null,
          note: input.note?.trim() || null,
          createdBy: actor.userId,
          createdByName: actor.displayName,
        });
        const all = [...done, disposal].map((d) => ({ kind: d.kind, quantity: d.quantity }));
        // The version check comes last: a disposal recorded meanwhile by someone else rolls this one back.
        const updated = await repo.update(tx, id, input.version, derived(current, all));
        if (!updated) throw conflict('涉案财物记录已被他人修改（可能已有新的处置），请刷新后再办理');
        await auditService.record(tx, actor, {
          action: 'seized_goods.dispose',
          recordId: id,
          unitId: updated.unitId,
          before: current,
          after: { ...updated, disposal },
        });
        return updated;
      });
      return detail(actor, row, unit);
    },
  };
}

function normalizedTotal<T extends { quantity: string; disposed: string; confiscated: string; held: string }>(t: T): T {
  return {
    ...t,
    quantity: normalizeQuantity(t.quantity),
    disposed: normalizeQuantity(t.disposed),
    confiscated: normalizeQuantity(t.confiscated),
    held: normalizeQuantity(t.held),
  };
}

export type SeizedGoodsService = ReturnType<typeof createSeizedGoodsService>;
