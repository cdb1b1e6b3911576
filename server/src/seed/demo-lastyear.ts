import type { Actor } from '../platform/actor';
import { todayInChina } from '../platform/today';
import type { Services } from '../services';
import { planOf } from './demo-campaigns';

/**
 * Last year beside this year (issue 18): 崇明区局's 铁拳 plan of the year before (the same template,
 * archived) with four cases — two decided, two still under investigation — named as the predecessor
 * (上一年度行动) of this year's district plan, so its statistics table shows 同比; one of the
 * undecided cases is carried forward (结转) into this year's plan.
 */
export async function seedDemoLastYear(
  services: Services,
  people: { office: Actor; leader: Actor; handler: Actor; reviewer: Actor },
  ids: Map<string, string>,
  districtCampaignId: string,
  year: number,
) {
  const { campaignsService, campaignTemplatesService, casesService } = services;
  const previous = year - 1;
  const created = await campaignTemplatesService.createFromTemplate(people.office, {
    template: 'tiequan-2021',
    unitId: ids.get('CM')!,
    year: previous,
  });
  const plan = planOf(created);
  plan.name = `上海市崇明区市场监督管理局${previous}年民生领域案件查办“铁拳”行动方案`;
  plan.docNumber = `沪崇市监执〔${previous}〕18号`;
  plan.officeUnitId = ids.get('CM-ZFJD')!;
  plan.tasks = plan.tasks.map((t) =>
    t.leadUnitIds.length
      ? { ...t, pendingLeadRoles: [] }
      : { ...t, leadUnitIds: [ids.get('CM-ZFDD')!], pendingLeadRoles: [] },
  );
  const saved = await campaignsService.update(people.office, created.id, { ...plan, version: created.version });
  // 签发 by the 局领导; published after the year it covered, it owes no report (archived below).
  const asked = await campaignsService.setStatus(people.office, created.id, {
    version: saved.version,
    status: 'active',
  });
  const request = asked.approvals.find((a) => a.status === 'pending')!;
  await services.approvalsService.decide(people.leader, request.id, {
    decision: 'approve',
    comment: '同意印发',
    version: request.version,
  });

  // A year back from this year's demo cases: the same weeks of the year before.
  const today = todayInChina();
  const yearAgo = (days: number) =>
    new Date(Date.parse(`${today}T00:00:00Z`) - (365 + days) * 86_400_000).toISOString().slice(0, 10);
  const base = {
    unitId: ids.get('CM-ZFDD')!,
    campaignId: created.id,
    partyKind: 'company' as const,
    filingApproverId: people.leader.userId,
    investigatorId: people.handler.userId,
    mediated: false,
    penalized: false,
    otherMeasures: [],
    published: false,
    typical: false,
    online: false,
    rural: false,
    transferredToJudiciary: false,
    transferredToPolice: false,
    compensation: '0',
    confiscated: '0',
    lossesRecovered: '0',
    chainStage: 'distribution' as const,
  };
  const specs = [
    {
      n: 1,
      categoryCode: 'food',
      name: '崇明某超市销售过期乳制品案',
      party: '上海崇明某超市',
      ago: 180,
      fine: '10000.00',
      decided: true,
    },
    {
      n: 2,
      categoryCode: 'ip',
      name: '某商行销售假冒注册商标服装案',
      party: '上海某服饰商行',
      ago: 150,
      fine: '30000.00',
      decided: true,
    },
    {
      n: 3,
      categoryCode: 'food',
      name: '某农家乐使用过期调味品案',
      party: '崇明某农家乐',
      ago: 60,
      fine: '0',
      decided: false,
    },
    {
      n: 4,
      categoryCode: 'food',
      name: '某粮油店销售标签不合格食用油案',
      party: '上海崇明某粮油店',
      ago: 30,
      fine: '0',
      decided: false,
    },
  ];
  const undecided: string[] = [];
  for (const s of specs) {
    let c = await casesService.create(people.office, {
      ...base,
      categoryCode: s.categoryCode,
      caseNumber: `沪市监崇处〔${previous}〕${String(40 + s.n).padStart(3, '0')}号`,
      name: s.name,
      partyName: s.party,
      filingDate: yearAgo(s.ago),
      amountInvolved: s.decided ? '5000.00' : '800.00',
      fine: s.fine,
      penaltyContent: s.decided ? `责令改正，罚款${s.fine}元。` : null,
      summary: `${s.party}涉嫌${s.name.replace(/案$/, '')}，经立案调查。`,
    } as never);
    const moves = s.decided
      ? (['investigation', 'review', 'notice', 'decided'] as const)
      : (['investigation'] as const);
    for (const to of moves) {
      const who = to === 'notice' ? people.reviewer : to === 'decided' ? people.leader : people.handler;
      c = await casesService.moveStage(who, c.id, {
        to,
        version: c.version,
        note: null,
        decisionDate: to === 'decided' ? yearAgo(s.ago - 40) : undefined,
        penalized: to === 'decided' ? true : undefined,
      } as never);
    }
    if (!s.decided) undecided.push(c.id);
  }
  const published = await campaignsService.get(people.office, created.id);
  await campaignsService.setStatus(people.office, created.id, { status: 'archived', version: published.version });

  // This year's district plan names it as its predecessor; the office carries one open case forward.
  const current = await campaignsService.get(people.office, districtCampaignId);
  await campaignsService.update(people.office, districtCampaignId, {
    ...planOf(current),
    predecessorCampaignId: created.id,
    version: current.version,
  });
  await services.caseCarryForwardService.carry(people.office, districtCampaignId, { caseIds: [undecided[0]] });
  return { lastYearCampaignId: created.id };
}
