/** Chinese strings of the campaign plans kept beside the module (merged into locales/zh-CN.ts). */
const messages = {
  'campaigns.scheduleCovers': '统计期间',
  'campaigns.scheduleCoversHint': '上一季度：如 7 月 2 日报送第二季度（4 月 1 日至 6 月 30 日）；本年累计：1 月 1 日至报送日前一日（如 12 月 15 日报送 1 月 1 日至 12 月 14 日），报送日当天可报',
  'campaigns.covers.sincePrevious': '自上次报送日起',
  'campaigns.covers.quarter': '上一季度',
  'campaigns.covers.yearToDate': '本年累计',
  'campaigns.scheduleDatesCovering': '{dates} 前报送（{covers}）',
  'campaigns.afterEnd': '行动结束后仍报送',
  'campaigns.afterEndHint': '行动结束后才到期的月报默认不需报送（如 12 月 15 日结束的行动不报次年 1 月 2 日的月报）；方案明确要求时打开',
} as const;

export default messages;
