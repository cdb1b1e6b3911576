import type { Actor } from '../platform/actor';
import { reportDeadlines } from '../modules/campaigns/report-deadlines';
import type { Services } from '../services';
import { todayInChina } from '../platform/today';

/** 10:00 in Beijing on a day, as an instant. */
const beijing = (day: string, hour = 10) => new Date(`${day}T${String(hour - 8).padStart(2, '0')}:00:00Z`);
const shift = (day: string, n: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/**
 * The demo's reporting: 崇明区局's departments have sent their monthly reports (案件统计表累计、典型
 * 案件和重要线索) for the months already due, and their quarterly ones (第二、三季度, each covering its
 * quarter) — most on time and accepted, a few late, one returned for more detail, and for the latest
 * period two still missing — so the timeliness board, the rates and the reminders show what a
 * campaign office sees in a real month. The full-year report is left for the demo's users to send.
 */
export async function seedDemoReports(
  services: Services,
  people: { office: Actor; liaison: Actor },
  campaignId: string,
) {
  const campaign = await services.campaignsService.get(people.office, campaignId);
  for (const schedule of campaign.reportSchedules) {
    if (schedule.kind === 'monthly' || (schedule.kind === 'dates' && schedule.covers === 'quarter'))
      await seedSchedule(services, people, campaign, schedule.id);
  }
}

async function seedSchedule(
  services: Services,
  people: { office: Actor; liaison: Actor },
  campaign: Parameters<typeof reportDeadlines>[0] & { id: string },
  scheduleId: string,
) {
  const { reportsService } = services;
  const campaignId = campaign.id;
  const due = reportDeadlines(campaign).filter((d) => d.scheduleId === scheduleId && d.dueDate < todayInChina());
  const units = (await reportsService.board(people.office, campaignId, { scheduleId })).units;
  const chengqiao = people.liaison.unitId;

  for (const [p, period] of due.entries()) {
    const latest = p === due.length - 1;
    for (const [u, unit] of units.entries()) {
      // The latest period: two departments have not reported yet.
      if (latest && (u === 2 || u === 7)) continue;
      const late = u % 5 === 3;
      const planned = beijing(late ? shift(period.dueDate, 2) : shift(period.dueDate, -1), late ? 9 : 16);
      const at = planned.getTime() < Date.now() ? planned : new Date();
      const by = unit.unitId === chengqiao ? people.liaison : people.office;
      const month = period.periodEnd.slice(0, 7);
      const narrative = {
        statistics: `${period.periodStart}至${period.periodEnd}，本部门专项行动数据见统计表（由案件台账和执法检查记录自动汇总）。`,
        keyCases: u % 3 === 0 ? `${month}月办结典型案件一件，已在台账中标注为典型案件。` : '',
        practices: u % 4 === 0 ? '与街镇网格员建立线索移交机制，及时发现农村集市销售假冒食品线索。' : '',
        problems: u % 4 === 1 ? '执法人员和快检设备不足，农村集市覆盖频次有待提高。' : '',
        nextSteps: '继续围绕民生领域重点商品开展排查，加大典型案件查办力度。',
      };
      const key = { scheduleId, periodEnd: period.periodEnd, unitId: unit.unitId };
      const sent = await reportsService.submit(by, campaignId, { ...key, narrative, version: 0 }, { at });
      if (latest) {
        if (u === 4)
          await reportsService.review(
            people.office,
            sent.submissionId!,
            {
              decision: 'return',
              reason: '典型案件情况过于简略，请补充案情和处罚结果后重新报送',
              version: sent.version,
            },
            { at: beijing(shift(period.dueDate, 1), 15) },
          );
        continue;
      }
      await reportsService.review(
        people.office,
        sent.submissionId!,
        { decision: 'accept', version: sent.version },
        { at: beijing(shift(period.dueDate, 3), 11) },
      );
    }
  }
}
