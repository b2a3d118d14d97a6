/**
 * What reads images: the models and the extraction rules, loaded once, and `read` for one file.
 * The OCR worker runs one behind its message loop; `receipt-ocr extract` runs one in its own
 * process when it has a single file to read, where starting a worker would cost more than the
 * reading (docs/benchmarks.md, one screenshot cold).
 */
import type { Rules } from '../../../src-shared/extract/rules';
import { DEFAULT_PROFILE, type ProfileName } from '../../../src-shared/ocr/profiles';
import type { ImageRecord } from '../../../src-shared/receipt/record';
import { loadRules, type RulesInForce } from '../../extract/rules-file';
import { ModelSet, type LoadedModelInfo } from './model-set';
import { runOcrJob, type ImageLoad, type JobControl, type JobSource } from './run-job';

export { startImageLoad } from './run-job';

export interface ReaderOptions {
  modelsDir: string;
  /** Threads each inference may use. */
  intraOpThreads: number;
  /** Profiles whose models are loaded and warmed up before the reader is returned. */
  warmProfiles: readonly ProfileName[];
  /** The operator's extraction rules, replacing the defaults when valid; null for the defaults. */
  rulesFile: string | null;
}

export class Reader {
  private constructor(
    private readonly models: ModelSet,
    private readonly rules: Rules,
    readonly rulesInForce: RulesInForce,
  ) {}

  /** Loads rules and models; throws (naming the file) when a model is missing or altered. */
  static async open(options: ReaderOptions): Promise<Reader> {
    const inForce = await loadRules(options.rulesFile);
    const models = await ModelSet.open(options.modelsDir, { intraOpThreads: options.intraOpThreads });
    try {
      for (const p of options.warmProfiles.length > 0 ? options.warmProfiles : [DEFAULT_PROFILE]) await models.forProfile(p);
    } catch (e) {
      await models.dispose();
      throw e;
    }
    return new Reader(models, inForce.rules, inForce);
  }

  /** Files behind the models loaded so far, for the run's provenance. */
  modelInfo(): LoadedModelInfo[] {
    return this.models.info();
  }

  /**
   * One image to its record; failures are an error record, never a throw. `options`: what the
   * caller knows of the file (JobSource), and its load when already started (startImageLoad).
   */
  read(file: string, profile: ProfileName, control: JobControl, options: JobSource & { image?: ImageLoad } = {}): Promise<ImageRecord> {
    return runOcrJob(file, profile, this.models, control, { rules: this.rules, ...options });
  }

  dispose(): Promise<void> {
    return this.models.dispose();
  }
}
