import { createReadStream } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { createInflateRaw } from 'node:zlib';
import { AppError } from '../errors';

/**
 * What an .xlsx may expand to (docs/import.md). A 100,000-row 12315 export is about 10 MB zipped,
 * its sheet some 100–350 MB of XML and its shared strings well under a million; these are several
 * times that, and small enough that neither the memory nor the disk of the server is at risk.
 */
export const XLSX_LIMITS = {
  /** Parts in the zip (a workbook has a few dozen; thousands means something else). */
  entries: 10_000,
  /** The first sheet's XML, uncompressed. */
  sheetBytes: 1024 * 1024 * 1024,
  /** The shared-strings table: held in memory while the sheet is read, so limited in size and count. */
  sharedStringsBytes: 200 * 1024 * 1024,
  sharedStrings: 2_000_000,
  /** Each other part that is read (workbook, its relationships, styles). */
  otherPartBytes: 20 * 1024 * 1024,
  /**
   * Past 64 MB, a part may expand to at most 400 times its compressed size (spreadsheet XML is
   * 5–50 times; a bomb is thousands), so a bomb is refused after 64 MB of inflating, not 1 GB.
   */
  ratioAfterBytes: 64 * 1024 * 1024,
  ratio: 400,
} as const;

const MB = 1024 * 1024;
const tooLarge = (detail: string) => new AppError(413, '文件过大', detail, [{ path: 'file', message: detail }]);
export const unreadableFile = (detail: string) =>
  new AppError(422, '文件无法读取', detail, [{ path: 'file', message: detail }]);
const corrupt = () => unreadableFile('文件已损坏或不是有效的 .xlsx 文件（请用 Excel 打开后另存为 .xlsx 再导入）');

interface ZipEntry {
  name: string;
  flags: number;
  method: number;
  crc: number;
  compressedSize: number;
  localHeaderOffset: number;
}

/** A part chosen to be read, with its data's place in the file and its real uncompressed size. */
export interface CheckedPart {
  entry: ZipEntry;
  dataStart: number;
  size: number;
}

const SIG_EOCD = 0x06054b50;
const SIG_EOCD64_LOCATOR = 0x07064b50;
const SIG_EOCD64 = 0x06064b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_LOCAL = 0x04034b50;

async function readAt(handle: FileHandle, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  const { bytesRead } = await handle.read(buffer, 0, length, position);
  if (bytesRead !== length) throw corrupt();
  return buffer;
}

const u64 = (b: Buffer, at: number) => {
  const value = b.readBigUInt64LE(at);
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw corrupt();
  return Number(value);
};

/** The zip's central directory: every part's name, compression and where its data lies. */
async function readCentralDirectory(handle: FileHandle, fileSize: number): Promise<ZipEntry[]> {
  const tailLength = Math.min(fileSize, 22 + 0xffff);
  if (tailLength < 22) throw corrupt();
  const tail = await readAt(handle, fileSize - tailLength, tailLength);
  let eocd = -1;
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tail.readUInt32LE(i) === SIG_EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw corrupt();
  let count = tail.readUInt16LE(eocd + 10);
  let size = tail.readUInt32LE(eocd + 12);
  let offset = tail.readUInt32LE(eocd + 16);
  if (count === 0xffff || size === 0xffffffff || offset === 0xffffffff) {
    const locatorAt = fileSize - tailLength + eocd - 20;
    if (locatorAt < 0) throw corrupt();
    const locator = await readAt(handle, locatorAt, 20);
    if (locator.readUInt32LE(0) !== SIG_EOCD64_LOCATOR) throw corrupt();
    const eocd64 = await readAt(handle, u64(locator, 8), 56);
    if (eocd64.readUInt32LE(0) !== SIG_EOCD64) throw corrupt();
    count = u64(eocd64, 32);
    size = u64(eocd64, 40);
    offset = u64(eocd64, 48);
  }
  if (count > XLSX_LIMITS.entries)
    throw tooLarge(`文件包含 ${count} 个部件，超过 ${XLSX_LIMITS.entries} 个，不像是导出的表格，请另存为 .xlsx 后导入`);
  if (offset + size > fileSize || size > 64 * MB) throw corrupt();
  const dir = await readAt(handle, offset, size);
  const entries: ZipEntry[] = [];
  let at = 0;
  for (let i = 0; i < count; i++) {
    if (at + 46 > dir.length || dir.readUInt32LE(at) !== SIG_CENTRAL) throw corrupt();
    const nameLength = dir.readUInt16LE(at + 28);
    const extraLength = dir.readUInt16LE(at + 30);
    const commentLength = dir.readUInt16LE(at + 32);
    const entry: ZipEntry & { uncompressedSize: number } = {
      name: dir.toString('utf8', at + 46, at + 46 + nameLength),
      flags: dir.readUInt16LE(at + 8),
      method: dir.readUInt16LE(at + 10),
      crc: dir.readUInt32LE(at + 16),
      compressedSize: dir.readUInt32LE(at + 20),
      uncompressedSize: dir.readUInt32LE(at + 24),
      localHeaderOffset: dir.readUInt32LE(at + 42),
    };
    // ZIP64: the sizes and offset that do not fit 32 bits are in the extra field 0x0001, in this order.
    let extra = at + 46 + nameLength;
    const extraEnd = extra + extraLength;
    while (extra + 4 <= extraEnd) {
      const id = dir.readUInt16LE(extra);
      const length = dir.readUInt16LE(extra + 2);
      if (id === 0x0001) {
        let field = extra + 4;
        for (const key of ['uncompressedSize', 'compressedSize', 'localHeaderOffset'] as const) {
          if (entry[key] === 0xffffffff && field + 8 <= extra + 4 + length) {
            entry[key] = u64(dir, field);
            field += 8;
          }
        }
      }
      extra += 4 + length;
    }
    entries.push(entry);
    at = extraEnd + commentLength;
  }
  return entries;
}

