/**
 * Which files a record (a case, a report) may carry: photos, PDFs and office documents (incl. WPS
 * and OFD, common in Chinese government offices). The type is decided by the name's extension and
 * confirmed by the file's first bytes, so a renamed program is refused.
 */

/** One file may be this large (20 MB). */
export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

const TYPES: Record<string, { mime: string; magic: (b: Buffer) => boolean }> = {
  jpg: { mime: 'image/jpeg', magic: (b) => starts(b, [0xff, 0xd8, 0xff]) },
  jpeg: { mime: 'image/jpeg', magic: (b) => starts(b, [0xff, 0xd8, 0xff]) },
  png: { mime: 'image/png', magic: (b) => starts(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) },
  gif: { mime: 'image/gif', magic: (b) => b.subarray(0, 4).toString('latin1') === 'GIF8' },
  webp: {
    mime: 'image/webp',
    magic: (b) => b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP',
  },
  pdf: { mime: 'application/pdf', magic: (b) => b.subarray(0, 5).toString('latin1') === '%PDF-' },
  docx: {
    mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    magic: (b) => starts(b, ZIP),
  },
  xlsx: { mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', magic: (b) => starts(b, ZIP) },
  pptx: {
    mime: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    magic: (b) => starts(b, ZIP),
  },
  ofd: { mime: 'application/ofd', magic: (b) => starts(b, ZIP) },
  doc: { mime: 'application/msword', magic: (b) => starts(b, OLE) },
  xls: { mime: 'application/vnd.ms-excel', magic: (b) => starts(b, OLE) },
  ppt: { mime: 'application/vnd.ms-powerpoint', magic: (b) => starts(b, OLE) },
  wps: { mime: 'application/vnd.ms-works', magic: (b) => starts(b, OLE) || starts(b, ZIP) },
  et: { mime: 'application/vnd.ms-excel', magic: (b) => starts(b, OLE) || starts(b, ZIP) },
};

function starts(b: Buffer, bytes: number[]): boolean {
  return b.length >= bytes.length && bytes.every((x, i) => b[i] === x);
}

export const ALLOWED_EXTENSIONS = Object.keys(TYPES);

/** The file's MIME type, or why it is refused (in Chinese). */
export function attachmentType(
  fileName: string,
  content: Buffer,
): { ok: true; mime: string } | { ok: false; message: string } {
  const ext = fileName.toLowerCase().split('.').pop() ?? '';
  const type = fileName.includes('.') ? TYPES[ext] : undefined;
  if (!type)
    return {
      ok: false,
      message: `不支持“${fileName}”的文件类型；可上传照片（jpg、png、gif、webp）、PDF 和办公文档（doc、docx、xls、xlsx、ppt、pptx、wps、et、ofd）`,
    };
  if (content.length === 0) return { ok: false, message: `“${fileName}”是空文件` };
  if (!type.magic(content))
    return { ok: false, message: `“${fileName}”的内容与扩展名 .${ext} 不符，请确认文件未损坏或被改名` };
  return { ok: true, mime: type.mime };
}
