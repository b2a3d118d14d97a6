/**
 * Detection stage: the resized page goes through the DB text detector and its probability map
 * becomes text regions in original-image pixels.
 */
import { dbPostprocess, type DbOptions, type TextRegion } from './dbnet-postprocess';
import { imageToTensor, type Normalisation, type RgbImage } from '../image';
import type { RunModel } from '../recognition/recognize';

export async function detectText(
  input: RgbImage,
  original: { width: number; height: number },
  run: RunModel,
  normalisation: Normalisation,
  options: DbOptions,
): Promise<TextRegion[]> {
  const out = await run(imageToTensor(input, normalisation));
  const [, , h, w] = out.dims as [number, number, number, number];
  const regions = dbPostprocess({ data: out.data, width: w, height: h }, original.width / w, original.height / h, options);
  // Top to bottom, then left to right: a stable order for everything downstream.
  return regions.sort((a, b) => a.quad[0].y - b.quad[0].y || a.quad[0].x - b.quad[0].x);
}

/** Median height of the boxes, in pixels of the detector input that found them. */
export function medianTextHeight(regions: readonly TextRegion[], detectorScaleY: number): number | null {
  if (regions.length === 0) return null;
  const heights = regions
    .map((r) => Math.hypot(r.quad[3].x - r.quad[0].x, r.quad[3].y - r.quad[0].y) * detectorScaleY)
    .sort((a, b) => a - b);
  return heights[heights.length >> 1]!;
}

/**
 * Longest side for a second detector pass, or null when the first one saw text large enough.
 * Scaling is linear: text twice too small needs a detector input twice as large.
 */
export function refinedDetectorSide(firstSide: number, medianHeight: number | null, minTextPx: number, targetTextPx: number, maxSide: number): number | null {
  if (medianHeight === null || medianHeight >= minTextPx || firstSide >= maxSide) return null;
  const side = Math.min(maxSide, Math.round((firstSide * targetTextPx) / Math.max(1, medianHeight)));
  return side >= firstSide + 32 ? side : null;
}
