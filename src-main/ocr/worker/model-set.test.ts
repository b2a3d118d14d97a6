/**
 * A recogniser drops in through models/manifest.json alone, selectable per profile: here a
 * second entry reads digits only and the `fast` profile points at it.
 */
import { mkdir, readdir, readFile, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultModelsDir } from '../../paths';
import { FIXTURES } from '../../test-support/datasets';
import { useTempDir } from '../../test-support/temp-dir';
import { ModelSet } from './model-set';
import { loadRules } from '../../extract/rules-file';
import { runOcrJob } from './run-job';

const tmp = useTempDir();

describe('a second recogniser through the manifest', () => {
  it('is used by the profile that names it, and only by that one', async () => {
    for (const f of await readdir(defaultModelsDir())) {
      if (f !== 'manifest.json') await symlink(path.join(defaultModelsDir(), f), path.join(tmp.path, f));
    }
    const manifest = JSON.parse(await readFile(path.join(defaultModelsDir(), 'manifest.json'), 'utf8')) as {
      models: Record<string, Record<string, unknown>>;
      profiles: Record<string, Record<string, string | boolean>>;
    };
    manifest.models['digits-rec'] = { ...manifest.models['ppocrv4-rec'], description: 'the same network, reading digits only', allowedCharacters: '^[0-9]$' };
    // Pinned, so the test shows the swap whichever recogniser the committed `balanced` reads with
    // (and in float: neither of these recognisers has an int8 file).
    manifest.profiles.fast = { detector: 'ppocrv4-det', recognizer: 'digits-rec' };
    manifest.profiles.balanced = { detector: 'ppocrv4-det', recognizer: 'ppocrv4-rec' };
    await writeFile(path.join(tmp.path, 'manifest.json'), JSON.stringify(manifest));

    const models = await ModelSet.open(tmp.path, { intraOpThreads: 2 });
    try {
      const receipt = path.join(FIXTURES, 'r001-bdv-light.png');
      const truth = JSON.parse(await readFile(path.join(FIXTURES, 'truth.json'), 'utf8'))['r001-bdv-light.png'] as { printed: { referencia: string } };
      const control = { isCancelled: () => false, progress: () => {} };
      const { rules } = await loadRules(null);
      const fast = await runOcrJob(receipt, 'fast', models, control, { rules });
      const balanced = await runOcrJob(receipt, 'balanced', models, control, { rules });
      expect(fast.text).toMatch(/^[0-9\s]+$/);
      expect(fast.text).toContain(truth.printed.referencia);
      expect(balanced.text).toMatch(/Operaci.n/);
      expect(models.info().map((m) => m.id).sort()).toEqual(['digits-rec', 'ppocrv4-det', 'ppocrv4-rec']);
    } finally {
      await models.dispose();
    }
  });
});

describe('the int8 recogniser', () => {
  it('is the file a profile marked int8 loads, and reads the receipt as the float model does', async () => {
    const models = await ModelSet.open(defaultModelsDir(), { intraOpThreads: 1 });
    const receipt = path.join(FIXTURES, 'r001-bdv-light.png');
    const control = { isCancelled: () => false, progress: () => {} };
    const { rules } = await loadRules(null);
    try {
      const int8 = await runOcrJob(receipt, 'balanced', models, control, { rules });
      expect(models.info().find((m) => m.id === 'recibo-rec-es')?.file).toBe('recibo-rec-es.int8.onnx');
      // The float file, through a manifest whose balanced profile is not marked int8.
      const manifest = JSON.parse(await readFile(path.join(defaultModelsDir(), 'manifest.json'), 'utf8')) as { profiles: Record<string, Record<string, unknown>> };
      delete manifest.profiles.balanced!.int8;
      const dir = path.join(tmp.path, 'float');
      await mkdir(dir);
      for (const f of await readdir(defaultModelsDir())) if (f !== 'manifest.json') await symlink(path.join(defaultModelsDir(), f), path.join(dir, f));
      await writeFile(path.join(dir, 'manifest.json'), JSON.stringify(manifest));
      const floatModels = await ModelSet.open(dir, { intraOpThreads: 1 });
      try {
        const float = await runOcrJob(receipt, 'balanced', floatModels, control, { rules });
        expect(floatModels.info().find((m) => m.id === 'recibo-rec-es')?.file).toBe('recibo-rec-es.onnx');
        // Same values and text; confidences and word boxes move by the quantisation's rounding.
        const values = (r: typeof int8) => Object.fromEntries(Object.entries(r.fields).map(([k, f]) => [k, f.value]));
        expect(Object.keys(int8.fields).length).toBeGreaterThan(5);
        expect(values(int8)).toEqual(values(float));
        expect(int8.text).toBe(float.text);
      } finally {
        await floatModels.dispose();
      }
    } finally {
      await models.dispose();
    }
  });
});
