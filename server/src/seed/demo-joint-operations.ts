import type { Actor } from '../platform/actor';
import { todayInChina } from '../platform/today';
import { reportDeadlines } from '../modules/campaigns/report-deadlines';
import { shiftDate } from '../modules/calendar/working-days';
import type { Services } from '../services';

/**
 * 联合执法 and 联席会议 in 崇明区局's 铁拳 implementation plan (seeds 002, 004: 会同公安、卫生…等部门开展联合执法
 * 行动; 行刑衔接): the 执法大队 with 公安 and 农业农村 on 农资, the bureau with 公安 and 卫健 on food round
 * the schools, and a 行刑衔接联席会议 with 公安 and the 检察院. They fall in the last month whose monthly
 * report is due, so the 工作简报 the demo saves over that month counts them in its sentence
 * ("会同公安、农业农村、卫健等部门开展联合执法行动2次…").
 */
export async function seedDemoJointOperations(
  services: Services,
  people: { office: Actor; handler: Actor },
  ids: Map<string, string>,
  districtCampaignId: string,
) {
  const { jointOperationsService, campaignsService } = services;
  const campaign = await campaignsService.get(people.office, districtCampaignId);
  const monthly = campaign.reportSchedules.find((s) => s.kind === 'monthly');
  const today = todayInChina();
  const last = reportDeadlines(campaign)
    .filter((d) => d.scheduleId === monthly?.id && d.dueDate < today)
    .at(-1);
  // The first days of that month (or, before any report was due, the last weeks).
  const first = last ? `${last.periodEnd.slice(0, 7)}-01` : shiftDate(today, -25);
  const day = (n: number) => shiftDate(first, n);

  await jointOperationsService.create(people.handler, {
    unitId: ids.get('CM-ZFDD')!,
    campaignId: districtCampaignId,
    kind: 'joint_action',
    title: '农资市场联合执法检查',
    startDate: day(5),
    endDate: day(6),
    departments: ['police', 'agriculture'],
    departmentNames: '崇明公安分局治安支队、区农业农村委执法大队',
    leadDepartment: 'self',
    location: '城桥镇、堡镇农资经营集中区',
    content:
      '联合检查全区农资经营门店和仓库，重点检查种子、化肥、农药的进货查验记录、标签标识和经营资质，对涉嫌假劣农资现场抽样。',
    results: '现场查扣涉嫌假冒复合肥42袋，责令整改3户，对2户立案查处，涉嫌犯罪线索已通报公安机关。',
    staffDeployed: 36,
    entitiesInspected: 48,
    problemsFound: 6,
    casesFiled: 2,
  });
  await jointOperationsService.create(people.office, {
    unitId: ids.get('CM')!,
    campaignId: districtCampaignId,
    kind: 'joint_action',
    title: '校园周边食品安全联合执法行动',
    startDate: day(12),
    departments: ['police', 'health', 'education'],
    departmentNames: '崇明公安分局、区卫健委、区教育局',
    leadDepartment: 'self',
    location: '全区中小学校周边',
    content: '对中小学校周边食品经营户开展拉网式检查，查看食品来源、保质期和“三无”食品，同时检查学校食堂原料进货台账。',
    results: '下架过期及“三无”食品86件，责令整改5户，立案查处1起。',
    staffDeployed: 52,
    entitiesInspected: 73,
    problemsFound: 9,
    casesFiled: 1,
  });
  await jointOperationsService.create(people.office, {
    unitId: ids.get('CM')!,
    campaignId: districtCampaignId,
    kind: 'joint_meeting',
    title: '行刑衔接联席会议',
    startDate: day(19),
    departments: ['police', 'procuratorate'],
    departmentNames: '崇明公安分局、崇明区人民检察院',
    leadDepartment: 'procuratorate',
    location: '区检察院第二会议室',
    content: '通报“铁拳”行动以来涉嫌犯罪案件移送和立案情况，研究假冒农资案件的证据固定和涉案物品检验鉴定标准。',
    results: '三方对2起在办案件的移送时机达成一致。',
    attendees: '区检察院第四检察部、公安分局经侦支队、区市场监管局执法大队和执法监督管理科',
    decisions:
      '一、建立涉嫌犯罪案件线索季度通报机制；二、公安机关对重大案件提前介入；三、下次会议于下季度初由区市场监管局召集。',
  });
}