/**
 * Inflates one part without keeping it, counting the bytes it really expands to (the sizes a zip
 * declares may lie) and stopping at the limit. Calls `onChunk` with each piece of the output.
 */
async function measurePart(
  filePath: string,
  handle: FileHandle,
  entry: ZipEntry,
  limit: number,
  onLimit: () => AppError,
  onChunk?: (chunk: Buffer) => void,
): Promise<CheckedPart> {
  if (entry.flags & 0x1) throw unreadableFile('文件已加密，请取消密码保护后再导入');
  if (entry.method !== 0 && entry.method !== 8) throw corrupt();
  const local = await readAt(handle, entry.localHeaderOffset, 30);
  if (local.readUInt32LE(0) !== SIG_LOCAL) throw corrupt();
  const dataStart = entry.localHeaderOffset + 30 + local.readUInt16LE(26) + local.readUInt16LE(28);
  let size = 0;
  if (entry.compressedSize > 0) {
    const source = createReadStream(filePath, { start: dataStart, end: dataStart + entry.compressedSize - 1 });
    const output = entry.method === 8 ? source.pipe(createInflateRaw()) : source;
    try {
      for await (const chunk of output as AsyncIterable<Buffer>) {
        size += chunk.length;
        if (size > limit) throw onLimit();
        if (size > XLSX_LIMITS.ratioAfterBytes && size > XLSX_LIMITS.ratio * entry.compressedSize) {
          throw tooLarge(
            `文件中的“${entry.name}”解压后超过压缩大小的 ${XLSX_LIMITS.ratio} 倍，不像是正常的表格，请用 Excel 另存为 .xlsx 后导入`,
          );
        }
        onChunk?.(chunk);
      }
    } catch (e) {
      if (e instanceof AppError) throw e;
      throw corrupt();
    } finally {
      source.destroy();
      output.destroy();
    }
  }
  return { entry, dataStart, size };
}

/** Counts `<si>` elements (shared strings) in a stream of XML, across chunk boundaries. */
function sharedStringCounter(limit: number) {
  let count = 0;
  let carry = Buffer.alloc(0);
  return (chunk: Buffer) => {
    const text = Buffer.concat([carry, chunk]);
    for (let i = text.indexOf('<si'); i >= 0 && i + 3 < text.length; i = text.indexOf('<si', i + 3)) {
      const next = text[i + 3];
      if (next === 0x3e || next === 0x20 || next === 0x2f || next === 0x09 || next === 0x0a || next === 0x0d)
        count += 1;
    }
    carry = text.subarray(Math.max(0, text.length - 3));
    if (count > limit) throw tooLarge(`文件的共享字符串超过 ${limit.toLocaleString('en-US')} 个，请拆分后导入`);
  };
}

