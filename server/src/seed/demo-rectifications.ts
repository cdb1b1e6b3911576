import type { Actor } from '../platform/actor';
import { AppError } from '../platform/errors';
import { todayInChina } from '../platform/today';
import type { Services } from '../services';
import { shiftDate } from '../modules/calendar/working-days';
import type { FindingInput } from '../modules/rectifications/rectifications.service';

/** A supervision visit of the demo, as the supervision seed made it. */
export interface DemoVisit {
  id: string;
  unitId: string;
  visitDate: string;
  groupId: string;
}

type Finding = Omit<FindingInput, 'unitId'>;

const NOTED: Finding[] = [
  { description: '部分经营户索证索票资料未按月整理归档，查阅不便（已当场提醒）' },
  { description: '农贸市场快检室检测记录个别栏目填写不规范（已当场指导）' },
];
const OPEN: Finding = {
  description: '辖区两家农贸市场未设置肉品溯源信息公示屏，消费者无法查询进货来源',
  requirement: '督促市场开办者在醒目位置设置溯源公示屏，公示当日肉品进货来源及检疫信息',
};
const OPEN_AT_LIAISON: Finding = {
  description: '案源线索登记台账未及时更新，3条12315转办线索未录入系统',
  requirement: '立即补录线索并落实专人每日登记，按时限完成核查',
};
const OVERDUE: Finding[] = [
  {
    description: '2起案件超过办案期限未办理延期审批手续',
    requirement: '逐案说明超期原因，补办审批手续，建立办案期限预警台账',
  },
  {
    description: '城桥镇某超市销售临期食品未设专区专柜、未作显著提示',
    requirement: '责令当事人设置临期食品专区并显著提示，对辖区商超开展一次专项检查',
  },
];
const ANSWERED: (Finding & { reply: string })[] = [
  {
    description: '辖区校园周边3家小卖部销售“三无”辣条，日常巡查记录缺失',
    requirement: '依法查处涉案经营户，补齐校园周边日常巡查记录',
    reply: '已对3家小卖部立案调查，下架“三无”辣条42包；校园周边巡查改为每周两次并逐次记录。',
  },
  {
    description: '冷链食品进口货物追溯码查验抽查比例不足',
    requirement: '对辖区冷库逐一开展追溯码查验，抽查比例不低于30%',
    reply: '已对辖区11家冷库全部开展查验，抽查比例35%，未发现问题。',
  },
  {
    description: '执法记录仪使用不规范，现场检查视频未按规定归档',
    requirement: '组织全所执法人员培训，现场检查全程记录并按月归档',
    reply: '已组织培训1次，视频资料按月刻盘归档。',
  },
  {
    description: '“铁拳”行动宣传资料发放记录不全',
    requirement: '补齐发放登记，结合赶集日开展一次集中宣传',
    reply: '已补齐登记，并于赶集日在城桥集市开展集中宣传，发放资料600余份。',
  },
];

/**
 * 发现问题与整改 of the demo's supervision visits (seed 001: 对督查发现的问题，下达整改通知，限期整改): a
 * few noted, open ones with their deadline ahead, overdue ones (open, the deadline passed), answers
 * awaiting 复查, one returned and answered again, and 销号 ones. Written through the service as the
 * group would: the group's leader records and re-checks (the organiser's office if he is not of the
 * visit's group), and 城桥所's liaison answers for her unit — so the answered ones are at 城桥所's
 * visits and the others spread over the rest.
 */
export async function seedDemoRectifications(services: Services, actors: Map<string, Actor>, visits: DemoVisit[]) {
  const { rectificationsService: service } = services;
  const supervisor = actors.get('cm_supervisor')!;
  const office = actors.get('cm_office')!;
  const liaison = actors.get('cm_liaison')!;
  const today = todayInChina();
  const past = visits.filter((v) => v.visitDate < today);
  if (past.length === 0) return { created: 0 };
  const atLiaison = past.filter((v) => v.unitId === liaison.unitId);
  const others = past.filter((v) => v.unitId !== liaison.unitId);
  const pick = (list: DemoVisit[], i: number) => (list.length ? list[i % list.length] : past[i % past.length]);

  /** Records as the supervisor, or as the organiser's office where he is not of the visit's group. */
  async function record(visit: DemoVisit, f: Finding) {
    const input = { ...f, unitId: visit.unitId };
    try {
      return { finding: await service.create(supervisor, visit.id, input), reviewer: supervisor };
    } catch (e) {
      if (!(e instanceof AppError && e.status === 403)) throw e;
      return { finding: await service.create(office, visit.id, input), reviewer: office };
    }
  }
  /** A deadline already passed on a visit before today: three days ago, or the visit's day. */
  const passed = (v: DemoVisit) => {
    const d = shiftDate(today, -3);
    return d >= v.visitDate ? d : v.visitDate;
  };

  let created = 0;
  for (const [i, f] of NOTED.entries()) {
    await record(pick(others, i), f);
    created++;
  }
  await record(pick(others, 2), { ...OPEN, deadline: shiftDate(today, 15) });
  await record(pick(atLiaison, 0), { ...OPEN_AT_LIAISON, deadline: shiftDate(today, 12) });
  await record(pick(others, 3), { ...OVERDUE[0], deadline: passed(pick(others, 3)) });
  await record(pick(atLiaison, 1), { ...OVERDUE[1], deadline: passed(pick(atLiaison, 1)) });
  created += 4;

  // The answered ones: only the unit itself answers, so they are at 城桥所's visits.
  const answering = atLiaison.length ? atLiaison : [];
  for (const [i, f] of ANSWERED.entries()) {
    if (!answering.length) break;
    const visit = pick(answering, i);
    const { reply, ...finding } = f;
    const { finding: opened, reviewer } = await record(visit, { ...finding, deadlineWorkingDays: 10 });
    created++;
    const replied = await service.reply(liaison, opened.id, { text: reply, version: opened.version });
    if (i === 0) continue; // awaiting 复查
    if (i === 1) {
      const returned = await service.return(reviewer, opened.id, {
        reason: '抽查记录未附冷库名单和查验照片，请补充后重新报送',
        deadline: shiftDate(today, 7),
        version: replied.version,
      });
      await service.reply(liaison, opened.id, {
        text: `${reply}现补充冷库名单及查验照片。`,
        version: returned.version,
      });
      continue; // returned once, answered again: awaiting 复查
    }
    await service.close(reviewer, opened.id, { text: '经复查，整改到位，予以销号。', version: replied.version });
  }
  return { created };
}
