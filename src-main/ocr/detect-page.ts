/**
 * Text regions of a whole page as a profile finds them: a first detector pass at the profile's
 * size, and a second, larger one when the text it saw was too small. Shared by the job runner
 * and the tool that cuts the recogniser's training crops, so both see the app's own boxes.
 */
import type { ProfileSettings } from '../../src-shared/ocr/profiles';
import { resizeRgb } from './decode';
import type { ProfileModels } from './model-set';
import { DB_DEFAULTS, type TextRegion } from './pipeline/db-postprocess';
import { detectText, medianTextHeight, refinedDetectorSide } from './pipeline/detect';
import { detectorInputSize, type RgbImage } from './pipeline/image';

/** `beforeSecondPass` runs between the passes (the job runner checks for cancellation there). */
export async function detectPage(image: RgbImage, detector: ProfileModels['detector'], settings: ProfileSettings, beforeSecondPass?: () => void): Promise<TextRegion[]> {
  const dbOptions = { ...DB_DEFAULTS, threshold: settings.detThreshold, boxThreshold: settings.boxThreshold, unclipRatio: settings.unclipRatio };
  const detectAt = async (longestSide: number) => {
    const size = detectorInputSize(image.width, image.height, longestSide, longestSide);
    const input = await resizeRgb(image, size.width, size.height);
    const found = await detectText(input, image, detector.run, detector.normalisation, dbOptions);
    return { found, scaleY: size.height / image.height, longest: Math.max(size.width, size.height) };
  };
  const first = await detectAt(settings.detFirstSide);
  const second = refinedDetectorSide(first.longest, medianTextHeight(first.found, first.scaleY), settings.detMinTextPx, settings.detTargetTextPx, settings.detMaxSide);
  if (second === null) return first.found;
  beforeSecondPass?.();
  return (await detectAt(second)).found;
}
