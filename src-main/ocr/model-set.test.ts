/**
 * A recogniser drops in through models/manifest.json alone, selectable per profile: here a
 * second entry reads digits only and the `fast` profile points at it.
 */
import { readdir, readFile, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultModelsDir } from '../paths';
import { FIXTURES } from '../test-support/datasets';
import { useTempDir } from '../test-support/temp-dir';
import { ModelSet } from './model-set';
import { loadRules } from '../extract/rules-file';
import { runOcrJob } from './run-job';

const tmp = useTempDir();

describe('a second recogniser through the manifest', () => {
  it('is used by the profile that names it, and only by that one', async () => {
    for (const f of await readdir(defaultModelsDir())) {
      if (f !== 'manifest.json') await symlink(path.join(defaultModelsDir(), f), path.join(tmp.path, f));
    }
    const manifest = JSON.parse(await readFile(path.join(defaultModelsDir(), 'manifest.json'), 'utf8')) as {
      models: Record<string, Record<string, unknown>>;
      profiles: Record<string, Record<string, string>>;
    };
    manifest.models['digits-rec'] = { ...manifest.models['ppocrv4-rec'], description: 'the same network, reading digits only', allowedCharacters: '^[0-9]$' };
    manifest.profiles.fast!.recognizer = 'digits-rec';
    // Pinned, so the test shows the swap whichever recogniser the committed `balanced` reads with.
    manifest.profiles.balanced!.recognizer = 'ppocrv4-rec';
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
