import type { Actor } from '../platform/actor';
import { todayInChina } from '../platform/today';
import type { Services } from '../services';
import type { EvidenceLink } from '../modules/recognition/recognition-kinds';

/** What each nomination of the demo says, and the office's verdict (null: still awaiting it). */
const NOMINATIONS: { match: string; reason: string; verdict: { selected: boolean; reason: string } | null }[] = [
  {
    match: '销售过期食品',
    reason: '群众举报线索查实，当事人主观故意明显，罚没到位，对农村集镇食品店有警示作用。',
    verdict: { selected: true, reason: '事实清楚、证据充分，处罚适当，具有典型警示意义，入选食品安全类典型案例。' },
  },
  {
    match: '侵犯注册商标',
    reason: '打击农村市场假冒知名品牌白酒，溯源追查上游供货渠道，社会关注度高。',
    verdict: { selected: true, reason: '溯源查处、跨区域协作，入选知识产权类典型案例。' },
  },
  {
    match: '虚假广告',
    reason: '保健品虚假宣传侵害老年人权益，案值较大。',
    verdict: { selected: false, reason: '案件尚在调查中，违法事实有待固定，待办结后可再推荐。' },
  },
  {
    match: '电梯',
    reason: '特种设备安全隐患及时消除，群众反映良好。',
    verdict: null,
  },
];

/**
 * 典型案例评选, 表彰 and 问责 of the district's 铁拳 plan (seed 000: 评选出典型案例……表彰先进集体和先进
 * 个人……实行问责; seed 004: 办案能手 → 执法人才库): the district's second office officer nominates four
 * cases of 崇明's units, the office selects two, declines one with its reason and leaves one
 * awaiting; a 先进集体 (城桥所), a 办案能手 (in the talent pool) and a 通报批评 citing an overdue 整改.
 */
export async function seedDemoRecognition(
  services: Services,
  people: { office: Actor; office2: Actor; leader: Actor; handler: Actor },
  ids: Map<string, string>,
  districtCampaignId: string,
) {
  const { typicalSelectionService, commendationsService, casesService, rectificationLedger } = services;
  const all = (
    await casesService.list(people.office, { campaignId: districtCampaignId, page: 1, pageSize: 100 } as never)
  ).items as { id: string; name: string; unitId: string }[];
  const nominated: { id: string; caseId: string }[] = [];
  for (const n of NOMINATIONS) {
    const c = all.find((x) => x.name.includes(n.match));
    if (!c) continue;
    const row = await typicalSelectionService.nominate(people.office2, districtCampaignId, {
      caseId: c.id,
      reason: n.reason,
      markTypical: true,
    });
    nominated.push({ id: row.id, caseId: c.id });
    if (n.verdict)
      await typicalSelectionService.decide(people.office, row.id, {
        decision: n.verdict.selected ? 'selected' : 'not_selected',
        reason: n.verdict.reason,
        version: row.version,
      });
  }
  const caseLinks = (unitId?: string): EvidenceLink[] =>
    all
      .filter((c) => !unitId || c.unitId === unitId)
      .slice(0, 2)
      .map((c) => ({ type: 'case', id: c.id }));
  const year = todayInChina().slice(0, 4);

  await commendationsService.commendations.create(people.leader, districtCampaignId, {
    kind: 'advanced_collective',
    unitId: ids.get('CM-CQS')!,
    reason: '专项行动中主动排查农村集市风险，查办假冒白酒等案件成效显著，信息报送及时准确。',
    evidence: caseLinks(ids.get('CM-CQS')),
    decidedOn: todayInChina(),
    documentNumber: `崇市监〔${year}〕12号`,
  });
  await commendationsService.commendations.create(people.leader, districtCampaignId, {
    kind: 'case_expert',
    unitId: people.handler.unitId!,
    userId: people.handler.userId,
    reason: '承办多起食品安全和商标侵权案件，办案规范，案卷评查成绩优秀。',
    evidence: nominated.slice(0, 2).map((n) => ({ type: 'case' as const, id: n.caseId })),
    decidedOn: todayInChina(),
    documentNumber: `崇市监〔${year}〕12号`,
  });

  // 问责: a unit whose 整改 is overdue, cited as the evidence.
  const overdue = (
    await rectificationLedger.list(people.office, {
      campaignId: districtCampaignId,
      overdue: true,
      page: 1,
      pageSize: 1,
    })
  ).items[0] as { id: string; unitId: string } | undefined;
  if (overdue)
    await commendationsService.accountability.create(people.leader, districtCampaignId, {
      measure: 'circulated_criticism',
      unitId: overdue.unitId,
      reason: '督查发现问题逾期未完成整改，未按要求报送整改报告，予以通报批评。',
      evidence: [{ type: 'rectification', id: overdue.id }],
      decidedOn: todayInChina(),
    });
  return { nominations: nominated.length };
}
