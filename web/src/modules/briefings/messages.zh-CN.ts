/** Chinese strings of the briefing and summary dialog (merged into locales/zh-CN.ts). */
const messages = {
  'briefings.title': '生成简报或总结',
  'briefings.kind.briefing': '工作简报',
  'briefings.kind.stage_summary': '阶段总结',
  'briefings.kind.final_summary': '工作总结',
  'briefings.period': '{unit}，{from} 至 {to}',
  'briefings.docTitle': '标题',
  'briefings.docTitleRequired': '请填写标题',
  'briefings.issue': '期号',
  'briefings.issuePlaceholder': '如：第3期',
  'briefings.date': '成文日期',
  'briefings.dateRequired': '请选择成文日期',
  'briefings.text': '正文',
  'briefings.textHint':
    '每行一段。以“一、”开头的行排为一级标题，以“（一）”开头的行排为二级标题。生成的文件与这里的文字完全一致。',
  'briefings.textRequired': '请填写正文',
  'briefings.tooManyParagraphs': '正文不能超过 {max} 段（现有 {count} 段）',
  'briefings.typicalCases': '已写入的典型案例：{count} 件',
  'briefings.kindChangeHint': '切换类型会按统计数字重新生成初稿，已修改的文字将被替换。',
  'briefings.loadFailed': '初稿生成失败',
  'briefings.generate': '生成 Word',
  'briefings.generated': '已生成 {name}',
  'briefings.close': '关闭',
} as const;

export default messages;
