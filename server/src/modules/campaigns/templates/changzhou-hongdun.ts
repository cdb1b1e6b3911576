import type { CampaignTemplate } from './template.types';

/**
 * Seed 000: 常州工商系统“强监管、惠民生、促发展”红盾执法专项行动方案, reproduced from the document.
 * Notes on reading it:
 * - the document prints no year, 文号 or date; its themes (“创新驱动加速年”“效能建设深化年”,
 *   “三解三促”) place it in 2013, taken as the base year (an inference);
 * - 发文机关 is not printed: 常州市工商行政管理局 (“市局”) is inferred; 主送 is inferred from
 *   “各直属局、城区分局也要成立相应的专项行动领导小组”;
 * - 指导思想 serves as the goals; there are no KPIs and no 依据 documents;
 * - items 1 and 7 hold further paragraphs with their own lead departments, printed without a
 *   heading: each is a task here, titled from its text (流通领域食品安全专项整治, “傍名牌”行为,
 *   侵犯商业秘密行为);
 * - the categories are the eight kinds of violation the plan targets (its statistics annex is not
 *   printed), plus 其他违法;
 * - 成员 of the 领导小组 are the departments' 主要负责人, unnamed: each is listed by department;
 * - 总结验收 is printed as “11月”: 1–30 November. 动员部署 and 调查摸底 share 20 May, as printed.
 */
