import type { Readable } from 'node:stream';
import type { Cell, TableRow } from './read-table';
import { checkedXlsx, partStream, unreadableFile, type CheckedPart } from './xlsx-package';

/**
 * The rows of an .xlsx's first sheet, read straight from its XML (SpreadsheetML) as it is inflated:
 * a row at a time, only the shared strings held in memory. What a general spreadsheet library
 * builds for every cell (styles, addresses, formula models) an import never uses; this reads the
 * values alone, several times faster and with a small fraction of the garbage.
 *
 * Read as Excel shows them: shared and inline strings (rich text joined, phonetic guides left out),
 * numbers, booleans, errors as empty, a formula's cached result, and numbers whose cell format is
 * a date (built-in or custom) as dates, in the 1900 or 1904 system the workbook uses.
 */

/** A row may hold this many cells; more is not a table a person made (Excel stops at 16,384). */
export const MAX_COLUMNS = 16_384;
/** The XML of one row may be this long (the sheet is read a row at a time). */
const MAX_ROW_CHARS = 16 * 1024 * 1024;

const tooManyColumns = (row: number) => unreadableFile(`第 ${row} 行超过 ${MAX_COLUMNS} 列，文件内容有误`);

const ENTITY = /&(?:#(\d+)|#x([0-9a-fA-F]+)|(lt|gt|amp|quot|apos));/g;
const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
/** XML text with its character references decoded. */
function xmlText(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(ENTITY, (_, dec: string, hex: string, name: string) =>
    name ? NAMED[name] : String.fromCodePoint(dec ? Number(dec) : parseInt(hex, 16)),
  );
}

const ATTRIBUTE = new Map<string, RegExp>();
/** The value of one attribute in a tag's text, or undefined. */
function attribute(tag: string, name: string): string | undefined {
  let re = ATTRIBUTE.get(name);
  if (!re) ATTRIBUTE.set(name, (re = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`)));
  const m = re.exec(tag);
  return m ? xmlText(m[1] ?? m[2]) : undefined;
}

/** The text of the <t> elements in a string item, rich-text runs joined, phonetic guides (<rPh>) left out. */
function stringItem(xml: string): string {
  const withoutGuides = xml.includes('rPh') ? xml.replace(/<(\w+:)?rPh\b[\s\S]*?<\/(\w+:)?rPh>/g, '') : xml;
  let text = '';
  const t = /<(?:\w+:)?t(?:\s[^>]*)?>([\s\S]*?)<\/(?:\w+:)?t>/g;
  for (let m = t.exec(withoutGuides); m; m = t.exec(withoutGuides)) text += m[1];
  return xmlText(text);
}

/** Elements `<name …>…</name>` (or self-closed) of an XML stream, one complete element at a time. */
async function* elements(part: Readable, name: string): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8');
  const open = new RegExp(`<(?:\\w+:)?${name}[\\s/>]`, 'g');
  let text = '';
  // Where the end of an element begun in an earlier chunk is looked for (a long row is not searched again).
  let closeFrom = 0;
  for await (const chunk of part as AsyncIterable<Buffer>) {
    text += decoder.decode(chunk, { stream: true });
    let at = 0;
    for (;;) {
      open.lastIndex = at;
      const start = open.exec(text);
      if (!start) {
        // Keep the tail that could begin an element cut by the chunk's end.
        at = Math.max(at, text.length - 64);
        break;
      }
      const tagEnd = text.indexOf('>', start.index);
      if (tagEnd < 0) {
        at = start.index;
        break;
      }
      if (text[tagEnd - 1] === '/') {
        yield text.slice(start.index, tagEnd + 1);
        at = tagEnd + 1;
        continue;
      }
      const closeTag = `</${start[0].slice(1, start[0].length - 1)}>`;
      const close = text.indexOf(closeTag, Math.max(tagEnd, closeFrom));
      if (close < 0) {
        at = start.index;
        closeFrom = Math.max(tagEnd, text.length - closeTag.length);
        break;
      }
      closeFrom = 0;
      yield text.slice(start.index, close + closeTag.length);
      at = close + closeTag.length;
    }
    if (closeFrom) closeFrom -= at;
    text = text.slice(at);
    if (text.length > MAX_ROW_CHARS) throw unreadableFile('文件中有一行内容过长，文件内容有误');
  }
}

/** Built-in number formats that show a date or a time (ECMA-376 18.8.30, with the CJK ones). */
const BUILTIN_DATE_FORMATS = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56,
  57, 58,
]);
/** A custom format shows a date when, outside quotes and [brackets], it has a date or time letter. */
const isDateFormat = (code: string) => /[ymdhsb]/i.test(code.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));

/** For each cell format (the `s` of a cell), whether it shows a date. */
function dateStyles(stylesXml: string): boolean[] {
  const custom = new Map<number, string>();
  for (const m of stylesXml.matchAll(/<(?:\w+:)?numFmt\s[^>]*>/g)) {
    const id = Number(attribute(m[0], 'numFmtId'));
    const code = attribute(m[0], 'formatCode');
    if (Number.isInteger(id) && code !== undefined) custom.set(id, code);
  }
  const cellXfs = /<(?:\w+:)?cellXfs\b[\s\S]*?<\/(?:\w+:)?cellXfs>/.exec(stylesXml)?.[0] ?? '';
  return [...cellXfs.matchAll(/<(?:\w+:)?xf\s[^>]*>/g)].map((m) => {
    const id = Number(attribute(m[0], 'numFmtId') ?? 0);
    const code = custom.get(id);
    return code !== undefined ? isDateFormat(code) : BUILTIN_DATE_FORMATS.has(id);
  });
}

/** A spreadsheet serial day as the date it shows (midnight UTC of that day; ExcelJS's rounding). */
const serialDate = (serial: number, date1904: boolean) =>
  new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86_400_000));

/** The column number (1 = A) of a cell reference such as "AB12"; 0 when there is none. */
function columnOf(ref: string | undefined): number {
  if (!ref) return 0;
  let col = 0;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i) | 0x20;
    if (c < 97 || c > 122) break;
    col = col * 26 + (c - 96);
  }
  return col;
}

const CELL = /<(?:\w+:)?c(?=[\s/>])([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?c>)/g;
const VALUE = /<(?:\w+:)?v(?:\s[^>]*)?>([\s\S]*?)<\/(?:\w+:)?v>/;
const INLINE = /<(?:\w+:)?is(?:\s[^>]*)?>([\s\S]*?)<\/(?:\w+:)?is>/;

/** An .xlsx checked (checkedXlsx) and ready to read its sheet: what every reading of it shares. */
export interface XlsxBook {
  filePath: string;
  sheet: CheckedPart;
  strings: string[];
  isDate: boolean[];
  date1904: boolean;
}

/** Checks an .xlsx and reads its shared strings and cell formats (once for every reading of the sheet). */
export async function openXlsx(filePath: string): Promise<XlsxBook> {
  const checked = await checkedXlsx(filePath);
  return {
    filePath,
    sheet: checked.sheet,
    strings: checked.sharedStrings ? await sharedStrings(filePath, checked.sharedStrings) : [],
    isDate: dateStyles(checked.stylesXml),
    date1904: /<(?:\w+:)?workbookPr\b[^>]*\bdate1904\s*=\s*["'](1|true)["']/.test(checked.workbookXml),
  };
}

/** Streams the rows of the first sheet of an .xlsx (opened by openXlsx, or here). */
export async function* xlsxSheetRows(file: string | Promise<XlsxBook>): AsyncGenerator<TableRow> {
  const { filePath, sheet: part, strings, isDate, date1904 } = await (typeof file === 'string' ? openXlsx(file) : file);
  const sheet = partStream(filePath, part);
  let rowNumber = 0;
  try {
    for await (const rowXml of elements(sheet, 'row')) {
      const tagEnd = rowXml.indexOf('>');
      const r = Number(attribute(rowXml.slice(0, tagEnd + 1), 'r'));
      rowNumber = Number.isInteger(r) && r > 0 ? r : rowNumber + 1;
      const cells: Cell[] = [];
      CELL.lastIndex = tagEnd + 1;
      for (let m = CELL.exec(rowXml); m; m = CELL.exec(rowXml)) {
        const attrs = m[1];
        const col = columnOf(attribute(attrs, 'r')) || cells.length + 1;
        if (col > MAX_COLUMNS) throw tooManyColumns(rowNumber);
        while (cells.length < col - 1) cells.push(null);
        cells[col - 1] = cellValue(attrs, m[2] ?? '', strings, isDate, date1904);
      }
      yield { row: rowNumber, cells };
    }
  } finally {
    (sheet as unknown as { destroy(): void }).destroy();
  }
}

function cellValue(attrs: string, body: string, strings: string[], isDate: boolean[], date1904: boolean): Cell {
  const type = attribute(attrs, 't') ?? 'n';
  if (type === 'inlineStr') {
    const inline = INLINE.exec(body);
    return inline ? stringItem(inline[1]) : null;
  }
  const v = VALUE.exec(body);
  if (!v) return null;
  const raw = v[1];
  switch (type) {
    case 's':
      return strings[Number(raw)] ?? null;
    case 'str':
      return xmlText(raw);
    case 'b':
      return raw.trim() !== '0';
    case 'e':
      return null;
    case 'd': {
      const d = new Date(xmlText(raw).trim());
      return Number.isNaN(d.getTime()) ? xmlText(raw) : d;
    }
    default: {
      if (raw.trim() === '') return null;
      const n = Number(raw);
      if (Number.isNaN(n)) return xmlText(raw);
      const s = Number(attribute(attrs, 's') ?? 0);
      return isDate[s] ? serialDate(n, date1904) : n;
    }
  }
}

/** The shared-strings table (its size and count were limited by checkedXlsx). */
async function sharedStrings(filePath: string, part: CheckedPart): Promise<string[]> {
  const strings: string[] = [];
  const stream = partStream(filePath, part);
  try {
    for await (const si of elements(stream, 'si'))
      strings.push(si.endsWith('/>') && !si.includes('</') ? '' : stringItem(si));
  } finally {
    (stream as unknown as { destroy(): void }).destroy();
  }
  return strings;
}
