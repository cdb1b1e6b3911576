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
  'emailFailures.title': '邮件发送失败',
  'emailFailures.intro':
    '以下消息邮件经多次重试仍被邮件服务器拒绝；站内消息不受影响。核对收件人邮箱或邮件服务器后可重试。',
  'emailFailures.disabled':
    '本系统未配置邮件服务器，不发送邮件，也无法重试；配置方法见使用说明中的“邮件通知（可选）”一节。',
  'emailFailures.recipient': '收件人',
  'emailFailures.subject': '主题',
  'emailFailures.error': '失败原因',
  'emailFailures.attempts': '尝试次数',
  'emailFailures.lastAttemptAt': '最后尝试',
  'emailFailures.retry': '重试',
  'emailFailures.sent': '已重新发送至 {to}',
  'emailFailures.stillFailing': '仍未发出，将自动再试：{error}',
  'emailFailures.empty': '没有发送失败的邮件',
};
export default messages;
