/**
 * Detection stage: the resized page goes through the DB text detector and its probability map
 * becomes text regions in original-image pixels.
 */
import { dbPostprocess, type DbOptions, type TextRegion } from './db-postprocess';
import { imageToTensor, type Normalisation, type RgbImage } from './image';
import type { RunModel } from './recognize';

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
