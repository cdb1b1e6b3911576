/** Chinese strings of the charts every module draws (lib/charts) (merged into locales/zh-CN.ts). */
const messages = {
  'charts.exportPng': '导出图片（png）',
  'charts.noData': '暂无数据',
} as const;

export default messages;
