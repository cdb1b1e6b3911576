/**
 * JPEGs whose EXIF says when and where they were taken, as a phone's camera writes it:
 * DateTimeOriginal (local time, no zone), optionally OffsetTimeOriginal, and the GPS position as
 * degrees/minutes/seconds rationals with N/S and E/W. `exifJpeg` is the EXIF alone (enough for
 * exifr and the attachments' type check, for the tests); `demoPhotoJpeg` adds a picture a browser
 * shows (the demo's field photos), encoded in code so the demo ships no binary file.
 */
export interface ExifJpegOptions {
  /** 'YYYY:MM:DD HH:MM:SS' as the camera writes it. */
  dateTimeOriginal?: string;
  /** '+08:00' */
  offsetTimeOriginal?: string;
  /** Decimal degrees; negative for S / W. */
  latitude?: number;
  longitude?: number;
}

interface Entry {
  tag: number;
  type: 2 | 4 | 5;
  count: number;
  data: Buffer;
}

const ascii = (s: string) => Buffer.from(`${s}\0`, 'latin1');

function rationals(degrees: number): Buffer {
  const abs = Math.abs(degrees);
  const d = Math.floor(abs);
  const m = Math.floor((abs - d) * 60);
  const s = Math.round(((abs - d) * 60 - m) * 60 * 10000);
  const b = Buffer.alloc(24);
  [d, 1, m, 1, s, 10000].forEach((v, i) => b.writeUInt32BE(v, i * 4));
  return b;
}

/** Lays out one IFD at `offset`; values over 4 bytes follow it. Returns its bytes. */
function ifd(entries: Entry[], offset: number): Buffer {
  const head = Buffer.alloc(2 + entries.length * 12 + 4);
  head.writeUInt16BE(entries.length, 0);
  let dataOffset = offset + head.length;
  const data: Buffer[] = [];
  entries.forEach((e, i) => {
    const at = 2 + i * 12;
    head.writeUInt16BE(e.tag, at);
    head.writeUInt16BE(e.type, at + 2);
    head.writeUInt32BE(e.count, at + 4);
    if (e.data.length <= 4) e.data.copy(head, at + 8);
    else {
      head.writeUInt32BE(dataOffset, at + 8);
      const padded = e.data.length % 2 ? Buffer.concat([e.data, Buffer.alloc(1)]) : e.data;
      data.push(padded);
      dataOffset += padded.length;
    }
  });
  return Buffer.concat([head, ...data]);
}

const long = (v: number) => {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(v, 0);
  return b;
};

/** The APP1 segment (marker, length, "Exif", TIFF) a camera writes after the start of the image. */
function exifSegment(o: ExifJpegOptions): Buffer {
  const exifEntries: Entry[] = [];
  if (o.dateTimeOriginal) exifEntries.push({ tag: 0x9003, type: 2, count: 20, data: ascii(o.dateTimeOriginal) });
  if (o.offsetTimeOriginal) exifEntries.push({ tag: 0x9011, type: 2, count: 7, data: ascii(o.offsetTimeOriginal) });
  const gpsEntries: Entry[] =
    o.latitude === undefined || o.longitude === undefined
      ? []
      : [
          { tag: 1, type: 2, count: 2, data: ascii(o.latitude < 0 ? 'S' : 'N') },
          { tag: 2, type: 5, count: 3, data: rationals(o.latitude) },
          { tag: 3, type: 2, count: 2, data: ascii(o.longitude < 0 ? 'W' : 'E') },
          { tag: 4, type: 5, count: 3, data: rationals(o.longitude) },
        ];
  // IFD0 points at the Exif and GPS IFDs, which follow it.
  const ifd0Size = 2 + 2 * 12 + 4;
  const exifAt = 8 + ifd0Size;
  const exifIfd = ifd(exifEntries, exifAt);
  const gpsAt = exifAt + exifIfd.length;
  const gpsIfd = ifd(gpsEntries, gpsAt);
  const ifd0 = ifd(
    [
      { tag: 0x8769, type: 4, count: 1, data: long(exifAt) },
      { tag: 0x8825, type: 4, count: 1, data: long(gpsAt) },
    ],
    8,
  );
  const tiff = Buffer.concat([Buffer.from('MM\0\x2a', 'latin1'), long(8), ifd0, exifIfd, gpsIfd]);
  const app1Body = Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff]);
  const app1Length = Buffer.alloc(2);
  app1Length.writeUInt16BE(app1Body.length + 2, 0);
  return Buffer.concat([Buffer.from([0xff, 0xe1]), app1Length, app1Body]);
}

const SOI = Buffer.from([0xff, 0xd8]);
const EOI = Buffer.from([0xff, 0xd9]);

/** The EXIF alone between the start and the end of an image: no picture, but a JPEG to every type check. */
export function exifJpeg(o: ExifJpegOptions): Buffer {
  return Buffer.concat([SOI, exifSegment(o), EOI]);
}

