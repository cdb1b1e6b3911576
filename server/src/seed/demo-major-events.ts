import type { Actor } from '../platform/actor';
import { todayInChina } from '../platform/today';
import type { Services } from '../services';
import { shiftDate } from '../modules/calendar/working-days';

/** A day `n` days before today (China time), and 10:00 in Beijing on it. */
const daysAgo = (n: number) => shiftDate(todayInChina(), -n);
const beijing = (day: string, hour: number) => new Date(`${day}T${String(hour - 8).padStart(2, '0')}:00:00Z`);

/**
 * 重大情况报告 in the district's implementation plan (seed 000: 重大情况、大案要案和疑难问题，要及时
 * 报告): 城桥所 reported a major situation a fortnight ago, which the district's office has
 * acknowledged with its 批示; the 执法大队's big case (reported by the office for it, the brigade
 * having no liaison of its own in the demo) and 城桥所's difficult question of these days await it,
 * so the office finds two reports to read and the liaison the answer to the first.
 */
export async function seedDemoMajorEvents(
  services: Services,
  people: { office: Actor; liaison: Actor },
  ids: Map<string, string>,
  districtCampaignId: string,
) {
  const { majorEventsService, casesService } = services;
  const [adCase] = (
    await casesService.list(people.office, {
      campaignId: districtCampaignId,
      unitId: ids.get('CM-ZFDD')!,
      q: '虚假广告',
      page: 1,
      pageSize: 1,
    })
  ).items;

  const market = await majorEventsService.create(
    people.liaison,
    districtCampaignId,
    {
      unitId: ids.get('CM-CQS')!,
      kind: 'major_situation',
      title: '城桥镇农村集市集中出现疑似假冒知名品牌白酒',
      occurredOn: daysAgo(15),
      summary:
        '在城桥镇两个农村集市日常巡查中，发现4家流动摊贩销售疑似假冒“洋河”“剑南春”白酒，现场共查见约300瓶，售价明显低于市场价，货源均称来自同一外地供货人。',
      measuresTaken:
        '已对现场白酒先行登记保存，抽样送权利人鉴定；对摊贩制作询问笔录，固定微信转账记录；已将供货人信息录入线索台账。',
      requests: '供货人位于外省，请区局协调发函协查供货渠道。',
    },
    { at: beijing(daysAgo(14), 9) },
  );
  await majorEventsService.acknowledge(
    people.office,
    market.id,
    {
      acknowledgement:
        '已阅。请城桥所抓紧完成鉴定，鉴定确认侵权后及时立案；跨省协查函由执法监督管理科本周内发出，执法大队派员配合追查上游供货渠道，有进展随时续报。',
      version: market.version,
    },
    { at: beijing(daysAgo(13), 15) },
  );

  await majorEventsService.create(
    people.office,
    districtCampaignId,
    {
      unitId: ids.get('CM-ZFDD')!,
      kind: 'major_case',
      title: '保健品虚假广告案涉案产品经网络销往多省',
      occurredOn: daysAgo(4),
      summary:
        '执法大队查办的保健品虚假广告案中，调取电商平台数据发现涉案产品近一年经直播间销往12个省市，销售额初步核算超过200万元，远超立案时掌握的情况。',
      measuresTaken: '已向电商平台调取全部订单数据，责令当事人下架相关链接并停止发布广告；正在核算违法所得。',
      requests: '案值可能达到移送标准，请区局研究是否商请公安机关提前介入，并向市局报告。',
      caseId: adCase?.id ?? null,
    },
    { at: beijing(daysAgo(3), 11) },
  );

  await majorEventsService.create(
    people.liaison,
    districtCampaignId,
    {
      unitId: ids.get('CM-CQS')!,
      kind: 'difficult_issue',
      title: '网络直播销售自制散装熟食的管辖和取证问题',
      occurredOn: daysAgo(2),
      summary:
        '辖区一居民在短视频平台直播销售自制卤味等散装熟食，无食品经营许可，快递发往全市。经营者住所在本所辖区，平台注册地在外省。',
      measuresTaken: '已对直播页面截图并公证保全，约谈经营者，责令其立即停止销售。',
      requests: '对平台经营者的管辖、电子数据取证方式和处罚依据，请区局法制部门给予指导。',
    },
    { at: beijing(daysAgo(1), 16) },
  );
}
