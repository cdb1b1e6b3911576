import exifr from 'exifr';

/** When and where a photo was taken, as its camera wrote it (EXIF); nulls when it did not. */
export interface PhotoMetadata {
  takenAt: Date | null;
  /** WGS 84 degrees as exact text with 6 places (the `numeric(9,6)` columns of photoColumns()). */
  takenLatitude: string | null;
  takenLongitude: string | null;
}

export const NO_PHOTO_METADATA: PhotoMetadata = { takenAt: null, takenLatitude: null, takenLongitude: null };

/** A camera's local time without a zone is China's (UTC+8) unless the photo names its offset. */
const CHINA_OFFSET = '+08:00';

/**
 * Reads 拍摄时间 and place from a JPEG's EXIF (phones write both when the person allows it). Any
 * other type, a photo without EXIF, or EXIF that cannot be read gives nulls: the file is kept
 * either way, the metadata is only what the phone said.
 */
export async function photoMetadata(mimeType: string, content: Buffer): Promise<PhotoMetadata> {
  if (mimeType !== 'image/jpeg') return NO_PHOTO_METADATA;
  let tags: Record<string, unknown> | undefined;
  try {
    tags = await exifr.parse(content, {
      pick: [
        'DateTimeOriginal',
        'OffsetTimeOriginal',
        'GPSLatitude',
        'GPSLatitudeRef',
        'GPSLongitude',
        'GPSLongitudeRef',
      ],
      reviveValues: false,
      translateValues: false,
    });
  } catch {
    return NO_PHOTO_METADATA;
  }
  if (!tags) return NO_PHOTO_METADATA;
  return {
    takenAt: takenAtOf(tags.DateTimeOriginal, tags.OffsetTimeOriginal),
    takenLatitude: degreesOf(tags.GPSLatitude, tags.GPSLatitudeRef, 90),
    takenLongitude: degreesOf(tags.GPSLongitude, tags.GPSLongitudeRef, 180),
  };
}

function takenAtOf(dateTime: unknown, offset: unknown): Date | null {
  const m = typeof dateTime === 'string' ? /^(\d{4}):(\d{2}):(\d{2}) (\d{2}):(\d{2}):(\d{2})/.exec(dateTime) : null;
  if (!m) return null;
  const zone = typeof offset === 'string' && /^[+-]\d{2}:\d{2}$/.test(offset.trim()) ? offset.trim() : CHINA_OFFSET;
  const at = new Date(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}${zone}`);
  return Number.isNaN(at.getTime()) ? null : at;
}

/** [degrees, minutes, seconds] and N/S or E/W → signed decimal degrees, 6 places. */
function degreesOf(dms: unknown, ref: unknown, limit: number): string | null {
  if (!Array.isArray(dms) || dms.length !== 3 || !dms.every((v) => typeof v === 'number' && Number.isFinite(v)))
    return null;
  const [d, m, s] = dms as number[];
  const value = (d + m / 60 + s / 3600) * (ref === 'S' || ref === 'W' ? -1 : 1);
  if (Math.abs(value) > limit || (d === 0 && m === 0 && s === 0)) return null;
  return value.toFixed(6);
}
