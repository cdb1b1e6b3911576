import type zh from './photos.messages.zh-CN';

/** English strings of an outing's photos and files: the same keys as photos.messages.zh-CN.ts. */
const messages: Record<keyof typeof zh, string> = {
  'inspectionPhotos.title': 'Photos and files',
  'inspectionPhotos.takePhoto': 'Take photo',
  'inspectionPhotos.uploadFile': 'Upload file',
  'inspectionPhotos.rules':
    'Photos taken with a phone keep when and where they were taken (if the camera may record the location); photos, PDFs and office documents up to 20 MB each.',
  'inspectionPhotos.none': 'No photos or files yet',
  'inspectionPhotos.takenAt': 'Taken at',
  'inspectionPhotos.place': 'Place',
  'inspectionPhotos.unknown': 'not recorded',
  'inspectionPhotos.uploadedBy': 'uploaded by {name} at {at}',
  'inspectionPhotos.files': 'Other files',
  'inspectionPhotos.addPhotos': 'Photos on the spot',
  'inspectionPhotos.addPhotosHint':
    'Uploaded with the record when it is saved; without a network they are kept on this device with it.',
  'inspectionPhotos.queueLabel': 'Inspection of {date}',
  'inspectionPhotos.removePending': 'Remove',
};

export default messages;
