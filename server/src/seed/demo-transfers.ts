import type { Actor } from '../platform/actor';
import { systemActor } from '../platform/actor';
import { todayInChina } from '../platform/today';
import { shiftDate } from '../modules/calendar/working-days';
import { caseInputSchema } from '../modules/cases/case.types';
import type { Services } from '../services';

const daysAgo = (n: number) => shiftDate(todayInChina(), -n);

/**
 * 行刑衔接 in 崇明's 铁拳 ledger (issue 20), on the 执法大队's cases:
 * - the 白酒商标 case (移送司法 70 days ago): its transfer to 上海市公安局崇明分局, 受理 and 立案;
 * - the 保健品虚假广告 case (督办: “正在整理移送材料”): transferred to the police two days ago,
 *   the answer pending (催办日期 3 working days after);
 * - 涉刑移送标准 for 侵犯知识产权 and 产品质量 (立案追诉标准（一）), and the 化肥 case, whose 销售金额
 *   came to 6.8万元 on investigation, over it and not transferred: 涉刑不移 on the case and in the inbox;
 * - a lead (农资 sold without a licence for 种子) handed over to 崇明区农业农村委员会, answered 已受理.
 */
export async function seedDemoTransfers(
  services: Services,
  people: { office: Actor; handler: Actor },
  ids: Map<string, string>,
  campaignId: string,
  year: number,
) {
  const { casesService, transfersService, criminalThresholdsService, leadsService } = services;
  const caseNamed = async (q: string) =>
    (await casesService.list(people.office, { campaignId, q, page: 1, pageSize: 1 })).items[0]?.id;

  await criminalThresholdsService.create(systemActor, {
    categoryCode: 'ip',
    minAmount: '50000',
    description: '销售明知是假冒注册商标的商品，销售金额在五万元以上',
    source: '《最高人民检察院 公安部关于公安机关管辖的刑事案件立案追诉标准的规定（一）》第六十九条',
  });
  await criminalThresholdsService.create(systemActor, {
    categoryCode: 'product_quality',
    minAmount: '50000',
    description: '生产、销售伪劣产品，销售金额在五万元以上',
    source: '《最高人民检察院 公安部关于公安机关管辖的刑事案件立案追诉标准的规定（一）》第十六条',
  });
  const police = { receiverKind: 'police' as const, receiverName: '上海市公安局崇明分局' };
  const materials = ['涉嫌犯罪案件移送书', '涉嫌犯罪案件情况的调查报告', '涉案物品清单', '有关检验报告或者鉴定意见'];

  const liquor = await caseNamed('白酒');
  if (liquor) {
    let t = await transfersService.transferCase(people.handler, liquor, {
      ...police,
      transferDate: daysAgo(70),
      documentNumber: `沪市监崇移〔${year}〕1号`,
      reason: '当事人销售假冒注册商标的白酒，销售金额5.6万元，达到立案追诉标准，涉嫌销售假冒注册商标的商品罪。',
      materials,
    });
    t = await transfersService.reply(people.handler, t.id, {
      outcome: 'accepted',
      replyDate: daysAgo(69),
      version: t.version,
    });
    await transfersService.reply(people.handler, t.id, {
      outcome: 'filed',
      replyDate: daysAgo(63),
      reason: '崇明分局经侦支队已立案侦查（立案决定书 沪公崇立字〔' + year + '〕号）',
      version: t.version,
    });
  }

  const advert = await caseNamed('虚假广告');
  if (advert)
    await transfersService.transferCase(people.handler, advert, {
      ...police,
      transferDate: daysAgo(2),
      documentNumber: `沪市监崇移〔${year}〕2号`,
      reason: '当事人经直播间向多省销售宣称可治疗糖尿病的保健食品，初步核算销售额200余万元，涉嫌虚假广告罪、诈骗罪。',
      materials,
    });

  // Investigation found more than the filing said: the 化肥 case now meets the standard (涉刑不移).
  const fertiliser = await caseNamed('化肥');
  if (fertiliser) {
    const c = await casesService.get(people.handler, fertiliser);
    const input = caseInputSchema.parse({ ...c, amountInvolved: '68000.00', alsoCountsToward: undefined });
    await casesService.update(people.handler, fertiliser, { ...input, version: c.version });
  }

  // 线索移交: a lead for another department, with the receiver's answer.
  const lead = await leadsService.create(people.handler, {
    unitId: ids.get('CM-ZFDD')!,
    campaignId,
    categoryCode: 'product_quality',
    source: 'inspection',
    receivedDate: daysAgo(20),
    partyName: '崇明某种子经营部',
    description: '检查中发现该店销售未经审定的水稻种子，属农业农村部门职责。',
    important: false,
    handlerIds: [people.handler.userId],
  } as never);
  const handed = await leadsService.decide(people.handler, lead.id, {
    outcome: 'hand_over',
    version: lead.version,
    decidedDate: daysAgo(15),
    note: '',
    handover: {
      receiverKind: 'agriculture',
      receiverName: '崇明区农业农村委员会',
      materials: ['现场检查笔录', '现场照片'],
      reason: '销售未经审定的农作物种子，依《种子法》由农业农村主管部门查处。',
    },
  });
  if (handed.handover) {
    const t = await transfersService.get(people.handler, handed.handover.transferId);
    await transfersService.reply(people.handler, t.id, {
      outcome: 'accepted',
      replyDate: daysAgo(12),
      reason: '已受理，由区农业综合执法大队查处',
      version: t.version,
    });
  }
}
