/**
 * Recognition stage: every detected region is warped upright to the recogniser's height
 * (keeping its aspect ratio), crops of similar widths share a batch, the CTC output is decoded
 * and split into words whose boxes are mapped back to original-image pixels.
 */
import type { Box, Word } from '../../../../../src-shared/ocr/types';
import { ctcGreedyDecode, type CtcClasses, type CtcLine } from './ctc';
import { ctcBeamDecode, type LanguageModelDecoder } from './ctc-beam';
import type { TextRegion } from '../detection/dbnet-postprocess';
import { quadBounds } from '../detection/geometry';
import { cropGeometry, normaliseChannels, rotate180, toGrey, warpCrop, type CropGeometry, type Normalisation, type RgbImage, type Tensor } from '../image';
import { inkProfile } from './ink';
import type { Segment } from '../layout/layout';
import { splitWords, type WordSplitOptions } from './words';

export type RunModel = (input: Tensor) => Promise<Tensor>;

/**
 * A recogniser session that reads batches side by side with the others. `depth` is how many
 * batches it may have in flight: a lane on another thread takes its next batch while the
 * worker's own thread is still busy, so it never waits for work (docs/ocr-engine.md).
 */
export interface Lane {
  run: RunModel;
  depth: number;
}

export interface RecognizerSpec {
  height: number;
  normalisation: Normalisation;
  classes: CtcClasses;
  /** Crops wider than this (after scaling to `height`) are squeezed: very long lines are rare. */
  maxWidth: number;
  /** Lines are decoded by beam search with this language model; greedily without one. */
  languageModel?: LanguageModelDecoder;
  /** Lines read with less confidence than this are read again from a tighter box (reread.ts). */
  rereadBelow?: number;
  /** How the read lines are split into words; WORD_SPLIT_DEFAULTS without it. */
  wordSplit?: WordSplitOptions;
}

/** One line of the recogniser's output decoded as its spec says. */
function decodeLine(probs: Float32Array, offset: number, frames: number, classCount: number, spec: RecognizerSpec): CtcLine {
  return spec.languageModel
    ? ctcBeamDecode(probs, offset, frames, classCount, spec.classes, spec.languageModel)
    : ctcGreedyDecode(probs, offset, frames, classCount, spec.classes);
}

export interface BatchOptions {
  /** Widest crop over narrowest crop allowed in one batch: padding is wasted work. */
  maxWidthRatio: number;
  /** Pixels (batch x width x height) per model call. */
  maxBatchPixels: number;
}

const BATCH_DEFAULTS: BatchOptions = { maxWidthRatio: 1.25, maxBatchPixels: 48 * 640 };

export interface Crop {
  geometry: CropGeometry;
  patch: RgbImage;
}

export function cropRegions(image: RgbImage, regions: readonly TextRegion[], spec: RecognizerSpec): Crop[] {
  return regions.map((r) => cropAt(image, cropGeometry(r.quad), spec));
}

/** The patch the recogniser reads for a box: its height, the box's aspect ratio, within `maxWidth`. */
export function cropAt(image: RgbImage, geometry: CropGeometry, spec: RecognizerSpec): Crop {
  const width = Math.max(spec.height / 4, Math.min(spec.maxWidth, Math.round((spec.height * geometry.width) / Math.max(1, geometry.height))));
  return { geometry, patch: warpCrop(image, geometry, Math.round(width), spec.height) };
}

/** The same crop read from its other end: for lines the angle classifier finds upside down. */
export function turnCrop(crop: Crop): Crop {
  const g = crop.geometry;
  const far = {
    x: g.origin.x + g.along.x * g.width + g.across.x * g.height,
    y: g.origin.y + g.along.y * g.width + g.across.y * g.height,
  };
  return {
    geometry: { ...g, origin: far, along: { x: -g.along.x, y: -g.along.y }, across: { x: -g.across.x, y: -g.across.y } },
    patch: rotate180(crop.patch),
  };
}

/** NCHW batch of patches, right-padded with zeros (mid-grey after normalisation), as PaddleOCR does. */
export function batchTensor(patches: readonly RgbImage[], width: number, height: number, norm: Normalisation): Tensor {
  const count = patches.length;
  const data = new Float32Array(count * 3 * width * height);
  for (let b = 0; b < count; b++) normaliseChannels(patches[b]!, norm, data, b * 3 * width * height, width, height);
  return { data, dims: [count, 3, height, width] };
}

