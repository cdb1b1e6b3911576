import type zh from './messages.zh-CN';

/** English strings of what every record module shares: the import dialog (lib/ImportDialog.tsx) and the files card (lib/AttachmentsCard.tsx): the same keys as messages.zh-CN.ts. */
const messages: Record<keyof typeof zh, string> = {
  'imports.again': 'Choose another file',
  'imports.close': 'Done',
  'imports.start': 'Import',
  'imports.rules':
    'Accepts .csv (UTF-8, or CSV saved by Excel) and .xlsx (first sheet). The file is imported only when every row is correct; if any row is wrong nothing is imported and every problem is listed (row numbers as seen in the spreadsheet, header = row 1).',
  'imports.template': 'Download the template',
  'imports.header': 'Header row: ',
  'imports.drop': 'Click or drop a file here',
  'imports.hint': 'One file at a time, up to 200 MB',
  'imports.uploading': 'Uploading {percent}%',
  'imports.checking': 'Checking and importing: {rows} rows read…',
  'imports.done': 'Imported {count} records',
  'imports.row': 'Row',
  'imports.column': 'Column',
  'imports.problem': 'Problem',
  'attachments.upload': 'Upload',
  'attachments.uploaded': 'Uploaded: {name}',
  'attachments.downloaded': 'Downloaded: {name}',
  'attachments.download': 'Download',
  'attachments.delete': 'Delete',
  'attachments.confirmDelete': 'Delete “{name}”?',
  'attachments.none': 'No files yet',
  'attachments.rules':
    'Photos (jpg, png, gif, webp), PDFs and office documents (doc, docx, xls, xlsx, ppt, pptx, wps, et, ofd), up to 20 MB each. Files are stored in the database and backed up with it.',
};

export default messages;
