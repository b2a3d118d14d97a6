import { existsSync, readFileSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadManifest, ManifestSchema } from '../src-main/ocr/worker/manifest';
import { defaultModelsDir } from '../src-main/paths';
import { useTempDir } from '../src-main/test-support/temp-dir';
import { modelsDirWithRecognizer, withRecognizer } from './recognizer-swap';

describe('benchmarks with another recogniser', () => {
  const temp = useTempDir();

  it('points every profile at the recogniser and keeps the rest of the manifest', async () => {
    const manifest = await loadManifest(defaultModelsDir());
    const swapped = withRecognizer(manifest, 'ppocrv4-rec');
    for (const uses of Object.values(swapped.profiles)) expect(uses.recognizer).toBe('ppocrv4-rec');
    expect(swapped.profiles.accurate.classifier).toBe(manifest.profiles.accurate.classifier);
    expect(swapped.models).toEqual(manifest.models);
  });

  it('refuses a model that is not a recogniser, naming the ones that are', async () => {
    const manifest = await loadManifest(defaultModelsDir());
    expect(() => withRecognizer(manifest, 'ppocrv4-det')).toThrow(/"ppocrv4-det" is not a recogniser.*ppocrv4-rec/);
    expect(() => withRecognizer(manifest, 'nope')).toThrow(/not a recogniser/);
  });

  it('builds a models folder the engine can load: files linked, manifest valid', async () => {
    const dir = modelsDirWithRecognizer('ppocrv4-rec', path.join(temp.path, 'models'));
    const manifest = ManifestSchema.parse(JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8')));
    for (const m of Object.values(manifest.models)) {
      expect(existsSync(path.join(dir, m.file))).toBe(true);
      expect(realpathSync(path.join(dir, m.file))).toBe(realpathSync(path.join(defaultModelsDir(), m.file)));
    }
    expect((await loadManifest(dir)).profiles.fast.recognizer).toBe('ppocrv4-rec');
  });
});
