import type { Actor } from '../platform/actor';
import { reportDeadlines } from '../modules/campaigns/report-deadlines';
import type { Services } from '../services';
import { todayInChina } from '../platform/today';
import { demoNoteDocx, demoPhotoPng } from './demo-files';
import { shiftDate } from '../modules/calendar/working-days';

/** 10:00 in Beijing on a day, as an instant. */
const beijing = (day: string, hour = 10) => new Date(`${day}T${String(hour - 8).padStart(2, '0')}:00:00Z`);

/** What becomes of one unit's report for one period: not sent, or sent (on time or late) and then accepted, returned or left for review. */
type Fate = { sent: false } | { sent: true; late: boolean; review: 'accept' | 'return' | 'none' };
/** The u-th unit of the board (tree order), for the p-th of the periods due, the last of them `latest`. */
type Plot = (u: number, p: number, latest: boolean) => Fate;

/** 崇明区局's fifteen departments: a few late; for the latest period two missing, one returned, the rest awaiting review. */
const districtPlot: Plot = (u, _p, latest) => {
  if (latest && (u === 2 || u === 7)) return { sent: false };
  return { sent: true, late: u % 5 === 3, review: !latest ? 'accept' : u === 4 ? 'return' : 'none' };
};

/**
 * The city's board (崇明区局, 浦东新区局, 执法稽查处: tree order, by code): 浦东 reports late every other
 * period and has not sent the latest; 崇明's latest, sent late, awaits the city's review.
 */
const cityPlot: Plot = (u, p, latest) => {
  const [chongming, pudong] = [0, 1];
  if (latest)
    return u === pudong
      ? { sent: false }
      : { sent: true, late: u === chongming, review: u === chongming ? 'none' : 'accept' };
  return { sent: true, late: u === pudong && p % 2 === 1, review: 'accept' };
};

/** Who sends a report does not review it: each office has a colleague who sends (代报) for the units with no one else. */
interface People {
  /** 市局专项办, who reviews the city plan's reports. */
  cityOffice: Actor;
  /** 市局专项办's colleague who sends the reports of the units it has no one else for (代报). */
  citySender: Actor;
  /** 崇明区局专项办: reviews the district plan's reports, sends the district's to the city. */
  office: Actor;
  /** 崇明区局专项办's colleague who sends the departments' reports for them (代报). */
  sender: Actor;
  /** 城桥所's liaison, who sends the 所's own reports. */
  liaison: Actor;
}

/**
 * The demo's reporting at both levels of seeds 000 and 004: 崇明区局's departments have sent their
 * monthly reports (案件统计表累计、典型案件和重要线索) and quarterly ones (each covering its quarter) to
 * the district's implementation plan, and the city's own section and both districts theirs to the
 * city's plan — most on time and accepted, some late, one returned, the latest period with some
 * still missing — so each board, its rates and the reminders show what an office sees in a real
 * month; the offices have chased the latest period's late units. The full-year report is left for
 * the demo's users to send.
 */
export async function seedDemoReports(
  services: Services,
  people: People,
  campaigns: { cityCampaignId: string; districtCampaignId: string },
) {
  const levels = [
    { campaignId: campaigns.districtCampaignId, reviewer: people.office, sender: people.sender, plot: districtPlot },
    { campaignId: campaigns.cityCampaignId, reviewer: people.cityOffice, sender: people.citySender, plot: cityPlot },
  ];
  const submitterOf = (unitId: string) =>
    unitId === people.liaison.unitId ? people.liaison : unitId === people.office.unitId ? people.office : undefined;
  for (const level of levels) {
    const campaign = await services.campaignsService.get(level.reviewer, level.campaignId);
    for (const schedule of campaign.reportSchedules) {
      if (schedule.kind !== 'monthly' && !(schedule.kind === 'dates' && schedule.covers === 'quarter')) continue;
      await seedSchedule(services, campaign, schedule.id, {
        reviewer: level.reviewer,
        sender: level.sender,
        submitterOf,
        plot: level.plot,
        // The 所's liaison sends files with the monthly reports (报表附件).
        filesFrom: schedule.kind === 'monthly' ? people.liaison : undefined,
      });
    }
  }
}

