import { deflateSync } from 'node:zlib';
import { officialDocumentBuffer } from '../platform/documents/official-document';

/** CRC-32 (ISO 3309, as PNG chunks carry it). */
function crc32(bytes: Buffer): number {
  let c = ~0;
  for (const b of bytes) {
    c ^= b;
    for (let k = 0; k < 8; k += 1) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
  }
  return ~c >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const out = Buffer.alloc(body.length + 8);
  out.writeUInt32BE(data.length, 0);
  body.copy(out, 4);
  out.writeUInt32BE(crc32(body), body.length + 4);
  return out;
}

/**
 * A small picture for the demo's "现场照片" (160 × 120, RGB): a market stall under a blue sky, drawn
 * in code so the demo ships no binary file.
 */
export function demoPhotoPng(width = 160, height = 120): Buffer {
  const rows: Buffer[] = [];
  for (let y = 0; y < height; y += 1) {
    const row = Buffer.alloc(1 + width * 3); // filter byte 0, then RGB
    for (let x = 0; x < width; x += 1) {
      const awning = y >= 30 && y < 45 && x >= 20 && x < 140;
      const stall = y >= 45 && y < 95 && x >= 30 && x < 130;
      const rgb = awning
        ? Math.floor(x / 12) % 2
          ? [220, 50, 40]
          : [245, 245, 240]
        : stall
          ? [150 + ((x * 7 + y * 3) % 60), 110, 60]
          : y < 60
            ? [120, 170, 225 - y]
            : [110, 110, 105];
      row.set(rgb, 1 + x * 3);
    }
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8 bits, truecolour, deflate, no filter, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A one-page 情况说明 in the official layout (.docx), as a unit sends with its report. */
export function demoNoteDocx(unitName: string, title: string, paragraphs: string[], date: string): Promise<Buffer> {
  return officialDocumentBuffer({
    organMark: unitName,
    title,
    body: paragraphs.map((text) => ({ kind: 'paragraph' as const, text })),
    signature: unitName,
    date,
  });
}
