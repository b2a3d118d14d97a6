import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { appRoot } from '../paths';
import { useTempDir } from '../test-support/temp-dir';
import { filesOf, ManifestSchema, type RecognizerEntry } from './manifest';
import { loadClasses, loadLanguageModel, readVerified, sha256Hex } from './model-files';

const tmp = useTempDir();

describe('verified model files', () => {
  it('returns the bytes when the sha256 matches', async () => {
    await writeFile(path.join(tmp.path, 'm.onnx'), 'model bytes');
    const bytes = await readVerified(tmp.path, 'm.onnx', sha256Hex(Buffer.from('model bytes')));
    expect(bytes.toString()).toBe('model bytes');
  });

  it('refuses an altered file, naming it and both hashes', async () => {
    await writeFile(path.join(tmp.path, 'altered.onnx'), 'tampered');
    const expected = sha256Hex(Buffer.from('original'));
    await expect(readVerified(tmp.path, 'altered.onnx', expected)).rejects.toThrow(
      new RegExp(`altered\\.onnx does not match models/manifest\\.json: sha256 is ${sha256Hex(Buffer.from('tampered'))}, expected ${expected}`),
    );
  });

  it('explains how to restore a missing file', async () => {
    await expect(readVerified(tmp.path, 'gone.onnx', 'a'.repeat(64))).rejects.toThrow(/gone\.onnx is missing\. Run "npm install"/);
  });
});

describe('recogniser classes', () => {
  const entry = (charset: RecognizerEntry['charset'], appendSpace: boolean) =>
    ({ charset, classes: { blank: 0, charsetOffset: 1, appendSpace } }) as RecognizerEntry;

  it('lays out blank, the charset file and an appended space', async () => {
    await writeFile(path.join(tmp.path, 'keys.txt'), 'a\nñ\n1\n');
    const classes = await loadClasses(tmp.path, entry({ file: 'keys.txt', sha256: sha256Hex(Buffer.from('a\nñ\n1\n')) }, true));
    expect(classes).toEqual(['', 'a', 'ñ', '1', ' ']);
  });

  it('takes inline characters one by one', async () => {
    expect(await loadClasses(tmp.path, entry({ characters: 'áé ¿' }, false))).toEqual(['', 'á', 'é', ' ', '¿']);
  });
});

describe('a recogniser language model', () => {
  const committed = path.join(appRoot(), 'models');
  const manifest = ManifestSchema.parse(JSON.parse(readFileSync(path.join(committed, 'manifest.json'), 'utf8')));
  const own = manifest.models['recibo-rec-es'] as RecognizerEntry;
  const withModel = (file: string, text: string) => ({ ...own, languageModel: { ...own.languageModel!, file, sha256: sha256Hex(Buffer.from(text)) } });

  it('loads the committed one with the options its entry gives', async () => {
    const decoder = await loadLanguageModel(committed, own);
    expect(decoder?.options).toEqual({ weight: own.languageModel!.weight, charBonus: own.languageModel!.charBonus, beamWidth: own.languageModel!.beamWidth, minProbability: own.languageModel!.minProbability });
    expect(decoder?.model.order).toBeGreaterThan(1);
    expect(filesOf('recibo-rec-es', own).map((f) => f.file)).toContain(own.languageModel!.file);
  });

  it('is absent for a recogniser without one', async () => {
    expect(await loadLanguageModel(committed, manifest.models['ppocrv4-rec'] as RecognizerEntry)).toBeUndefined();
  });

  it('refuses a file that is not JSON, or not a language model, naming it', async () => {
    await writeFile(path.join(tmp.path, 'broken.json'), '{"format": ');
    await expect(loadLanguageModel(tmp.path, withModel('broken.json', '{"format": '))).rejects.toThrow(/broken\.json is not valid JSON/);
    const other = JSON.stringify({ format: 'arpa', version: 1 });
    await writeFile(path.join(tmp.path, 'other.json'), other);
    await expect(loadLanguageModel(tmp.path, withModel('other.json', other))).rejects.toThrow(/other\.json is not a recibo-char-lm file: format/);
  });
});
