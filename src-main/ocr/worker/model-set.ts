/**
 * The models a profile runs, loaded once per worker and shared between profiles that name the
 * same files. Detection and classification use every thread of the worker in one run; the
 * recogniser runs in lanes, one single-threaded session per thread, because its many small
 * runs use two cores better side by side than split inside one run (docs/benchmarks.md).
 * Warm-up runs each model once so the first receipt does not pay for allocation, and checks
 * that the recogniser's output matches its character set.
 */
import type { ProfileName } from '../../../src-shared/ocr/profiles';
import { inferenceThreadScript } from '../../paths';
import { openModel, type LoadedModel, type SessionOptions } from './engine';
import { loadManifest, type ClassifierEntry, type DetectorEntry, type Manifest, type RecognizerEntry } from './manifest';
import { loadClasses, loadLanguageModel, readVerified } from './model-files';
import type { Normalisation } from './pipeline/image';
import type { ClassifierSpec } from './pipeline/recognition/orient';
import type { LanguageModelDecoder } from './pipeline/recognition/ctc-beam';
import type { Lane, RecognizerSpec, RunModel } from './pipeline/recognition/recognize';
import { WORD_SPLIT_DEFAULTS } from './pipeline/recognition/words';
import { openThreadModel } from './thread-runner';

/**
 * Recognition lanes beyond a few buy little and each holds a session (about 40 MB); on a big
 * machine the job queue runs several workers instead (one per pair of cores).
 */
const MAX_RECOGNITION_LANES = 4;

export interface ProfileModels {
  detector: { id: string; run: RunModel; normalisation: Normalisation; multipleOf: number };
  /** Lanes run side by side: the first on the worker's thread, the others on threads of their own. */
  recognizer: { id: string; lanes: Lane[]; spec: RecognizerSpec };
  classifier?: { id: string; run: RunModel; spec: ClassifierSpec };
}

export interface LoadedModelInfo {
  id: string;
  file: string;
  sha256: string;
}

export class ModelSet {
  /** Sessions by model id, intra-op thread count and lane (0: this thread). */
  private readonly loaded = new Map<string, Promise<LoadedModel>>();
  private readonly profiles = new Map<ProfileName, Promise<ProfileModels>>();
  /** Language models by recogniser id: profiles that share a recogniser share its model. */
  private readonly languageModels = new Map<string, Promise<LanguageModelDecoder | undefined>>();

  private constructor(
    readonly modelsDir: string,
    readonly manifest: Manifest,
    private readonly options: SessionOptions,
  ) {}

  static async open(modelsDir: string, options: SessionOptions): Promise<ModelSet> {
    return new ModelSet(modelsDir, await loadManifest(modelsDir), options);
  }

  /** Models of a profile, loaded (and warmed up) on first use. */
  forProfile(profile: ProfileName): Promise<ProfileModels> {
    let p = this.profiles.get(profile);
    if (!p) {
      p = this.loadProfile(profile);
      this.profiles.set(profile, p);
      p.catch(() => this.profiles.delete(profile));
    }
    return p;
  }

  /** Files behind the models loaded so far (a recogniser's language model included), for the run's provenance. */
  info(): LoadedModelInfo[] {
    const loaded = new Set([...this.loaded.keys()].map((key) => key.split('@')[0]!));
    return [...loaded].flatMap((key) => {
      const [id, precision] = key.split(':') as [string, string | undefined];
      const m = this.manifest.models[id]!;
      const file = precision === 'int8' && m.task === 'recognize' && m.int8 ? m.int8 : m;
      const lm = m.task === 'recognize' && this.languageModels.has(id) ? m.languageModel : undefined;
      return [{ id, file: file.file, sha256: file.sha256 }, ...(lm ? [{ id: `${id} language model`, file: lm.file, sha256: lm.sha256 }] : [])];
    });
  }

  async dispose(): Promise<void> {
    const all = [...this.loaded.values()];
    this.loaded.clear();
    this.profiles.clear();
    this.languageModels.clear();
    await Promise.allSettled(all.map(async (m) => (await m).release()));
  }

  /**
   * A session of model `id` with `threads` intra-op threads, on this thread (`lane` 0) or on an
   * inference thread of its own (`lane` > 0).
   */
  private model(id: string, threads: number, lane = 0, int8 = false): Promise<LoadedModel> {
    const key = `${id}${int8 ? ':int8' : ''}@${threads}#${lane}`;
    let m = this.loaded.get(key);
    if (!m) {
      const entry = this.manifest.models[id]!;
      const file = int8 && entry.task === 'recognize' && entry.int8 ? entry.int8 : entry;
      const label = `model "${id}" (${file.file})`;
      m = readVerified(this.modelsDir, file.file, file.sha256).then((bytes) =>
        lane === 0
          ? openModel(bytes, label, entry.input.name, entry.output, { intraOpThreads: threads })
          : openThreadModel(inferenceThreadScript(), bytes, label, entry.input.name, entry.output),
      );
      this.loaded.set(key, m);
      m.catch(() => this.loaded.delete(key));
    }
    return m;
  }

