/** Chinese strings of the dashboard panels fed by other modules (merged into locales/zh-CN.ts). */
const messages = {
  'dashboardPanels.timelinessTitle': '报送及时率',
  'dashboardPanels.timelinessSchedule': '报表',
  'dashboardPanels.timelinessRate': '按时报送率',
  'dashboardPanels.timelinessChosen': '；{unit}：{rate}',
  'dashboardPanels.timelinessOverall':
    '全行动按时报送率 {rate}（应报 {expected}，按时 {onTime}，逾期报送 {late}，逾期未报 {missing}）',
  'dashboardPanels.timelinessNothingDue': '尚无到期的报表',
  'dashboardPanels.timelinessTooltip':
    '{unit}：按时报送率 {rate}{lineBreak}应报 {expected}，按时 {onTime}，逾期报送 {late}，逾期未报 {missing}',
  'dashboardPanels.kpiTitle': '考核指标',
  'dashboardPanels.kpiTarget': '目标 {comparator}{target}{unit}',
  'dashboardPanels.kpiNone': '本行动未设可统计的考核指标',
  'dashboardPanels.kpiOpenRecords': '点击查看指标背后的记录',
  'dashboardPanels.rectTitle': '整改情况',
  'dashboardPanels.rectOpen': '待整改',
  'dashboardPanels.rectOverdue': '逾期未整改',
  'dashboardPanels.rectReplied': '待复查',
  'dashboardPanels.rectClosed': '已销号',
  'dashboardPanels.rectAll': '共 {count} 项整改事项，点击柱条打开整改台账',
  'dashboardPanels.clocksTitle': '办理期限',
  'dashboardPanels.clocksOverdueCases': '案件逾期未决定',
  'dashboardPanels.clocksSoonCases': '案件 10 日内到期',
  'dashboardPanels.clocksOverdueLeads': '线索核查逾期',
  'dashboardPanels.clocksSoonLeads': '线索 3 个工作日内到期',
  'dashboardPanels.clocksDue': '{date} 到期',
  'dashboardPanels.clocksNone': '没有逾期或临期的案件、线索',
  'dashboardPanels.clocksFirst': '最先到期的',
  'dashboardPanels.loadFailed': '加载失败',
} as const;

export default messages;
