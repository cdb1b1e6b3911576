import type { Db } from '../../db/database';
import type { Actor } from '../../platform/actor';
import { conflict, forbidden, invalidField, notFound } from '../../platform/errors';
import { isUuid } from '../../platform/scope';
import { todayInChina } from '../../platform/today';
import type { CampaignRow } from '../campaigns/campaigns.schema';
import { reportDeadlines, type ReportDeadline } from '../campaigns/report-deadlines';
import { reportLink } from './report-link';
import type { UnitRow } from '../units/units.schema';
import { scheduleForm, snapshotForm, tableAsFigures } from './report-form';
import { deadlineOf, isLate, stateOf } from './report-status';
import { reportPolicy } from './reports.policy';
import type { ReportNarrative, ReportSubmissionRow } from './reports.schema';
import { createReportContext, type ReportKey, type ReportsDeps } from './report-context';
import { createReportOversight } from './report-oversight';

export { REMINDER_DAYS, type ReportKey } from './report-context';

/** A unit owing a plan's reports, with the name the plan's board gives it. */
type ReportingUnit = UnitRow & { unitLabel: string };

/**
 * 信息报送: the reports each participating unit owes on the campaign's schedules, their state
 * (on time, late, missing, returned, accepted), submitted, returned and accepted here, with the
 * narratives a briefing quotes; the office's side (board, 催报, 汇总报表, quotas) and the liaisons'
 * reminders are report-oversight.ts, the shared view of a campaign report-context.ts. Figures come
 * live from the campaign's form until the unit submits; the submitted report keeps those it was sent with.
 */
export function createReportsService(deps: ReportsDeps) {
  const ctx = createReportContext(deps);
  const {
    db,
    repo,
    campaignsService,
    statTablesService,
    auditService,
    usersRepository,
    notificationsService,
    now,
    records,
    participantsInScope,
    requireReport,
    requireDeadline,
    issuingPath,
  } = ctx;

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
    // A report waiting for review, to someone who may review: he does, unless he sent it himself.
    const awaitsReviewer = s?.status === 'submitted' && reportPolicy.canReview(actor, await issuingPath(campaign));
    const sentByActor = s !== undefined && reportPolicy.reviewsOwnSubmission(actor, s);
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
        review: awaitsReviewer && !sentByActor,
        /** A reviewer who sent this report himself: another member of the office reviews it. */
        reviewByAnother: awaitsReviewer && sentByActor,
        onBehalf: reportPolicy.submitsOnBehalf(actor, unit.id),
      },
    };
  }

  return {
    ...createReportOversight(ctx),

    /** The units that owe the plan its reports (owing-units.ts), with the board's label: whom a scorecard judges. */
    reportingUnits: (campaign: CampaignRow) => ctx.reportingUnits(campaign),
    /** The units a plan judges (its participants as the reports name them) that the actor may see. */
    judgedUnits: (actor: Actor, campaign: CampaignRow) => participantsInScope(actor, campaign),

    /**
     * Seed 004's quota records (典型案件 closed, 重要线索 received) of a campaign's tree in [from, to],
     * as the monthly quotas count them (report-oversight's `quotas`), for the KPIs.
     */
    quotaRecordsOf: (kind: 'typicalCases' | 'importantLeads', q: { campaignPath: string; from: string; to: string }) =>
      repo.quotaRecords(db, kind, q),

    /**
     * The reports a plan's reporting units owed with a due date in [from, to] that has passed (or
     * that were sent already), each with whether it came on time: the report on-time rate's records.
     */
    async owedReports(campaign: CampaignRow, q: { from: string; to: string }) {
      const at = now();
      const [units, rows] = await Promise.all([ctx.reportingUnits(campaign), repo.listForCampaign(db, campaign.id)]);
      const sent = new Map(rows.map((r) => [`${r.unitId}|${r.scheduleId}|${r.periodEnd}`, r]));
      const owed = reportDeadlines(campaign).filter((d) => d.dueDate >= q.from && d.dueDate <= q.to);
      return units.flatMap((u) =>
        owed.flatMap((d) => {
          const s = sent.get(`${u.id}|${d.scheduleId}|${d.periodEnd}`);
          if (!s && !isLate(d, at)) return [];
          return [
            {
              unitId: u.id,
              unitPath: u.path,
              unitName: u.name,
              name: d.name,
              periodEnd: d.periodEnd,
              dueDate: d.dueDate,
              onTime: Boolean(s && !s.late),
              link: reportLink(campaign.id, { scheduleId: d.scheduleId, periodEnd: d.periodEnd, unitId: u.id }),
            },
          ];
        }),
      );
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
      if (reportPolicy.reviewsOwnSubmission(actor, s))
        throw forbidden('报表须由报送人以外的人员审核：本期报表由您报送，请由专项办其他人员审核');
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
