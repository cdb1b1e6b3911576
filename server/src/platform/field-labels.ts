/**
 * Chinese names of the API's fields, so that an error names the field the way the form does
 * ("重点任务（第4项）牵头单位：…") rather than by its JSON path ("tasks.3.leadUnitIds").
 */
const LABELS: Record<string, string> = {
  name: '名称', code: '机构编码', kind: '类型', parentId: '上级单位', divisionCode: '行政区划代码',
  username: '用户名', password: '密码', displayName: '姓名', unitId: '单位', roles: '角色',
  currentPassword: '当前密码', newPassword: '新密码', active: '启用状态', version: '版本号',
  from: '开始日期', to: '结束日期', days: '天数', day: '日期', year: '年份', template: '模板',
  q: '关键词', page: '页码', pageSize: '每页条数', includeInactive: '显示已停用', recordType: '记录类型',
  recordId: '记录编号', actorUserId: '操作人', status: '状态', id: '编号',
  docNumber: '文号', issuingOrgan: '发文机关', issueDate: '成文日期', recipients: '主送机关', basis: '依据',
  goals: '工作目标', startDate: '开始日期', endDate: '结束日期', phases: '工作阶段', concentratedWindows: '集中行动',
  categories: '违法类型', label: '违法类型名称', subLabel: '违法行为类型', tasks: '重点任务', area: '任务分组',
  title: '名称', content: '内容', categoryCode: '违法类型', focusProducts: '重点商品', focusPlaces: '重点场所',
  focusAreas: '重点区域', leadUnitIds: '牵头单位', cooperatingUnitIds: '配合单位', pendingLeadRoles: '待分配牵头部门',
  pendingCooperatingRoles: '待分配配合部门', kpis: '工作指标', comparator: '比较方式', target: '目标值', unit: '单位',
  description: '说明', leadership: '领导小组', role: '职务', officeUnitId: '领导小组办公室', liaisonDeadline: '联络员报送截止日期',
  reportSchedules: '信息报送', dayOfMonth: '每月报送日', cumulative: '累计', afterEnd: '行动结束后仍报送', weekday: '星期', time: '时间', dates: '报送日期',
  covers: '统计期间',
  sections: '其他章节', heading: '标题', paragraphs: '段落', attachments: '附件', contact: '联系人', participantUnitIds: '参加单位',
  leader: '分管领导', liaison: '联络员', position: '职务', officePhone: '办公电话', mobile: '手机', fax: '传真',
  caseNumber: '案件编号', partyName: '当事人', partyCreditCode: '统一社会信用代码', creditCode: '统一社会信用代码',
  sourceNumber: '来源编号', complainantName: '投诉举报人姓名', complainantPhone: '投诉举报人电话',
  complainantIdNumber: '投诉举报人证件号码', alsoCountsToward: '同时计入的专项行动', periodEnd: '报送期',
};

export function fieldLabel(path: string): string {
  if (!path) return '';
  return path
    .split('.')
    .map((seg) => (/^\d+$/.test(seg) ? `（第${Number(seg) + 1}项）` : (LABELS[seg] ?? seg)))
    .join('');
}

/** "标签：消息", unless the message already says which field it is about. */
export function withFieldLabel(path: string, message: string): string {
  const label = fieldLabel(path);
  return !label || message.includes(label) ? message : `${label}：${message}`;
}