/** A marker segment: FF, the marker, the length (counting itself), the body. */
function segment(marker: number, body: Buffer): Buffer {
  const head = Buffer.from([0xff, marker, 0, 0]);
  head.writeUInt16BE(body.length + 2, 2);
  return Buffer.concat([head, body]);
}

/** Huffman codes of a table given as JPEG writes it (codes per length, then the symbols), canonical. */
function huffmanCodes(counts: number[], symbols: number[]): Map<number, { code: number; length: number }> {
  const codes = new Map<number, { code: number; length: number }>();
  let code = 0;
  let k = 0;
  counts.forEach((n, i) => {
    for (let j = 0; j < n; j += 1) codes.set(symbols[k++], { code: code++, length: i + 1 });
    code <<= 1;
  });
  return codes;
}

// The standard luminance DC table (categories 0–11) and an AC table holding only end-of-block.
const DC_COUNTS = [0, 1, 5, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0];
const DC_SYMBOLS = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
const AC_COUNTS = [1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
const AC_SYMBOLS = [0x00];

class BitWriter {
  private bytes: number[] = [];
  private acc = 0;
  private n = 0;
  write(value: number, length: number) {
    for (let i = length - 1; i >= 0; i -= 1) {
      this.acc = (this.acc << 1) | ((value >> i) & 1);
      if (++this.n === 8) this.flush();
    }
  }
  private flush() {
    this.bytes.push(this.acc);
    if (this.acc === 0xff) this.bytes.push(0); // byte stuffing
    this.acc = 0;
    this.n = 0;
  }
  /** The bits so far, the last byte padded with ones. */
  done(): Buffer {
    if (this.n > 0) this.write(0xff, 8 - this.n);
    return Buffer.from(this.bytes);
  }
}

/**
 * A baseline JPEG of `width` × `height` (multiples of 8) drawn in 8 × 8 blocks of one colour each:
 * each block is its DC coefficient alone (quantiser 1), so the encoder needs no DCT. `colour`
 * gives a block's RGB from its block column and row.
 */
function blockJpeg(width: number, height: number, colour: (bx: number, by: number) => [number, number, number]) {
  const dc = huffmanCodes(DC_COUNTS, DC_SYMBOLS);
  const eob = huffmanCodes(AC_COUNTS, AC_SYMBOLS).get(0)!;
  const bits = new BitWriter();
  const previous = [0, 0, 0];
  for (let by = 0; by < height / 8; by += 1)
    for (let bx = 0; bx < width / 8; bx += 1) {
      const [r, g, b] = colour(bx, by);
      const ycc = [
        0.299 * r + 0.587 * g + 0.114 * b,
        128 - 0.168736 * r - 0.331264 * g + 0.5 * b,
        128 + 0.5 * r - 0.418688 * g - 0.081312 * b,
      ].map((v) => Math.round(8 * (Math.min(255, Math.max(0, v)) - 128)));
      ycc.forEach((value, c) => {
        const diff = value - previous[c];
        previous[c] = value;
        const category = diff === 0 ? 0 : Math.floor(Math.log2(Math.abs(diff))) + 1;
        const { code, length } = dc.get(category)!;
        bits.write(code, length);
        if (category) bits.write(diff > 0 ? diff : diff + (1 << category) - 1, category);
        bits.write(eob.code, eob.length);
      });
    }
  const frame = Buffer.from([
    8,
    height >> 8,
    height & 255,
    width >> 8,
    width & 255,
    3,
    1,
    0x11,
    0,
    2,
    0x11,
    0,
    3,
    0x11,
    0,
  ]);
  return Buffer.concat([
    segment(0xdb, Buffer.concat([Buffer.from([0]), Buffer.alloc(64, 1)])),
    segment(0xc0, frame),
    segment(0xc4, Buffer.from([0x00, ...DC_COUNTS, ...DC_SYMBOLS, 0x10, ...AC_COUNTS, ...AC_SYMBOLS])),
    segment(0xda, Buffer.from([3, 1, 0x00, 2, 0x00, 3, 0x00, 0, 63, 0])),
    bits.done(),
  ]);
}

/**
 * A field photo for the demo (160 × 120): goods stacked on a yard under a grey sky, in blocks, with
 * the EXIF of the phone that took it.
 */
export function demoPhotoJpeg(o: ExifJpegOptions): Buffer {
  const picture = blockJpeg(160, 120, (bx, by) => {
    if (by < 5) return [170 + by * 8, 180 + by * 8, 195 + by * 6]; // sky
    const crate = by >= 7 && by < 13 && bx >= 4 && bx < 16;
    if (crate) return (bx + by) % 3 === 0 ? [150, 40, 35] : [185, 60, 50]; // red crates
    if (by === 6 && bx >= 3 && bx < 17) return [240, 240, 235]; // 封条
    return by % 2 ? [120, 118, 112] : [128, 126, 120]; // yard
  });
  return Buffer.concat([SOI, exifSegment(o), picture, EOI]);
}
