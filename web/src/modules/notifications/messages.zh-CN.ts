/** Chinese strings of the notification centre (merged into locales/zh-CN.ts). */
const messages = {
  'notifications.open': '消息通知',
  'notifications.unread': '{count} 条未读',
  'notifications.title': '消息通知',
  'notifications.onlyUnread': '只看未读',
  'notifications.markAllRead': '全部标为已读',
  'notifications.empty': '暂无消息',
  'notifications.kind.report_due_soon': '即将到期',
  'notifications.kind.report_overdue': '逾期未报',
  'notifications.kind.report_returned': '被退回',
  'notifications.kind.report_chased': '催报',
  'notifications.kind.approval_requested': '待我审批',
  'notifications.kind.approval_decided': '审批结果',
  'notifications.kind.lead_clock_due_soon': '线索核查期限将至',
  'notifications.kind.lead_clock_overdue': '线索核查已超期',
  'notifications.kind.case_clock_due_soon': '办案期限将至',
  'notifications.kind.case_clock_overdue': '办案期限已超',
};
export default messages;
