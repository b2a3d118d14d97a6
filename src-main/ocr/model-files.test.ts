import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../test-support/temp-dir';
import type { RecognizerEntry } from './manifest';
import { loadClasses, readVerified, sha256Hex } from './model-files';

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