/** Indices of crops grouped into batches of similar widths. */
export function planBatches(widths: readonly number[], height: number, options: BatchOptions = BATCH_DEFAULTS): number[][] {
  const order = widths.map((_, i) => i).sort((a, b) => widths[a]! - widths[b]!);
  const batches: number[][] = [];
  let current: number[] = [];
  for (const i of order) {
    const first = current[0];
    const fits = first !== undefined
      && widths[i]! <= widths[first]! * options.maxWidthRatio
      && (current.length + 1) * widths[i]! * height <= options.maxBatchPixels;
    if (first !== undefined && !fits) {
      batches.push(current);
      current = [];
    }
    current.push(i);
  }
  if (current.length > 0) batches.push(current);
  return batches;
}

export interface RecognizedCrop {
  line: CtcLine;
  /** Patch pixels per recogniser frame. */
  stride: number;
}

/**
 * Reads every crop. Batches go to whichever lane is free, so lanes on different threads run
 * side by side; results come back in crop order whatever the order they finish in. When a
 * batch fails or `onBatch` throws (a cancelled job), no lane takes another batch, and the
 * function returns only once every lane has stopped: no work outlives the job.
 */
export async function recognizeCrops(crops: readonly Crop[], lanes: readonly Lane[], spec: RecognizerSpec, batching: BatchOptions = BATCH_DEFAULTS, onBatch?: (done: number) => void): Promise<RecognizedCrop[]> {
  const out = new Array<RecognizedCrop>(crops.length);
  // Widest first: the long batches start early and the short ones fill the gaps at the end.
  const queue = planBatches(crops.map((c) => c.patch.width), spec.height, batching).reverse();
  let done = 0;
  let failure: { error: unknown } | null = null;
  const runLane = async (run: RunModel) => {
    for (let batch = queue.shift(); batch && !failure; batch = queue.shift()) {
      try {
        const width = Math.max(...batch.map((i) => crops[i]!.patch.width));
        const result = await run(batchTensor(batch.map((i) => crops[i]!.patch), width, spec.height, spec.normalisation));
        const [, frames, classCount] = result.dims as [number, number, number];
        const stride = width / frames;
        batch.forEach((cropIndex, b) => {
          const valid = Math.min(frames, Math.ceil(crops[cropIndex]!.patch.width / stride));
          out[cropIndex] = { line: decodeLine(result.data, b * frames * classCount, valid, classCount, spec), stride };
        });
        done += batch.length;
        onBatch?.(done);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(lanes.flatMap((lane) => Array.from({ length: lane.depth }, () => runLane(lane.run))));
  if (failure) throw (failure as { error: unknown }).error;
  return out;
}

/**
 * A point `along` and `across` a crop's box (in image pixels from its origin) on the image.
 * Module-level: V8 optimises a function created per call afresh each time (docs/ocr-engine.md).
 */
function patchToImage(g: CropGeometry, along: number, across: number): { x: number; y: number } {
  return { x: g.origin.x + along * g.along.x + across * g.across.x, y: g.origin.y + along * g.along.y + across * g.across.y };
}

/** The box on the image around the patch's rectangle (x0, y0)-(x1, y1), in patch pixels scaled by sx, sy. */
function patchBox(g: CropGeometry, sx: number, sy: number, x0: number, y0: number, x1: number, y1: number): Box {
  return quadBounds([patchToImage(g, x0 * sx, y0 * sy), patchToImage(g, x1 * sx, y0 * sy), patchToImage(g, x1 * sx, y1 * sy), patchToImage(g, x0 * sx, y1 * sy)]) as Box;
}

/** Words of one crop, with boxes in original-image pixels. */
export function cropToSegment(crop: Crop, read: RecognizedCrop, split?: WordSplitOptions): Segment {
  const { patch, geometry: g } = crop;
  const ink = inkProfile(toGrey(patch), patch.width, patch.height);
  const sx = g.width / patch.width;
  const sy = g.height / patch.height;
  const words: Word[] = [];
  for (const w of splitWords(read.line, read.stride, ink, split)) words.push({ text: w.text, confidence: w.confidence, box: patchBox(g, sx, sy, w.x0, w.y0, w.x1, w.y1) });
  const box = patchBox(g, sx, sy, 0, 0, patch.width, patch.height);
  return { words, box: words.length > 0 ? quadBounds(words.flatMap((w) => [{ x: w.box[0], y: w.box[1] }, { x: w.box[2], y: w.box[3] }])) : box };
}
