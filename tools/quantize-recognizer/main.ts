/**
 * npm run models:quantize [-- --per-family 3]
 *
 * Writes the int8 copy of the project's recogniser that the `fast` and `balanced` profiles run
 * (written beside it as NAME.int8.onnx, and named with its sha256 in models/manifest.json as the
 * recogniser's `int8` file; run it after every new export of the float model): calibrated on line crops of tuning-family
 * receipts (never the held-out families, never real-ve), cut as the app cuts them (the balanced
 * profile's detector, the recogniser's crops and batches). Then it reads the committed fixture
 * receipts' crops with both models and prints how many lines read differently (greedy decoding)
 * and the time ratio. Deterministic: the same float model and family receipts give the same
 * bytes.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { familyReceipts } from '../../bench/families';
import { PROFILES } from '../../src-shared/ocr/profiles';
import { decodeImage } from '../../src-main/ocr/worker/decode';
import { detectPage } from '../../src-main/ocr/worker/detect-page';
import { openModel } from '../../src-main/ocr/worker/engine';
import { recognizerSpec, type ProfileModels } from '../../src-main/ocr/worker/model-set';
import { loadClasses, readVerified } from '../../src-main/ocr/worker/model-files';
import { ManifestSchema, type DetectorEntry, type RecognizerEntry } from '../../src-main/ocr/worker/manifest';
import { calibrate } from '../model-tools/calibrate';
import { decodeModel, encodeModel } from '../model-tools/onnx-graph';
import { activations, foldBatchNorms, quantize } from '../model-tools/quantize';
import type { Tensor } from '../../src-main/ocr/worker/pipeline/image';
import { batchTensor, cropRegions, planBatches, type RecognizerSpec } from '../../src-main/ocr/worker/pipeline/recognition/recognize';
import { appRoot, defaultModelsDir } from '../../src-main/paths';

const RECOGNIZER = 'recibo-rec-es';
const { values: opts } = parseArgs({ options: { 'per-family': { type: 'string', default: '3' } } });

/**
 * The recogniser's input batches for each image, as run-job.ts cuts and batches its crops with
 * the balanced profile's detector settings (the detector is the one every profile runs).
 */
async function batchesOf(files: readonly string[], detector: ProfileModels['detector'], spec: RecognizerSpec): Promise<Tensor[]> {
  const out: Tensor[] = [];
  for (const file of files) {
    const image = await decodeImage(readFileSync(file));
    const { regions } = await detectPage(image, detector, PROFILES.balanced);
    const crops = cropRegions(image, regions, spec);
    for (const batch of planBatches(crops.map((c) => c.patch.width), spec.height)) {
      const width = Math.max(...batch.map((i) => crops[i]!.patch.width));
      out.push(batchTensor(batch.map((i) => crops[i]!.patch), width, spec.height, spec.normalisation));
    }
  }
  return out;
}

/** The classes a greedy CTC decoding writes, as text to compare. */
function greedyClasses(probs: Float32Array, offset: number, frames: number, count: number, blank: number): string {
  const written: number[] = [];
  let previous = -1;
  for (let f = 0; f < frames; f++) {
    let best = 0;
    for (let c = 1; c < count; c++) if (probs[offset + f * count + c]! > probs[offset + f * count + best]!) best = c;
    if (best !== previous && best !== blank) written.push(best);
    previous = best;
  }
  return written.join(',');
}

/** Lines read differently by the two models (greedy decoding), and B's time over A's. */
async function compare(a: Uint8Array, b: Uint8Array, entry: RecognizerEntry, batches: readonly Tensor[]) {
  const open = (bytes: Uint8Array) => openModel(bytes, entry.file, entry.input.name, entry.output, { intraOpThreads: 1 });
  const [sa, sb] = await Promise.all([open(a), open(b)]);
  const blank = entry.classes.blank;
  let lines = 0;
  let differ = 0;
  const time = [0, 0];
  for (const t of batches) {
    const outs = [];
    for (const [k, s] of [sa, sb].entries()) {
      const started = performance.now();
      outs.push(await s.run(t));
      time[k]! += performance.now() - started;
    }
    const [n, frames, count] = outs[0]!.dims as [number, number, number];
    for (let i = 0; i < n; i++) {
      const read = (o: Tensor) => greedyClasses(o.data, i * frames * count, frames, count, blank);
      lines++;
      if (read(outs[0]!) !== read(outs[1]!)) differ++;
    }
  }
  await Promise.all([sa.release(), sb.release()]);
  return { lines, differ, timeRatio: time[1]! / time[0]! };
}

