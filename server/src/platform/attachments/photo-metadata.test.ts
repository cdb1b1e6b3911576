import { describe, expect, it } from 'vitest';
import { exifJpeg } from '../../../test/helpers/exif-jpeg';
import { photoMetadata } from './photo-metadata';

describe('photoMetadata', () => {
  it('reads when and where a phone took the photo, in China time when no offset is written', async () => {
    const photo = exifJpeg({ dateTimeOriginal: '2026:09:18 14:05:30', latitude: 31.622512, longitude: 121.397843 });
    const m = await photoMetadata('image/jpeg', photo);
    expect(m.takenAt?.toISOString()).toBe('2026-09-18T06:05:30.000Z');
    expect(m.takenLatitude).toBe('31.622512');
    expect(m.takenLongitude).toBe('121.397843');
  });

  it('honours the offset the camera wrote, and south and west', async () => {
    const photo = exifJpeg({
      dateTimeOriginal: '2026:01:02 03:04:05',
      offsetTimeOriginal: '+00:00',
      latitude: -33.5,
      longitude: -70.25,
    });
    const m = await photoMetadata('image/jpeg', photo);
    expect(m.takenAt?.toISOString()).toBe('2026-01-02T03:04:05.000Z');
    expect(m.takenLatitude).toBe('-33.500000');
    expect(m.takenLongitude).toBe('-70.250000');
  });

  it('gives nulls for a photo without EXIF, another type, or a damaged file', async () => {
    const none = { takenAt: null, takenLatitude: null, takenLongitude: null };
    expect(await photoMetadata('image/jpeg', exifJpeg({}))).toEqual(none);
    expect(await photoMetadata('image/jpeg', Buffer.from([0xff, 0xd8, 0xff, 0xe1, 0, 4, 1, 2]))).toEqual(none);
    expect(await photoMetadata('application/pdf', Buffer.from('%PDF-1.4'))).toEqual(none);
  });
});
