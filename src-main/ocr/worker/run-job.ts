/**
 * One image through the whole pipeline: the only place that sequences the stages, times them,
 * reports progress and checks for cancellation. Failures become an error record, never a throw.
 */
import path from 'node:path';
import { dedupeKey } from '../../../src-shared/extract/dedupe';
import { extractFields } from '../../../src-shared/extract/extract';
import type { Rules } from '../../../src-shared/extract/rules';
import { whatsappMetadata } from '../../../src-shared/extract/whatsapp';
import { PROFILES, type ProfileName, type ProfileSettings } from '../../../src-shared/ocr/profiles';
import type { Fields } from '../../../src-shared/extract/types';
import type { Box, Line, OcrStage, StageTimings } from '../../../src-shared/ocr/types';
import type { ImageRecord } from '../../../src-shared/receipt/record';
import { readWarnings } from '../../../src-shared/receipt/warnings';
import { OcrFailure, readImageFile } from '../../image/image-file';
import { decodeImage, rotateRgb } from './decode';
import { detectPage } from './detect-page';
import type { ModelSet, ProfileModels } from './model-set';
import { DESKEW_MIN_DEGREES, skewDegrees, unrotateBox, unrotateLine } from './pipeline/detection/deskew';
import type { RgbImage } from './pipeline/image';
import { roundBox } from './pipeline/detection/geometry';
import { groupRows, pageText, type Segment } from './pipeline/layout/layout';
import { orientCrops } from './pipeline/recognition/orient';
import { cropRegions, cropToSegment, recognizeCrops } from './pipeline/recognition/recognize';
import { rereadUncertain } from './pipeline/recognition/reread';


export interface JobControl {
  isCancelled(): boolean;
  progress(stage: OcrStage, done: number, total: number): void;
}

/** Lines read with less mean confidence than this are noise (icons, textures, logos). */
const DROP_SCORE = 0.5;

/** What the caller knows of the file it hands over (the worker protocol's `name` and `stored`). */
export interface JobSource {
  /** The name the file arrived with (its WhatsApp metadata); the file's own name by default. */
  name?: string;
  /** A stored image: its sha256 is known and its metadata recorded, so neither is computed. */
  stored?: { sha256: string };
}

export interface ExtractionOptions extends JobSource {
  rules: Rules;
  /** The file already being read and decoded (startImageLoad); read here when absent. */
  image?: ImageLoad;
}

/** The decode stage of one file, under way: its sha256 once read, its pixels once decoded. */
export interface ImageLoad {
  sha256: Promise<string>;
  image: Promise<RgbImage>;
}

/**
 * Starts reading and decoding `file` (decoding runs on libuv's pool, off this thread), so that a
 * caller can overlap it with other work, such as loading the models for a single image.
 */
export function startImageLoad(file: string, knownSha256?: string): ImageLoad {
  const read = readImageFile(file, { hash: knownSha256 === undefined });
  const load = { sha256: read.then((r) => knownSha256 ?? r.sha256!), image: read.then((r) => decodeImage(r.bytes)) };
  // The job awaits both; a failure before then is held for it, not reported as unhandled.
  load.sha256.catch(() => {});
  load.image.catch(() => {});
  return load;
}

