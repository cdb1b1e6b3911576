import type { Actor } from '../platform/actor';
import { reportDeadlines } from '../modules/campaigns/report-deadlines';
import type { Services } from '../services';
import { todayInChina } from '../platform/today';
import { shiftDate } from '../modules/calendar/working-days';

/**
 * 崇明区局's 工作简报 of its implementation plan: 第1期 on the month before last, drawn from the live
 * figures and the departments' accepted monthly reports and issued (the 所 and 大队 see it in the
 * campaign), and the next one saved as a draft over the latest month, to be issued as 第2期.
 */
export async function seedDemoBriefings(services: Services, office: Actor, campaignId: string) {
  const { briefingsService, campaignsService } = services;
  const campaign = await campaignsService.get(office, campaignId);
  const monthly = campaign.reportSchedules.find((s) => s.kind === 'monthly');
  const due = reportDeadlines(campaign).filter((d) => d.scheduleId === monthly?.id && d.dueDate < todayInChina());
  for (const [i, period] of due.slice(-2).entries()) {
    const from = `${period.periodEnd.slice(0, 7)}-01`;
    const to = period.periodEnd;
    const draft = await briefingsService.draft(office, campaignId, {
      kind: 'briefing',
      unitId: office.unitId!,
      from,
      to,
    });
    const saved = await briefingsService.create(office, campaignId, {
      kind: 'briefing',
      unitId: office.unitId!,
      title: draft.title,
      date: shiftDate(period.dueDate, 3),
      from,
      to,
      paragraphs: draft.paragraphs,
    });
    const issue = i === 0 || due.length === 1;
    if (issue) await briefingsService.issue(office, saved.id, { version: saved.version });
  }
}
