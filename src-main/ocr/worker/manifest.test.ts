import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultModelsDir } from '../../paths';
import { useTempDir } from '../../test-support/temp-dir';
import { loadManifest, type RecognizerEntry } from './manifest';
import { recognizerSpec } from './model-set';
import { WORD_SPLIT_DEFAULTS } from './pipeline/recognition/words';

const tmp = useTempDir();

/** The shipped manifest as plain JSON, so a test can break it on purpose. */
interface RawManifest {
  models: Record<string, Record<string, unknown>>;
  profiles: Record<string, Record<string, string>>;
}

async function withManifest(name: string, edit: (m: RawManifest) => void): Promise<string> {
  const m = JSON.parse(await readFile(path.join(defaultModelsDir(), 'manifest.json'), 'utf8')) as RawManifest;
  edit(m);
  const dir = path.join(tmp.path, name);
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, 'manifest.json'), JSON.stringify(m));
  return dir;
}

describe('model manifest', () => {
  it('loads the shipped manifest: every profile names models that exist', async () => {
    const m = await loadManifest(defaultModelsDir());
    expect(Object.keys(m.profiles)).toEqual(['fast', 'balanced', 'accurate']);
    expect(m.models[m.profiles.balanced.recognizer]!.task).toBe('recognize');
  });

  it('names the profile and role that point at a missing or wrong model', async () => {
    const missing = await withManifest('missing', (m) => (m.profiles.fast!.recognizer = 'es-rec'));
    await expect(loadManifest(missing)).rejects.toThrow(/profiles\.fast\.recognizer: names model "es-rec", which the manifest does not define/);
    const wrong = await withManifest('wrong', (m) => (m.profiles.accurate!.classifier = 'ppocrv4-det'));
    await expect(loadManifest(wrong)).rejects.toThrow(/profiles\.accurate\.classifier: "ppocrv4-det" is a detect model, not a orient model/);
  });

  it('rejects malformed entries with the path of the problem', async () => {
    const bad = await withManifest('bad-sha', (m) => (m.models['ppocrv4-rec']!.sha256 = 'abc'));
    await expect(loadManifest(bad)).rejects.toThrow(/models\.ppocrv4-rec\.sha256: a sha256 is 64 lowercase hex digits/);
    const dir = path.join(tmp.path, 'not-json');
    await mkdir(dir, { recursive: true });
    await writeFile(path.join(dir, 'manifest.json'), '{ "schema": 1, ');
    await expect(loadManifest(dir)).rejects.toThrow(/is not valid JSON/);
  });

  it("gives each recogniser's own way of reading lines to the pipeline, and the defaults to the others", async () => {
    const m = await loadManifest(defaultModelsDir());
    const spec = (id: string) => recognizerSpec(m.models[id] as RecognizerEntry, ['', 'a']);
    expect(spec('recibo-rec-es').rereadBelow).toBe(0.98);
    expect(spec('recibo-rec-es').wordSplit).toEqual({ ...WORD_SPLIT_DEFAULTS, gapRatio: 0.45 });
    expect(spec('ppocrv4-rec').rereadBelow).toBeUndefined();
    expect(spec('ppocrv4-rec').wordSplit).toBeUndefined();
    const bad = await withManifest('bad-reread', (m) => (m.models['recibo-rec-es']!.rereadBelow = 1.5));
    await expect(loadManifest(bad)).rejects.toThrow(/models\.recibo-rec-es\.rereadBelow/);
  });

  it('refuses a profile that asks for the int8 copy of a recogniser that has none', async () => {
    const bad = await withManifest('bad-int8', (m) => delete m.models['recibo-rec-es']!.int8);
    await expect(loadManifest(bad)).rejects.toThrow(/profiles\.balanced\.int8: "recibo-rec-es" has no int8 file/);
  });
});
