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
