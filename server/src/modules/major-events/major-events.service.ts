import type { Db } from '../../db/database';
import type { Actor } from '../../platform/actor';
import { badRequest, conflict, forbidden, invalidField, type FieldError } from '../../platform/errors';
import { createRecordScope } from '../../platform/records';
import { isPathInScope } from '../../platform/scope';
import { todayInChina } from '../../platform/today';
import type { AuditService } from '../audit/audit.service';
import type { CampaignsRepository } from '../campaigns/campaigns.repository';
import type { CampaignsService } from '../campaigns/campaigns.service';
import type { CampaignRow } from '../campaigns/campaigns.schema';
import { loadPlanAudience } from '../reports/plan-audience';
import type { UnitsRepository } from '../units/units.repository';
import type { UnitRow } from '../units/units.schema';
import { majorEventPolicy } from './major-events.policy';
import type { MajorEventListRow, MajorEventsRepository } from './major-events.repository';
import { MAJOR_EVENT_KIND_LABELS, type MajorEventKind, type MajorEventStatus } from './major-event-kinds';
import { majorEvents, type MajorEventInsert, type MajorEventRow } from './major-events.schema';

/** What the reporting unit writes (and may correct until the office has acknowledged it). */
export interface MajorEventInput {
  kind: MajorEventKind;
  title: string;
  occurredOn: string;
  summary: string;
  measuresTaken: string;
  requests?: string | null;
  caseId?: string | null;
}

/**
 * 重大情况报告 (seeds 000 and 001): a participating unit reports a major situation, a big case or a
 * difficult problem at once, outside the report schedule, to the office of the plan it reports to
 * (the same units that owe the plan its periodic reports, owing-units.ts); the office acknowledges
 * it with its 批示. Every write and its audit entry share one transaction.
 */