export const changzhouHongdun: CampaignTemplate = {
  key: 'changzhou-hongdun',
  title: '红盾执法专项行动（常州工商系统）',
  source: '常州市工商行政管理局（年份未印，推定2013年）',
  baseYear: 2013,
  plan: {
    name: '常州工商系统“强监管、惠民生、促发展”红盾执法专项行动方案',
    issuingOrgan: '常州市工商行政管理局',
    recipients: '各直属局、城区分局',
    basis: [],
    goals: [
      '以市委、市政府和省局的工作要求为指针，立足工商职能、紧扣地方实际，以“创新驱动加速年”为主题，以“效能建设深化年”为主线，坚持把维护广大人民群众的根本利益、维护公平竞争的市场秩序放在执法监管工作的首位，牢固树立执法为民、监管为民的理念，紧紧围绕党委政府重视、群众关注、企业反映强烈的社会热点、难点问题开展执法专项行动，重点整治查处八类侵犯消费者和企业合法权益的违法行为，为建设和谐常州作出应有贡献。',
    ],
    startDate: '2013-05-15',
    endDate: '2013-11-30',
    phases: [
      {
        name: '动员部署',
        startDate: '2013-05-15',
        endDate: '2013-05-20',
        description: '召开全市工商系统专项执法行动动员部署大会，各级各部门传达、贯彻专项行动方案。',
      },
      {
        name: '调查摸底',
        startDate: '2013-05-20',
        endDate: '2013-05-31',
        description:
          '全市系统各级工商部门要通过“三解三促”活动，有针对性地对辖区市场主体进行深入调研，对涉及民生、侵犯消费者合法权益等信息要及时梳理，同时结合12315消费申投诉相关信息，进行认真排查，一旦形成案件线索，立即组织查处。',
      },
      {
        name: '组织实施',
        startDate: '2013-06-01',
        endDate: '2013-10-31',
        description:
          '紧紧围绕党委政府重视、群众关注、企业反映强烈的社会热点、难点问题开展专项执法行动，重点针对八类侵犯消费者和企业合法权益的违法行为进行整治和查处。专项行动期间，要加大督促检查力度，确保政令畅通。市局将组织督查，由局领导带队，率相关职能处室赴各单位督促、指导和检查执法专项行动的开展。各单位也应采取自查和互查的方式，推进各项执法工作顺利开展，务求实效。',
      },
      {
        name: '总结验收',
        startDate: '2013-11-01',
        endDate: '2013-11-30',
        description:
          '专项行动结束后，全市系统各级工商部门要认真总结本次专项行动中有益的做法和取得的成效，表彰在专项行动中涌现出来的先进集体和先进个人，并且评选出针对八类违法行为所查处的典型案例。',
      },
    ],
    concentratedWindows: [],
    categories: [
      { code: 'counterfeit', label: '制售假冒伪劣商品' },
      { code: 'agri', label: '坑农害农' },
      { code: 'false_ad', label: '虚假广告' },
      { code: 'unfair_terms', label: '霸王条款' },
      { code: 'pyramid', label: '传销、违规直销' },
      { code: 'unlicensed', label: '无照经营' },
      { code: 'ip', label: '侵犯知识产权' },
      { code: 'bribery', label: '商业贿赂' },
      { code: 'other', label: '其他违法' },
    ],
    tasks: [
      {
        area: '以创建市场安全消费为重点，整治查处制售假冒伪劣商品行为',
        title: '制售假冒伪劣商品行为',
        content:
          '以家用电器、汽车配件、服装、装修装饰材料、成品油、旅游用品等与百姓生活密切相关的商品为重点，强化流通领域商品质量监测，依法查处销售、尤其是利用互联网销售假冒伪劣和不合格商品违法行为。',
        categoryCode: 'counterfeit',
        focusProducts: ['家用电器', '汽车配件', '服装', '装修装饰材料', '成品油', '旅游用品'],
        focusPlaces: [],
        focusAreas: [],
        leadRoles: ['消保处'],
        cooperatingRoles: ['市场合同处', '公平交易处', '经检支队'],
      },
      {
        area: '以创建市场安全消费为重点，整治查处制售假冒伪劣商品行为',
        title: '流通领域食品安全专项整治',
        content:
          '切实加强流通领域食品安全监管，尤其是在重要节假日期间加大对大型商场、超市、市场等场所的巡查力度，严厉查处流通环节违法添加非食用物质和滥用食品添加剂行为，深入开展红酒、白酒、乳制品等食品专项整治，重点查处销售不合格、劣质及假冒他人酒类、乳制品注册商标违法行为以及仿冒知名酒类、乳制品特有名称、包装、装潢的行为。',
        categoryCode: 'counterfeit',
        focusProducts: ['红酒', '白酒', '乳制品'],
        focusPlaces: ['大型商场', '超市', '市场'],
        focusAreas: [],
        leadRoles: ['食品流通处'],
        cooperatingRoles: ['市场合同处'],
      },
      {
        area: '以创建市场安全消费为重点，整治查处制售假冒伪劣商品行为',
        title: '“坑农害农”行为',
        content:
          '围绕辖区重点区域，结合农时特点，有针对性地组织开展化肥、农药、农机具等农资市场专项整治活动，严厉查处销售不合格、过期、失效、变质农资产品。',
        categoryCode: 'agri',
        focusProducts: ['化肥', '农药', '农机具'],
        focusPlaces: [],
        focusAreas: [],
        leadRoles: ['市场合同处'],
        cooperatingRoles: ['公平交易处', '经检支队'],
      },
      {
        area: '以营造诚信经营氛围为重点，整治查处商业欺诈行为',
        title: '虚假广告行为',
        content:
          '以房地产、医疗服务、药品、保健食品等为重点，着重关注户外广告、媒体广告、网络广告等，对虚假广告进行大力整治。积极组织查处经营者对商品或服务进行虚假宣传的行为。',
        categoryCode: 'false_ad',
        focusProducts: ['房地产', '医疗服务', '药品', '保健食品'],
        focusPlaces: [],
        focusAreas: [],
        leadRoles: ['广告处'],
        cooperatingRoles: ['公平交易处', '经检支队'],
      },
      {
        area: '以营造诚信经营氛围为重点，整治查处商业欺诈行为',
        title: '“霸王条款”行为',
        content:
          '重点规范汽车“4S”店、美容美发、通信服务、供电、供水、供气等行业利用合同格式条款侵犯消费者合法权益以及限制竞争、垄断等违法行为。',
        categoryCode: 'unfair_terms',
        focusProducts: [],
        focusPlaces: ['汽车“4S”店', '美容美发', '通信服务', '供电', '供水', '供气'],
        focusAreas: [],
        leadRoles: ['市场合同处'],
        cooperatingRoles: ['消保处', '公平交易处', '经检支队'],
      },
      {
        area: '以构建稳定和谐社会环境为重点，打击传销、整治违规直销和无照经营行为',
        title: '传销、违规直销行为',
        content:
          '加强与公安部门的协同作战，严厉打击和坚决取缔“拉人头”、团队计酬、收取入门费等方式的传销活动，以及通过互联网、假借直销名义进行的传销活动。加强对辖区直销企业或网点进行检查，督促直销企业对存在的问题进行整改、对有违法行为的直销企业依法查处。',
        categoryCode: 'pyramid',
        focusProducts: [],
        focusPlaces: [],
        focusAreas: [],
        leadRoles: ['公平交易处', '经检支队'],
        cooperatingRoles: [],
      },
      {
        area: '以构建稳定和谐社会环境为重点，打击传销、整治违规直销和无照经营行为',
        title: '无照经营行为',
        content:
          '重点查处取缔无需取得前置行政许可和有关法律法规明确由工商部门监督管理的无照经营行为，严厉整治“黑网吧”。',
        categoryCode: 'unlicensed',
        focusProducts: [],
        focusPlaces: ['“黑网吧”'],
        focusAreas: [],
        leadRoles: ['个企处'],
        cooperatingRoles: ['消保处', '食品流通处'],
      },
      {
        area: '以规范市场竞争秩序为重点，整治查处不正当竞争行为',
        title: '侵犯知识产权行为',
        content:
          '依法加大对“三名”商标，特别是省、市重点保护目录商标的保护力度，严厉查处侵犯他人注册商标专用权的违法行为，加强与企业和知识产权代理机构的沟通协调，争取技术支持、协同作战，切实维护企业和消费者的合法权益。',
        categoryCode: 'ip',
        focusProducts: [],
        focusPlaces: [],
        focusAreas: [],
        leadRoles: ['商标处'],
        cooperatingRoles: ['公平交易处', '经检支队'],
      },
      {
        area: '以规范市场竞争秩序为重点，整治查处不正当竞争行为',
        title: '“傍名牌”行为',
        content: '重点查处利用境外登记的企业名称，以委托加工、授权使用、监制等名义加工、生产“傍名牌”产品的行为。',
        categoryCode: 'ip',
        focusProducts: [],
        focusPlaces: [],
        focusAreas: [],
        leadRoles: ['公平交易处', '经检支队'],
        cooperatingRoles: [],
      },
      {
        area: '以规范市场竞争秩序为重点，整治查处不正当竞争行为',
        title: '侵犯商业秘密行为',
        content: '依法查处侵犯商业秘密的违法行为，加大对商业秘密保护的宣传力度，适时组织培训。',
        categoryCode: 'ip',
        focusProducts: [],
        focusPlaces: [],
        focusAreas: [],
        leadRoles: ['公平交易处', '经检支队'],
        cooperatingRoles: [],
      },
      {
        area: '以规范市场竞争秩序为重点，整治查处不正当竞争行为',
        title: '商业贿赂行为',
        content:
          '围绕工程建设、医药购销、医疗服务、中介服务、大型商场超市等领域和行业开展专项行动，积极查处大案要案，进一步健全防治商业贿赂长效机制，切实加强与纪检、公安、检察、法院等部门的协作，确保治理商业贿赂工作取得新突破。',
        categoryCode: 'bribery',
        focusProducts: [],
        focusPlaces: ['工程建设', '医药购销', '医疗服务', '中介服务', '大型商场超市'],
        focusAreas: [],
        leadRoles: ['公平交易处', '经检支队'],
        cooperatingRoles: [],
      },
    ],
    kpis: [],
    leadership: [
      { role: '组长', name: '陈国庆', title: '' },
      { role: '副组长', name: '何革', title: '' },
      { role: '副组长', name: '丁玉亭', title: '' },
      { role: '副组长', name: '周建忠', title: '' },
      { role: '副组长', name: '徐新', title: '' },
      { role: '副组长', name: '王俊杰', title: '' },
      { role: '副组长', name: '党红旗', title: '' },
      { role: '成员', name: '公平交易处主要负责人', title: '' },
      { role: '成员', name: '经检支队主要负责人', title: '' },
      { role: '成员', name: '市场合同处主要负责人', title: '' },
      { role: '成员', name: '食品流通处主要负责人', title: '' },
      { role: '成员', name: '个企处主要负责人', title: '' },
      { role: '成员', name: '商标处主要负责人', title: '' },
      { role: '成员', name: '广告处主要负责人', title: '' },
      { role: '成员', name: '消保处主要负责人', title: '' },
    ],
    officeRoleName: '公平交易处',
    reportSchedules: [
      {
        kind: 'monthly',
        name: '专项行动信息月报',
        statTemplate: 'monthly-work',
        dayOfMonth: 5,
        cumulative: false,
        note: '上个月专项行动开展情况及相关统计报表，报送专项行动领导小组办公室',
      },
    ],
    sections: [
      {
        heading: '工作措施',
        paragraphs: [
          '（一）精心部署，强化组织领导。为加强对专项行动的指导、协调和监督，市局成立专项行动领导小组，其组成如下：组长：陈国庆；副组长：何革、丁玉亭、周建忠、徐新、王俊杰、党红旗；成员：公平交易处、经检支队、市场合同处、食品流通处、个企处、商标处、广告处、消保处等部门主要负责人。领导小组办公室设在公平交易处，负责专项行动的组织、协调及日常工作。各直属局、城区分局也要成立相应的专项行动领导小组，明确责任分工，周密部署安排，狠抓工作落实。',
          '（二）认真排查，健全案源线索管理制度。全市系统各级工商部门要围绕专项行动的工作重点，结合各自区域特点，制定详细的落实方案。通过走访企业、12315申投诉举报平台、企业群众来信来访等途径掌握案源线索，同时按照《案源线索管理制度》的相关规定进行分类、拣选，为专项行动提供线索保障。',
          '（三）加强督办，严查大案要案。全市系统各级工商部门要充分发挥“特别能战斗，特别能吃苦”的优良办案传统，集中优势力量，着力突破一批情节严重、影响恶劣，社会反响大的大案、要案。同时加强案件督办、督查，认真查找监督机制和管理工作的薄弱环节，制定和完善措施。',
          '（四）标本兼治，健全长效监管机制。充分发挥12315消费者申诉举报网络、市场主体信用分类监管体系、与企业联手维权等工作机制的作用，引导、督促市场经营主体强化自律意识，严格遵守公平竞争的市场秩序，严把商品质量安全关。要进一步完善“预防在先、发现在早、处理在快”的市场长效监管机制，进一步提高监管水平、提升执法效能。',
          '（五）注重宣传，营造执法监管强大声势。全市系统各级工商部门要通过电视、电台、报刊、网络等媒体，全面报道专项行动的信息动态和工作成效，全面展示工商部门红盾卫士的良好形象，全面营造执法监管强大声势；要切实加强文字、图片及相关资料的搜集、整理、存档和上报工作。市局将适时组织执法专项行动成果展。',
        ],
      },
      {
        heading: '工作要求',
        paragraphs: [
          '（一）统一思想，提高认识。强化市场监管，规范市场秩序，是法律赋予工商行政管理机关的重要职责，同时也是认真贯彻落实“三解三促”活动精神、助推“服务加速、创新驱动”、促进常州经济快速、健康发展的重要举措。全市工商系统要充分认识开展此次专项行动的重要性、长期性，增强紧迫感、责任感和使命感；要加强领导，提高认识，明确目标，落实责任，高度重视此项工作；要结合本地实际，精心组织，上下联动，狠抓落实，确保专项行动各项工作落到实处、取得实效。',
          '（二）依法行政，公正执法。全市工商系统要正确处理好加大执法力度与规范执法行为的关系，既要依法履行执法监管职责，严厉打击违法违规行为，坚决杜绝行政不作为现象，又要严格按照法律法规所规定的程序和要求，规范执法办案行为，做到依法行政、公正执法、文明执法。',
          '（三）加强指导，互通信息。严格执行专项行动信息月报制度，各单位每月5日前，将上个月专项行动开展情况及相关统计报表（见附件）报送专项行动领导小组办公室。在专项行动中遇到的重大情况、大案要案和疑难问题，要及时报告。专项行动领导小组办公室将编发工作简报，及时通报各部门、单位的进展情况，交流工作经验。',
          '（四）协调配合，形成合力。各部门和单位之间要加强配合，业务部门发挥专业优势，积极协助办案部门，参与大要案的会商、查办，提高办案效率；另一方面要加强与公、检、法等机关和其他执法部门的沟通、协作，形成执法合力，对达到移送标准的案件及时移送司法部门。',
          '（五）狠抓落实，务求实效。全市系统各级工商部门要建立主要领导负总责、分管领导亲自抓、相关职能机构分工协作，齐抓共管的专项行动机制，形成职责明确、协调配合、整体联动的工作格局。对在行动中领导不力、政令不畅、工作落实不到位的，将按照有关规定实行问责。',
        ],
      },
    ],
    attachments: ['专项行动统计报表'],
  },
};
