import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { appRoot } from '../../paths';
import { useTempDir } from '../../test-support/temp-dir';
import { filesOf, ManifestSchema, type RecognizerEntry } from './manifest';
import { sha256Hex } from '../../image/image-file';
import { loadClasses, loadLanguageModel, readLanguageModelFile, readVerified } from './model-files';

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

  it('loads the committed one with the options its entry gives', async () => {
    const decoder = await loadLanguageModel(committed, own);
    expect(decoder?.options).toEqual({ weight: own.languageModel!.weight, charBonus: own.languageModel!.charBonus, beamWidth: own.languageModel!.beamWidth, minProbability: own.languageModel!.minProbability });
    expect(decoder?.model.order).toBeGreaterThan(1);
    expect(filesOf('recibo-rec-es', own).map((f) => f.file)).toContain(own.languageModel!.file);
  });

  it('is absent for a recogniser without one', async () => {
    expect(await loadLanguageModel(committed, manifest.models['ppocrv4-rec'] as RecognizerEntry)).toBeUndefined();
  });

  const write = async (file: string, bytes: Uint8Array) => {
    await writeFile(path.join(tmp.path, file), bytes);
    return { ...own, languageModel: { ...own.languageModel!, file, sha256: sha256Hex(bytes) } };
  };
  /** A version-2 file around `header` (padded as the writer pads it), then `tables` bytes. */
  const lmFile = (header: string, tables: Uint8Array = new Uint8Array(0)) => {
    const text = Buffer.from(header + ' '.repeat((8 - ((12 + Buffer.byteLength(header)) % 8)) % 8));
    const size = Buffer.alloc(4);
    size.writeUInt32LE(text.length);
    return Buffer.concat([Buffer.from('RECIBOLM'), size, text, tables]);
  };

  it('refuses a file that is not one, naming it', async () => {
    await expect(loadLanguageModel(tmp.path, await write('old.json', Buffer.from('{"format":"recibo-char-lm","version":1}')))).rejects.toThrow(/old\.json is not a recibo-char-lm file: it does not start with RECIBOLM/);
    await expect(loadLanguageModel(tmp.path, await write('broken.bin', lmFile('{"format": ')))).rejects.toThrow(/broken\.bin is not a recibo-char-lm file: its header is not valid JSON/);
    await expect(loadLanguageModel(tmp.path, await write('other.bin', lmFile(JSON.stringify({ format: 'arpa', version: 2 }))))).rejects.toThrow(/other\.bin is not a recibo-char-lm file: format/);
  });

  it('reads the same tables from bytes that do not start aligned (copied, then)', () => {
    const bytes = readFileSync(path.join(committed, own.languageModel!.file));
    const aligned = readLanguageModelFile(bytes);
    const shifted = readLanguageModelFile(Buffer.concat([Buffer.alloc(1), bytes]).subarray(1));
    expect(shifted.ngrams.keys.byteOffset % 8).toBe(0);
    expect(shifted.ngrams.keys).toEqual(aligned.ngrams.keys);
    expect(shifted.backoff.values).toEqual(aligned.backoff.values);
    expect(aligned.ngrams.keys.length).toBeGreaterThan(100_000);
  });

  it('refuses a file cut short, or with bytes its header does not describe', async () => {
    const committedBytes = readFileSync(path.join(committed, own.languageModel!.file));
    await expect(loadLanguageModel(tmp.path, await write('short.bin', committedBytes.subarray(0, committedBytes.length - 4)))).rejects.toThrow(/short\.bin is damaged: it ends at byte/);
    await expect(loadLanguageModel(tmp.path, await write('long.bin', Buffer.concat([committedBytes, Buffer.alloc(4)])))).rejects.toThrow(/long\.bin is damaged: it holds \d+ bytes, its header describes/);
  });
});
