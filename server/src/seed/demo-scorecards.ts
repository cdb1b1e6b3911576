import type { Actor } from '../platform/actor';
import { todayInChina } from '../platform/today';
import type { Services } from '../services';

/**
 * 考核评分 of 崇明区局's plan (seed 004: 本次行动落实情况及相关案件查办情况将纳入本局年度执法办案业务考核;
 * 典型案例查办和上报情况将作为评估各部门“铁拳”行动成效的主要依据): the office's scheme over the cases, the
 * reports, 整改 and 案卷评查 the demo holds, and its results published from the plan's start to today.
 */
export async function seedDemoScorecards(services: Services, office: Actor, campaignId: string) {
  const { scorecardsService } = services;
  const scheme = await scorecardsService.create(office, campaignId, {
    name: '“铁拳”行动成效考核方案',
    indicators: [
      { kind: 'cases_filed', label: '立案数', weight: 30, rule: 'share_of_max' },
      { kind: 'fines', label: '罚没款', weight: 20, rule: 'rank' },
      { kind: 'typical_submitted', label: '典型案件报送', weight: 10, rule: 'per_record', pointsEach: 5 },
      { kind: 'report_timeliness', label: '信息报送及时率', weight: 15, rule: 'target', target: 0.9 },
      { kind: 'rectification_closure', label: '整改销号率', weight: 15, rule: 'target', target: 1 },
      { kind: 'case_review_score', label: '案卷评查平均分', weight: 10, rule: 'share_of_max' },
    ],
  });
  const live = await scorecardsService.scorecard(office, scheme.id, {});
  const today = todayInChina();
  await scorecardsService.publish(office, scheme.id, {
    from: live.from,
    to: today >= live.from && today <= live.to ? today : live.to,
    note: '阶段性考核结果，纳入年度执法办案业务考核',
    version: scheme.version,
  });
  return scheme.id;
}
