/**
 * One dropped image is read from disk once and hashed once on its way from the drop to its
 * fields: intake hashes the bytes it was handed and stores them; the reading (what the worker
 * runs for a queued receipt, here in this process) reads the stored copy and takes its hash
 * from the receipt.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { Reader } from '../ocr/worker/reader';
import { defaultModelsDir } from '../paths';
import { FIXTURES } from '../test-support/datasets';
import { useTempDir } from '../test-support/temp-dir';
import { receiptById } from '../db/receipts';
import { openCore } from './data-folder';
import { takeIn } from './intake';
import { takeInBytes } from './dropped-bytes';

const counted = vi.hoisted(() => ({ reads: [] as string[], hashes: 0 }));
vi.mock('../image/image-file', async (importOriginal) => {
  const real = await importOriginal<typeof import('../image/image-file')>();
  return {
    ...real,
    readImageFile: (file: string, opts: { hash?: boolean } = {}) => {
      counted.reads.push(file);
      if (opts.hash !== false) counted.hashes++;
      return real.readImageFile(file, opts);
    },
    sha256Hex: (bytes: Uint8Array) => {
      counted.hashes++;
      return real.sha256Hex(bytes);
    },
  };
});

const tmp = useTempDir();
let reader: Reader;
beforeAll(async () => {
  reader = await Reader.open({ modelsDir: defaultModelsDir(), intraOpThreads: 1, warmProfiles: ['balanced'], rulesFile: null });
});
afterAll(() => reader.dispose());
const control = { isCancelled: () => false, progress: () => {} };

describe('from a drop to its fields', () => {
  it('reads a dropped image once and hashes it once', async () => {
    const core = openCore(path.join(tmp.path, 'bytes'));
    const bytes = await readFile(path.join(FIXTURES, 'r001-bdv-light.png'));
    counted.reads.length = 0;
    counted.hashes = 0;
    const { items } = await takeInBytes(core, [{ name: 'r001-bdv-light.png', bytes }], 'balanced');
    const receipt = receiptById(core.db, items[0]!.receiptId!)!;
    const stored = core.store.pathOf(receipt.sha256, receipt.ext);
    const record = await reader.read(stored, 'balanced', control, { name: receipt.original_name, stored: { sha256: receipt.sha256 } });
    expect(record.status).toBe('ok');
    expect(record.sha256).toBe(receipt.sha256);
    expect(counted.reads).toEqual([stored]);
    expect(counted.hashes).toBe(1);
    core.close();
  });

  it('reads a file dropped by its path once where it is and its stored copy once, and hashes it once', async () => {
    const core = openCore(path.join(tmp.path, 'paths'));
    const source = path.join(FIXTURES, 'r002-stacked-light.jpg');
    counted.reads.length = 0;
    counted.hashes = 0;
    const { items } = await takeIn(core, [source], { profile: 'balanced', label: 'test' });
    const receipt = receiptById(core.db, items[0]!.receiptId!)!;
    const stored = core.store.pathOf(receipt.sha256, receipt.ext);
    await reader.read(stored, 'balanced', control, { name: receipt.original_name, stored: { sha256: receipt.sha256 } });
    expect(counted.reads).toEqual([source, stored]);
    expect(counted.hashes).toBe(1);
    core.close();
  });
});
