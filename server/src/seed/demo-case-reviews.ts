import { randomBytes } from 'node:crypto';
import type { Actor } from '../platform/actor';
import { systemActor } from '../platform/actor';
import { todayInChina } from '../platform/today';
import type { Services } from '../services';

/**
 * 案卷评查 in 崇明区局's plan (seed 004: 执法办案质量评估): two more decided cases (城桥所, 堡镇所) beside
 * the 执法大队's, an exercise of the district drawing their files, scored crosswise by people of other
 * units — and one file still to score by 城桥所's liaison, so it waits in her 我的待办.
 * `roundId` links the exercise to a 督查 round when the rounds exist.
 */
export async function seedDemoCaseReviews(
  services: Services,
  people: { office: Actor; leader: Actor; reviewer: Actor; liaison: Actor; handler: Actor; supervisor: Actor },
  ids: Map<string, string>,
  campaignId: string,
  year: number,
  roundId?: string,
) {
  const { casesService, caseReviewsService, usersService } = services;
  const today = todayInChina();
  const daysAgo = (n: number) => new Date(Date.parse(`${today}T00:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);
  const bzHandler = await usersService.create(
    systemActor,
    {
      username: 'cm_bz_handler',
      password: `${randomBytes(12).toString('base64url')}Aa1`,
      displayName: '张永明',
      unitId: ids.get('CM-BZS')!,
      roles: ['handler'],
    },
    { mustChangePassword: true },
  );
  const specs = [
    {
      unitCode: 'CM-CQS',
      n: 101,
      name: '崇明某超市销售标签不符合规定的预包装食品案',
      partyName: '上海崇明某超市有限公司',
      investigatorId: people.liaison.userId,
      fine: '5000.00',
    },
    {
      unitCode: 'CM-BZS',
      n: 102,
      name: '崇明某建材店销售不合格电线电缆案',
      partyName: '上海崇明某建材经营部',
      investigatorId: bzHandler.id,
      fine: '12000.00',
    },
  ];
  for (const s of specs) {
    let c = await casesService.create(people.office, {
      unitId: ids.get(s.unitCode)!,
      campaignId,
      categoryCode: s.unitCode === 'CM-CQS' ? 'food' : 'product_quality',
      caseNumber: `沪市监崇处〔${year}〕${s.n}号`,
      name: s.name,
      partyKind: 'company',
      partyName: s.partyName,
      filingDate: daysAgo(80),
      amountInvolved: '3000.00',
      fine: s.fine,
      confiscated: '0',
      lossesRecovered: '0',
      compensation: '0',
      mediated: false,
      penalized: false,
      otherMeasures: [],
      transferredToJudiciary: false,
      transferredToPolice: false,
      published: false,
      online: false,
      rural: true,
      typical: false,
      filingApproverId: people.leader.userId,
      investigatorId: s.investigatorId,
      penaltyContent: `责令改正，罚款${s.fine}元。`,
      summary: `${s.partyName}涉嫌${s.name.replace(/^崇明某.*?(销售)/, '$1').replace(/案$/, '')}，经立案调查属实。`,
    } as never);
    for (const [to, who] of [
      ['investigation', people.office],
      ['review', people.office],
      ['notice', people.reviewer],
      ['decided', people.leader],
    ] as const)
      c = await casesService.moveStage(who, c.id, {
        to,
        version: c.version,
        note: null,
        decisionDate: to === 'decided' ? daysAgo(30) : undefined,
        penalized: to === 'decided' ? true : undefined,
      } as never);
  }

  const created = await caseReviewsService.create(people.office, campaignId, {
    organizerUnitId: ids.get('CM')!,
    title: `${year}年执法办案质量评估（第一批）`,
    startDate: daysAgo(10),
    endDate: daysAgo(-10),
    filesPerUnit: 2,
    roundId: roundId ?? null,
  });
  const drawn = await caseReviewsService.draw(people.office, created.id, { version: created.version });
  // 交叉检查: the 所's files by the 执法大队, the 执法大队's by 城桥所 (one of them left to score) and 区局's 法制审核.
  const reviewerOf = (unitId: string, i: number) =>
    unitId === ids.get('CM-ZFDD') ? (i === 0 ? people.liaison : people.reviewer) : people.handler;
  const remarks = ['询问笔录未逐页签名', '证据目录与案卷材料不一致', '处罚决定书未载明复议期限', ''];
  const perUnit = new Map<string, number>();
  const sheet = drawn.sheet.items;
  let n = 0;
  for (const f of drawn.files) {
    const i = perUnit.get(f.unitId) ?? 0;
    perUnit.set(f.unitId, i + 1);
    const reviewer = reviewerOf(f.unitId, i);
    const assigned = await caseReviewsService.assign(people.office, f.id, {
      reviewerId: reviewer.userId,
      version: f.version,
    });
    // 城桥所's liaison still has her file to score (待我评查).
    if (reviewer === people.liaison) continue;
    n += 1;
    await caseReviewsService.score(reviewer, f.id, {
      scores: sheet.map((item) => {
        const lost =
          item.key === 'evidence'
            ? 2 + (n % 3)
            : item.key === 'documents'
              ? n % 2
              : item.key === 'procedure'
                ? (n + 1) % 3
                : 0;
        return { key: item.key, points: item.maxPoints - lost, remark: lost > 0 ? remarks[n % remarks.length] : '' };
      }),
      remarks: '案卷材料基本齐全，程序基本合法。',
      submit: true,
      version: assigned.version,
    });
  }
  return created.id;
}
