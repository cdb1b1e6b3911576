import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { sanitizedError } from '../db-errors';

/**
 * Text a spreadsheet program could take for a formula (CSV/formula injection): a case name
 * `=HYPERLINK("http://…","…")` is stored as text already, but Excel turns it into a live formula
 * as soon as someone edits the cell, and other programs evaluate it on opening. Such text gets a
 * leading apostrophe (OWASP's advice), shown as part of the text: it starts with = + - @, a tab or a
 * carriage return. A plain number written as text ("-12.50") and a lone "-" (a placeholder) are
 * left alone.
 */
export function guardFormulaText(text: string): string {
  if (!/^[=+\-@\t\r]/.test(text) || text === '-' || /^[+-]?\d+(\.\d+)?$/.test(text)) return text;
  return `'${text}`;
}

type RowWriter = { _writeRow?: (row: ExcelJS.Row) => void };

/**
 * Guards every text cell of every sheet the workbook writes, whatever the export: the streaming
 * worksheet writes each row through `_writeRow` (ExcelJS 4), so no export can forget it. If a
 * version of ExcelJS no longer has it, exporting fails loudly instead of writing unguarded text
 * (test/spreadsheet-formulas.test.ts).
 */
function guardWorkbook(wb: ExcelJS.stream.xlsx.WorkbookWriter) {
  const addWorksheet = wb.addWorksheet.bind(wb);
  wb.addWorksheet = (...args: Parameters<typeof addWorksheet>) => {
    const ws = addWorksheet(...args);
    const writer = ws as unknown as RowWriter;
    const writeRow = writer._writeRow;
    if (typeof writeRow !== 'function')
      throw new Error('ExcelJS worksheet writer without _writeRow: formula text cannot be guarded');
    writer._writeRow = (row: ExcelJS.Row) => {
      row.eachCell((cell) => {
        if (typeof cell.value === 'string') {
          const guarded = guardFormulaText(cell.value);
          if (guarded !== cell.value) cell.value = guarded;
        }
      });
      writeRow.call(ws, row);
    };
    return ws;
  };
  return wb;
}

/** Builds an .xlsx with ExcelJS's streaming writer and returns its bytes. */
export async function writeXlsx(
  build: (wb: ExcelJS.stream.xlsx.WorkbookWriter) => Promise<void> | void,
): Promise<Buffer> {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    stream.on('end', resolve);
    stream.on('error', reject);
  });
  const wb = guardWorkbook(new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: true }));
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
  const wb = guardWorkbook(
    new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false }),
  );
  wb.creator = 'RedShield 红盾';
  build(wb)
    .then(() => wb.commit())
    // The error may be logged where the stream ends: never with a query's parameters.
    .catch((e: unknown) => stream.destroy(sanitizedError(e)));
  return stream;
}

/**
 * Print setup for a table meant to be printed: A4, all columns on one page width (as many pages
 * down as needed), the header rows repeated on every page, centred horizontally.
 */
export const printedTable = (
  orientation: 'portrait' | 'landscape',
  headerRows: string,
): Partial<ExcelJS.AddWorksheetOptions> => ({
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
export const attachment = (fileName: string) =>
  `attachment; filename="download${fileName.slice(fileName.lastIndexOf('.'))}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
