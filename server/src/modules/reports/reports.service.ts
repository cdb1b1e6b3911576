import type { Db } from '../../db/database';
import type { Actor } from '../../platform/actor';
import { conflict, forbidden, invalidField, notFound } from '../../platform/errors';
import { createRecordScope } from '../../platform/records';
import { isPathInScope, isPathWithin, isUuid } from '../../platform/scope';
import { todayInChina } from '../../platform/today';
import type { AuditService } from '../audit/audit.service';
import type { CampaignsRepository } from '../campaigns/campaigns.repository';
import type { CampaignsService } from '../campaigns/campaigns.service';
import type { CampaignRow } from '../campaigns/campaigns.schema';
import { reportDeadlines, type ReportDeadline } from '../campaigns/report-deadlines';
import type { StatTablesService } from '../rollups/stat-tables.service';
import type { UnitsRepository } from '../units/units.repository';
import type { UsersRepository } from '../users/users.repository';
import { reportLink, type NotificationsService } from '../notifications/notifications.service';
import type { UnitRow } from '../units/units.schema';
import { consolidate } from './consolidation';
import { idsOnPath, unitLabelBelow, unitsOwingPlan, bureauAbove } from './owing-units';
import { scheduleForm, snapshotForm, tableAsFigures } from './report-form';
import { chinaDateTime, deadlineOf, isLate, isOverdue, notOverdueWhy, stateOf, timeliness } from './report-status';
import { reportPolicy } from './reports.policy';
import type { QuotaRecord, ReportsRepository } from './reports.repository';
import type { ReportChaseRow, ReportNarrative, ReportSubmissionRow } from './reports.schema';