export async function runOcrJob(file: string, profile: ProfileName, models: ModelSet, control: JobControl, extraction: ExtractionOptions): Promise<ImageRecord> {
  const started = performance.now();
  let sha256: string | null = null;
  const checkpoint = () => {
    if (control.isCancelled()) throw new OcrFailure('CANCELLED', 'Cancelled before it finished');
  };
  try {
    // A job cancelled while it waited in the queue does no work at all.
    checkpoint();
    const settings = PROFILES[profile];
    control.progress('decode', 0, 1);
    const load = extraction.image ?? startImageLoad(file, extraction.stored?.sha256);
    sha256 = await load.sha256;
    const image = await load.image;
    const tDecode = performance.now();
    checkpoint();

    const m = await models.forProfile(profile);
    control.progress('detect', 0, 1);
    const { page, turn, regions, inkLines } = await detectUpright(image, m.detector, settings, checkpoint);
    const tDetect = performance.now();
    checkpoint();

    let crops = cropRegions(page, regions, m.recognizer.spec);
    if (settings.useAngleClassifier && m.classifier) crops = await orientCrops(page, crops, m.classifier.run, m.classifier.spec);
    control.progress('recognize', 0, crops.length);
    const firstReads = await recognizeCrops(crops, m.recognizer.lanes, m.recognizer.spec, undefined, (done) => {
      control.progress('recognize', done, crops.length);
      checkpoint();
    });
    // The second reading is a fraction of the first (tens of milliseconds): the stage stays at its end meanwhile.
    const below = m.recognizer.spec.rereadBelow;
    const { crops: readCrops, reads } = below
      ? await rereadUncertain(page, { crops, reads: firstReads }, m.recognizer.lanes, m.recognizer.spec, below, checkpoint)
      : { crops, reads: firstReads };
    const segments: Segment[] = [];
    readCrops.forEach((crop, i) => {
      const read = reads[i]!;
      if (read.line.text.trim() === '' || read.line.confidence < DROP_SCORE) return;
      segments.push(cropToSegment(crop, read, m.recognizer.spec.wordSplit));
    });
    const tRecognize = performance.now();

    control.progress('layout', 0, 1);
    // Rows are grouped and fields read on the upright page; boxes then go back onto the image.
    const uprightLines = groupRows(segments);
    const tLayout = performance.now();

    control.progress('extract', 0, 1);
    const upright = extractFields(uprightLines.map((l) => tidyLine(l, page.width, page.height)), extraction.rules);
    const back = (b: Box) => (turn === 0 ? b : unrotateBox(b, turn, image, page));
    const lines = uprightLines.map((l) => tidyLine(turn === 0 ? l : unrotateLine(l, turn, image, page), image.width, image.height));
    const fields: Fields = Object.fromEntries(Object.entries(upright.fields).map(([k, f]) => [k, { ...f, box: roundBox(back(f.box), image.width, image.height) }]));
    const amountCheck = upright.amountCheck;
    const warnings = readWarnings({ lines, fields, inkLines, ...(amountCheck ? { amountCheck } : {}) });
    const metadata = metadataOf(file, extraction);
    const tExtract = performance.now();

    const timings: StageTimings = {
      decode: ms(tDecode - started),
      detect: ms(tDetect - tDecode),
      recognize: ms(tRecognize - tDetect),
      layout: ms(tLayout - tRecognize),
      extract: ms(tExtract - tLayout),
      total: ms(tExtract - started),
    };
    return {
      file,
      sha256,
      status: 'ok',
      image: { width: image.width, height: image.height },
      timings_ms: timings,
      text: pageText(lines),
      lines,
      fields,
      warnings,
      metadata,
      dedupe_key: dedupeKey(fields),
    };
  } catch (e) {
    const failure = e instanceof OcrFailure ? e : new OcrFailure('INTERNAL', `Unexpected error: ${(e as Error).message ?? String(e)}`);
    // The name's metadata is still worth having: it says who sent the file that failed.
    return { file, sha256, status: 'error', error: { code: failure.code, message: failure.message }, fields: {}, metadata: metadataOf(file, extraction) };
  }
}

/** The name's WhatsApp metadata; none for a stored image, whose receipt recorded it at intake. */
const metadataOf = (file: string, source: JobSource) => (source.stored ? {} : whatsappMetadata(source.name ?? path.basename(file)));

/**
 * The page as it will be read: turned upright when its lines are tilted (a photographed screen),
 * with the detector's boxes on the upright page. `turn` is the rotation applied, in degrees.
 */
async function detectUpright(image: RgbImage, detector: ProfileModels['detector'], settings: ProfileSettings, checkpoint: () => void) {
  const first = await detectPage(image, detector, settings, checkpoint);
  const skew = skewDegrees(first.regions);
  if (Math.abs(skew) < DESKEW_MIN_DEGREES) return { page: image, turn: 0, ...first };
  checkpoint();
  const page = await rotateRgb(image, -skew, cornerColour(image));
  return { page, turn: -skew, ...(await detectPage(page, detector, settings, checkpoint)) };
}

/** The mean of the four corner pixels: what the new corners of a turned page are filled with. */
function cornerColour(img: RgbImage): { r: number; g: number; b: number } {
  const at = [0, img.width - 1, (img.height - 1) * img.width, img.height * img.width - 1];
  const mean = (c: number) => Math.round(at.reduce((s, i) => s + img.data[i * 3 + c]!, 0) / at.length);
  return { r: mean(0), g: mean(1), b: mean(2) };
}

const ms = (v: number) => Math.round(v * 10) / 10;
const conf = (v: number) => Math.round(v * 10000) / 10000;

/** Whole-pixel boxes inside the image and four-decimal confidences: what the CLI prints. */
function tidyLine(l: Line, width: number, height: number): Line {
  return {
    text: l.text,
    confidence: conf(l.confidence),
    box: roundBox(l.box, width, height),
    words: l.words.map((w) => ({ text: w.text, confidence: conf(w.confidence), box: roundBox(w.box, width, height) })),
  };
}
