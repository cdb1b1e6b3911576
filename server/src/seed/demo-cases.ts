import type { Actor } from '../platform/actor';
import type { Services } from '../services';
import { todayInChina } from '../platform/today';

/**
 * The demo's ledger: cases of 崇明区局's implementation plan at every stage and in several
 * categories, and 12315 leads — one already turned into its case, one due soon, one overdue — so
 * a newcomer lands on filled pages. Dates count back from today, so the clocks show running, due-soon and overdue records whenever the demo is created.
 */
export async function seedDemoCases(
  services: Services,
  people: { office: Actor; handler: Actor; reviewer: Actor; leader: Actor; secondHandler: Actor },
  ids: Map<string, string>,
  campaignId: string,
  year: number,
) {
  const { casesService, leadsService } = services;
  const unitId = ids.get('CM-ZFDD')!;
  const base = {
    unitId,
    campaignId,
    partyKind: 'company' as const,
    filingApproverId: people.leader.userId,
    investigatorId: people.handler.userId,
    mediated: false,
    penalized: false,
    otherMeasures: [],
    published: false,
    typical: false,
    partyCreditCode: null,
    licenceInfo: null,
    chainStage: null,
    otherProvinces: null,
    penaltyContent: null,
    transferredToJudiciary: false,
    judiciaryTransferDate: null,
    transferredToPolice: false,
    policeTransferDate: null,
    notifiedTo: null,
    notificationDate: null,
    summary: null,
    contactName: '黄志强',
    contactPhone: '021-69611021',
    supervisionLevel: null,
    supervisingUnitId: null,
    supervisionDeadline: null,
    compensation: '0',
  };
  const specs = [
    {
      n: 1,
      categoryCode: 'food',
      name: '崇明某食品店销售过期食品案',
      partyName: '上海崇明某食品商店',
      ago: 190,
      amount: '8600.00',
      fine: '20000.00',
      conf: '860.00',
      stages: 6,
      online: false,
      rural: true,
      typical: true,
    },
    {
      n: 2,
      categoryCode: 'food',
      name: '某餐饮公司使用超过保质期食品原料案',
      partyName: '上海某餐饮管理有限公司',
      ago: 167,
      amount: '3200.50',
      fine: '15000.00',
      conf: '0',
      stages: 5,
      online: false,
      rural: false,
    },
    {
      n: 3,
      categoryCode: 'ip',
      name: '某商行销售侵犯注册商标专用权白酒案',
      partyName: '崇明某商行',
      ago: 145,
      amount: '56000.00',
      fine: '120000.00',
      conf: '4500.00',
      stages: 4,
      online: true,
      rural: true,
      judiciary: 70,
    },
    {
      n: 4,
      categoryCode: 'advertising',
      name: '某保健品公司发布虚假广告案',
      partyName: '上海某生物科技有限公司',
      ago: 99,
      amount: '21000.00',
      fine: '0',
      conf: '0',
      stages: 2,
      online: true,
      rural: false,
    },
    {
      n: 5,
      categoryCode: 'special_equipment',
      name: '某物业公司使用未经定期检验电梯案',
      partyName: '上海某物业管理有限公司',
      ago: 84,
      amount: '0',
      fine: '0',
      conf: '0',
      stages: 1,
      online: false,
      rural: false,
    },
    {
      n: 6,
      categoryCode: 'product_quality',
      name: '某农资经营部销售不合格化肥案',
      partyName: '崇明某农资经营部',
      ago: 47,
      amount: '12800.00',
      fine: '0',
      conf: '0',
      stages: 0,
      online: false,
      rural: true,
    },
  ];
  const today = todayInChina();
  const daysAgo = (n: number) => new Date(Date.parse(`${today}T00:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);
  const MOVES = ['investigation', 'review', 'notice', 'decided', 'execution', 'closed'] as const;
  const lastMonth = new Date(Date.UTC(Number(today.slice(0, 4)), Number(today.slice(5, 7)) - 2, 15));
  const midLastMonth = lastMonth.toISOString().slice(0, 10);
  const weekAfterMidLastMonth = new Date(lastMonth.getTime() + 7 * 86_400_000).toISOString().slice(0, 10);
  const filed = new Map<number, { id: string; version: number }>();
  for (const s of specs) {
    const filingDate = daysAgo(s.ago);
    // Filed in the past and approved then: registered (登记) by the office.
    let c = await casesService.create(people.office, {
      ...base,
      categoryCode: s.categoryCode,
      caseNumber: `沪市监崇处〔${year}〕${String(s.n).padStart(3, '0')}号`,
      name: s.name,
      partyName: s.partyName,
      filingDate,
      amountInvolved: s.amount,
      fine: s.fine,
      confiscated: s.conf,
      lossesRecovered: s.n === 1 ? '3000.00' : '0',
      online: s.online,
      rural: s.rural,
      typical: Boolean(s.typical),
      transferredToJudiciary: Boolean(s.judiciary),
      judiciaryTransferDate: s.judiciary ? daysAgo(s.judiciary) : null,
      supervisionLevel: s.n === 3 ? 'superior' : null,
      // 区局 supervises the 执法大队's case.
      supervisingUnitId: s.n === 3 ? ids.get('CM')! : null,
      penaltyContent:
        s.stages >= 4 && s.fine !== '0'
          ? `责令改正，${s.conf !== '0' ? `没收违法所得${s.conf}元，` : ''}罚款${s.fine}元。`
          : null,
      licenceInfo: s.categoryCode === 'food' ? '食品经营许可证（有效期内）' : null,
      chainStage: 'distribution',
      otherMeasures: s.n === 1 ? ['约谈'] : [],
      supervisionDeadline: s.n === 3 ? daysAgo(-30) : null,
      summary: `${s.partyName}涉嫌${s.name.replace(/^.*?(销售|使用|发布)/, '$1').replace(/案$/, '')}，经立案调查属实。`,
    });
    for (const to of MOVES.slice(0, s.stages)) {
      // The head records the decision and signs 结案 himself (结案审批).
      const who =
        to === 'notice' ? people.reviewer : to === 'decided' || to === 'closed' ? people.leader : people.handler;
      const day = (k: number) => daysAgo(s.ago - k);
      c = await casesService.moveStage(who, c.id, {
        to,
        version: c.version,
        note: null,
        decisionDate: to === 'decided' ? day(40) : undefined,
        penalized: to === 'decided' ? true : undefined,
        executorId: to === 'execution' ? people.secondHandler.userId : undefined,
        // Closed in the middle of last month: the 执法大队 shows a closed typical case in the monthly quota.
        closingDate: to === 'closed' ? midLastMonth : undefined,
      });
    }
    filed.set(s.n, c);
  }
  await seedDemoExtensions(services, people, filed);
  // 立案审批: a case the handler asked to file, awaiting cm_leader (待我审批); filed when he approves.
  await casesService.requestFiling(people.handler, {
    ...base,
    categoryCode: 'food',
    caseNumber: `沪市监崇处〔${year}〕008号`,
    name: '崇明某餐饮店使用过期食品原料案',
    partyName: '上海崇明某餐饮店',
    filingDate: today,
    amountInvolved: '1200.00',
    fine: '0',
    confiscated: '0',
    lossesRecovered: '0',
    online: false,
    rural: true,
    licenceInfo: '食品经营许可证（有效期内）',
    summary: '日常检查发现该店后厨存放超过保质期的食品原料，拟立案调查。',
  });
  // 结案审批: case no. 2's decision is carried out; its handler asks cm_leader to sign the closing (待我审批).
  const executing = filed.get(2)!;
  await casesService.moveStage(people.handler, executing.id, {
    to: 'closed',
    version: executing.version,
    note: '罚款已缴清，责令改正已落实',
    closingDate: today,
  });

  const calendar = await services.calendarService.calendar();
  const leadBase = {
    unitId,
    campaignId,
    source: 'complaint' as const,
    important: false,
    handlerIds: [people.handler.userId],
    complainantIdNumber: null,
  };
  const lead = (n: number, over: Record<string, unknown>) =>
    leadsService.create(people.handler, {
      ...leadBase,
      sourceNumber: `12315-${year}-0${n}`,
      categoryCode: 'food',
      ...over,
    } as never);
  // One lead became case no. 7 (诉转案). Important, received in the middle of last month: with the
  // typical case closed then, the 执法大队 meets last month's quota whatever today's date.
  const complaint = await lead(1, {
    receivedDate: midLastMonth,
    partyName: '崇明某超市',
    description: '消费者反映购买的牛奶已过保质期。',
    complainantName: '陈建华',
    complainantPhone: '13917261234',
    important: true,
  });
  // Filed last month by the office (a handler's filing is a 立案审批 request).
  await leadsService.decide(people.office, complaint.id, {
    outcome: 'file',
    version: complaint.version,
    case: {
      ...base,
      categoryCode: 'food',
      caseNumber: `沪市监崇处〔${year}〕007号`,
      name: '崇明某超市销售过期牛奶案',
      partyName: '崇明某超市',
      filingDate: weekAfterMidLastMonth,
      amountInvolved: '460.00',
      fine: '0',
      confiscated: '0',
      lossesRecovered: '0',
      online: false,
      rural: true,
    },
  } as never);
  // Still being verified: one due within days, one past its 15 working days.
  let soon = today;
  for (let back = 0; calendar.addWorkingDays(soon, 15).date > calendar.addWorkingDays(today, 2).date; back++)
    soon = daysAgo(back);
  const dueSoon = await lead(2, {
    receivedDate: soon,
    categoryCode: 'ip',
    partyName: '崇明某烟酒店',
    description: '举报该店销售假冒品牌白酒。',
    source: 'report',
    complainantName: '王芳',
    complainantPhone: '13601781234',
  });
  // Its handler asked for the one extension (申请延期): waiting for cm_leader (待我审批).
  await leadsService.changeClock(people.handler, dueSoon.id, {
    kind: 'extend',
    reason: '涉案白酒已送检鉴定真伪，鉴定结论尚未出具',
    version: dueSoon.version,
  });
  await lead(3, {
    receivedDate: daysAgo(82),
    categoryCode: 'advertising',
    partyName: '某直播带货账号',
    description: '网络直播宣称保健食品可治疗糖尿病。',
    source: 'monitoring',
    complainantName: null,
    complainantPhone: null,
    handlerIds: [people.handler.userId],
  });
  const notFiled = await lead(4, {
    receivedDate: daysAgo(105),
    partyName: '崇明某面包房',
    description: '投诉面包含异物。',
    complainantName: '刘洋',
    complainantPhone: '13512345678',
  });
  await leadsService.decide(people.handler, notFiled.id, {
    outcome: 'not_file',
    version: notFiled.version,
    decidedDate: daysAgo(91),
    note: '经现场核查及抽样检验，未发现违法行为。',
  });
}

/**
 * 办案期限延长 asked for by the handler and decided by the 局领导: case no. 6's 30 days approved by
 * cm_leader (in its history), case no. 5's, due within days, awaiting cm_leader (待我审批).
 */
async function seedDemoExtensions(
  services: Services,
  people: { handler: Actor; leader: Actor },
  filed: Map<number, { id: string; version: number }>,
) {
  const ask = (n: number, reason: string) =>
    services.casesService.changeClock(people.handler, filed.get(n)!.id, {
      kind: 'approved_extension',
      days: 30,
      reason,
      version: filed.get(n)!.version,
    });
  const approved = await ask(6, '涉案化肥需送省级机构检验，检验周期较长');
  const [request] = approved.approvals;
  await services.approvalsService.decide(people.leader, request.id, {
    decision: 'approve',
    comment: '同意延长30日，抓紧送检',
    version: request.version,
  });
  await ask(5, '当事人下落不明，需协查后再作决定');
}
