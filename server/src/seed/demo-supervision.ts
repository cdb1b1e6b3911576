import type { Actor } from '../platform/actor';
import { todayInChina } from '../platform/today';
import { shiftDate } from '../modules/calendar/working-days';
import type { VisitMethod } from '../modules/supervision/supervision.schema';
import type { Services } from '../services';

/**
 * 崇明区局's 督查 of its 铁拳 plan (seed 001: 区局将组成四个督查组 … 组织两次督查; seed 004: 交叉检查):
 * four groups whose 片区 cover its sections, 所 and 大队 (a 所 person sits in the second group, beyond
 * his own unit), 第一次督查 in July with 交叉检查 and 重点抽查, 第二次督查 a few weeks ago with a
 * 随机专项督查 draw whose picks the second group visited. Visits are never dated after today.
 */
export async function seedDemoSupervision(
  services: Services,
  actors: Map<string, Actor>,
  ids: Map<string, string>,
  districtCampaignId: string,
) {
  const s = services.supervisionService;
  const office = actors.get('cm_office')!;
  const who = (username: string) => actors.get(username)!;
  const unit = (code: string) => ids.get(code)!;
  const today = todayInChina();
  const campaign = await services.campaignsService.get(office, districtCampaignId);
  const year = campaign.startDate.slice(0, 4);

  const specs = [
    { name: '第一督查组', leader: 'cm_leader', members: ['cm_reviewer'], area: ['CM-CQS', 'CM-BGS', 'CM-ZFJD'] },
    {
      name: '第二督查组',
      leader: 'cm_supervisor',
      members: ['cm_liaison', 'cm_handler'],
      area: ['CM-BZS', 'CM-ZFDD', 'CM-SPSC', 'CM-SPJY'],
    },
    {
      name: '第三督查组',
      leader: 'cm_office',
      members: ['cm_handler2'],
      area: ['CM-CJZS', 'CM-SPXT', 'CM-TSSB', 'CM-RZRK'],
    },
    { name: '第四督查组', leader: 'cm_office2', members: [], area: ['CM-BZH', 'CM-WLJY', 'CM-ZSCQ', 'CM-XB'] },
  ];
  const groupIds: string[] = [];
  for (const [i, g] of specs.entries()) {
    const created = await s.groups.create(office, districtCampaignId, {
      name: g.name,
      leaderId: who(g.leader).userId,
      memberIds: g.members.map((m) => who(m).userId),
      phone: `021-5961${String(2101 + i)}`,
      note: i === 0 ? '由分管局领导带队' : null,
      sortOrder: i,
    });
    await s.groups.setArea(office, created.id, { unitIds: g.area.map(unit), version: created.version });
    groupIds.push(created.id);
  }

  // 第一次督查 in July (earlier when July is not yet five weeks past), 第二次 in the last weeks.
  const firstEnd = [`${year}-07-20`, shiftDate(today, -35)].sort()[0];
  const firstStart = [campaign.startDate, [`${year}-07-01`, shiftDate(firstEnd, -14)].sort()[0]].sort().reverse()[0];
  const first = await s.rounds.create(office, districtCampaignId, {
    number: 1,
    title: '第一次督查',
    startDate: firstStart,
    endDate: firstEnd,
    focus: '各单位专项行动部署落实、案件查办进度；采取交叉检查、重点抽查方式',
  });
  const second = await s.rounds.create(office, districtCampaignId, {
    number: 2,
    title: '第二次督查',
    startDate: shiftDate(today, -24),
    endDate: shiftDate(today, -3),
    focus: '重点案件办理质量、执法记录仪使用和整改落实；随机专项督查',
  });

  const visits: { id: string; unitId: string; visitDate: string; groupId: string; roundId: string }[] = [];
  const record = async (
    actor: string,
    round: { id: string },
    group: number,
    unitId: string,
    visitDate: string,
    method: VisitMethod,
    checkedItems: string,
    summary: string,
    extra: { unannounced?: boolean; drawId?: string } = {},
  ) => {
    const v = await s.visits.create(who(actor), {
      roundId: round.id,
      groupId: groupIds[group],
      unitId,
      visitDate,
      method,
      unannounced: extra.unannounced ?? false,
      checkedItems,
      summary,
      drawId: extra.drawId ?? null,
    });
    visits.push({ id: v.id, unitId, visitDate, groupId: v.groupId, roundId: v.roundId });
  };

  const d1 = (n: number) => [shiftDate(firstStart, n), firstEnd].sort()[0];
  await record(
    'cm_leader',
    first,
    0,
    unit('CM-CQS'),
    d1(2),
    'cross',
    '专项行动方案部署、案件台账、案源线索登记',
    '城桥所已制定实施方案，台账完整；个别线索核查超过15个工作日。',
  );
  await record(
    'cm_supervisor',
    first,
    1,
    unit('CM-BZS'),
    d1(3),
    'cross',
    '专项行动方案部署、重点案件办理进度',
    '堡镇所部署及时，重点案件按期推进。',
  );
  await record(
    'cm_office',
    first,
    2,
    unit('CM-CJZS'),
    d1(5),
    'key_spot_check',
    '抽查已结案卷宗5件：立案审批、证据、处罚决定',
    '卷宗整体规范，1件证据目录不全。',
    { unannounced: true },
  );
  await record(
    'cm_office2',
    first,
    3,
    unit('CM-WLJY'),
    d1(6),
    'comprehensive',
    '网络交易违法线索的移交和查办',
    '线索移交机制运行正常。',
  );

  // 随机专项督查: the second group draws two units of its area and visits them.
  const draw = await s.rounds.draw(who('cm_supervisor'), second.id, { groupId: groupIds[1], count: 2 });
  for (const [i, picked] of draw.picked.entries())
    await record(
      'cm_supervisor',
      second,
      1,
      picked.id,
      shiftDate(today, -20 + i * 4),
      'random',
      '执法记录仪使用、重点案件办理质量',
      i === 0 ? '执法全过程记录执行较好。' : '2起案件超过办案期限未延期，已要求说明情况。',
      { unannounced: true, drawId: draw.id },
    );
  await record(
    'cm_leader',
    second,
    0,
    unit('CM-ZFJD'),
    shiftDate(today, -18),
    'self',
    '执法监督管理科自查：案件审核、督办台账',
    '自查发现督办台账更新不及时，已当场纠正。',
  );
  await record(
    'cm_office',
    second,
    2,
    unit('CM-SPXT'),
    shiftDate(today, -10),
    'mutual',
    '与食品经营监督管理科互查：协调机制、信息报送',
    '信息报送及时，协调会议记录齐全。',
  );
  return { roundIds: [first.id, second.id] as [string, string], groupIds, visits };
}
