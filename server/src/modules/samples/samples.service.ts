import type { Db } from '../../db/database';
import type { Actor } from '../../platform/actor';
import { AppError, conflict, forbidden, type FieldError } from '../../platform/errors';
import { createPagedTotals } from '../../platform/paged-totals';
import { createRecordScope } from '../../platform/records';
import { isPathWithin, isUuid, scopeKey, unitIdInScope } from '../../platform/scope';
import { todayInChina } from '../../platform/today';
import type { AuditService } from '../audit/audit.service';
import type { CalendarService } from '../calendar/calendar.service';
import type { CampaignsRepository } from '../campaigns/campaigns.repository';
import type { CampaignsService } from '../campaigns/campaigns.service';
import { inspections } from '../inspections/inspections.schema';
import type { UnitsRepository } from '../units/units.repository';
import type { UnitRow } from '../units/units.schema';
import { passRateRow } from './pass-rate';
import { FOLLOW_UP_DEFAULT_WORKING_DAYS } from './sample-kinds';
import type { FollowUpOpenInput, SampleInput } from './sample.types';
import { samplePolicy } from './samples.policy';
import type { SampleFilters, SamplesRepository } from './samples.repository';
import {
  FOLLOW_UP_MEASURE_LABELS,
  SAMPLE_KIND_LABELS,
  SAMPLE_RESULT_LABELS,
  samples,
  type SampleFollowUpInsert,
  type SampleFollowUpRow,
  type SampleRow,
} from './samples.schema';

export interface SampleListQuery {
  campaignId?: string;
  unitId?: string;
  categoryCode?: string;
  result?: SampleRow['result'];
  q?: string;
  product?: string;
  entityId?: string;
  from?: string;
  to?: string;
  overdue?: boolean;
}

export const DEFAULT_FOLLOW_UP_DEMAND =
  '责令被抽样单位立即停止销售不合格产品，采取下架、召回等措施，查明不合格产品的进货来源和流向，并书面报告处置情况。';

/**
 * 抽样检验 (issue 21; seeds 002, 003): samples in scope with their totals and pass rates; a fail
 * result opens its 核查处置 (sample-follow-up.service.ts tracks it) in the same transaction.
 */