export interface ReportKey {
  scheduleId: string;
  periodEnd: string;
  unitId: string;
}
/** How many days ahead a liaison is reminded of a report coming due. */
export const REMINDER_DAYS = 3;
const addDays = (d: string, n: number) =>
  new Date(Date.parse(`${d}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
/** A unit owing a plan's reports, with the name the plan's board gives it. */
type ReportingUnit = UnitRow & { unitLabel: string };
const byTree = (a: UnitRow, b: UnitRow) => a.depth - b.depth || a.code.localeCompare(b.code);
/** The first and last day of a month (YYYY-MM). */
const monthRange = (month: string) => ({
  from: `${month}-01`,
  to: new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0)).toISOString().slice(0, 10),
});

/**
 * 信息报送: the reports each participating unit owes on the campaign's schedules, their state
 * (on time, late, missing, returned, accepted), the office's timeliness board, reminders to
 * liaisons, and the monthly quotas of seed 004. Figures come live from the roll-ups until the
 * unit submits; the submitted report keeps the figures it was sent with.
 */
export function createReportsService(deps: {
  db: Db;
  reportsRepository: ReportsRepository;
  campaignsService: CampaignsService;
  campaignsRepository: CampaignsRepository;
  unitsRepository: UnitsRepository;
  statTablesService: Pick<StatTablesService, 'table'>;
  auditService: AuditService;
  /** Who is told of a chase or a return: the unit's liaisons (and who submitted), in the writer's transaction. */
  usersRepository: Pick<UsersRepository, 'activeWithRoles'>;
  notificationsService: Pick<NotificationsService, 'notify'>;
  now?: () => Date;
}) {
  const {
    db,
    reportsRepository: repo,
    campaignsService,
    campaignsRepository,
    unitsRepository,
    statTablesService,
    auditService,
    usersRepository,
    notificationsService,
  } = deps;
  const now = deps.now ?? (() => new Date());
  const records = createRecordScope({
    db,
    findUnit: unitsRepository.findById,
    requireCampaign: campaignsService.requireVisible,
  });

  /** A unit's ancestors (itself included), the owing rule's and the labels' view of the tree. */
  async function treeAround(units: UnitRow[]) {
    const known = new Map(units.map((u) => [u.id, u]));
    const missing = [...new Set(units.flatMap((u) => idsOnPath(u.path)))].filter((id) => !known.has(id));
    for (const u of await unitsRepository.findByIds(db, missing)) known.set(u.id, u);
    return {
      kindOf: new Map([...known.values()].map((u) => [u.id, u.kind])),
      nameOf: new Map([...known.values()].map((u) => [u.id, u.name])),
    };
  }

  /**
   * The units that owe the campaign's reports (owing-units.ts: the participants directly under its
   * issuer in the bureau hierarchy), each with the label the board names it by.
   */
  async function reportingUnits(campaign: Pick<CampaignRow, 'id' | 'unitId'>) {
    const participants = await unitsRepository.findByIds(db, await campaignsRepository.participants(db, campaign.id));
    const { kindOf, nameOf } = await treeAround(participants);
    return unitsOwingPlan(campaign.unitId, participants, kindOf).map((u) => ({
      ...u,
      unitLabel: unitLabelBelow(campaign.unitId, u, nameOf),
    }));
  }

  /** The newest chase of each key (the rows come newest first), with the name of who chased. */
  async function lastChases(rows: ReportChaseRow[], keyOf: (c: ReportChaseRow) => string) {
    const names = await repo.userNames(
      db,
      rows.map((c) => c.chasedBy),
    );
    const last = new Map<string, { chasedAt: Date; chasedByName: string | null }>();
    for (const c of rows)
      if (!last.has(keyOf(c)))
        last.set(keyOf(c), { chasedAt: c.chasedAt, chasedByName: names.get(c.chasedBy) ?? null });
    return last;
  }

  /** The reporting units the actor sees, in tree order. */
  async function participantsInScope(actor: Actor, campaign: Pick<CampaignRow, 'id' | 'unitId'>) {
    return (await reportingUnits(campaign)).filter((u) => isPathInScope(actor, u.path)).sort(byTree);
  }

  async function requireReport(actor: Actor, campaignId: string, key: ReportKey) {
    const campaign = await campaignsService.requireVisible(actor, campaignId);
    const deadline = requireDeadline(campaign, key);
    await records.requireUnit(actor, key.unitId, '报送单位');
    const unit = (await reportingUnits(campaign)).find((u) => u.id === key.unitId);
    if (!unit) throw notFound('报送单位');
    return { campaign, deadline, unit, submission: await repo.find(db, { campaignId, ...key }) };
  }

  /** The period of a schedule the plan has (404 for one it does not: nothing is owed for it). */
  function requireDeadline(campaign: CampaignRow, key: { scheduleId: string; periodEnd: string }) {
    const deadline = reportDeadlines(campaign).find(
      (d) => d.scheduleId === key.scheduleId && d.periodEnd === key.periodEnd,
    );
    if (!deadline) throw notFound('报送期次');
    return deadline;
  }

  async function issuingPath(campaign: CampaignRow) {
    return (await unitsRepository.findById(db, campaign.unitId))!.path;
  }

  /** 退回 is told to who submitted and to the unit's liaisons, once per return (the version it made). */
  async function notifyReturned(tx: Db, campaign: CampaignRow, row: ReportSubmissionRow) {
    const liaisons = await usersRepository.activeWithRoles(tx, ['liaison'], [row.unitId]);
    const deadline = requireDeadline(campaign, row);
    const people = new Set([row.submittedBy, ...liaisons.map((l) => l.user.id)]);
    await notificationsService.notify(
      tx,
      [...people].map((userId) => ({
        userId,
        kind: 'report_returned' as const,
        title: `${deadline.name}（截至 ${row.periodEnd}）被退回：${row.returnReason}`,
        body: campaign.name,
        link: reportLink(campaign.id, { scheduleId: row.scheduleId, periodEnd: row.periodEnd, unitId: row.unitId }),
        unitId: row.unitId,
        dedupeKey: `return:${row.id}:${row.version}`,
      })),
    );
  }

  function view(
    campaign: CampaignRow,
    deadline: ReportDeadline,
    unit: ReportingUnit,
    s: ReportSubmissionRow | undefined,
    names: Map<string, string>,
    at: Date,
    onBehalf = false,
  ) {
    return {
      campaignId: campaign.id,
      unitId: unit.id,
      unitName: unit.name,
      unitLabel: unit.unitLabel,
      ...deadline,
      deadline: deadlineOf(deadline),
      state: stateOf(deadline, s, at),
      late: s ? s.late : isLate(deadline, at),
      submissionId: s?.id ?? null,
      submittedAt: s?.submittedAt ?? null,
      submittedByName: s ? (names.get(s.submittedBy) ?? null) : null,
      submittedOnBehalf: onBehalf,
      returnReason: s?.returnReason ?? null,
      reviewedAt: s?.reviewedAt ?? null,
      reviewedByName: s?.reviewedBy ? (names.get(s.reviewedBy) ?? null) : null,
      version: s?.version ?? 0,
    };
  }

  /**
   * The report's form as it stands: its schedule's statistics table (统计表) for the unit's subtree
   * over the period — derived and manual (手工填报) columns — as the figures it would be sent with.
   */
  async function liveForm(actor: Actor, campaign: CampaignRow, deadline: ReportDeadline, unit: ReportingUnit) {
    const form = scheduleForm(campaign.reportSchedules.find((x) => x.id === deadline.scheduleId));
    const table = await statTablesService.table(actor, campaign.id, {
      template: form.code,
      unitId: unit.id,
      from: deadline.periodStart,
      to: deadline.periodEnd,
    });
    return { form, figures: tableAsFigures(table.rows) };
  }

  /** What the API answers for a report; the figures are computed only while the report is open or returned. */
  async function present(
    actor: Actor,
    campaign: CampaignRow,
    deadline: ReportDeadline,
    unit: ReportingUnit,
    s: ReportSubmissionRow | undefined,
  ) {
    const names = await repo.userNames(db, s ? [s.submittedBy, ...(s.reviewedBy ? [s.reviewedBy] : [])] : []);
    const live = !s || s.status === 'returned';
    const { form, figures } = live
      ? await liveForm(actor, campaign, deadline, unit)
      : { form: snapshotForm(s), figures: s.figures };
    const at = now();
    const reviewer = reportPolicy.canReview(actor, await issuingPath(campaign));
    // 代报 is told by who submitted: someone not of the unit (the audit entry records the choice).
    const submittedOnBehalf = s
      ? reportPolicy.submitsOnBehalf({ unitId: await repo.unitOfUser(db, s.submittedBy) }, unit.id)
      : false;
    return {
      ...view(campaign, deadline, unit, s, names, at, submittedOnBehalf),
      narrative: s?.narrative ?? null,
      form,
      figures,
      figuresLive: live,
      can: {
        // 手工填报 from the report: its manual columns, while it can still be (re)submitted.
        enterFigures: live && reportPolicy.canSubmit(actor, unit.path) && form.columns.some((c) => c.kind === 'manual'),
        submit:
          reportPolicy.canSubmit(actor, unit.path) &&
          s?.status !== 'accepted' &&
          todayInChina(at) >= deadline.periodEnd,
        review: reviewer && s?.status === 'submitted',
        onBehalf: reportPolicy.submitsOnBehalf(actor, unit.id),
      },
    };
  }

  return {
    /** 报送情况: units × periods, coloured by state, with the rates over what is already due. */
    async board(actor: Actor, campaignId: string, q: { scheduleId?: string }) {
      const campaign = await campaignsService.requireVisible(actor, campaignId);
      const issuerPath = await issuingPath(campaign);
      const at = now();
      const today = todayInChina(at);
      const all = reportDeadlines(campaign);
      const schedules = campaign.reportSchedules.map((s) => ({ id: s.id, name: s.name, kind: s.kind }));
      const scheduleId = q.scheduleId ?? schedules[0]?.id;
      // What has come due, and the next period of the schedule (so the board shows what is coming).
      const ofSchedule = all.filter((d) => d.scheduleId === scheduleId);
      const periods = ofSchedule.filter(
        (d, i) => d.dueDate <= today || (i > 0 && ofSchedule[i - 1].dueDate <= today) || i === 0,
      );
      const [units, rows] = await Promise.all([
        participantsInScope(actor, campaign),
        scheduleId ? repo.listForCampaign(db, campaignId, scheduleId) : Promise.resolve([]),
      ]);
      const byKey = new Map(rows.map((r) => [`${r.unitId}|${r.periodEnd}`, r]));
      const lastChase = await lastChases(
        scheduleId ? await repo.listChases(db, { campaignId, scheduleId }) : [],
        (c) => `${c.unitId}|${c.periodEnd}`,
      );
      const cells = units.flatMap((u) =>
        periods.map((d) => {
          const s = byKey.get(`${u.id}|${d.periodEnd}`);
          const chase = lastChase.get(`${u.id}|${d.periodEnd}`);
          const state = stateOf(d, s, at);
          return {
            unitId: u.id,
            periodEnd: d.periodEnd,
            state,
            late: s ? s.late : false,
            due: isLate(d, at) || Boolean(s),
            submittedAt: s?.submittedAt ?? null,
            overdue: isOverdue(d, s, at),
            chasedAt: chase?.chasedAt ?? null,
            chasedByName: chase?.chasedByName ?? null,
          };
        }),
      );
      const perUnit = units.map((u) => ({ unitId: u.id, ...timeliness(cells.filter((c) => c.unitId === u.id)) }));
      return {
        schedules,
        scheduleId: scheduleId ?? null,
        periods: periods.map((d) => ({
          periodStart: d.periodStart,
          periodEnd: d.periodEnd,
          dueDate: d.dueDate,
          dueTime: d.dueTime ?? null,
        })),
        units: units.map((u) => ({ unitId: u.id, unitName: u.name, unitLabel: u.unitLabel })),
        cells: cells.map(({ due: _due, ...c }) => c),
        perUnit,
        rates: timeliness(cells),
        canReview: reportPolicy.canReview(actor, issuerPath),
        canChase: reportPolicy.canChase(actor, issuerPath),
      };
    },

    /**
     * 催报: the plan's office chases one unit, or (no unitId) every unit of the period whose report is
     * overdue; each chase is recorded with who and when, and audited with it.
     */
    async chase(
      actor: Actor,
      campaignId: string,
      input: { scheduleId: string; periodEnd: string; unitId?: string; note?: string | null },
    ) {
      const campaign = await campaignsService.requireVisible(actor, campaignId);
      if (!reportPolicy.canChase(actor, await issuingPath(campaign)))
        throw forbidden('只有行动牵头单位的专项办可以催报');
      const deadline = requireDeadline(campaign, input);
      const at = now();
      const units = await participantsInScope(actor, campaign);
      const sent = new Map(
        (await repo.listForCampaign(db, campaignId, deadline.scheduleId, deadline.periodEnd)).map((r) => [r.unitId, r]),
      );
      let targets = units.filter((u) => isOverdue(deadline, sent.get(u.id), at));
      if (input.unitId) {
        const unit = units.find((u) => u.id === input.unitId);
        if (!unit) throw notFound('报送单位');
        if (!targets.includes(unit))
          throw invalidField(
            'unitId',
            `该单位本期不属逾期未报：${unit.unitLabel}的${deadline.name}（截至 ${deadline.periodEnd}）${notOverdueWhy(deadline, sent.get(unit.id))}，无需催报`,
          );
        targets = [unit];
      }
      if (targets.length === 0)
        throw invalidField('periodEnd', `${deadline.name}（截至 ${deadline.periodEnd}）没有逾期未报的单位，无需催报`);
      const note = input.note?.trim() || null;
      const saved = await db.transaction(async (tx) => {
        const rows = await repo.insertChases(
          tx,
          targets.map((u) => ({
            campaignId,
            scheduleId: deadline.scheduleId,
            periodEnd: deadline.periodEnd,
            unitId: u.id,
            chasedBy: actor.userId,
            chasedAt: at,
            note,
          })),
        );
        for (const row of rows)
          await auditService.record(tx, actor, {
            action: 'report.chase',
            recordId: row.id,
            unitId: row.unitId,
            before: null,
            after: row,
          });
        // The chased unit's liaisons are told, each chase once.
        const liaisons = await usersRepository.activeWithRoles(
          tx,
          ['liaison'],
          [...new Set(rows.map((r) => r.unitId))],
        );
        const labelOf = new Map(targets.map((u) => [u.id, u.unitLabel]));
        await notificationsService.notify(
          tx,
          rows.flatMap((row) =>
            liaisons
              .filter((l) => l.user.unitId === row.unitId)
              .map((l) => ({
                userId: l.user.id,
                kind: 'report_chased' as const,
                title: `${campaign.name}专项办催报：${labelOf.get(row.unitId)}的${deadline.name}（截至 ${deadline.periodEnd}）尚未报送`,
                body: row.note,
                link: reportLink(campaignId, {
                  scheduleId: row.scheduleId,
                  periodEnd: row.periodEnd,
                  unitId: row.unitId,
                }),
                unitId: row.unitId,
                dedupeKey: `chase:${row.id}`,
              })),
          ),
        );
        return rows;
      });
      const labels = new Map(targets.map((u) => [u.id, u.unitLabel]));
      return {
        items: saved.map((r) => ({
          unitId: r.unitId,
          unitLabel: labels.get(r.unitId)!,
          periodEnd: r.periodEnd,
          chasedAt: r.chasedAt,
          chasedByName: actor.displayName,
          note: r.note,
        })),
      };
    },

    /**
     * 汇总报表: the reports of a period as accepted (their frozen figures), a row per owing unit — those
     * not accepted shown with their state and no figures — and 合计 of the accepted ones.
     */
    async consolidated(actor: Actor, campaignId: string, q: { scheduleId: string; periodEnd: string }) {
      const campaign = await campaignsService.requireVisible(actor, campaignId);
      const issuer = (await unitsRepository.findById(db, campaign.unitId))!;
      if (!reportPolicy.canReview(actor, issuer.path)) throw forbidden('只有行动牵头单位的专项办可以查看汇总报表');
      const deadline = requireDeadline(campaign, q);
      const at = now();
      const [units, rows] = await Promise.all([
        participantsInScope(actor, campaign),
        repo.listForCampaign(db, campaignId, deadline.scheduleId, deadline.periodEnd),
      ]);
      const sent = new Map(rows.map((r) => [r.unitId, r]));
      const acceptedRow = rows.find((r) => r.status === 'accepted');
      const accepted = (u: ReportingUnit) => {
        const s = sent.get(u.id);
        return s?.status === 'accepted' ? s.figures : null;
      };
      return {
        campaignId,
        campaignName: campaign.name,
        issuerName: issuer.name,
        scheduleId: deadline.scheduleId,
        name: deadline.name,
        periodStart: deadline.periodStart,
        periodEnd: deadline.periodEnd,
        dueDate: deadline.dueDate,
        ...consolidate(
          // The form the accepted reports were sent with (a later change of the schedule's form leaves them as sent).
          acceptedRow
            ? snapshotForm(acceptedRow)
            : scheduleForm(campaign.reportSchedules.find((x) => x.id === deadline.scheduleId)),
          units.map((u) => ({
            unitId: u.id,
            unitLabel: u.unitLabel,
            state: stateOf(deadline, sent.get(u.id), at),
            late: sent.get(u.id)?.late ?? isLate(deadline, at),
            accepted: accepted(u),
          })),
        ),
        accepted: units.flatMap((u) => {
          const figures = accepted(u);
          return figures ? [{ unitLabel: u.unitLabel, figures }] : [];
        }),
      };
    },

    /** One unit's report for one period: its state, narrative and figures (live until submitted). */
    async get(actor: Actor, campaignId: string, key: ReportKey) {
      const { campaign, deadline, unit, submission } = await requireReport(actor, campaignId, key);
      return present(actor, campaign, deadline, unit, submission);
    },

    /** The report's period, unit and submission (if sent), as get finds them (404 alike), without computing its figures. */
    locate: (actor: Actor, campaignId: string, key: ReportKey) => requireReport(actor, campaignId, key),

    /**
     * Submits (or resubmits after a return) with the figures of this moment; late is decided on the
     * first submission. `history.at` records a submission made earlier, outside RedShield (the
     * demo's past months, a bureau bringing in what was emailed before); the API never passes it.
     */
    async submit(
      actor: Actor,
      campaignId: string,
      input: ReportKey & { narrative: ReportNarrative; version: number; onBehalf?: boolean },
      history?: { at: Date },
    ) {
      const { campaign, deadline, unit, submission: s } = await requireReport(actor, campaignId, input);
      if (!reportPolicy.canSubmit(actor, unit.path)) throw forbidden('只有本单位的联络员或上级专项办可以报送');
      const onBehalf = reportPolicy.submitsOnBehalf(actor, unit.id);
      if (onBehalf && !input.onBehalf)
        throw forbidden(`代报须明确选择“代报”：您不属于${unit.unitLabel}，替该单位报送将记为代报`);
      const at = history?.at ?? now();
      if (todayInChina(at) < deadline.periodEnd)
        throw invalidField('periodEnd', `统计期间到 ${deadline.periodEnd} 才结束，届时才能报送`);
      if (s?.status === 'accepted') throw conflict('该报表已审核通过并锁定，不能再修改');
      if ((s?.version ?? 0) !== input.version) throw conflict('该报表已被他人报送或审核，请刷新后查看');
      const { form, figures } = await liveForm(actor, campaign, deadline, unit);
      const saved = await db.transaction(async (tx) => {
        const change = {
          status: 'submitted' as const,
          submittedAt: at,
          submittedBy: actor.userId,
          narrative: input.narrative,
          figures,
          statTemplate: form.code,
          statColumns: form.columns,
          returnReason: null,
          reviewedAt: null,
          reviewedBy: null,
        };
        const row = s
          ? await repo.update(tx, s.id, s.version, change)
          : await repo.insert(tx, {
              campaignId,
              unitId: unit.id,
              scheduleId: deadline.scheduleId,
              periodStart: deadline.periodStart,
              periodEnd: deadline.periodEnd,
              dueDate: deadline.dueDate,
              dueTime: deadline.dueTime ?? null,
              late: isLate(deadline, at),
              ...change,
            });
        if (!row) throw conflict('该报表已被他人报送或审核，请刷新后查看');
        await auditService.record(tx, actor, {
          action: onBehalf ? 'report.submit_on_behalf' : 'report.submit',
          recordId: row.id,
          unitId: unit.id,
          before: s ?? null,
          after: row,
        });
        return row;
      });
      return present(actor, campaign, deadline, unit, saved);
    },

    /** 退回 (with the reason; the unit resubmits) or 审核通过 (locks the report). */
    async review(
      actor: Actor,
      submissionId: string,
      input: { decision: 'return' | 'accept'; reason?: string | null; version: number },
      history?: { at: Date },
    ) {
      const s = isUuid(submissionId) ? await repo.findById(db, submissionId) : undefined;
      const campaign = s
        ? await campaignsService.requireVisible(actor, s.campaignId).catch(() => undefined)
        : undefined;
      if (!s || !campaign) throw notFound('报表');
      await records.requireUnit(actor, s.unitId, '报表');
      if (!reportPolicy.canReview(actor, await issuingPath(campaign)))
        throw forbidden('只有行动牵头单位的专项办可以审核报表');
      if (s.status !== 'submitted')
        throw conflict(s.status === 'accepted' ? '该报表已审核通过' : '该报表已退回，等待重新报送');
      if (input.decision === 'return' && !input.reason?.trim()) throw invalidField('reason', '请填写退回原因');
      const updated = await db.transaction(async (tx) => {
        const row = await repo.update(tx, s.id, input.version, {
          status: input.decision === 'return' ? 'returned' : 'accepted',
          returnReason: input.decision === 'return' ? input.reason!.trim() : null,
          reviewedAt: history?.at ?? now(),
          reviewedBy: actor.userId,
        });
        if (!row) throw conflict('该报表已被他人修改，请刷新后查看');
        await auditService.record(tx, actor, {
          action: input.decision === 'return' ? 'report.return' : 'report.accept',
          recordId: s.id,
          unitId: s.unitId,
          before: s,
          after: row,
        });
        if (input.decision === 'return') await notifyReturned(tx, campaign, row);
        return row;
      });
      return this.get(actor, s.campaignId, {
        scheduleId: updated.scheduleId,
        periodEnd: updated.periodEnd,
        unitId: updated.unitId,
      });
    },

    /** In-app reminders for a liaison: reports of the unit coming due within three days, overdue, or returned. */
    async reminders(actor: Actor) {
      if (!actor.unitId || !reportPolicy.getsReminders(actor)) return [];
      const at = now();
      const today = todayInChina(at);
      const unit = await unitsRepository.findById(db, actor.unitId);
      if (!unit) return [];
      const { kindOf, nameOf } = await treeAround([unit]);
      // The unit owes only the plans of the bureau it reports to (owing-units.ts), not every plan it takes part in.
      const campaigns = (await repo.activeCampaignsOf(db, actor.unitId)).filter(
        (c) => c.unitId === bureauAbove(unit, kindOf),
      );
      const submitted = new Map(
        (await repo.listForUnits(db, [actor.unitId])).map((r) => [`${r.campaignId}|${r.scheduleId}|${r.periodEnd}`, r]),
      );
      const chased = await lastChases(
        await repo.listChases(db, { unitIds: [actor.unitId] }),
        (c) => `${c.campaignId}|${c.scheduleId}|${c.periodEnd}`,
      );
      const out = [];
      for (const c of campaigns) {
        for (const d of reportDeadlines(c)) {
          const s = submitted.get(`${c.id}|${d.scheduleId}|${d.periodEnd}`);
          const state = stateOf(d, s, at);
          const dueSoon =
            state === 'open' &&
            d.dueDate <= addDays(today, REMINDER_DAYS) &&
            d.periodEnd <= addDays(today, REMINDER_DAYS);
          if (!(dueSoon || state === 'missing' || state === 'returned')) continue;
          out.push({
            campaignId: c.id,
            campaignName: c.name,
            scheduleId: d.scheduleId,
            name: d.name,
            periodStart: d.periodStart,
            periodEnd: d.periodEnd,
            dueDate: d.dueDate,
            dueTime: d.dueTime ?? null,
            unitId: actor.unitId,
            unitLabel: unitLabelBelow(c.unitId, unit, nameOf),
            state,
            returnReason: s?.returnReason ?? null,
            chasedAt: chased.get(`${c.id}|${d.scheduleId}|${d.periodEnd}`)?.chasedAt ?? null,
          });
        }
      }
      return out.sort((a, b) => a.dueDate.localeCompare(b.dueDate));
    },

    /** Seed 004: every department, every month, at least one closed typical case and one important lead. */
    async quotas(actor: Actor, campaignId: string, month: string) {
      const campaign = await campaignsService.requireVisible(actor, campaignId);
      const { from, to } = monthRange(month);
      const units = await participantsInScope(actor, campaign);
      const [typical, important] = await Promise.all([
        repo.quotaRecords(db, 'typicalCases', { campaignPath: campaign.path, from, to }),
        repo.quotaRecords(db, 'importantLeads', { campaignPath: campaign.path, from, to }),
      ]);
      // Each unit counts the records of its subtree.
      const inSubtree = (records: QuotaRecord[], path: string) =>
        records.filter((r) => isPathWithin(r.unitPath, path)).length;
      const rows = units.map((u) => {
        const typicalCasesClosed = inSubtree(typical, u.path);
        const importantLeads = inSubtree(important, u.path);
        return {
          unitId: u.id,
          unitName: u.name,
          unitLabel: u.unitLabel,
          typicalCasesClosed,
          importantLeads,
          met: typicalCasesClosed >= 1 && importantLeads >= 1,
        };
      });
      return { month, from, to, rows, metCount: rows.filter((r) => r.met).length, asOf: chinaDateTime(now()) };
    },

    /** The records behind a unit's quota counts of a month (404 for a unit that is not a participant in the caller's scope). */
    async quotaRecords(actor: Actor, campaignId: string, month: string, unitId: string) {
      const campaign = await campaignsService.requireVisible(actor, campaignId);
      const unit = (await participantsInScope(actor, campaign)).find((u) => u.id === unitId);
      if (!unit) throw notFound('报送单位');
      const q = { campaignPath: campaign.path, ...monthRange(month), unitPath: unit.path };
      const [typicalCases, importantLeads] = await Promise.all([
        repo.quotaRecords(db, 'typicalCases', q),
        repo.quotaRecords(db, 'importantLeads', q),
      ]);
      const view = ({ unitPath: _path, ...r }: QuotaRecord) => r;
      return {
        month,
        unitId: unit.id,
        unitName: unit.name,
        unitLabel: unit.unitLabel,
        typicalCases: typicalCases.map(view),
        importantLeads: importantLeads.map(view),
      };
    },

    /**
     * 工作简报: each reporting unit in the actor's scope with its newest submitted or accepted report
     * whose period ends in [from, to] (a returned one is being redone: never quoted), or null.
     */
    async narratives(actor: Actor, campaignId: string, q: { from: string; to: string }) {
      const campaign = await campaignsService.requireVisible(actor, campaignId);
      const [units, rows] = await Promise.all([
        participantsInScope(actor, campaign),
        repo.listForCampaign(db, campaignId),
      ]);
      const deadlines = reportDeadlines(campaign);
      const quotable = rows
        .filter(
          (r): r is ReportSubmissionRow & { status: 'submitted' | 'accepted' } =>
            r.status !== 'returned' && r.periodEnd >= q.from && r.periodEnd <= q.to,
        )
        .sort((a, b) => b.periodEnd.localeCompare(a.periodEnd) || b.submittedAt.getTime() - a.submittedAt.getTime());
      return units.map((u) => {
        const s = quotable.find((r) => r.unitId === u.id);
        const name = s && deadlines.find((d) => d.scheduleId === s.scheduleId && d.periodEnd === s.periodEnd)?.name;
        const report = s && {
          name: name ?? s.periodEnd,
          periodEnd: s.periodEnd,
          state: s.status,
          narrative: s.narrative,
        };
        return { unitId: u.id, unitPath: u.path, unitLabel: u.unitLabel, report: report ?? null };
      });
    },
  };
}

export type ReportsService = ReturnType<typeof createReportsService>;
