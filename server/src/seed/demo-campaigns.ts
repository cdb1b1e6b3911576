import type { Actor } from '../platform/actor';
import type { Services } from '../services';
import { toPlanInput } from '../modules/campaigns/campaigns.service';
import { todayInChina } from '../platform/today';
import { demoPlanDates } from './demo-calendar';

type View = Awaited<ReturnType<Services['campaignsService']['get']>>;

/** The plan of a campaign view, ready to be saved again with changes. */
export const planOf = (c: View) =>
  toPlanInput(
    c,
    c.categories,
    c.tasks.map((t) => ({
      ...t,
      campaignId: c.id,
      units: [
        ...t.leadUnitIds.map((unitId) => ({ unitId, role: 'lead' as const })),
        ...t.cooperatingUnitIds.map((unitId) => ({ unitId, role: 'cooperating' as const })),
      ],
    })),
    c.participantUnitIds,
  );

const LIAISONS: Record<string, { leader: [string, string, string]; liaison: [string, string, string] }> = {
  CM: { leader: ['周海峰', '副局长', '021-69611001'], liaison: ['莫涛', '执法监督管理科科员', '021-69611097'] },
  'CM-ZFDD': {
    leader: ['陆建华', '执法大队大队长', '021-69611020'],
    liaison: ['黄志强', '执法大队办案人员', '021-69611021'],
  },
  'CM-CQS': {
    leader: ['倪国强', '城桥市场监管所所长', '021-69612001'],
    liaison: ['沈丽', '城桥市场监管所科员', '021-69612002'],
  },
  'CM-SPSC': {
    leader: ['钱卫东', '食品生产监督管理科科长', '021-69611031'],
    liaison: ['吴佳', '食品生产监督管理科科员', '021-69611032'],
  },
  'CM-ZSCQ': {
    leader: ['孙立新', '知识产权科科长', '021-69611051'],
    liaison: ['朱晓燕', '知识产权科科员', '021-69611052'],
  },
};

/**
 * The demo's live campaign: the city bureau issues the year’s 铁拳 plan (from the seed-004 template)
 * with its two districts leading; 崇明区局 derives its implementation plan, assigns the section the
 * template's typo leaves unmatched, publishes it, and some units register their liaisons.
 */