interface RawManifest {
  models: Record<string, { int8?: { file: string; sha256: string } } & Record<string, unknown>>;
  profiles: Record<string, { int8?: boolean } & Record<string, unknown>>;
}

async function main(): Promise<void> {
  const root = appRoot();
  const modelsDir = defaultModelsDir();
  const manifestFile = path.join(modelsDir, 'manifest.json');
  // Read as it is, then checked without the profiles' int8 marks: after a new export the
  // recogniser has no int8 file yet, which is what this tool writes.
  const raw = JSON.parse(readFileSync(manifestFile, 'utf8')) as RawManifest;
  const manifest = ManifestSchema.parse({ ...raw, profiles: Object.fromEntries(Object.entries(raw.profiles).map(([name, { int8: _, ...uses }]) => [name, uses])) });
  const entry = manifest.models[RECOGNIZER] as RecognizerEntry;
  const detectorEntry = manifest.models[manifest.profiles.balanced.detector] as DetectorEntry;
  const detectorModel = await openModel(await readVerified(modelsDir, detectorEntry.file, detectorEntry.sha256), detectorEntry.file, detectorEntry.input.name, detectorEntry.output, { intraOpThreads: 2 });
  const detector = { id: manifest.profiles.balanced.detector, run: detectorModel.run, normalisation: detectorEntry.normalisation, multipleOf: detectorEntry.input.multipleOf };
  const spec = recognizerSpec(entry, await loadClasses(modelsDir, entry));

  const perFamily = Number(opts['per-family']);
  const { dir, truth } = await familyReceipts(root);
  const taken = new Map<string, number>();
  const tuning = Object.entries(truth)
    .filter(([, t]) => t.split === 'tuning' && (taken.set(t.family, (taken.get(t.family) ?? 0) + 1).get(t.family) ?? 0) <= perFamily)
    .map(([file]) => path.join(dir, file));
  const calibration = await batchesOf(tuning, detector, spec);
  console.log(`calibration: ${calibration.length} batches of line crops from ${tuning.length} tuning-family receipts`);

  const float = await readVerified(modelsDir, entry.file, entry.sha256);
  const folded = foldBatchNorms(decodeModel(float));
  const ranges = await calibrate(folded, activations(folded), () => calibration);
  const bytes = encodeModel(quantize(folded, ranges));
  const file = entry.file.replace(/\.onnx$/, '.int8.onnx');
  writeFileSync(path.join(modelsDir, file), bytes);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const unchanged = raw.models[RECOGNIZER]!.int8?.sha256 === sha256;
  raw.models[RECOGNIZER]!.int8 = { file, sha256 };
  writeFileSync(manifestFile, `${JSON.stringify(raw, null, 2)}\n`);
  console.log(`wrote models/${file}: ${(bytes.length / 1024).toFixed(0)} KiB, sha256 ${sha256} (${unchanged ? 'as the manifest had it' : 'now in models/manifest.json'})`);

  const fixturesDir = path.join(root, 'fixtures', 'receipts');
  const fixtures = readdirSync(fixturesDir).filter((f) => /\.(png|jpe?g)$/.test(f)).map((f) => path.join(fixturesDir, f));
  const check = await compare(float, bytes, entry, await batchesOf(fixtures, detector, spec));
  console.log(`committed fixtures: ${check.differ} of ${check.lines} lines read differently (greedy); int8 takes ${check.timeRatio.toFixed(2)} of the float model's time`);
  await detectorModel.release();
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
