import type { Db } from '../../db/database';
import type { Actor } from '../../platform/actor';
import { creditCodeProblem, normalizeCreditCode } from '../../platform/credit-code';
import { AppError, conflict, forbidden, notFound, type FieldError } from '../../platform/errors';
import { createPagedTotals } from '../../platform/paged-totals';
import { createRecordScope } from '../../platform/records';
import { isUuid, unitIdInScope } from '../../platform/scope';
import { todayInChina } from '../../platform/today';
import type { AuditService } from '../audit/audit.service';
import type { CalendarService } from '../calendar/calendar.service';
import type { CampaignsService } from '../campaigns/campaigns.service';
import type { CasesService } from '../cases/cases.service';
import { cases } from '../cases/cases.schema';
import { marketEntities } from '../market-entities/market-entities.schema';
import type { UnitsRepository } from '../units/units.repository';
import { creditPolicy } from './credit.policy';
import type { CreditRepository, ListingListRow } from './credit.repository';
import {
  creditListings,
  type AbnormalReason,
  type ListingKind,
  PUBLICATION_CHANNELS,
  REMOVAL_KINDS,
} from './credit.schema';
import { addYears, presentLedgerRow, presentListing, SERIOUS_EXPIRY_YEARS, SERIOUS_REPAIR_YEARS } from './credit-views';
import { overdueDecisionCutoff, type PublicationStatus } from './publication-due';

export interface LedgerQuery {
  unitId?: string;
  campaignId?: string;
  status?: PublicationStatus;
  decidedFrom?: string;
  decidedTo?: string;
}

export interface ListingInput {
  listKind: ListingKind;
  entityName: string;
  creditCode?: string | null;
  marketEntityId?: string | null;
  caseId?: string | null;
  abnormalReason?: AbnormalReason | null;
  reasonText?: string | null;
  basis?: string | null;
  decisionNumber: string;
  listedDate: string;
  unitId: string;
}

export interface RemovalInput {
  removedDate: string;
  removalKind: (typeof REMOVAL_KINDS)[number];
  removalBasis: string;
  version: number;
}

const refused = (errors: FieldError[]) =>
  new AppError(422, '无法处理', errors.map((e) => e.message).join('；'), errors);

/**
 * 信用监管: the 行政处罚信息公示台账 (what is owed, due, overdue, published) with the record of each
 * publication, and the credit listings (经营异常名录, 严重违法失信名单) with their removal.
 */
