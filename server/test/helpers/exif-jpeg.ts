/** A JPEG whose EXIF says when and where it was taken: the demo's builder (seed/demo-jpeg.ts), for the tests. */
export { exifJpeg, type ExifJpegOptions } from '../../src/seed/demo-jpeg';
