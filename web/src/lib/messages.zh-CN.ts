/** Chinese strings of the import dialog every record module shares (lib/ImportDialog.tsx) (merged into locales/zh-CN.ts). */
const messages = {
  'imports.again': '重新选择文件',
  'imports.close': '完成',
  'imports.start': '开始导入',
  'imports.rules':
    '支持 .csv（UTF-8 或 Excel 另存的 CSV）和 .xlsx（第一个工作表）。全部行都正确才会导入；有任何一行有误，则一行也不导入，并列出每一处错误（行号为表格中看到的行号，表头为第 1 行）。',
  'imports.header': '表头：',
  'imports.drop': '点击或将文件拖到这里',
  'imports.hint': '一次导入一个文件，最大 200 MB',
  'imports.uploading': '上传中 {percent}%',
  'imports.checking': '正在校验并导入：已读取 {rows} 行……',
  'imports.done': '导入成功：共 {count} 条',
  'imports.row': '行号',
  'imports.column': '列',
  'imports.problem': '问题',
} as const;

export default messages;
