/** Chinese strings of what the record modules share: the pickers and PersonSelect (merged into locales/zh-CN.ts). */
const messages = {
  'records.campaign': '专项行动',
  'records.category': '违法类型',
  'records.pickCampaignFirst': '请先选择专项行动',
  'records.unit': '承办单位',
  'records.me': '{name}（本人）',
  'records.pickPerson': '请选择人员',
  'records.noPeople': '没有符合角色的人员',
  'records.task': '重点任务',
  'records.taskDefault': '不选则按违法类型和单位自动归入',
  'records.columns': '列',
  'records.columnsTitle': '显示的列',
  'records.keyColumn': '（关键列）',
  'records.density': '行高',
  'records.density.large': '宽松',
  'records.density.middle': '适中',
  'records.density.small': '紧凑',
} as const;

export default messages;