  private languageModel(id: string, rec: RecognizerEntry): Promise<LanguageModelDecoder | undefined> {
    let m = this.languageModels.get(id);
    if (!m) {
      m = loadLanguageModel(this.modelsDir, rec);
      this.languageModels.set(id, m);
      m.catch(() => this.languageModels.delete(id));
    }
    return m;
  }

  private async loadProfile(profile: ProfileName): Promise<ProfileModels> {
    const uses = this.manifest.profiles[profile];
    const det = this.manifest.models[uses.detector] as DetectorEntry;
    const rec = this.manifest.models[uses.recognizer] as RecognizerEntry;
    const cls = uses.classifier ? (this.manifest.models[uses.classifier] as ClassifierEntry) : undefined;

    const threads = this.options.intraOpThreads;
    const lanes = Array.from({ length: Math.min(threads, MAX_RECOGNITION_LANES) }, (_, lane) => this.model(uses.recognizer, 1, lane, uses.int8 === true));
    const [detModel, clsModel, classes, languageModel, ...recModels] = await Promise.all([
      this.model(uses.detector, threads),
      uses.classifier ? this.model(uses.classifier, threads) : Promise.resolve(undefined),
      loadClasses(this.modelsDir, rec),
      this.languageModel(uses.recognizer, rec),
      ...lanes,
    ]);

    const models: ProfileModels = {
      detector: { id: uses.detector, run: detModel.run, normalisation: det.normalisation, multipleOf: det.input.multipleOf },
      recognizer: {
        id: uses.recognizer,
        lanes: recModels.map((m, i) => ({ run: m.run, depth: i === 0 ? 1 : 2 })),
        spec: recognizerSpec(rec, classes, languageModel),
      },
    };
    if (cls && clsModel && uses.classifier) {
      models.classifier = {
        id: uses.classifier,
        run: clsModel.run,
        spec: { height: cls.input.shape[2], width: cls.input.shape[3], normalisation: cls.normalisation, threshold: cls.threshold, batchSize: 8 },
      };
    }
    await warmUp(models, rec, classes.length);
    return models;
  }
}

/**
 * How the pipeline feeds and decodes a recogniser, from its manifest entry, its classes and its
 * language model (model-files.ts loads both).
 */
export function recognizerSpec(rec: RecognizerEntry, classes: string[], languageModel?: LanguageModelDecoder): RecognizerSpec {
  const allowed = rec.allowedCharacters ? allowedMask(classes, new RegExp(rec.allowedCharacters, 'u'), rec.classes.blank) : undefined;
  return {
    height: rec.input.shape[2],
    normalisation: rec.normalisation,
    classes: allowed ? { characters: classes, blankIndex: rec.classes.blank, allowed } : { characters: classes, blankIndex: rec.classes.blank },
    maxWidth: rec.maxWidth,
    ...(rec.rereadBelow !== undefined ? { rereadBelow: rec.rereadBelow } : {}),
    ...(rec.wordGapRatio !== undefined ? { wordSplit: { ...WORD_SPLIT_DEFAULTS, gapRatio: rec.wordGapRatio } } : {}),
    ...(languageModel ? { languageModel } : {}),
  };
}

function allowedMask(classes: readonly string[], pattern: RegExp, blank: number): Uint8Array {
  const mask = new Uint8Array(classes.length);
  classes.forEach((c, i) => {
    mask[i] = i === blank || pattern.test(c) ? 1 : 0;
  });
  return mask;
}

/** One small inference per model; also proves the recogniser's class count matches its charset. */
async function warmUp(models: ProfileModels, rec: RecognizerEntry, classCount: number): Promise<void> {
  const m = models.detector.multipleOf;
  await models.detector.run({ data: new Float32Array(3 * m * 2 * m * 2), dims: [1, 3, m * 2, m * 2] });
  const h = models.recognizer.spec.height;
  const outs = await Promise.all(models.recognizer.lanes.map((lane) => lane.run({ data: new Float32Array(3 * h * h * 4), dims: [1, 3, h, h * 4] })));
  const outClasses = outs[0]!.dims[2];
  if (outClasses !== classCount) {
    throw new Error(
      `Recogniser "${models.recognizer.id}" (${rec.file}) outputs ${outClasses} classes, but its character set and class layout in models/manifest.json give ${classCount}`,
    );
  }
  if (models.classifier) {
    const { height, width } = models.classifier.spec;
    await models.classifier.run({ data: new Float32Array(3 * height * width), dims: [1, 3, height, width] });
  }
}
