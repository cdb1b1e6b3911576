import type { Actor } from '../platform/actor';
import { todayInChina } from '../platform/today';
import type { Services } from '../services';
import { shiftDate } from '../modules/calendar/working-days';
import { planOf, publishSigned } from './demo-campaigns';

/**
 * 考核指标 measured (issue 18): the city bureau issues seed 003's three-year plan (双随机覆盖 ≥5 % and
 * 公示率 100 % per year, 明厨亮灶 >80 % entered by hand) for demo year −1 to +1; 崇明区局 derives and
 * publishes its 实施方案 and draws under it last year (met: 7 of its 120 entities checked, all
 * published) and this year (under way: 5 checked, 4 published); its 所 enter their 明厨亮灶 figures with
 * the register they counted. The 铁拳 plans' monthly quotas read the demo's cases and leads.
 */
export async function seedDemoKpis(
  services: Services,
  actors: { city: Actor; cityLeader: Actor; district: Actor; districtLeader: Actor; liaison: Actor },
  unitIds: Map<string, string>,
  year: number,
) {
  const { campaignsService, campaignTemplatesService, randomChecksService, kpisService } = services;
  const id = (code: string) => unitIds.get(code)!;
  const districts = [id('CM'), id('PD')];

  const city = await campaignTemplatesService.createFromTemplate(actors.city, {
    template: 'meixian-2019',
    unitId: id('SH'),
    year: year - 1,
  });
  const cityPlan = planOf(city);
  cityPlan.name = `上海市市场监督管理局${year - 1}—${year + 1}年假冒伪劣重点领域治理工作方案`;
  cityPlan.issuingOrgan = '上海市市场监督管理局';
  cityPlan.docNumber = `沪市监稽〔${year - 1}〕31号`;
  cityPlan.officeUnitId = id('SH-ZFJC');
  cityPlan.participantUnitIds = districts;
  // The districts lead every task; the plan's reports and liaisons are the 铁拳 plan's business in the demo.
  cityPlan.tasks = cityPlan.tasks.map((t) => ({
    ...t,
    leadUnitIds: districts,
    cooperatingUnitIds: [],
    pendingLeadRoles: [],
    pendingCooperatingRoles: [],
  }));
  cityPlan.reportSchedules = [];
  cityPlan.liaisonDeadline = null;
  const savedCity = await campaignsService.update(actors.city, city.id, { ...cityPlan, version: city.version });
  await publishSigned(services, actors.city, actors.cityLeader, city.id, savedCity.version);

  const impl = await campaignsService.deriveImplementation(actors.district, city.id, id('CM'));
  const plan = planOf(impl);
  // Not 沪崇市监执: the journeys find the 铁拳 plan by its 文号.
  plan.docNumber = `沪崇市监〔${year - 1}〕15号`;
  plan.officeUnitId = id('CM-ZFJD');
  plan.tasks = plan.tasks.map((t) => ({
    ...t,
    leadUnitIds: t.leadUnitIds.length ? t.leadUnitIds : [id('CM-ZFJD')],
    pendingLeadRoles: [],
    pendingCooperatingRoles: [],
  }));
  plan.reportSchedules = [];
  plan.liaisonDeadline = null;
  const saved = await campaignsService.update(actors.district, impl.id, { ...plan, version: impl.version });
  await publishSigned(services, actors.district, actors.districtLeader, impl.id, saved.version);

  // 双随机 under the 实施方案: last autumn's draw (all checked and published), and this year's (under way).
  const today = todayInChina();
  const thisYear = Number(today.slice(0, 4));
  const lastYear = `${thisYear - 1}-10-15`;
  const draw = async (name: string, count: number, at: string) =>
    randomChecksService.createDraw(
      actors.district,
      {
        unitId: id('CM'),
        campaignId: impl.id,
        name,
        industry: null,
        riskLevels: [],
        divisionCode: null,
        count,
      },
      { at: new Date(`${at}T00:00:00+08:00`) },
    );
  const record = async (d: Awaited<ReturnType<typeof draw>>, n: number, checkDate: (i: number) => string) => {
    for (const [i, item] of d.items.slice(0, n).entries())
      await randomChecksService.recordResult(actors.district, d.id, item.id, {
        checkDate: checkDate(i),
        result: i % 4 === 1 ? 'corrected' : 'no_problem',
        note: i % 4 === 1 ? '索证索票不全，已责令改正' : null,
        version: item.version,
      });
  };
  const past = await draw(`${thisYear - 1}年崇明区假冒伪劣重点领域“双随机”抽查`, 7, lastYear);
  await record(past, 7, (i) => shiftDate(lastYear, 5 + i));
  await randomChecksService.publish(actors.district, past.id);
  // Drawn three days ago, before the 铁拳 draw (demo-inspections.ts), which stays the newest.
  const drawnAt = shiftDate(today, -3) < `${thisYear}-01-01` ? today : shiftDate(today, -3);
  const current = await draw(`${thisYear}年崇明区假冒伪劣重点领域“双随机”抽查`, 6, drawnAt);
  await record(current, 4, () => today);
  await randomChecksService.publish(actors.district, current.id);
  await record({ ...current, items: current.items.slice(4) }, 1, () => today);

  // 明厨亮灶: each 所 enters its licensed caterers and those with 明厨亮灶, last year and this year.
  const kpiIndex = plan.kpis.findIndex((k) => k.measure === 'manual');
  const figures: [string, string, number, number][] = [
    ['CM-CQS', String(thisYear - 1), 96, 112],
    ['CM-BZS', String(thisYear - 1), 71, 85],
    ['CM-CJZS', String(thisYear - 1), 58, 80],
    ['CM-CQS', String(thisYear), 104, 115],
    ['CM-BZS', String(thisYear), 77, 86],
    ['CM-CJZS', String(thisYear), 66, 79],
  ];
  for (const [code, period, numerator, denominator] of figures)
    await kpisService.saveFigure(code === 'CM-CQS' ? actors.liaison : actors.district, impl.id, kpiIndex, {
      unitId: id(code),
      period,
      numerator,
      denominator,
      reason: `据本所持证餐饮服务单位台账（${period}年底/当前在册 ${denominator} 户）逐户核对，已建成“明厨亮灶” ${numerator} 户`,
      version: 0,
    });
  return { cityCampaignId: city.id, districtCampaignId: impl.id };
}
