/** Chinese strings of what every record module shares: the import dialog (lib/ImportDialog.tsx) and the files card (lib/AttachmentsCard.tsx) (merged into locales/zh-CN.ts). */
const messages = {
  'imports.again': '重新选择文件',
  'imports.close': '完成',
  'imports.start': '开始导入',
  'imports.rules':
    '支持 .csv（UTF-8 或 Excel 另存的 CSV）和 .xlsx（第一个工作表）。全部行都正确才会导入；有任何一行有误，则一行也不导入，并列出每一处错误（行号为表格中看到的行号，表头为第 1 行）。',
  'imports.template': '下载导入模板',
  'imports.header': '表头：',
  'imports.drop': '点击或将文件拖到这里',
  'imports.hint': '一次导入一个文件，最大 200 MB',
  'imports.uploading': '上传中 {percent}%',
  'imports.checking': '正在校验并导入：已读取 {rows} 行……',
  'imports.done': '导入成功：共 {count} 条',
  'imports.row': '行号',
  'imports.column': '列',
  'imports.problem': '问题',
  'attachments.upload': '上传附件',
  'attachments.uploaded': '已上传：{name}',
  'attachments.downloaded': '已下载：{name}',
  'attachments.download': '下载',
  'attachments.delete': '删除',
  'attachments.confirmDelete': '确定删除“{name}”？',
  'attachments.none': '暂无附件',
  'attachments.rules':
    '可上传现场照片（jpg、png、gif、webp）、PDF 和办公文档（doc、docx、xls、xlsx、ppt、pptx、wps、et、ofd），单个文件不超过 20 MB。附件保存在数据库中，随数据备份。',
} as const;

export default messages;
