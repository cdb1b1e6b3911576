import { deflateRawSync, constants } from 'node:zlib';

/**
 * Hand-made zip archives for hostile-file tests (JSZip cannot store data that was compressed
 * elsewhere, nor lie about sizes). Each part is raw deflate data with the sizes its headers declare.
 */
export interface RawPart {
  name: string;
  /** Raw deflate data (method 8). */
  data: Buffer;
  /** The uncompressed size the headers claim (a bomb claims little). */
  declaredSize: number;
}

export function zipOfRawParts(parts: RawPart[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const name = Buffer.from(part.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(part.data.length, 18);
    local.writeUInt32LE(part.declaredSize, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(part.data.length, 20);
    central.writeUInt32LE(part.declaredSize, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, part.data);
    centrals.push(central, name);
    offset += local.length + name.length + part.data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** Raw deflate data of `text` (small parts). */
export const deflated = (text: string): RawPart['data'] => deflateRawSync(Buffer.from(text, 'utf8'));

/**
 * Raw deflate data that expands to `head`, then `copies` × `block`, then `tail`, built without ever
 * holding the expanded text: `block` is compressed once with a full flush (so it stands alone) and
 * its compressed bytes are repeated.
 */
export function deflatedRepeat(head: string, block: Buffer, copies: number, tail: string): Buffer {
  const flush = (data: Buffer) => deflateRawSync(data, { finishFlush: constants.Z_FULL_FLUSH, level: 9 });
  const end = deflateRawSync(Buffer.from(tail, 'utf8'));
  const repeated = flush(block);
  return Buffer.concat([flush(Buffer.from(head, 'utf8')), ...Array.from({ length: copies }, () => repeated), end]);
}

/** The parts of a one-sheet workbook but the sheet (xl/worksheets/sheet1.xml), each deflated. */
export const WORKBOOK_PARTS: RawPart[] = [
  [
    '[Content_Types].xml',
    '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/></Types>',
  ],
  [
    '_rels/.rels',
    '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
  ],
  [
    'xl/workbook.xml',
    '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>',
  ],
  [
    'xl/_rels/workbook.xml.rels',
    '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
  ],
].map(([name, text]) => ({ name, data: deflated(text), declaredSize: Buffer.byteLength(text) }));

/** A sheet's XML around its rows. */
export const SHEET_START =
  '<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
export const SHEET_END = '</sheetData></worksheet>';

/** A workbook whose sharedStrings.xml holds `strings` one-letter strings (a multiple of 100,000) in a small file. */
export function manySharedStrings(strings: number): Buffer {
  const sharedStrings = deflatedRepeat(
    `<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${strings}" uniqueCount="${strings}">`,
    Buffer.from('<si><t>a</t></si>'.repeat(100_000)),
    strings / 100_000,
    '</sst>',
  );
  return zipOfRawParts([
    ...WORKBOOK_PARTS,
    { name: 'xl/sharedStrings.xml', data: sharedStrings, declaredSize: 1000 },
    {
      name: 'xl/worksheets/sheet1.xml',
      data: deflated(`${SHEET_START}<row r="1"><c r="A1" t="s"><v>0</v></c></row>${SHEET_END}`),
      declaredSize: 200,
    },
  ]);
}
