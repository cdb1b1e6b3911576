import type { CampaignTemplate } from './template.types';

const OFFICE = '市场综合执法办公室（12315投诉举报中心）';

/**
 * Seed 001: 大观区市场监督管理局2017年元旦春节期间打假专项行动工作方案 (published 2016-12-15).
 * Notes on reading it:
 * - the page prints parentheses half-width (a web page); they are written full-width here, as in
 *   the official document;
 * - the plan has no task-by-task lead units: leads and cooperating units are read from 相关工作要求
 *   一是 (综合协调与案件督办: 市场综合执法办公室; 宣传: 办公室; 案件指导: 法制股; 抽检与投诉举报:
 *   12315投诉举报中心、食品药品监督管理股、质监股), and the 所 carry out the clean-up;
 * - the statistics tables (附件3, 4) are not printed: the categories are the violations the plan
 *   names in 重点任务（一） (傍名牌、商标侵权假冒; 不合格商品; 侵犯消费者合法权益; 虚假违法广告; 食品安全);
 * - the first concentrated action is 20–23 Dec in 时间和步骤 but "12月19日至23日" in 信息报送; the
 *   window follows 时间和步骤, the stricter daily reports may start a day earlier;
 * - the 领导小组 names are in 附件1, which is not printed: `leadership` is empty.
 */
