/** Chinese strings of the map of units and the comparison of units (merged into locales/zh-CN.ts). */
const messages = {
  'maps.title': '分单位对比',
  'maps.map': '分布图',
  'maps.figure': '指标',
  'maps.up': '返回上级',
  'maps.noUnits': '该单位没有下级单位',
  'maps.tiles': '无行政区划边界的单位',
  'maps.hint': '点击有下级的单位进入其下级；点击无下级的单位查看构成该数字的记录。',
  'maps.unitColumn': '单位',
  'maps.total': '合计',
  'maps.exportXlsx': '导出 .xlsx',
  'maps.caption': '{unit} 的直属下级单位（各含其下级），{from} 至 {to}；合计为 {unit} 本身的数字。',
  'maps.tableHint': '点击数字查看构成它的记录；表头可排序。',
  'maps.openComparison': '分单位对比',
  'maps.pickCampaign': '请选择专项行动',
} as const;

export default messages;
