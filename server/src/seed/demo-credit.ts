import type { Actor } from '../platform/actor';
import { creditCodeCheckChar } from '../platform/credit-code';
import { todayInChina } from '../platform/today';
import type { Services } from '../services';
import { shiftDate } from '../modules/calendar/working-days';
import { latestDecisionDueBy, publicationDue } from '../modules/credit/publication-due';

const code = (body17: string) => `${body17}${creditCodeCheckChar(body17)}`;

/**
 * 信用监管 (issue 20): 崇明's penalty decisions in the 行政处罚信息公示台账 — published on time, one
 * published late (补公示), one overdue (case no. 3) and one falling due within days (a case decided
 * for it here) — a 严重违法失信名单 entry on case no. 3, and two 经营异常名录 entries, one removed by
 * 信用修复. Dates count back from today, so the statuses hold whenever the demo is created.
 */
export async function seedDemoCredit(
  services: Services,
  people: { office: Actor; handler: Actor; reviewer: Actor; leader: Actor },
  ids: Map<string, string>,
  campaignId: string,
  year: number,
) {
  const { casesService, creditService } = services;
  const cal = await services.calendarService.calendar();
  const today = todayInChina();
  // A case decided so that its publication falls due in three working days: 待公示, in the office's inbox.
  const decisionDate = latestDecisionDueBy(cal, cal.addWorkingDays(today, 3).date);
  let c = await casesService.create(people.office, {
    unitId: ids.get('CM-ZFDD')!,
    campaignId,
    categoryCode: 'food',
    caseNumber: `沪市监崇处〔${year}〕021号`,
    name: '崇明某超市销售标签不符合规定的预包装食品案',
    partyKind: 'company',
    partyName: '上海崇明某超市有限公司',
    partyCreditCode: code('91310230MA1K3C7D2'),
    filingDate: shiftDate(decisionDate, -35),
    amountInvolved: '4300.00',
    fine: '8000.00',
    confiscated: '430.00',
    lossesRecovered: '0',
    compensation: '0',
    mediated: false,
    penaltyContent: '责令改正，没收违法所得430元，罚款8000元。',
    otherMeasures: [],
    published: false,
    typical: false,
    online: false,
    rural: true,
    licenceInfo: '食品经营许可证（有效期内）',
    chainStage: 'distribution',
    otherProvinces: null,
    transferredToJudiciary: false,
    judiciaryTransferDate: null,
    transferredToPolice: false,
    policeTransferDate: null,
    notifiedTo: null,
    notificationDate: null,
    summary: '上海崇明某超市有限公司销售标签未标注生产日期的预包装食品，经立案调查属实。',
    contactName: '黄志强',
    contactPhone: '021-69611021',
    supervisionLevel: null,
    supervisingUnitId: null,
    supervisionDeadline: null,
    filingApproverId: people.leader.userId,
    investigatorId: people.handler.userId,
  });
  for (const to of ['investigation', 'review', 'notice', 'decided'] as const) {
    const who = to === 'notice' ? people.reviewer : to === 'decided' ? people.leader : people.handler;
    c = await casesService.moveStage(who, c.id, {
      to,
      version: c.version,
      note: null,
      decisionDate: to === 'decided' ? decisionDate : undefined,
      penalized: to === 'decided' ? true : undefined,
    });
  }

  // Every other decision of 崇明 published in time, but case no. 2 (late) and no. 3 (overdue, not published).
  const ledger = await creditService.ledger(people.office, { page: 1, pageSize: 200 });
  const overdueCase = ledger.items.find((r) => r.caseNumber === `沪市监崇处〔${year}〕003号`);
  for (const r of ledger.items) {
    if (r.caseId === c.id || r === overdueCase || r.status === 'done') continue;
    const late = r.caseNumber === `沪市监崇处〔${year}〕002号`;
    const on = late
      ? cal.addWorkingDays(publicationDue(cal, r.decisionDate), 6).date
      : cal.addWorkingDays(r.decisionDate, 8).date;
    await creditService.recordPublication(people.office, {
      caseId: r.caseId,
      publishedDate: on > today ? today : on,
      channel: late ? '本局门户网站' : '国家企业信用信息公示系统',
      reference: late ? 'https://scjgj.sh.gov.cn/cm/xzcf' : `GSXT-310151-${r.decisionDate.replaceAll('-', '')}`,
    });
  }

  const district = ids.get('CM')!;
  if (overdueCase)
    await creditService.createListing(people.office, {
      listKind: 'serious',
      entityName: overdueCase.partyName,
      creditCode: code('92310230MA1K8T6P3'),
      caseId: overdueCase.caseId,
      reasonText: '销售侵犯注册商标专用权的白酒，货值金额较大，已移送司法机关，属侵犯知识产权的严重违法行为。',
      basis: '《市场监督管理严重违法失信名单管理办法》（国家市场监督管理总局令第44号）',
      decisionNumber: `沪市监崇信〔${year}〕1号`,
      listedDate: shiftDate(overdueCase.decisionDate, 10),
      unitId: district,
    });
  await creditService.createListing(people.office, {
    listKind: 'abnormal',
    entityName: '上海崇明某贸易有限公司',
    creditCode: code('91310230MA1K5T9R6'),
    abnormalReason: 'annual_report',
    decisionNumber: `沪市监崇异〔${year}〕3号`,
    listedDate: shiftDate(today, -75),
    unitId: district,
  });
  const repaired = await creditService.createListing(people.office, {
    listKind: 'abnormal',
    entityName: '上海崇明某农产品专业合作社',
    creditCode: code('93310230MA1K2N4H8'),
    abnormalReason: 'unreachable',
    decisionNumber: `沪市监崇异〔${year}〕1号`,
    listedDate: shiftDate(today, -200),
    unitId: district,
  });
  await creditService.removeListing(people.office, repaired.id, {
    removedDate: shiftDate(today, -30),
    removalKind: '信用修复',
    removalBasis:
      '当事人已办理住所变更登记，经核查通过登记的住所可以取得联系，依据《企业经营异常名录管理暂行办法》第十一条移出经营异常名录。',
    version: repaired.version,
  });
}
