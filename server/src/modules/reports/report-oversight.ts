import type { Actor } from '../../platform/actor';
import { forbidden, invalidField, notFound } from '../../platform/errors';
import { isPathWithin } from '../../platform/scope';
import { todayInChina } from '../../platform/today';
import { reportDeadlines } from '../campaigns/report-deadlines';
import { reportLink } from './report-link';
import type { UnitRow } from '../units/units.schema';
import { consolidate } from './consolidation';
import { unitLabelBelow, bureauAbove } from './owing-units';
import { scheduleForm, snapshotForm } from './report-form';
import { chinaDateTime, isLate, isOverdue, notOverdueWhy, stateOf, timeliness } from './report-status';
import { reportPolicy } from './reports.policy';
import type { QuotaRecord } from './reports.repository';
import { REMINDER_DAYS, type ReportContext } from './report-context';
import { shiftDate } from '../calendar/working-days';

/** A unit owing a plan's reports, with the name the plan's board gives it. */
type ReportingUnit = UnitRow & { unitLabel: string };
/** The first and last day of a month (YYYY-MM). */
const monthRange = (month: string) => ({
  from: `${month}-01`,
  to: new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0)).toISOString().slice(0, 10),
});

/**
 * The office's side of 信息报送 and the liaison's reminders: the timeliness board, 催报, the 汇总报表
 * of a period, seed 004's monthly quotas and the records behind them, the reminders of a unit.
 */
export function createReportOversight(ctx: ReportContext) {
  const {
    db,
    repo,
    campaignsService,
    unitsRepository,
    auditService,
    usersRepository,
    notificationsService,
    now,
    treeAround,
    lastChases,
    participantsInScope,
    requireDeadline,
    issuingPath,
  } = ctx;
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
            d.dueDate <= shiftDate(today, REMINDER_DAYS) &&
            d.periodEnd <= shiftDate(today, REMINDER_DAYS);
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
  };
}
