import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';

/** Builds an .xlsx with ExcelJS's streaming writer and returns its bytes. */
export async function writeXlsx(build: (wb: ExcelJS.stream.xlsx.WorkbookWriter) => Promise<void> | void): Promise<Buffer> {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    stream.on('end', resolve);
    stream.on('error', reject);
  });
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: true });
  wb.creator = 'RedShield 红盾';
  await build(wb);
  await wb.commit();
  await done;
  return Buffer.concat(chunks);
}

/**
 * Streams an .xlsx as it is built (exports of any length): the bytes go out while rows are still
 * being read from the database. An error while building ends the stream with that error.
 */
export function streamXlsx(build: (wb: ExcelJS.stream.xlsx.WorkbookWriter) => Promise<void>): PassThrough {
  const stream = new PassThrough();
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
  wb.creator = 'RedShield 红盾';
  build(wb)
    .then(() => wb.commit())
    .catch((e: unknown) => stream.destroy(e instanceof Error ? e : new Error(String(e))));
  return stream;
}

/**
 * Print setup for a table meant to be printed: A4, all columns on one page width (as many pages
 * down as needed), the header rows repeated on every page, centred horizontally.
 */
export const printedTable = (orientation: 'portrait' | 'landscape', headerRows: string): Partial<ExcelJS.AddWorksheetOptions> => ({
  pageSetup: {
    paperSize: 9,
    orientation,
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: true,
    printTitlesRow: headerRows,
    margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
  },
});

export const thinBorder: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** Content-Disposition with a Chinese file name (RFC 5987). */
export const attachment = (fileName: string) => `attachment; filename="download${fileName.slice(fileName.lastIndexOf('.'))}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