export function createMajorEventsService(deps: {
  db: Db;
  majorEventsRepository: MajorEventsRepository;
  campaignsService: CampaignsService;
  campaignsRepository: CampaignsRepository;
  unitsRepository: UnitsRepository;
  auditService: AuditService;
  now?: () => Date;
}) {
  const { db, majorEventsRepository: repo, campaignsService, unitsRepository, auditService } = deps;
  const now = deps.now ?? (() => new Date());
  const records = createRecordScope({
    db,
    findUnit: unitsRepository.findById,
    requireCampaign: campaignsService.requireVisiblePath,
  });

  /**
   * The units that report to the plan's office (those owing it its reports), each named as its board
   * names it, with the issuing unit's path (who acknowledges).
   */
  async function planAudience(campaign: Pick<CampaignRow, 'id' | 'unitId'>) {
    const { owing, issuerPath } = await loadPlanAudience(db, deps, campaign);
    return { reporting: owing, issuerPath };
  }

  /** Every problem with what the unit wrote, each on its field; 400 listing them. */
  async function check(campaign: CampaignRow, unit: UnitRow, input: MajorEventInput, reporting: UnitRow[], at = now()) {
    const errors: FieldError[] = [];
    if (!reporting.some((u) => u.id === unit.id))
      errors.push({
        path: 'unitId',
        message: `报告单位“${unit.name}”不向本行动方案的专项办报送（请在其所属的实施方案中报告）`,
      });
    if (input.occurredOn > todayInChina(at)) errors.push({ path: 'occurredOn', message: '发生日期不能晚于今天' });
    if (input.caseId && !(await repo.caseOfCampaignInSubtree(db, input.caseId, campaign.path, unit.path)))
      errors.push({ path: 'caseId', message: '涉及案件应为本行动中本单位（含下级）办理的案件' });
    if (errors.length) throw badRequest(errors.map((e) => e.message).join('；'), errors);
  }

  const fields = (input: MajorEventInput) => ({
    kind: input.kind,
    title: input.title.trim(),
    occurredOn: input.occurredOn,
    summary: input.summary.trim(),
    measuresTaken: input.measuresTaken.trim(),
    requests: input.requests?.trim() || null,
    caseId: input.caseId || null,
  });

  /** The row as stored (what the audit entry keeps), without the names read beside it. */
  const stored = ({
    reportedByName: _r,
    acknowledgedByName: _a,
    caseNumber: _n,
    caseName: _c,
    ...row
  }: MajorEventListRow): MajorEventRow => row;

  const view = (r: MajorEventListRow, unitLabel: string) => ({
    ...r,
    kindLabel: MAJOR_EVENT_KIND_LABELS[r.kind],
    unitLabel,
  });

  /** One report as the API answers it, with what the caller may do with it. */
  async function present(actor: Actor, id: string) {
    const { row, unit } = await records.requireRecord(actor, id, '重大情况报告', majorEvents.unitId, (id, scope) =>
      repo.findVisible(db, id, scope),
    );
    const campaign = await campaignsService.requireVisible(actor, row.campaignId);
    const { reporting, issuerPath } = await planAudience(campaign);
    const label = reporting.find((r) => r.unit.id === unit.id)?.unitLabel ?? unit.name;
    const pending = row.status === 'reported';
    return {
      row: stored(row),
      unit,
      campaign,
      issuerPath,
      reporting: reporting.map((r) => r.unit),
      answer: {
        ...view(row, label),
        campaignName: campaign.name,
        can: {
          edit: pending && majorEventPolicy.canEdit(actor, row, unit.path),
          acknowledge: pending && majorEventPolicy.canAcknowledge(actor, issuerPath),
        },
      },
    };
  }

  /** Changes a report still awaiting acknowledgement at `version`, with its audit entry, in one transaction (409 when it changed). */
  async function change(
    actor: Actor,
    row: MajorEventRow,
    version: number,
    patch: Partial<MajorEventInsert>,
    action: 'major_event.edit' | 'major_event.acknowledge',
  ) {
    await db.transaction(async (tx) => {
      const updated = await repo.update(tx, row.id, version, patch);
      if (!updated) throw conflict('该报告已被他人修改或已阅示，请刷新后查看（您填写的内容仍保留在页面上）');
      await auditService.record(tx, actor, {
        action,
        recordId: row.id,
        unitId: row.unitId,
        before: row,
        after: updated,
      });
    });
  }

  return {
    /**
     * A campaign's reports in the caller's scope (the office: those of every unit reporting to it;
     * a unit: its subtree's), how many await acknowledgement, and the units the caller may report for.
     */
    async list(actor: Actor, campaignId: string, q: { status?: MajorEventStatus; unitId?: string }) {
      const campaign = await campaignsService.requireVisible(actor, campaignId);
      const scope = await records.listScope(actor, majorEvents.unitId, { unitId: q.unitId });
      const filters = { ...scope, campaignId: campaign.id };
      const [rows, pendingCount, { reporting, issuerPath }] = await Promise.all([
        repo.list(db, { ...filters, status: q.status }),
        repo.pendingCount(db, filters),
        planAudience(campaign),
      ]);
      const labels = new Map(reporting.map((r) => [r.unit.id, r.unitLabel]));
      return {
        items: rows.map((r) => view(r, labels.get(r.unitId) ?? '')),
        pendingCount,
        reportingUnits: reporting
          .filter((r) => isPathInScope(actor, r.unit.path) && majorEventPolicy.canReport(actor, r.unit.path))
          .map((r) => ({ unitId: r.unit.id, unitLabel: r.unitLabel })),
        canAcknowledge: majorEventPolicy.canAcknowledge(actor, issuerPath),
      };
    },

    async get(actor: Actor, id: string) {
      return (await present(actor, id)).answer;
    },

    /** 报告: a unit reporting to the plan's office (its liaison, or the office above it) reports an event. */
    async create(
      actor: Actor,
      campaignId: string,
      input: MajorEventInput & { unitId: string },
      history?: { at: Date },
    ) {
      const campaign = await campaignsService.requireVisible(actor, campaignId);
      const unit = await records.requireUnit(actor, input.unitId, '报告单位');
      if (!majorEventPolicy.canReport(actor, unit.path))
        throw forbidden('只有本单位的联络员或上级专项办可以报告重大情况');
      const { reporting } = await planAudience(campaign);
      const at = history?.at ?? now();
      await check(
        campaign,
        unit,
        input,
        reporting.map((r) => r.unit),
        at,
      );
      const created = await db.transaction(async (tx) => {
        const row = await repo.insert(tx, {
          ...fields(input),
          campaignId: campaign.id,
          unitId: unit.id,
          reportedBy: actor.userId,
          reportedAt: at,
          status: 'reported',
        });
        await auditService.record(tx, actor, {
          action: 'major_event.report',
          recordId: row.id,
          unitId: unit.id,
          after: row,
        });
        return row;
      });
      return this.get(actor, created.id);
    },

    /** The reporting side corrects its report until the office has acknowledged it. */
    async edit(actor: Actor, id: string, input: MajorEventInput & { version: number }) {
      const { row, unit, campaign, reporting } = await present(actor, id);
      if (!majorEventPolicy.canEdit(actor, row, unit.path)) throw forbidden('只有报告人或报告单位的联络员可以修改报告');
      if (row.status !== 'reported') throw conflict('该报告已经专项办阅示，不能再修改');
      await check(campaign, unit, input, reporting);
      await change(actor, row, input.version, fields(input), 'major_event.edit');
      return this.get(actor, id);
    },

    /** 阅示: the plan's office acknowledges a report with its 批示 (once). */
    async acknowledge(
      actor: Actor,
      id: string,
      input: { acknowledgement: string; version: number },
      history?: { at: Date },
    ) {
      const { row, issuerPath } = await present(actor, id);
      if (!majorEventPolicy.canAcknowledge(actor, issuerPath))
        throw forbidden('只有行动牵头单位的专项办可以阅示重大情况报告');
      if (row.status !== 'reported') throw conflict('该报告已阅示，不能重复阅示');
      const acknowledgement = input.acknowledgement.trim();
      if (!acknowledgement) throw invalidField('acknowledgement', '请填写阅示意见（批示）');
      await change(
        actor,
        row,
        input.version,
        { status: 'acknowledged', acknowledgement, acknowledgedBy: actor.userId, acknowledgedAt: history?.at ?? now() },
        'major_event.acknowledge',
      );
      return this.get(actor, id);
    },
  };
}

export type MajorEventsService = ReturnType<typeof createMajorEventsService>;
