import { writeFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Actor } from '../platform/actor';
import { creditCodeCheckChar } from '../platform/credit-code';
import type { Services } from '../services';
import { todayInChina } from '../platform/today';

/**
 * The demo's field work: 崇明区局's inspection outings of the last months (with seized goods, one
 * finding turned into a lead), its register of market entities, and a 双随机 draw of 5 % whose
 * results are partly recorded and published, so the KPIs and the public page have figures.
 */
export async function seedDemoInspections(
  services: Services,
  people: { office: Actor; handler: Actor; secondHandler: Actor; liaison: Actor },
  ids: Map<string, string>,
  campaignId: string,
) {
  const { inspectionsService, randomChecksService, marketEntitiesService } = services;
  const today = todayInChina();
  const daysAgo = (n: number) => new Date(Date.parse(`${today}T00:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);
  const brigade = ids.get('CM-ZFDD')!;
  const chengqiao = ids.get('CM-CQS')!;
  const base = {
    campaignId,
    rapidTestItems: 0,
    samplingBatches: 0,
    samplingItems: 0,
    samplingFailed: 0,
    focusArea: null,
    findings: null,
    unlicensedBanned: 0,
    rectificationOrders: 0,
    rapidTestBatches: 0,
    rapidTestFailed: 0,
    vehicles: 1,
    seizures: [] as { goods: string; quantity: string; unit: '公斤' | '瓶' | '件' | '吨' }[],
  };
  const outings = [
    {
      by: people.handler,
      unitId: brigade,
      categoryCode: 'food',
      ago: 150,
      staffDeployed: 16,
      vehicles: 4,
      entitiesInspected: 52,
      places: ['农贸市场', '农村集市'],
      focusArea: '城乡结合部',
      rapidTestBatches: 40,
      rapidTestItems: 18,
      rapidTestFailed: 2,
      rectificationOrders: 6,
      seizures: [
        { goods: '私宰肉', quantity: '3478', unit: '公斤' },
        { goods: '过期乳制品', quantity: '125.8', unit: '公斤' },
      ],
    },
    {
      by: people.handler,
      unitId: brigade,
      categoryCode: 'ip',
      ago: 132,
      staffDeployed: 10,
      vehicles: 2,
      entitiesInspected: 24,
      places: ['个体商户', '批发市场'],
      seizures: [{ goods: '假冒注册商标白酒', quantity: '75', unit: '瓶' }],
      findings: '某商行销售疑似假冒“茅台”白酒',
    },
    {
      by: people.secondHandler,
      unitId: brigade,
      categoryCode: 'product_quality',
      ago: 110,
      staffDeployed: 8,
      entitiesInspected: 17,
      places: ['个体商户'],
      focusArea: '农资经营集中区',
      samplingBatches: 6,
      samplingItems: 6,
      samplingFailed: 1,
      seizures: [{ goods: '不合格复混肥料', quantity: '2.4', unit: '吨' }],
    },
    {
      by: people.liaison,
      unitId: chengqiao,
      categoryCode: 'food',
      ago: 95,
      staffDeployed: 6,
      entitiesInspected: 31,
      places: ['商场超市', '餐饮单位'],
      rapidTestBatches: 22,
      rapidTestItems: 9,
      unlicensedBanned: 1,
      rectificationOrders: 3,
    },
    {
      by: people.handler,
      unitId: brigade,
      categoryCode: 'advertising',
      ago: 70,
      staffDeployed: 4,
      entitiesInspected: 12,
      places: ['网络经营'],
      rectificationOrders: 2,
    },
    {
      by: people.liaison,
      unitId: chengqiao,
      categoryCode: 'special_equipment',
      ago: 58,
      staffDeployed: 5,
      entitiesInspected: 9,
      places: ['商场超市'],
      rectificationOrders: 1,
    },
    {
      by: people.secondHandler,
      unitId: brigade,
      categoryCode: 'food',
      ago: 41,
      staffDeployed: 12,
      vehicles: 3,
      entitiesInspected: 38,
      places: ['农村集市', '校园周边'],
      focusArea: '学校周边',
      rapidTestBatches: 30,
      rapidTestItems: 14,
      rapidTestFailed: 1,
      seizures: [{ goods: '“三无”散装食品', quantity: '46', unit: '件' }],
    },
    {
      by: people.handler,
      unitId: brigade,
      categoryCode: 'food',
      ago: 9,
      staffDeployed: 9,
      vehicles: 2,
      entitiesInspected: 27,
      places: ['农贸市场'],
      rapidTestBatches: 18,
      rapidTestItems: 8,
      findings: '某超市冷柜内牛奶已过保质期，仍在销售',
    },
  ];
  for (const o of outings) {
    const { by, ago, ...fields } = o;
    const created = await inspectionsService.create(by, {
      ...base,
      ...fields,
      inspectionDate: daysAgo(ago),
      inspectorIds: [by.userId],
    } as never);
    if (o.ago === 9)
      await inspectionsService.openLead(by, created.id, {
        partyName: '崇明某生鲜超市',
        important: false,
        version: created.version,
      });
  }

  // The register: 120 entities under the district's offices, imported as a bureau would.
  const offices = ['CM-CQS', 'CM-BZS', 'CM-CJZS'];
  const industries = ['食品销售', '餐饮服务', '农资经营', '日用百货'];
  const rows = Array.from({ length: 120 }, (_, i) => {
    const first17 = `92310230MA1D${String(i + 1).padStart(5, '0')}`;
    const office = offices[i % 3];
    return [
      `崇明${['城桥', '堡镇', '陈家镇'][i % 3]}某${industries[i % 4].slice(0, 2)}经营部${i + 1}`,
      first17 + creditCodeCheckChar(first17),
      office,
      `上海市崇明区某路${i + 1}号`,
      industries[i % 4],
      '310151',
      i % 10 === 0 ? '高风险' : i % 4 === 0 ? '一般风险' : '低风险',
    ].join(',');
  });
  const file = path.join(tmpdir(), `redshield-demo-register-${process.pid}.csv`);
  await writeFile(file, ['名称,统一社会信用代码,管辖单位,住所,行业,行政区划代码,风险等级', ...rows].join('\n'));
  try {
    await marketEntitiesService.importEntities(people.office, {
      path: file,
      fileName: '崇明区市场主体名录.csv',
      kind: 'csv',
    });
  } finally {
    await rm(file, { force: true });
  }

  // A draw of 5 %: four checks recorded by the drawn inspectors, three of them published.
  const draw = await randomChecksService.createDraw(people.office, {
    unitId: ids.get('CM')!,
    campaignId,
    name: `${todayInChina().slice(0, 4)}年崇明区市场主体“双随机”抽查（第一批）`,
    industry: null,
    riskLevels: [],
    divisionCode: null,
    share: 0.05,
  });
  const actors = [people.handler, people.secondHandler, people.liaison];
  const results = ['no_problem', 'corrected', 'no_problem', 'not_found'] as const;
  for (const [i, item] of draw.items.slice(0, 4).entries()) {
    const by = actors.find((a) => item.inspectors.some((p) => p.id === a.userId))!;
    await randomChecksService.recordResult(by, draw.id, item.id, {
      checkDate: today,
      result: results[i],
      note: results[i] === 'corrected' ? '价格标签不规范，已当场责令改正' : null,
      version: item.version,
    });
  }
  await randomChecksService.publish(people.office, draw.id);
  // One more result recorded after publication: completed, not yet published.
  const fifth = draw.items[4];
  if (fifth) {
    const by = actors.find((a) => fifth.inspectors.some((p) => p.id === a.userId))!;
    await randomChecksService.recordResult(by, draw.id, fifth.id, {
      checkDate: today,
      result: 'no_problem',
      note: null,
      version: fifth.version,
    });
  }
}
