/** Chinese strings of the dashboard (工作台) (merged into locales/zh-CN.ts). */
const messages = {
  'home.deadlines': '办案期限提醒',
  'home.overdueCases': '超期未决定的案件',
  'home.dueSoonCases': '10日内到期的案件',
  'home.overdueLeads': '超期未核查的线索',
  'home.dueSoonLeads': '3个工作日内到期的线索',
} as const;

export default messages;
