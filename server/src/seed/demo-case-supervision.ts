import type { Actor } from '../platform/actor';
import { todayInChina } from '../platform/today';
import type { Services } from '../services';
import { shiftDate } from '../modules/calendar/working-days';

const daysAgo = (n: number) => shiftDate(todayInChina(), -n);

/**
 * 督办 in the district's implementation plan (seed 000 加强督办，严查大案要案; seed 004 开展督查督办，
 * 重大案件报请市局督办，对上级转（交）办、督办的案件进行记录，实时跟踪查办进展), all on the 执法大队's cases:
 * - the 白酒商标 case: asked by its handler, taken up by the district's office, two progress reports,
 *   closed (办结) after the decision;
 * - the 保健品虚假广告 case: asked by its handler a month ago, taken up by cm_leader with an
 *   instruction, three progress reports and a 批示 — the next report is overdue (进展逾期);
 * - the 电梯 case: taken up directly by the city's office (主动督办，上级督办), one progress report;
 * - the 化肥 case: asked today, waiting for cm_office / cm_leader to take it up (待立项).
 */
export async function seedDemoCaseSupervision(
  services: Services,
  people: { cityOffice: Actor; office: Actor; leader: Actor; handler: Actor },
  districtCampaignId: string,
) {
  const { caseSupervisionService: sv, casesService } = services;
  const caseNamed = async (q: string) => {
    const [c] = (await casesService.list(people.office, { campaignId: districtCampaignId, q, page: 1, pageSize: 1 }))
      .items;
    return c?.id;
  };
  const interval = { progressInterval: 5, progressIntervalKind: 'working_days' as const };

  const liquor = await caseNamed('白酒');
  if (liquor) {
    let s = await sv.request(
      people.handler,
      liquor,
      { reason: '涉案白酒来源涉及外省供货商，货值较大，请区局督办并协调跨省协查。' },
      { on: daysAgo(135) },
    );
    s = await sv.takeUp(
      people.office,
      s.id,
      {
        instruction: '请执法大队45日内查清涉案白酒进货渠道和销售数量，依法从严查处；跨省协查由执法监督管理科发函。',
        deadline: daysAgo(89),
        ...interval,
        version: s.version,
      },
      { on: daysAgo(134) },
    );
    for (const [ago, text] of [
      [126, '已完成权利人鉴定，确认涉案白酒均为侵犯注册商标专用权商品；已向外省发出协查函。'],
      [116, '外省协查回函已收到，查明供货商及进货数量共计600瓶，已销售约300瓶，违法经营额已核算。'],
    ] as const) {
      s = await sv.progress(people.handler, s.id, { text, version: s.version }, { on: daysAgo(ago) });
    }
    await sv.close(
      people.office,
      s.id,
      { conclusion: '案件已作出没收侵权白酒、罚款的处罚决定，督办事项已落实，予以办结。', version: s.version },
      { on: daysAgo(100) },
    );
  }

  const advert = await caseNamed('虚假广告');
  if (advert) {
    let s = await sv.request(
      people.handler,
      advert,
      { reason: '涉案保健品经直播间销往多省，案值可能达到移送标准，请区局立项督办。' },
      { on: daysAgo(30) },
    );
    s = await sv.takeUp(
      people.leader,
      s.id,
      {
        instruction:
          '请执法大队全面调取电商平台订单数据，核清违法所得；涉嫌犯罪的及时移送公安机关。每5个工作日报送一次进展。',
        deadline: shiftDate(todayInChina(), 15),
        ...interval,
        version: s.version,
      },
      { on: daysAgo(29) },
    );
    const steps: [number, 'progress' | 'instruction', string][] = [
      [22, 'progress', '已向电商平台调取近一年全部订单数据，涉案产品销往12个省市。'],
      [15, 'progress', '初步核算销售额200余万元，已责令当事人下架链接、停止发布广告。'],
      [14, 'instruction', '请商请公安机关提前介入，同时固定直播回放等电子证据。'],
      [9, 'progress', '已与区公安分局经侦支队会商，正在整理移送材料。'],
    ];
    for (const [ago, kind, text] of steps) {
      const act = kind === 'progress' ? sv.progress.bind(null, people.handler) : sv.instruct.bind(null, people.leader);
      s = await act(s.id, { text, version: s.version }, { on: daysAgo(ago) });
    }
  }

  const lift = await caseNamed('电梯');
  if (lift) {
    const s = await sv.initiate(
      people.cityOffice,
      lift,
      {
        instruction: '特种设备安全事关群众生命安全，市局对本案挂牌督办：请崇明区局查清涉案电梯检验情况，依法从严处理。',
        deadline: shiftDate(todayInChina(), 50),
        progressInterval: 10,
        progressIntervalKind: 'days',
      },
      { on: daysAgo(10) },
    );
    await sv.progress(
      people.handler,
      s.id,
      { text: '已对涉案3台电梯全部实施查封，责令物业公司限期申报定期检验。', version: s.version },
      { on: daysAgo(2) },
    );
  }

  const fertiliser = await caseNamed('化肥');
  if (fertiliser)
    await sv.request(people.handler, fertiliser, {
      reason: '不合格化肥已流入多个乡镇农资店，涉及面广，请区局督办并协调农业部门。',
    });
}