export const daguan2017Festival: CampaignTemplate = {
  key: 'daguan-2017-festival',
  title: '2017年元旦春节期间打假专项行动（大观区）',
  source: '大观区市场监督管理局，2016年12月15日',
  baseYear: 2017,
  plan: {
    name: '大观区市场监督管理局2017年元旦春节期间打假专项行动工作方案',
    issuingOrgan: '大观区市场监督管理局',
    issueDate: '2016-12-15',
    recipients: '机关各股（室）、各市场监管所',
    basis: [
      '市工商质监局《关于印发安庆市工商质监局2017年元旦春节期间打假专项行动工作方案的通知》（庆工质经〔2016〕207号）',
    ],
    goals: [
      '充分发挥市场监管局行政执法职能，集中整治重点区域、重点场所、重点商品，依法整治制假售假等违法行为，通过专项行动工作，强化节日市场监管，全面净化节日市场环境，确保节日市场消费安全。',
    ],
    startDate: '2016-12-01',
    endDate: '2017-02-28',
    phases: [
      {
        name: '动员部署阶段',
        startDate: '2016-12-01',
        endDate: '2016-12-10',
        description: '要广泛宣传发动，结合辖区实际，制定具体工作方案，要细化任务要求，确保工作落实。',
      },
      {
        name: '集中整治阶段',
        startDate: '2016-12-11',
        endDate: '2017-02-15',
        description:
          '要围绕重点场所区域、重点商品品种和群众反映强烈的重点违法行为，深入开展专项行动。切实加大对制假售假大要案件的查办力度，端窝打点，深挖源头，力争在案件查办上取得实效。',
      },
      {
        name: '总结提高阶段',
        startDate: '2017-02-16',
        endDate: '2017-02-28',
        description:
          '要在集中整治的基础上开展“回头看”，进一步巩固整治效果，全面总结打假专项行动工作中主要经验做法、存在问题，以及取得的成效。',
      },
    ],
    concentratedWindows: [
      { name: '第一次集中行动', startDate: '2016-12-20', endDate: '2016-12-23' },
      { name: '第二次集中行动', startDate: '2017-01-09', endDate: '2017-01-13' },
      { name: '第三次集中行动', startDate: '2017-02-10', endDate: '2017-02-14' },
    ],
    categories: [
      { code: 'ip', label: '商标侵权假冒', subLabel: '含傍名牌' },
      { code: 'substandard', label: '销售不合格商品' },
      { code: 'consumer_rights', label: '侵犯消费者合法权益' },
      { code: 'advertising', label: '虚假违法广告' },
      { code: 'food', label: '食品安全违法' },
      { code: 'other', label: '其他违法' },
    ],
    tasks: [
      {
        area: '专项整治重点任务',
        title: '集中打击重点违法行为',
        content:
          '重点查处傍名牌、商标侵权假冒、销售不合格商品、侵犯消费者合法权益以及虚假违法广告等违法行为。加强线上线下一体化打击，突出对节日期间网络交易平台促销活动的监管和定向监测，依法查处食品安全、产品质量违法行为。',
        categoryCode: 'ip',
        focusProducts: [],
        focusPlaces: ['网络交易平台'],
        focusAreas: [],
        leadRoles: ['各市场监管所'],
        cooperatingRoles: [OFFICE, '法制股'],
      },
      {
        area: '专项整治重点任务',
        title: '集中清查重点场所区域',
        content:
          '坚持问题导向，把交易量大、消费集中的批发市场、集贸市场、经营者仓储、商场超市、展销会、农村集市（庙会）等商品集散地、集中交易区作为重点场所，把违法行为高发频发的城乡结合部、农村地区、校园周边等作为重点区域，全面清查。区局将把所辖商业综合体作为重点场所，农村集市作为重点区域，特种设备安全作为重点行业开展专项整治。每个所确定1至2个重点区域，实行精准整治。',
        categoryCode: 'other',
        focusProducts: [],
        focusPlaces: ['批发市场', '集贸市场', '经营者仓储', '商场超市', '展销会', '农村集市（庙会）', '商业综合体'],
        focusAreas: ['城乡结合部', '农村地区', '校园周边'],
        leadRoles: ['各市场监管所'],
        cooperatingRoles: ['质监股'],
      },
      {
        area: '专项整治重点任务',
        title: '集中整治重点消费商品',
        content:
          '以涉及节日消费量大、日常监督检查中发现问题较多、消费者投诉举报较为集中的烟酒、食品、服装鞋帽、日化用品、家用电器、电子产品、烟花爆竹、汽车配件、家居装潢等商品为重点，强化对假冒伪劣商品的整治。加强商品质量抽检及结果运用，及时处置和依法查处违法行为。认真妥善处理消费纠纷，及时处理诉转案。',
        categoryCode: 'substandard',
        focusProducts: [
          '烟酒',
          '食品',
          '服装鞋帽',
          '日化用品',
          '家用电器',
          '电子产品',
          '烟花爆竹',
          '汽车配件',
          '家居装潢',
        ],
        focusPlaces: [],
        focusAreas: [],
        leadRoles: ['各市场监管所'],
        cooperatingRoles: [OFFICE, '食品药品监督管理股', '质监股'],
      },
      {
        area: '专项整治重点任务',
        title: '集中查处一批违法案件',
        content:
          '坚持把办案结果作为衡量打假行动成效的重要内容，强化案件查办。畅通社会举报渠道，做到有诉必接、有案必查，有查必果。拓展案源发现渠道，发挥企业打假优势和政企联手打假作用，着力增强打假工作针对性和有效性。集中查处一批群众反映强烈、社会影响广泛的典型案件，深化源头打击，追根溯源，端窝捣点。',
        categoryCode: 'other',
        focusProducts: [],
        focusPlaces: [],
        focusAreas: [],
        leadRoles: [OFFICE],
        cooperatingRoles: ['法制股', '各市场监管所'],
      },
      {
        area: '专项整治重点任务',
        title: '集中开展舆论宣传',
        content:
          '区局在门户网站开辟打假专栏，专题报道打假成效，宣传工商、食品药品安全、产品质量法律法规，回应社会关切问题，扩大影响并取得广泛支持。要全方位发挥舆论宣传阵地作用，注重以案说法，警示违法经营，营造行动氛围，壮大执法声势。',
        categoryCode: 'other',
        focusProducts: [],
        focusPlaces: [],
        focusAreas: [],
        leadRoles: ['办公室'],
        cooperatingRoles: ['各市场监管所'],
      },
    ],
    kpis: [
      {
        name: '各所确定重点区域',
        comparator: '>=',
        target: 1,
        unit: '个',
        description: '每个所确定1至2个重点区域，实行精准整治。',
      },
      {
        name: '区局组织督查',
        comparator: '=',
        target: 2,
        unit: '次',
        description: '专项行动期间，区局组织两次督查，督查情况以书面形式通报。',
      },
    ],
    leadership: [],
    officeRoleName: OFFICE,
    liaisonDeadline: '2016-12-15',
    reportSchedules: [
      {
        kind: 'weekly',
        name: '信息周报',
        statTemplate: 'festival-weekly',
        weekday: 4,
        time: '15:00',
        note: '每周四下午15:00前报送相关报表',
      },
      {
        kind: 'daily',
        name: '集中行动日报',
        statTemplate: 'festival-weekly',
        time: '12:00',
        withinWindows: true,
        note: '“集中”行动期间于当日12:00前上报相关报表',
      },
      { kind: 'dates', name: '阶段工作小结', statTemplate: 'festival-weekly', dates: ['2016-12-27', '2017-01-17'] },
      {
        kind: 'dates',
        name: '工作总结',
        statTemplate: 'festival-weekly',
        dates: ['2017-02-23'],
        note: '查办的案件数、案值、罚没款、收缴物资及经验做法，以及查办的典型案例',
      },
    ],
    sections: [
      {
        heading: '相关工作要求',
        paragraphs: [
          '一是强化组织领导。区局成立以主要负责人为组长的领导小组统筹指导两节打假工作；市场综合执法办公室（12315投诉举报中心）牵头负责专项行动的综合协调、打假业务指导、案件督办等工作；办公室负责专项行动期间宣传等工作；法制股负责专项行动期间案件指导和监督等工作；12315投诉举报中心、食品药品监督管理股、质监股分别负责12315、12331、12365投诉举报，组织指导商品抽检等工作；注册登记股负责专项行动期间“双随机”抽查、执法信息公示指导等工作。各所实行一把手亲自抓，分管领导具体抓，形成上下联动、齐抓共管的工作格局，确保打假行动取得预期成效。',
          '二是强化工作督导。专项行动期间，区局将组成四个督查组，采取全面检查、重点抽查、随机专项督查等方式，适时通过明查暗访的形式开展督导检查。专项行动期间，区局组织两次督查。对督查情况，区局将以书面形式予以通报。',
          '三是强化信息报送。各所要加强信息报送，安排信息联络员一名（名单12月15日前报送12315投诉举报中心），遇有重大案件和情况，随时上报。专项行动期间，实行信息周报制度，每周四下午15:00前报送相关报表；“集中”行动期间（12月19日至23日、2017年1月9日至13日和2017年2月10日至14日）实行日报制，于当日12:00前上报相关报表。并于2016年12月27日、2017年1月17日报阶段工作小结，2017年2月23日报工作总结（查办的案件数、案值、罚没款、收缴物资及经验做法）和查办的典型案例。材料及相关报表报送至12315投诉举报中心。',
        ],
      },
    ],
    attachments: [
      '大观区市场监督管理局2017年元旦春节期间打假专项行动领导小组名单',
      '大观区市场监督管理局2017年元旦春节期间打假专项行动分片督查表',
      '2017年元旦春节期间打假专项行动统计报表',
      '2017年元旦春节期间打假专项行动汇总报表',
    ],
    contact: '联系人：何长林　联系电话：5542026　邮箱：jdglg123@126.com',
  },
};