export function createSamplesService(deps: {
  db: Db;
  samplesRepository: SamplesRepository;
  campaignsService: CampaignsService;
  campaignsRepository: Pick<CampaignsRepository, 'namesAndCategories'>;
  unitsRepository: UnitsRepository;
  calendarService: Pick<CalendarService, 'calendar'>;
  auditService: AuditService;
  today?: () => string;
}) {
  const { db, samplesRepository: repo, campaignsService, campaignsRepository, unitsRepository } = deps;
  const { auditService, calendarService } = deps;
  const today = deps.today ?? (() => todayInChina());
  const records = createRecordScope({
    db,
    findUnit: unitsRepository.findById,
    requireCampaign: campaignsService.requireVisiblePath,
  });

  async function filtersFor(actor: Actor, q: SampleListQuery): Promise<SampleFilters> {
    return {
      ...(await records.listScope(actor, samples.unitId, q)),
      categoryCode: q.categoryCode,
      result: q.result,
      q: q.q?.trim() || undefined,
      product: q.product?.trim() || undefined,
      entityId: q.entityId,
      from: q.from,
      to: q.to,
      overdueOn: q.overdue ? today() : undefined,
    };
  }

  function followUpView(f: SampleFollowUpRow | undefined, day: string) {
    if (!f) return null;
    return {
      ...f,
      measureLabels: f.measures.map((m) => FOLLOW_UP_MEASURE_LABELS[m]),
      overdue: f.status === 'open' && f.deadline < day,
    };
  }

  async function views(rows: SampleRow[]) {
    const [units, { names, labels }, entities, followUps] = await Promise.all([
      unitsRepository.findByIds(db, [...new Set(rows.map((r) => r.unitId))]),
      campaignsRepository.namesAndCategories(db, [...new Set(rows.map((r) => r.campaignId))]),
      repo.entityNames(db, [...new Set(rows.map((r) => r.entityId))]),
      repo.followUps(
        db,
        rows.map((r) => r.id),
      ),
    ]);
    const unitNames = new Map(units.map((u) => [u.id, u.name]));
    const entityOf = new Map(entities.map((e) => [e.id, e]));
    const followUpOf = new Map(followUps.map((f) => [f.sampleId, f]));
    const day = today();
    return rows.map((r) => ({
      ...r,
      unitName: unitNames.get(r.unitId) ?? '',
      campaignName: names.get(r.campaignId) ?? '',
      categoryLabel: labels.get(`${r.campaignId}:${r.categoryCode}`) ?? r.categoryCode,
      entityName: entityOf.get(r.entityId)?.name ?? '',
      entityCreditCode: entityOf.get(r.entityId)?.creditCode ?? '',
      sampleKindLabel: SAMPLE_KIND_LABELS[r.sampleKind],
      resultLabel: SAMPLE_RESULT_LABELS[r.result],
      followUp: followUpView(followUpOf.get(r.id), day),
    }));
  }

  async function detail(actor: Actor, row: SampleRow, unit: UnitRow) {
    const [view] = await views([row]);
    const open = view.followUp?.status === 'open';
    const followUp = samplePolicy.canFollowUp(actor, unit.path);
    return {
      ...view,
      can: {
        edit: samplePolicy.canRecord(actor, unit.path),
        attach: samplePolicy.canRecord(actor, unit.path),
        followUp: open && followUp,
        openLead: open && followUp && view.followUp!.measures.includes('case') && !view.followUp!.leadId,
        close: open && samplePolicy.canClose(actor, unit.path),
      },
    };
  }

  const requireVisible = (actor: Actor, id: string) =>
    records.requireRecord(actor, id, '抽检记录', samples.unitId, (id, scope) => repo.findVisible(db, id, scope));

  /** Every problem with the input, each on its field: 422 listing them. */
  async function check(actor: Actor, input: SampleInput, hasFollowUp: boolean): Promise<UnitRow> {
    const target = await campaignsService.recordTargetProblems(actor, input);
    const errors: FieldError[] = [...target.errors];
    const day = today();
    if (input.sampledDate > day) errors.push({ path: 'sampledDate', message: '抽样日期不能晚于今天' });
    if (input.result !== 'pending' && !input.resultDate)
      errors.push({ path: 'resultDate', message: '已出检验结论时请填写结果日期' });
    if (input.resultDate && input.resultDate < input.sampledDate)
      errors.push({ path: 'resultDate', message: '结果日期不能早于抽样日期' });
    if (input.resultDate && input.resultDate > day)
      errors.push({ path: 'resultDate', message: '结果日期不能晚于今天' });
    if (input.result === 'fail' && !input.failedItems)
      errors.push({ path: 'failedItems', message: '检验结论为不合格时请填写不合格项目' });
    if (input.result !== 'fail' && input.failedItems)
      errors.push({ path: 'failedItems', message: '只有检验结论为不合格时才填写不合格项目' });
    if (hasFollowUp && input.result !== 'fail')
      errors.push({ path: 'result', message: '该样品已开启核查处置，检验结论不能再改为合格或待检' });
    if (input.followUp?.deadline && input.followUp.deadline < (input.resultDate ?? input.sampledDate))
      errors.push({ path: 'followUp.deadline', message: '处置期限不能早于结果日期' });
    const entity = isUuid(input.entityId) ? await repo.entity(db, input.entityId) : undefined;
    if (!entity) errors.push({ path: 'entityId', message: '被抽样单位不在市场主体名录中' });
    else if (target.unit && !isPathWithin(entity.unitPath, target.unit.path))
      errors.push({ path: 'entityId', message: `“${entity.name}”不由${target.unit.name}或其下级单位监管` });
    if (input.inspectionId) {
      const outing = await records
        .requireRecord(actor, input.inspectionId, '检查记录', inspections.unitId, (id, scope) =>
          repo.inspectionInScope(db, id, scope),
        )
        .catch(() => undefined);
      if (!outing) errors.push({ path: 'inspectionId', message: '检查记录不存在或不在您的权限范围内' });
    }
    if (errors.length) throw new AppError(422, '无法办理', errors.map((e) => e.message).join('；'), errors);
    return target.unit!;
  }

  function columns(input: SampleInput) {
    const { followUp: _followUp, taskId: _taskId, ...rest } = input;
    return {
      ...rest,
      inspectionId: input.inspectionId ?? null,
      resultDate: input.resultDate ?? null,
    };
  }

  /** The follow-up a fail opens: the measures and demand given (下架 and the standard demand by default), 10 working days. */
  async function followUpFor(tx: Db, sample: SampleRow, given: FollowUpOpenInput | null | undefined) {
    const from = sample.resultDate ?? sample.sampledDate;
    const deadline =
      given?.deadline ?? (await calendarService.calendar(tx)).addWorkingDays(from, FOLLOW_UP_DEFAULT_WORKING_DAYS).date;
    return {
      sampleId: sample.id,
      measures: given?.measures ?? ['off_shelf'],
      demand: given?.demand || DEFAULT_FOLLOW_UP_DEMAND,
      deadline,
    } satisfies SampleFollowUpInsert;
  }

  /** Opens the follow-up of a sample that has just failed, audited, inside the caller's transaction. */
  async function openFollowUp(tx: Db, actor: Actor, sample: SampleRow, given: FollowUpOpenInput | null | undefined) {
    const created = await repo.insertFollowUp(tx, await followUpFor(tx, sample, given));
    await auditService.record(tx, actor, {
      action: 'sample.follow_up_open',
      recordId: sample.id,
      unitId: sample.unitId,
      after: created,
    });
    return created;
  }

  const pageWithTotal = createPagedTotals();

  return {
    requireVisible,
    detail,
    followUpFor,

    /** A page of samples (newest first) and how many match, with the batches by result over every match. */
    async list(actor: Actor, q: SampleListQuery & { page: number; pageSize: number }) {
      const filters = await filtersFor(actor, q);
      const { page, pageSize, ...filterQuery } = q;
      const [{ items, ...total }, totals] = await Promise.all([
        pageWithTotal(
          [scopeKey(actor), filterQuery],
          page,
          () => repo.page(db, { ...filters, limit: pageSize, offset: (page - 1) * pageSize }),
          () => repo.count(db, filters),
        ),
        repo.totals(db, filters),
      ]);
      return { items: await views(items), ...total, totals: { samples: totals.all, ...passRateRow(totals) } };
    },

    /** 合格率 by product and by category over the filtered samples, with the total. */
    async passRates(actor: Actor, q: SampleListQuery) {
      const filters = await filtersFor(actor, q);
      const [products, categories, total] = await Promise.all([
        repo.byProduct(db, filters),
        repo.byCategory(db, filters),
        repo.totals(db, filters),
      ]);
      const { labels } = await campaignsRepository.namesAndCategories(db, [
        ...new Set(categories.map((c) => c.campaignId)),
      ]);
      // One row per category code (a campaign tree's plans share their codes).
      const byCode = new Map<string, { label: string; tested: number; failed: number; pending: number }>();
      for (const c of categories) {
        const row = byCode.get(c.categoryCode) ?? {
          label: labels.get(`${c.campaignId}:${c.categoryCode}`) ?? c.categoryCode,
          tested: 0,
          failed: 0,
          pending: 0,
        };
        row.tested += c.tested;
        row.failed += c.failed;
        row.pending += c.pending;
        byCode.set(c.categoryCode, row);
      }
      return {
        byProduct: products.map(({ product, ...n }) => ({ product, ...passRateRow(n) })),
        byCategory: [...byCode].map(([categoryCode, { label, ...n }]) => ({
          categoryCode,
          categoryLabel: label,
          ...passRateRow(n),
        })),
        total: passRateRow(total),
      };
    },

    async get(actor: Actor, id: string) {
      const { row, unit } = await requireVisible(actor, id);
      return detail(actor, row, unit);
    },

    async create(actor: Actor, input: SampleInput) {
      const unit = await check(actor, input, false);
      if (!samplePolicy.canRecord(actor, unit.path)) throw forbidden('只有办案人员、专项办或管理员可以登记抽检记录');
      const row = await db.transaction(async (tx) => {
        const taskId = await campaignsService.recordTask.forCreate(tx, input);
        const created = await repo.insert(tx, { ...columns(input), taskId, createdBy: actor.userId });
        await auditService.record(tx, actor, {
          action: 'sample.create',
          recordId: created.id,
          unitId: created.unitId,
          after: created,
        });
        if (created.result === 'fail') await openFollowUp(tx, actor, created, input.followUp);
        return created;
      });
      return detail(actor, row, unit);
    },

    async update(actor: Actor, id: string, input: SampleInput & { version: number }) {
      const { row: before, unit: current } = await requireVisible(actor, id);
      if (!samplePolicy.canRecord(actor, current.path)) throw forbidden('只有办案人员、专项办或管理员可以修改抽检记录');
      const [existing] = await repo.followUps(db, [id]);
      const unit = await check(actor, input, !!existing);
      const row = await db.transaction(async (tx) => {
        const taskId = await campaignsService.recordTask.forUpdate(tx, input);
        const updated = await repo.update(tx, id, input.version, { ...columns(input), taskId });
        if (!updated) throw conflict('抽检记录已被他人修改，请刷新后再保存（您填写的内容仍保留在页面上）');
        await auditService.record(tx, actor, {
          action: 'sample.update',
          recordId: id,
          unitId: updated.unitId,
          before,
          after: updated,
        });
        if (updated.result === 'fail' && !existing) await openFollowUp(tx, actor, updated, input.followUp);
        return updated;
      });
      return detail(actor, row, unit);
    },

    /** The samples the actor may see at an entity (scoped), for its 经济户口. */
    ofEntity: (actor: Actor, entityId: string, limit: number) =>
      repo.ofEntity(db, entityId, unitIdInScope(actor, samples.unitId), limit),
  };
}

export type SamplesService = ReturnType<typeof createSamplesService>;
