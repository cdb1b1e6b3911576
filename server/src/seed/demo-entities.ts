import type { Actor } from '../platform/actor';
import { creditCodeCheckChar } from '../platform/credit-code';
import { todayInChina } from '../platform/today';
import type { Services } from '../services';
import { shiftDate } from '../modules/calendar/working-days';

const code = (body17: string) => `${body17}${creditCodeCheckChar(body17)}`;

/**
 * 经济户口 (issue 21; seed 002: 并把检查情况记录到经济户口管理资料中, 工商所每星期对辖区内的食品经营户
 * 的检查不得少于2次): 崇明's rule for food retailers, 城桥所's outings of the last weeks naming the
 * register's entities with what was found (one entity registered on the spot), and the supermarket
 * of the credit demo's case put on the register, so its page shows outings beside its case. This
 * week's outings leave most food retailers short of the rule: the under-inspected view has rows.
 */
export async function seedDemoEntities(
  services: Services,
  people: { office: Actor; recorder: Actor },
  ids: Map<string, string>,
  campaignId: string,
) {
  const { marketEntitiesService, frequencyRulesService, inspectionsService } = services;
  const today = todayInChina();
  const chengqiao = ids.get('CM-CQS')!;

  await frequencyRulesService.createRule(people.office, {
    unitId: ids.get('CM')!,
    name: '工商所每星期对辖区内的食品经营户的检查不得少于2次',
    industry: '食品销售',
    entityKind: null,
    minCount: 2,
    period: 'week',
    active: true,
  });

  // The supermarket of 沪市监崇处〔…〕021号 (demo-credit) and the trading company on the 经营异常名录.
  const supermarket = await marketEntitiesService.create(people.office, {
    unitId: chengqiao,
    name: '上海崇明某超市有限公司',
    creditCode: code('91310230MA1K3C7D2'),
    entityKind: 'enterprise',
    operatorName: '黄志强',
    address: '上海市崇明区城桥镇八一路218号',
    industry: '食品销售',
    riskLevel: 'medium',
    divisionCode: '310151',
    licence: 'JY13101510012345',
  });
  await marketEntitiesService.create(people.office, {
    unitId: chengqiao,
    name: '上海崇明某贸易有限公司',
    creditCode: code('91310230MA1K5T9R6'),
    entityKind: 'enterprise',
    operatorName: '沈建国',
    address: '上海市崇明区城桥镇西门路66号',
    industry: '日用百货',
    riskLevel: 'low',
    divisionCode: '310151',
    licence: null,
  });

  const food = (
    await marketEntitiesService.list(people.office, {
      unitId: chengqiao,
      industry: '食品销售',
      status: 'active',
      page: 1,
      pageSize: 6,
    })
  ).items.filter((e) => e.id !== supermarket.id);
  const [a, b, c] = food;

  const base = {
    campaignId,
    unitId: chengqiao,
    categoryCode: 'food',
    staffDeployed: 4,
    vehicles: 1,
    places: ['商场超市' as const],
    focusArea: null,
    unlicensedBanned: 0,
    rapidTestBatches: 0,
    rapidTestItems: 0,
    rapidTestFailed: 0,
    samplingBatches: 0,
    samplingItems: 0,
    samplingFailed: 0,
    rectificationOrders: 0,
    inspectorIds: [people.recorder.userId],
    seizures: [],
  };
  const outings = [
    {
      inspectionDate: shiftDate(today, -21),
      inspectionType: 'routine' as const,
      entitiesInspected: 3,
      findings: '中秋节前月饼专项检查，超市月饼标签不规范一处，已责令整改。',
      rectificationOrders: 1,
      entities: [
        {
          entityId: supermarket.id,
          result: 'problem' as const,
          finding: '2个品种的月饼标签未标注生产日期，已责令当场下架整改',
        },
        ...(a ? [{ entityId: a.id, result: 'no_problem' as const, finding: '进货查验记录齐全' }] : []),
        ...(b ? [{ entityId: b.id, result: 'no_problem' as const, finding: null }] : []),
      ],
    },
    {
      inspectionDate: shiftDate(today, -9),
      inspectionType: 'flying' as const,
      entitiesInspected: 2,
      findings: '飞行检查冷链食品，发现一户无进货凭证的冻肉，已登记线索。',
      entities: [
        { entityId: supermarket.id, result: 'no_problem' as const, finding: '复查：月饼标签已整改到位' },
        {
          newEntity: {
            name: '崇明城桥某冻品经营部',
            creditCode: code('92310230MA1DQ7C81'),
            entityKind: 'individual' as const,
            industry: '食品销售',
            address: '上海市崇明区城桥镇南门路12号',
            operatorName: '陆某',
          },
          result: 'problem' as const,
          finding: '冷库内冻猪肉86公斤无法提供进货凭证和检疫证明',
        },
      ],
    },
    {
      inspectionDate: today,
      inspectionType: 'routine' as const,
      entitiesInspected: 2,
      findings: null,
      entities: [
        { entityId: supermarket.id, result: 'no_problem' as const, finding: '食品经营许可证在有效期内，台账规范' },
        ...(c ? [{ entityId: c.id, result: 'problem' as const, finding: '散装食品未标明保质期，已责令改正' }] : []),
      ],
    },
  ];
  for (const o of outings) await inspectionsService.create(people.recorder, { ...base, ...o });
}