/** The first sheet, as the workbook lists it (the lowest-numbered sheet part when that cannot be told). */
function firstSheetName(names: Set<string>, workbookXml: string, relsXml: string): string | null {
  const sheet = /<(?:\w+:)?sheet\b[^>]*?\s(?:\w+:)id="([^"]+)"/.exec(workbookXml);
  if (sheet) {
    for (const rel of relsXml.match(/<(?:\w+:)?Relationship\b[^>]*>/g) ?? []) {
      if (/\bId="([^"]+)"/.exec(rel)?.[1] !== sheet[1]) continue;
      const target = /\bTarget="([^"]+)"/.exec(rel)?.[1] ?? '';
      const name = target.startsWith('/') ? target.slice(1) : `xl/${target}`;
      if (names.has(name) && /^xl\/worksheets\/sheet\d+\.xml$/.test(name)) return name;
    }
  }
  const sheets = [...names].filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n));
  sheets.sort((a, b) => Number(/\d+/.exec(a)![0]) - Number(/\d+/.exec(b)![0]));
  return sheets[0] ?? null;
}

/** The parts of a checked .xlsx that the sheet reader reads (xlsx-sheet.ts), each measured. */
export interface CheckedXlsx {
  filePath: string;
  sheet: CheckedPart;
  sharedStrings: CheckedPart | null;
  /** The styles' and the workbook's XML (cell formats, date1904), at most 20 MB each, read whole. */
  stylesXml: string;
  workbookXml: string;
}

/** A checked part's content, inflated as it is read (its size was measured by the check). */
export function partStream(filePath: string, part: CheckedPart): Readable {
  if (part.entry.compressedSize === 0) return Readable.from([]);
  const source = createReadStream(filePath, {
    start: part.dataStart,
    end: part.dataStart + part.entry.compressedSize - 1,
  });
  if (part.entry.method !== 8) return source;
  const inflate = createInflateRaw();
  source.on('error', (e) => inflate.destroy(e));
  inflate.on('close', () => source.destroy());
  return source.pipe(inflate);
}

/**
 * Checks an .xlsx before it is parsed, and returns the parts the spreadsheet reader parses.
 *
 * The central directory is read first; then the parts the reader needs (the workbook, its
 * relationships, the styles, the shared strings and the first sheet) are inflated once without
 * being kept, counting what they really expand to, and the shared strings are counted: a file over
 * a limit is refused with 413 before anything is held in memory or written to disk. The sheet
 * reader (xlsx-sheet.ts) then inflates exactly those parts again, streaming the sheet.
 */
export async function checkedXlsx(filePath: string): Promise<CheckedXlsx> {
  const handle = await open(filePath);
  try {
    const { size: fileSize } = await handle.stat();
    const entries = await readCentralDirectory(handle, fileSize);
    const byName = new Map(entries.map((e) => [e.name, e]));
    const other = (name: string) => () =>
      tooLarge(`文件中的“${name}”解压后超过 ${XLSX_LIMITS.otherPartBytes / MB} MB，请另存为 .xlsx 后导入`);

    const parts: CheckedPart[] = [];
    const texts: Record<string, string> = {};
    for (const name of ['xl/_rels/workbook.xml.rels', 'xl/workbook.xml', 'xl/styles.xml']) {
      const entry = byName.get(name);
      if (!entry) continue;
      const chunks: Buffer[] = [];
      parts.push(
        await measurePart(filePath, handle, entry, XLSX_LIMITS.otherPartBytes, other(name), (c) => chunks.push(c)),
      );
      texts[name] = Buffer.concat(chunks).toString('utf8');
    }
    if (!byName.has('xl/workbook.xml')) throw corrupt();

    const strings = byName.get('xl/sharedStrings.xml');
    if (strings) {
      const tooBig = () =>
        tooLarge(`文件的共享字符串解压后超过 ${XLSX_LIMITS.sharedStringsBytes / MB} MB，请拆分后导入`);
      parts.push(
        await measurePart(
          filePath,
          handle,
          strings,
          XLSX_LIMITS.sharedStringsBytes,
          tooBig,
          sharedStringCounter(XLSX_LIMITS.sharedStrings),
        ),
      );
    }

    const sheetName = firstSheetName(
      new Set(byName.keys()),
      texts['xl/workbook.xml'] ?? '',
      texts['xl/_rels/workbook.xml.rels'] ?? '',
    );
    if (!sheetName) throw unreadableFile('文件中没有工作表');
    const sheetTooBig = () => tooLarge(`工作表解压后超过 ${XLSX_LIMITS.sheetBytes / MB} MB，请拆分后导入`);

    const sheet = await measurePart(filePath, handle, byName.get(sheetName)!, XLSX_LIMITS.sheetBytes, sheetTooBig);
    return {
      filePath,
      sheet,
      sharedStrings: strings ? parts.find((p) => p.entry === strings)! : null,
      stylesXml: texts['xl/styles.xml'] ?? '',
      workbookXml: texts['xl/workbook.xml'] ?? '',
    };
  } finally {
    await handle.close();
  }
}
