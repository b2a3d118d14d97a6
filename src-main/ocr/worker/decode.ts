/**
 * Reading and decoding an image file (sharp/libvips): the I/O shell around the pure pipeline.
 * Every way a file can be wrong ends in an OcrFailure with a code the operator can act on.
 */
import { createRequire } from 'node:module';
import type { Metadata, SharpOptions } from 'sharp';
import { LIMITS, OcrFailure } from '../../image/image-file';
import { FORMAT_NAMES, sniffFormat } from '../../image/sniff-format';
import type { RgbImage } from './pipeline/image';

// Required, not imported: Node's ES-module loader would compile sharp's ES build module by module
// (about 40 ms more at every start, which a one-screenshot read pays).
const sharp = createRequire(import.meta.url)('sharp') as typeof import('sharp').default;

// libvips keeps a cache of decoded images; a worker reads each file once, so it is only memory.
sharp.cache(false);
// One libvips thread per decode: the models already use the cores, and decode is the small part.
sharp.concurrency(1);

/** 8-bit RGB, EXIF orientation applied, transparency flattened on white, first frame only. */
export async function decodeImage(bytes: Buffer): Promise<RgbImage> {
  const sniffed = sniffFormat(bytes.subarray(0, 512));
  if (!sniffed.supported) {
    throw new OcrFailure('UNSUPPORTED_FORMAT', `The file is ${FORMAT_NAMES[sniffed.format]}; Recibo reads PNG, JPEG, WebP, GIF, TIFF and AVIF images`);
  }
  const options: SharpOptions = { limitInputPixels: LIMITS.maxPixels, failOn: 'truncated', pages: 1, animated: false };
  let meta: Metadata;
  try {
    meta = await sharp(bytes, { ...options, limitInputPixels: false }).metadata();
  } catch (e) {
    throw new OcrFailure('CORRUPT_IMAGE', `The ${sniffed.format.toUpperCase()} data cannot be read: ${(e as Error).message}`);
  }
  const width = meta.width ?? 0;
  const height = meta.pageHeight ?? meta.height ?? 0;
  if (width * height > LIMITS.maxPixels) {
    throw new OcrFailure('TOO_LARGE', `The image is ${width}x${height} (${((width * height) / 1e6).toFixed(1)} megapixels); the limit is ${LIMITS.maxPixels / 1e6} megapixels`);
  }
  if (Math.min(width, height) < LIMITS.minSide) {
    throw new OcrFailure('TOO_SMALL', `The image is ${width}x${height}; at least ${LIMITS.minSide} pixels on each side are needed to read text`);
  }
  try {
    const { data, info } = await sharp(bytes, options)
      .autoOrient()
      .flatten({ background: '#ffffff' })
      .toColourspace('srgb')
      .removeAlpha()
      .raw({ depth: 'uchar' })
      .toBuffer({ resolveWithObject: true });
    if (info.channels !== 3) throw new Error(`decoder returned ${info.channels} channels`);
    return { data: new Uint8Array(data.buffer, data.byteOffset, data.length), width: info.width, height: info.height };
  } catch (e) {
    throw new OcrFailure('CORRUPT_IMAGE', `The ${sniffed.format.toUpperCase()} data is damaged or incomplete: ${(e as Error).message}`);
  }
}

/** Resized copy for the detector (libvips is far faster and smoother than resampling in JS). */
export async function resizeRgb(img: RgbImage, width: number, height: number): Promise<RgbImage> {
  if (img.width === width && img.height === height) return img;
  const { data } = await sharp(img.data, { raw: { width: img.width, height: img.height, channels: 3 } })
    .resize(width, height, { fit: 'fill', kernel: 'linear' })
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { data: new Uint8Array(data.buffer, data.byteOffset, data.length), width, height };
}

/** A rectangle of the image cut out and resized (a band the detector looks at closer). */
export async function cropResizedRgb(img: RgbImage, rect: { left: number; top: number; width: number; height: number }, width: number, height: number): Promise<RgbImage> {
  const data = await sharp(img.data, { raw: { width: img.width, height: img.height, channels: 3 } })
    .extract(rect)
    .resize(width, height, { fit: 'fill', kernel: 'linear' })
    .raw()
    .toBuffer();
  return { data: new Uint8Array(data.buffer, data.byteOffset, data.length), width, height };
}

/** The image turned `degrees` clockwise about its centre, on a canvas grown to hold it, the new corners filled with `fill`. */
export async function rotateRgb(img: RgbImage, degrees: number, fill: { r: number; g: number; b: number }): Promise<RgbImage> {
  const { data, info } = await sharp(img.data, { raw: { width: img.width, height: img.height, channels: 3 } })
    .rotate(degrees, { background: fill })
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { data: new Uint8Array(data.buffer, data.byteOffset, data.length), width: info.width, height: info.height };
}