async function seedSchedule(
  services: Services,
  campaign: Parameters<typeof reportDeadlines>[0] & { id: string },
  scheduleId: string,
  how: {
    reviewer: Actor;
    sender: Actor;
    submitterOf: (unitId: string) => Actor | undefined;
    plot: Plot;
    filesFrom?: Actor;
  },
) {
  const { reportsService } = services;
  const campaignId = campaign.id;
  const due = reportDeadlines(campaign).filter((d) => d.scheduleId === scheduleId && d.dueDate < todayInChina());
  const units = (await reportsService.board(how.reviewer, campaignId, { scheduleId })).units;

  for (const [p, period] of due.entries()) {
    const latest = p === due.length - 1;
    for (const [u, unit] of units.entries()) {
      const fate = how.plot(u, p, latest);
      if (!fate.sent) continue;
      const planned = beijing(
        fate.late ? shiftDate(period.dueDate, 2) : shiftDate(period.dueDate, -1),
        fate.late ? 9 : 16,
      );
      const at = planned.getTime() < Date.now() ? planned : new Date();
      const month = period.periodEnd.slice(0, 7);
      const narrative = {
        statistics: `${period.periodStart}至${period.periodEnd}，本单位专项行动数据见统计表（由案件台账和执法检查记录自动汇总）。`,
        keyCases: u % 3 === 0 ? `${month}月办结典型案件一件，已在台账中标注为典型案件。` : '',
        practices: u % 4 === 0 ? '与街镇网格员建立线索移交机制，及时发现农村集市销售假冒食品线索。' : '',
        problems: u % 4 === 1 ? '执法人员和快检设备不足，农村集市覆盖频次有待提高。' : '',
        nextSteps: '继续围绕民生领域重点商品开展排查，加大典型案件查办力度。',
      };
      const key = { scheduleId, periodEnd: period.periodEnd, unitId: unit.unitId };
      const sent = await reportsService.submit(
        how.submitterOf(unit.unitId) ?? how.sender,
        campaignId,
        { ...key, narrative, version: 0, onBehalf: !how.submitterOf(unit.unitId) },
        { at },
      );
      if (how.filesFrom?.unitId === unit.unitId && (p === 0 || latest))
        await attachDemoFile(services, how.filesFrom, campaignId, key, { first: p === 0, unitName: unit.unitName, at });
      if (fate.review === 'return')
        await reportsService.review(
          how.reviewer,
          sent.submissionId!,
          { decision: 'return', reason: '典型案件情况过于简略，请补充案情和处罚结果后重新报送', version: sent.version },
          { at: beijing(shiftDate(period.dueDate, 1), 15) },
        );
      if (fate.review === 'accept')
        await reportsService.review(
          how.reviewer,
          sent.submissionId!,
          { decision: 'accept', version: sent.version },
          { at: beijing(shiftDate(period.dueDate, 3), 11) },
        );
    }
  }
  // 催报: the office has chased the latest period's late units (every plot leaves some), so the board and their reminders show it.
  const latest = due.at(-1);
  if (latest)
    await reportsService.chase(how.reviewer, campaignId, {
      scheduleId,
      periodEnd: latest.periodEnd,
      note: '请尽快报送',
    });
}

/**
 * 报表附件: the liaison sends a 情况说明 (.docx) with the first monthly report, accepted since, and a
 * photo of a market inspection with the latest, still open to changes; both generated in code.
 */
async function attachDemoFile(
  services: Services,
  liaison: Actor,
  campaignId: string,
  key: { scheduleId: string; periodEnd: string; unitId: string },
  how: { first: boolean; unitName: string; at: Date },
) {
  const file = how.first
    ? {
        fileName: '典型案件情况说明.docx',
        content: await demoNoteDocx(
          how.unitName,
          '关于本月典型案件查办情况的说明',
          [
            `${Number(key.periodEnd.slice(0, 4))}年${Number(key.periodEnd.slice(5, 7))}月，本所在农村集市检查中发现某副食店销售假冒注册商标的白酒，已立案查处，案件情况已录入重点案件台账。`,
            '下一步，本所将继续加强对农村集市和城乡结合部食品经营户的检查。',
          ],
          key.periodEnd,
        ),
      }
    : { fileName: '农贸市场检查现场照片.png', content: demoPhotoPng() };
  await services.reportAttachmentsService.add(liaison, campaignId, key, file, {
    at: new Date(how.at.getTime() - 3_600_000),
  });
}
