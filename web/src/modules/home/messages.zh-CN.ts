/** Chinese strings of the dashboard (工作台) (merged into locales/zh-CN.ts). */
const messages = {
  'home.welcome': '{name}，您好',
  'home.unit': '所属单位',
  'home.roles': '角色',
  'home.context': '当前单位',
  'home.statUnits': '可见单位',
  'home.statBureaus': '其中 局',
  'home.statOffices': '其中 市场监管所',
  'home.statBrigades': '其中 执法大队',
  'home.statUsers': '用户',
  'home.statScope': '统计范围：{unit} 及下级单位',
  'home.quickLinks': '常用功能',
  'home.quickInbox': '待我核审、审核、重报的事项和临期超期的期限',
  'home.quickCampaigns': '制定行动方案、分工和联络员，查看进度安排',
  'home.quickUnits': '查看和维护组织机构',
  'home.quickUsers': '管理本单位及下级单位的账号',
  'home.quickAudit': '查看所有变更记录并校验哈希链',
  'home.quickCalendar': '查询节假日与工作日期限',

  'home.activeCampaigns': '进行中的专项行动',
  'home.noActiveCampaigns': '暂无进行中的专项行动',
  'home.allCampaigns': '全部行动',

  'home.quickLeads': '登记和核查案源线索，作出立案决定',
  'home.quickCases': '重点案件查办台账、办案进度与期限',
  'home.deadlines': '办案期限提醒',
  'home.overdueCases': '超期未决定的案件',
  'home.dueSoonCases': '10日内到期的案件',
  'home.overdueLeads': '超期未核查的线索',
  'home.dueSoonLeads': '3个工作日内到期的线索',
} as const;

export default messages;
