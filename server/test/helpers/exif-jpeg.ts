/**
 * A small JPEG whose EXIF says when and where it was taken, as a phone's camera writes it:
 * DateTimeOriginal (local time, no zone), optionally OffsetTimeOriginal, and the GPS position as
 * degrees/minutes/seconds rationals with N/S and E/W. Enough for exifr and for the attachments'
 * type check (JPEG's first bytes); not a picture anyone could look at.
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

export function exifJpeg(o: ExifJpegOptions): Buffer {
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
  return Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe1]), app1Length, app1Body, Buffer.from([0xff, 0xd9])]);
}