export function createCreditService(deps: {
  db: Db;
  creditRepository: CreditRepository;
  unitsRepository: Pick<UnitsRepository, 'findById' | 'findByIds' | 'bureausOf'>;
  campaignsService: Pick<CampaignsService, 'requireVisible' | 'requireVisiblePath'>;
  casesService: Pick<CasesService, 'requireVisible' | 'markPublishedIn'>;
  calendarService: Pick<CalendarService, 'calendar'>;
  auditService: AuditService;
  today?: () => string;
}) {
  const { db, creditRepository: repo, casesService, calendarService, auditService } = deps;
  const today = deps.today ?? (() => todayInChina());
  const records = createRecordScope({
    db,
    findUnit: deps.unitsRepository.findById,
    requireCampaign: deps.campaignsService.requireVisiblePath,
  });
  const pageWithTotal = createPagedTotals();

  async function ledgerFilters(actor: Actor, q: LedgerQuery, day: string) {
    const cal = await calendarService.calendar();
    const scope = await records.listScope(actor, cases.unitId, q);
    return {
      cal,
      f: {
        ...scope,
        status: q.status,
        decidedFrom: q.decidedFrom,
        decidedTo: q.decidedTo,
        overdueCutoff: overdueDecisionCutoff(cal, day),
      },
    };
  }

  async function requireListing(actor: Actor, id: string) {
    const row = isUuid(id) ? await repo.findListing(db, id, unitIdInScope(actor, creditListings.unitId)) : undefined;
    if (!row) throw notFound('名单记录');
    return row;
  }

  /** Every problem of a listing's fields, each on its field (422 listing them all). */
  async function checkListing(actor: Actor, input: ListingInput, day: string) {
    const errors: FieldError[] = [];
    const creditCode = input.creditCode?.trim() ? normalizeCreditCode(input.creditCode) : null;
    // Both lists concern registered market entities (个体工商户 included), which carry a code.
    if (!creditCode) errors.push({ path: 'creditCode', message: '请填写统一社会信用代码' });
    else {
      const problem = creditCodeProblem(creditCode);
      if (problem) errors.push({ path: 'creditCode', message: problem });
    }
    if (input.listKind === 'abnormal' && !input.abnormalReason)
      errors.push({ path: 'abnormalReason', message: '请选择列入经营异常名录的事由（暂行办法第四条）' });
    if (input.listKind === 'serious') {
      if (!input.reasonText?.trim())
        errors.push({ path: 'reasonText', message: '请填写列入严重违法失信名单的违法事实' });
      if (!input.basis?.trim()) errors.push({ path: 'basis', message: '请填写列入依据（管理办法的条款）' });
    }
    if (input.listedDate > day) errors.push({ path: 'listedDate', message: `列入日期不能晚于今天（${day}）` });
    if (input.caseId) {
      const visible = await casesService.requireVisible(actor, input.caseId).catch(() => undefined);
      if (!visible) errors.push({ path: 'caseId', message: '依据案件不存在或不在您的权限范围内' });
    }
    if (input.marketEntityId) {
      const entity = isUuid(input.marketEntityId)
        ? await repo.findMarketEntity(db, input.marketEntityId, unitIdInScope(actor, marketEntities.unitId))
        : undefined;
      if (!entity) errors.push({ path: 'marketEntityId', message: '市场主体不存在或不在您的权限范围内' });
    }
    if (errors.length) throw refused(errors);
    return creditCode;
  }

  return {
    /** A page of the ledger with its totals per status (the status filter aside). */
    async ledger(actor: Actor, q: LedgerQuery & { page: number; pageSize: number }) {
      const day = today();
      const { cal, f } = await ledgerFilters(actor, q, day);
      const { page: _p, ...filtered } = q;
      const [page, totals] = await Promise.all([
        pageWithTotal(
          [actor.userId, actor.unitId, 'credit-ledger', filtered, day],
          q.page,
          () => repo.ledger(db, f, { limit: q.pageSize, offset: (q.page - 1) * q.pageSize }),
          async () => {
            const t = await repo.ledgerTotals(db, f);
            return { total: q.status ? t[q.status] : t.all, totalCapped: false };
          },
        ),
        repo.ledgerTotals(db, f),
      ]);
      return { ...page, items: page.items.map((r) => presentLedgerRow(actor, r, cal, day)), totals };
    },

    /** The ledger's rows for the export (at most `limit`), with the calendar to date them. */
    async ledgerRows(actor: Actor, q: LedgerQuery, limit: number) {
      const day = today();
      const { cal, f } = await ledgerFilters(actor, q, day);
      const rows = await repo.ledger(db, f, { limit, offset: 0 });
      // 处罚机关: the bureau that decided (行政机关), not its 大队 or 所 that handled the case.
      const units = await deps.unitsRepository.findByIds(db, [...new Set(rows.map((r) => r.unitId))]);
      const organs = await deps.unitsRepository.bureausOf(db, units);
      return { cal, day, rows: rows.map((r) => ({ ...r, organName: organs.get(r.unitId)?.name ?? r.unitName })) };
    },

    /** 登记公示: the case's penalty decision was published; sets the case's 是否已公开 in the same transaction. */
    async recordPublication(
      actor: Actor,
      input: {
        caseId: string;
        publishedDate: string;
        channel: (typeof PUBLICATION_CHANNELS)[number];
        reference?: string | null;
      },
    ) {
      const { row, unit } = await casesService.requireVisible(actor, input.caseId);
      if (!creditPolicy.canRecord(actor, unit.path)) throw forbidden('只有专项办、局领导或管理员可以登记处罚信息公示');
      if (!row.penalized || !row.decisionDate)
        throw refused([{ path: 'caseId', message: '该案件尚未作出行政处罚决定，无需公示' }]);
      const day = today();
      const errors: FieldError[] = [];
      if (input.publishedDate < row.decisionDate)
        errors.push({ path: 'publishedDate', message: `公示日期不能早于处罚决定日期（${row.decisionDate}）` });
      if (input.publishedDate > day) errors.push({ path: 'publishedDate', message: `公示日期不能晚于今天（${day}）` });
      if (errors.length) throw refused(errors);
      const existing = await repo.ledgerRow(db, row.id, unitIdInScope(actor, cases.unitId));
      if (existing?.publicationId) throw conflict('该案件的处罚信息公示已登记，请刷新后查看');
      await db.transaction(async (tx) => {
        const created = await repo.insertPublication(tx, {
          caseId: row.id,
          unitId: row.unitId,
          publishedDate: input.publishedDate,
          channel: input.channel,
          reference: input.reference?.trim() || null,
          recordedBy: actor.userId,
        });
        await casesService.markPublishedIn(tx, row.id);
        await auditService.record(tx, actor, {
          action: 'credit.publication_record',
          recordId: created.id,
          unitId: row.unitId,
          after: { ...created, caseNumber: row.caseNumber },
        });
      });
      const cal = await calendarService.calendar();
      const stored = await repo.ledgerRow(db, row.id, unitIdInScope(actor, cases.unitId));
      return presentLedgerRow(actor, stored!, cal, day);
    },

    async listings(
      actor: Actor,
      q: {
        listKind?: ListingKind;
        status?: 'listed' | 'removed';
        unitId?: string;
        q?: string;
        page: number;
        pageSize: number;
      },
    ) {
      const scope = await records.listScope(actor, creditListings.unitId, { unitId: q.unitId });
      const f = { ...scope, listKind: q.listKind, status: q.status, q: q.q?.trim() || undefined };
      const [rows, total] = await Promise.all([
        repo.listings(db, f, { limit: q.pageSize, offset: (q.page - 1) * q.pageSize }),
        repo.countListings(db, f),
      ]);
      return { items: rows.map((r) => presentListing(actor, r)), total };
    },

    async getListing(actor: Actor, id: string) {
      return presentListing(actor, await requireListing(actor, id));
    },

    /** 列入: the deciding unit's office or leader (or an administrator), in scope. */
    async createListing(actor: Actor, input: ListingInput) {
      const unit = await records.requireUnit(actor, input.unitId, '决定单位');
      if (!creditPolicy.canRecord(actor, unit.path)) throw forbidden('只有专项办、局领导或管理员可以登记列入名单');
      const creditCode = await checkListing(actor, input, today());
      const serious = input.listKind === 'serious';
      const created = await db.transaction(async (tx) => {
        const row = await repo.insertListing(tx, {
          listKind: input.listKind,
          entityName: input.entityName.trim(),
          creditCode,
          marketEntityId: input.marketEntityId || null,
          caseId: input.caseId || null,
          abnormalReason: serious ? null : input.abnormalReason,
          reasonText: input.reasonText?.trim() || null,
          basis: input.basis?.trim() || null,
          decisionNumber: input.decisionNumber.trim(),
          listedDate: input.listedDate,
          unitId: unit.id,
          createdBy: actor.userId,
        });
        await auditService.record(tx, actor, {
          action: 'credit.listing_create',
          recordId: row.id,
          unitId: row.unitId,
          after: row,
        });
        return row;
      });
      return this.getListing(actor, created.id);
    },

    /**
     * 移出 (信用修复, 期满移出, 其他) with its date and basis. A 严重违法失信名单 entry is repaired only
     * after a year on the list and expires after three (credit-views.ts); 经营异常名录 has no 期满移出.
     */
    async removeListing(actor: Actor, id: string, input: RemovalInput) {
      const row: ListingListRow = await requireListing(actor, id);
      if (!creditPolicy.canRecord(actor, row.unitPath)) throw forbidden('只有专项办、局领导或管理员可以办理移出');
      if (row.status !== 'listed') throw conflict('该记录已移出名单');
      const day = today();
      const errors: FieldError[] = [];
      if (input.removedDate < row.listedDate)
        errors.push({ path: 'removedDate', message: `移出日期不能早于列入日期（${row.listedDate}）` });
      if (input.removedDate > day) errors.push({ path: 'removedDate', message: `移出日期不能晚于今天（${day}）` });
      if (!input.removalBasis.trim()) errors.push({ path: 'removalBasis', message: '请填写移出依据' });
      if (row.listKind === 'serious' && input.removalKind === '信用修复') {
        const from = addYears(row.listedDate, SERIOUS_REPAIR_YEARS);
        if (input.removedDate < from)
          errors.push({
            path: 'removedDate',
            message: `列入严重违法失信名单满一年方可申请信用修复提前移出（${from}起）`,
          });
      }
      if (input.removalKind === '期满移出') {
        if (row.listKind === 'abnormal')
          errors.push({
            path: 'removalKind',
            message: '经营异常名录无期满移出（满三年未移出的应列入严重违法失信名单）',
          });
        else if (input.removedDate < addYears(row.listedDate, SERIOUS_EXPIRY_YEARS))
          errors.push({
            path: 'removedDate',
            message: `列入满三年方可期满移出（${addYears(row.listedDate, SERIOUS_EXPIRY_YEARS)}起）`,
          });
      }
      if (errors.length) throw refused(errors);
      await db.transaction(async (tx) => {
        const updated = await repo.updateListing(tx, row.id, input.version, {
          status: 'removed',
          removedDate: input.removedDate,
          removalKind: input.removalKind,
          removalBasis: input.removalBasis.trim(),
        });
        if (!updated) throw conflict('该记录已被他人修改或已移出，请刷新后查看（您填写的内容仍保留在页面上）');
        const { unitName: _n, unitPath: _p, caseNumber: _c, caseName: _cn, ...before } = row;
        await auditService.record(tx, actor, {
          action: 'credit.listing_remove',
          recordId: row.id,
          unitId: row.unitId,
          before,
          after: updated,
        });
      });
      return this.getListing(actor, id);
    },
  };
}

export type CreditService = ReturnType<typeof createCreditService>;