export async function seedDemoCampaigns(
  services: Services,
  actors: { city: Actor; cityLeader: Actor; district: Actor; districtLeader: Actor; districtLiaison: Actor },
  unitIds: Map<string, string>,
  year: number,
) {
  const { campaignsService, campaignTemplatesService, liaisonsService } = services;
  const city = await campaignTemplatesService.createFromTemplate(actors.city, {
    template: 'tiequan-2021',
    unitId: unitIds.get('SH')!,
    year,
  });
  const districts = [unitIds.get('CM')!, unitIds.get('PD')!];
  // A plan that would end within a week is prolonged (demo-calendar.ts), so the demo is live.
  const cityPlan = demoPlanDates(planOf(city), todayInChina());
  cityPlan.docNumber = `沪市监稽〔${year}〕49号`;
  cityPlan.issuingOrgan = '上海市市场监督管理局';
  cityPlan.name = `上海市市场监督管理局${year}民生领域案件查办“铁拳”行动方案`;
  cityPlan.officeUnitId = unitIds.get('SH-ZFJC')!;
  cityPlan.tasks = cityPlan.tasks.map((t) => ({
    ...t,
    leadUnitIds: districts,
    cooperatingUnitIds: [],
    pendingLeadRoles: [],
    pendingCooperatingRoles: [],
  }));
  const savedCity = await campaignsService.update(actors.city, city.id, { ...cityPlan, version: city.version });
  // The demo back-fills the reports of the months already past (demo-reports.ts): the offices publish
  // owing them, as an office publishing mid-year may choose (补报已过期次).
  // 签发: the office asks, the 局领导 signs (campaign-issue.ts).
  await publishSigned(services, actors.city, actors.cityLeader, city.id, savedCity.version);

  const impl = await campaignsService.deriveImplementation(actors.district, city.id, unitIds.get('CM')!);
  const plan = demoPlanDates(planOf(impl), todayInChina());
  plan.docNumber = `沪崇市监执〔${year}〕22号`;
  plan.officeUnitId = unitIds.get('CM-ZFJD')!;
  plan.liaisonDeadline = `${year}-05-17`;
  plan.contact = '联系人：执法监督管理科莫涛，联系电话：69611097';
  // What the template could not match (its 认证和认可监督监督管理科 is a typo in the document), the office assigns.
  plan.tasks = plan.tasks.map((t) =>
    t.leadUnitIds.length
      ? { ...t, pendingLeadRoles: [] }
      : { ...t, leadUnitIds: [unitIds.get('CM-RZRK')!], pendingLeadRoles: [] },
  );
  plan.tasks.push({
    area: '自选动作',
    title: '农村集市假冒伪劣食品专项整治',
    content: '以农村集市、城乡结合部为重点区域，严查“山寨”酒水饮料、节令食品。',
    categoryCode: 'food',
    focusProducts: ['酒水饮料', '节令食品'],
    focusPlaces: ['农村集市'],
    focusAreas: ['城乡结合部'],
    leadUnitIds: [unitIds.get('CM-CQS')!, unitIds.get('CM-BZS')!, unitIds.get('CM-CJZS')!],
    cooperatingUnitIds: [unitIds.get('CM-SPJY')!],
    pendingLeadRoles: [],
    pendingCooperatingRoles: [],
  });
  const saved = await campaignsService.update(actors.district, impl.id, { ...plan, version: impl.version });
  await publishSigned(services, actors.district, actors.districtLeader, impl.id, saved.version);
  await seedDemoIssueRequest(services, actors.district, unitIds, year);

  for (const [code, p] of Object.entries(LIAISONS)) {
    const actor = code === 'CM-CQS' ? actors.districtLiaison : actors.district;
    await liaisonsService.set(actor, impl.id, unitIds.get(code)!, {
      leader: { name: p.leader[0], position: p.leader[1], officePhone: p.leader[2] },
      liaison: {
        name: p.liaison[0],
        position: p.liaison[1],
        officePhone: p.liaison[2],
        mobile: `139${String(Object.keys(LIAISONS).indexOf(code)).padStart(8, '1')}`,
      },
    });
  }
  return { cityCampaignId: city.id, districtCampaignId: impl.id };
}

/** The office's request for 签发 of a plan, approved by the issuing unit's 局领导 (the plan published). */
export async function publishSigned(services: Services, office: Actor, leader: Actor, id: string, version: number) {
  const asked = await services.campaignsService.setStatus(office, id, {
    version,
    status: 'active',
    owesPastPeriods: true,
  });
  const request = asked.approvals.find((a) => a.status === 'pending')!;
  await services.approvalsService.decide(leader, request.id, {
    decision: 'approve',
    comment: '同意印发',
    version: request.version,
  });
}

/**
 * 待签发: 崇明区局's plan for the coming 元旦春节 (the festival after the demo year's: December to
 * February), drafted from its template by the office (the tasks its template could not match given to
 * the 执法大队) and sent to cm_leader for 签发 (待我审批).
 */
async function seedDemoIssueRequest(services: Services, office: Actor, unitIds: Map<string, string>, demoYear: number) {
  const { campaignsService, campaignTemplatesService } = services;
  const year = demoYear + 1;
  const draft = await campaignTemplatesService.createFromTemplate(office, {
    template: 'daguan-2017-festival',
    unitId: unitIds.get('CM')!,
    year,
  });
  const plan = demoPlanDates(planOf(draft), todayInChina());
  plan.name = `崇明区市场监督管理局${year}年元旦春节期间打假专项行动工作方案`;
  plan.issuingOrgan = '上海市崇明区市场监督管理局';
  plan.docNumber = null; // given a number when issued
  plan.tasks = plan.tasks.map((t) =>
    t.leadUnitIds.length
      ? { ...t, pendingLeadRoles: [] }
      : { ...t, leadUnitIds: [unitIds.get('CM-ZFDD')!], pendingLeadRoles: [] },
  );
  const saved = await campaignsService.update(office, draft.id, { ...plan, version: draft.version });
  await campaignsService.setStatus(office, draft.id, {
    version: saved.version,
    status: 'active',
    owesPastPeriods: false,
  });
}
