/**
 * Text regions of a whole page as a profile finds them: a first detector pass at the profile's
 * size, a second, larger one when the text it saw was too small, then closer passes over the
 * bands whose text the page passes missed or saw too small (tall captures, desktop pages, small
 * print under a large header). The page passes leave out long runs of background rows
 * (pipeline/blank-rows.ts). Shared by the job runner and the tool that cuts the recogniser's
 * training crops, so both see the app's own boxes.
 */
import type { ProfileSettings } from '../../../src-shared/ocr/profiles';
import { cropResizedRgb, resizeRgb } from './decode';
import type { ProfileModels } from './model-set';
import { DB_DEFAULTS, type TextRegion } from './pipeline/detection/dbnet-postprocess';
import { detectText, medianTextHeight, refinedDetectorSide } from './pipeline/detection/detect';
import { flatRows, keptRows, stackedHeight, stackRows, unstackRegion } from './pipeline/detection/blank-rows';
import { detectorInputSize, greyBlocks, type RgbImage } from './pipeline/image';
import { bandsNeedingDetail, mergeRegions, planBands, type BandPlan } from './pipeline/detection/text-bands';
import { splitBand } from './pipeline/detection/band-split';

/** Width of the grey copy that finds text-like ink: enough to see the strokes of 12 px text. */
const GREY_WIDTH = 960;
/** Taller than this (height / width), a page's first pass is sized by its width, not its height. */
const TALL_ASPECT = 2.2;
/** Background kept above and below each stretch of page a pass stacks, in detector pixels. */
const STACK_MARGIN_PX = 8;
/**
 * The largest band pass read in one detector run (band-split.ts): about a 960 x 544 page pass
 * plus a third. onnxruntime's arena keeps its largest run's memory for the worker's life.
 */
const MAX_BAND_PASS_PX = 700_000;

export interface PageDetection {
  regions: TextRegion[];
  /** Lines of text-like ink on the page, to tell a reading that missed most of it. */
  inkLines: number;
}

/** `beforeSecondPass` runs between the passes (the job runner checks for cancellation there). */
export async function detectPage(image: RgbImage, detector: ProfileModels['detector'], settings: ProfileSettings, beforeSecondPass?: () => void): Promise<PageDetection> {
  const dbOptions = { ...DB_DEFAULTS, threshold: settings.detThreshold, boxThreshold: settings.boxThreshold, unclipRatio: settings.unclipRatio };
  const grey = greyBlocks(image, GREY_WIDTH);
  const flat = flatRows(grey);
  const detectAt = async (longestSide: number) => {
    const size = detectorInputSize(image.width, image.height, longestSide, longestSide);
    const longest = Math.max(size.width, size.height);
    const segments = keptRows(flat, grey.scale, image.height, Math.ceil((STACK_MARGIN_PX * image.height) / size.height));
    if (!segments) {
      const input = await resizeRgb(image, size.width, size.height);
      const found = await detectText(input, image, detector.run, detector.normalisation, dbOptions);
      return { found, scaleY: size.height / image.height, longest };
    }
    // The kept rows one under the other, at the scale the whole page would have had.
    const stacked: RgbImage = { data: stackRows(image.data, image.width, 3, segments), width: image.width, height: stackedHeight(segments) };
    const inputHeight = Math.max(32, Math.round((stacked.height * size.height) / image.height / 32) * 32);
    const input = await resizeRgb(stacked, size.width, inputHeight);
    const found = (await detectText(input, stacked, detector.run, detector.normalisation, dbOptions))
      .map((r) => unstackRegion(r, segments))
      .sort((a, b) => a.quad[0].y - b.quad[0].y || a.quad[0].x - b.quad[0].x);
    return { found, scaleY: inputHeight / stacked.height, longest };
  };
  // A tall capture sized by its height would be read a few hundred pixels wide: nothing at all.
  const aspect = image.height / image.width;
  const firstSide = aspect > TALL_ASPECT ? Math.round(settings.detFirstSide * 0.75 * aspect) : settings.detFirstSide;
  const first = await detectAt(Math.min(firstSide, settings.detMaxSide * 2));
  const secondSide = refinedDetectorSide(first.longest, medianTextHeight(first.found, first.scaleY), settings.detMinTextPx, settings.detTargetTextPx, settings.detMaxSide);
  let page = first;
  if (secondSide !== null) {
    beforeSecondPass?.();
    page = await detectAt(secondSide);
  }
  const need = bandsNeedingDetail(grey, page.found, page.scaleY, settings.detMinTextPx);
  const bands = planBands(need.bands, page.scaleY, settings.detTargetTextPx, settings.detBandBudgetPx);
  if (bands.length === 0) return { regions: page.found, inkLines: need.inkLines };
  beforeSecondPass?.();
  const found: { plan: BandPlan; found: TextRegion[] }[] = [];
  for (const plan of bands) {
    // Pieces of a large band are read one by one; the page pass's boxes in the band give way to
    // all of them together (mergeRegions), as they would to the band read whole.
    const pieces: TextRegion[] = [];
    for (const piece of splitBand(plan, grey, MAX_BAND_PASS_PX)) pieces.push(...(await detectBand(image, piece, detector, dbOptions)));
    found.push({ plan, found: pieces });
  }
  return { regions: mergeRegions(page.found, page.scaleY, settings.detMinTextPx, found, need.fused), inkLines: need.inkLines };
}

/** One band cut out, scaled to its text, detected, and its boxes put back in page pixels. */
async function detectBand(image: RgbImage, plan: BandPlan, detector: ProfileModels['detector'], dbOptions: typeof DB_DEFAULTS): Promise<TextRegion[]> {
  const left = Math.floor(plan.x0);
  const top = Math.floor(plan.y0);
  const width = Math.min(image.width - left, Math.ceil(plan.x1) - left);
  const height = Math.min(image.height - top, Math.ceil(plan.y1) - top);
  if (width < 8 || height < 8) return [];
  const round32 = (v: number) => Math.max(32, Math.round(v / 32) * 32);
  const [w, h] = [round32(width * plan.scale), round32(height * plan.scale)];
  const input = await cropResizedRgb(image, { left, top, width, height }, w, h);
  const found = await detectText(input, { width, height }, detector.run, detector.normalisation, dbOptions);
  return found.map((r) => ({ ...r, quad: r.quad.map((p) => ({ x: p.x + left, y: p.y + top })) as TextRegion['quad'] }));
}
