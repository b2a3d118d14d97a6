/**
 * The real models and the shipped rules for a test file: opened once before its tests, closed
 * after, and `read` runs one image through the whole pipeline as the worker does.
 */
import { afterAll, beforeAll } from 'vitest';
import type { Rules } from '../../src-shared/extract/rules';
import type { ProfileName } from '../../src-shared/ocr/profiles';
import type { ImageRecord } from '../../src-shared/receipt/record';
import { loadRules } from '../extract/rules-file';
import { ModelSet } from '../ocr/worker/model-set';
import { runOcrJob } from '../ocr/worker/run-job';
import { defaultModelsDir } from '../paths';

export function useOcrEngine(): { read(file: string, profile?: ProfileName): Promise<ImageRecord>; models(): ModelSet; rules(): Rules } {
  let models: ModelSet;
  let rules: Rules;
  beforeAll(async () => {
    models = await ModelSet.open(defaultModelsDir(), { intraOpThreads: 2 });
    rules = (await loadRules(null)).rules;
  });
  afterAll(async () => {
    await models.dispose();
  });
  return {
    read: (file, profile = 'balanced') => runOcrJob(file, profile, models, { isCancelled: () => false, progress: () => {} }, { rules }),
    models: () => models,
    rules: () => rules,
  };
}
