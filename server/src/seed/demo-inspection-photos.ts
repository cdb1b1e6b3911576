import type { Actor } from '../platform/actor';
import type { Services } from '../services';
import { DEMO_OUTING_PHOTOS } from './demo-inspection-photos.data';

/** The photo's EXIF date (2000:01:01 in the stored bytes, same length) set to the outing's day. */
function takenOn(jpeg: Buffer, isoDate: string): Buffer {
  const at = jpeg.indexOf('2000:01:01', 0, 'latin1');
  if (at >= 0) jpeg.write(isoDate.replaceAll('-', ':'), at, 'latin1');
  return jpeg;
}

/**
 * Photos on the demo's outings (issue 21): the two newest outings of 崇明区局's 执法大队 carry
 * photos taken on the spot with a phone, 拍摄时间 (the outing's day) and place (城桥镇, 堡镇 on
 * 崇明岛) in their EXIF as a phone writes them, uploaded through the service like any photo.
 */
export async function seedDemoInspectionPhotos(services: Services, handler: Actor) {
  const { items } = await services.inspectionsService.list(handler, { page: 1, pageSize: 2 });
  for (const [i, outing] of items.entries()) {
    for (const photo of DEMO_OUTING_PHOTOS.filter((p) => p.outing === i)) {
      await services.inspectionAttachmentsService.add(handler, outing.id, {
        fileName: photo.fileName,
        content: takenOn(Buffer.from(photo.base64, 'base64'), outing.inspectionDate),
      });
    }
  }
}
