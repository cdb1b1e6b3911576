import type { Actor } from '../platform/actor';
import { todayInChina } from '../platform/today';
import type { Services } from '../services';

/**
 * The demo's 责令整改 on the spot (issue 21): 城桥所's outings of the district's campaign order
 * entities of its register to correct what was found — one re-checked and closed (销号), one open,
 * one past its deadline (in the inspectors' inbox and reminded) — and a 双随机 check whose finding
 * (发现问题，已移交或立案处理) opened a lead and ordered a rectification of the drawn entity.
 */
export async function seedDemoFieldRectifications(
  services: Services,
  people: { office: Actor; leader: Actor; inspector: Actor; drawInspectors: Actor[] },
  ids: Map<string, string>,
  campaignId: string,
) {
  const {
    inspectionsService,
    fieldRectificationsService,
    rectificationsService,
    randomChecksService,
    marketEntitiesService,
  } = services;
  const today = todayInChina();
  const daysAgo = (n: number) => new Date(Date.parse(`${today}T00:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);
  const chengqiao = ids.get('CM-CQS')!;
  // 城桥所's register: two food shops (names 崇明城桥某食品经营部N) and a restaurant (…某餐饮经营部N).
  const of = async (q: string, n: number) =>
    (await marketEntitiesService.list(people.office, { unitId: chengqiao, q, page: 1, pageSize: n })).items;
  const [mooncakes, grocer] = await of('食品', 2);
  const [diner] = await of('餐饮', 1);
  if (!grocer || !diner) return;

  const outing = (ago: number, fields: Record<string, unknown>) =>
    inspectionsService.create(people.inspector, {
      unitId: chengqiao,
      campaignId,
      categoryCode: 'food',
      inspectionType: 'special',
      inspectionDate: daysAgo(ago),
      staffDeployed: 4,
      vehicles: 1,
      entitiesInspected: 12,
      places: ['商场超市', '个体商户'],
      focusArea: null,
      unlicensedBanned: 0,
      rapidTestBatches: 0,
      rapidTestItems: 0,
      rapidTestFailed: 0,
      samplingBatches: 0,
      samplingItems: 0,
      samplingFailed: 0,
      rectificationOrders: 0,
      inspectorIds: [people.inspector.userId],
      seizures: [],
      ...fields,
    } as never);

  // 中秋 月饼 专项检查: 抽检16个品种，2个不合格，合格率87.5%; the seller is ordered to take them off the shelves.
  const autumn = await outing(40, {
    samplingBatches: 16,
    samplingItems: 16,
    samplingFailed: 2,
    findings: '抽检月饼16个品种，2个品种不合格，合格率87.5%；不合格月饼仍在销售',
  });
  const closed = await fieldRectificationsService.orderForInspection(people.inspector, autumn.id, {
    entityId: mooncakes.id,
    description: '销售抽检不合格的散装月饼（2个品种），未建立进货查验记录',
    requirement: '立即下架、封存不合格月饼，通知供货商召回；建立并落实进货查验记录制度',
    deadlineWorkingDays: 5,
  });
  const replied = await rectificationsService.reply(people.inspector, closed.id, {
    text: '经复查：不合格月饼（共计38盒）已下架封存并退回供货商，进货查验记录已建立，索证索票齐全。',
    version: closed.version,
  });
  await rectificationsService.close(people.leader, closed.id, {
    text: '经复查，整改到位，予以销号。',
    version: replied.version,
  });

  // 校园周边: a grocer past its deadline (overdue, reminded), still open.
  const school = await outing(30, {
    places: ['校园周边'],
    focusArea: '学校周边',
    entitiesInspected: 9,
    findings: '校园周边小卖部销售“三无”辣条',
  });
  await fieldRectificationsService.orderForInspection(people.inspector, school.id, {
    entityId: grocer.id,
    description: '销售无生产日期、无厂名厂址的“三无”辣条21包',
    requirement: '立即下架“三无”食品，规范进货渠道，索取供货商资质',
    deadlineWorkingDays: 7,
  });

  // A restaurant of last week: open, within its deadline.
  const week = await outing(6, {
    places: ['餐饮单位'],
    entitiesInspected: 7,
    findings: '某餐馆后厨生熟食品混放，从业人员健康证过期',
  });
  await fieldRectificationsService.orderForInspection(people.inspector, week.id, {
    entityId: diner.id,
    description: '后厨生熟食品混放，2名从业人员健康证过期',
    requirement: '生熟分区存放，过期健康证人员暂停上岗并补办健康证明',
    deadlineWorkingDays: 10,
  });

  // 双随机: an unrecorded item of the district's draw found a problem that goes to a lead (立案 follows).
  const draws = await randomChecksService.listDraws(people.office, campaignId);
  const drawId = draws.find((d) => !d.replacedById)?.id;
  if (!drawId) return;
  const draw = await randomChecksService.getDraw(people.office, drawId);
  const item = draw.items.find((i) => !i.result);
  if (!item) return;
  // The drawn inspector records it when he is one of the demo's people, else the office does.
  const by = people.drawInspectors.find((a) => item.inspectors.some((p) => p.id === a.userId)) ?? people.office;
  const recorded = await randomChecksService.recordResult(by, drawId, item.id, {
    checkDate: today,
    result: 'problem_followed_up',
    note: '经营场所内查获私宰肉3478公斤，无检疫合格证明，涉嫌经营未经检疫的肉类',
    version: item.version,
  });
  // The lead is the bureau's (its office registers it; a drawn inspector of a 所 may not).
  await services.randomCheckLeadsService.openLead(people.office, drawId, item.id, {
    categoryCode: 'food',
    important: true,
    version: recorded.version,
  });
  await fieldRectificationsService.orderForDrawItem(by, drawId, item.id, {
    description: '冷库内存放无检疫合格证明的肉品',
    requirement: '停止销售并配合依法处置涉案肉品，建立肉品进货查验及检疫证明留存制度',
    deadlineWorkingDays: 15,
  });
}
