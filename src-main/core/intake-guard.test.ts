/**
 * What intake lets into the data folder (issue 40, items 3 and 7): images only, never a special
 * file or a text file named by path; a file that cannot be written stops only itself and leaves
 * no partial copy; and the folder is the owner's alone.
 */
import { execFileSync } from 'node:child_process';
import { copyFile, mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES } from '../test-support/datasets';
import { useTempDir } from '../test-support/temp-dir';
import { stopGrowth } from '../db/fixtures';
import { receiptOutlines } from '../db/receipt-views';
import { stateCounts } from '../db/receipts';
import { openCore } from './data-folder';
import { takeIn } from './intake';

const tmp = useTempDir();
const IMAGE = 'r001-bdv-light.png';

/** Every file under a folder, relative to it. */
async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isFile()).map((e) => path.relative(dir, path.join(e.parentPath, e.name))).sort();
}

describe('intake guards', () => {
  it('takes images only: a text file, a disguised one, a PDF and a FIFO named by path are refused and nothing is copied', async () => {
    const core = openCore(path.join(tmp.path, 'a'));
    const outside = path.join(tmp.path, 'outside');
    await mkdir(outside);
    await writeFile(path.join(outside, 'shadow'), 'root:$6$secret:19000:0:99999:7:::\n');
    await writeFile(path.join(outside, 'receipt.png'), 'name says image, bytes say text');
    await writeFile(path.join(outside, 'informe.pdf'), '%PDF-1.7\n');
    execFileSync('mkfifo', [path.join(outside, 'pipe.png')]);
    const sources = ['shadow', 'receipt.png', 'informe.pdf', 'pipe.png'].map((n) => path.join(outside, n));
    const { items } = await takeIn(core, sources, { profile: 'balanced', label: 'test' });
    expect(items.map((i) => i.error?.code)).toEqual(['UNSUPPORTED_FORMAT', 'UNSUPPORTED_FORMAT', 'UNSUPPORTED_FORMAT', 'NOT_FOUND']);
    expect(items[0]!.error!.message).toMatch(/text file/);
    expect(await filesUnder(path.join(core.dataDir, 'images'))).toEqual([]);
    expect(Object.values(stateCounts(core.db)).reduce((a, b) => a + b)).toBe(0);
    core.db.close();
  });

  it('a file that cannot be written is refused alone, with no partial file, and the next one is stored', async () => {
    const core = openCore(path.join(tmp.path, 'b'));
    const first = path.join(tmp.path, 'first.png');
    const second = path.join(tmp.path, 'second.jpg');
    await copyFile(path.join(FIXTURES, IMAGE), first);
    await copyFile(path.join(FIXTURES, 'r002-stacked-light.jpg'), second);
    // The first image's shard folder is taken by a file: its write fails as on a full disk.
    const sha = (await import('node:crypto')).createHash('sha256').update(await readFile(first)).digest('hex');
    await mkdir(core.store.root, { recursive: true });
    await writeFile(path.join(core.store.root, sha.slice(0, 2)), 'in the way');
    const { items } = await takeIn(core, [first, second], { profile: 'balanced', label: 'test' });
    expect(items[0]!.error).toMatchObject({ code: 'STORE_FAILED', message: expect.stringMatching(/first\.png/) });
    expect(items[1]!.error).toBeUndefined();
    expect((await filesUnder(core.store.root)).filter((f) => f.endsWith('.partial'))).toEqual([]);
    expect(receiptOutlines(core.db).map((r) => r.original_name)).toEqual(['second.jpg']);
    core.db.close();
  });

  it.skipIf(process.platform === 'win32')('keeps the data folder and its files to the owner (700 and 600)', async () => {
    const dataDir = path.join(tmp.path, 'c');
    await mkdir(dataDir, { mode: 0o755 });
    const core = openCore(dataDir);
    const image = path.join(tmp.path, IMAGE);
    await copyFile(path.join(FIXTURES, IMAGE), image);
    const { items } = await takeIn(core, [image], { profile: 'balanced', label: 'test' });
    core.log.write({ event: 'test' });
    const mode = async (p: string) => (await stat(p)).mode & 0o777;
    expect(await mode(dataDir)).toBe(0o700);
    expect(await mode(path.join(dataDir, 'recibo.db'))).toBe(0o600);
    expect(await mode(core.store.pathOf(items[0]!.sha256!, 'png'))).toBe(0o600);
    expect(await mode(path.join(dataDir, 'logs', 'recibo.log'))).toBe(0o600);
    core.db.close();
  });
});

describe('a full database', () => {
  it('a result that cannot be saved (SQLITE_FULL) fails that receipt with the reason; the queue goes on and ends', async () => {
    const { processQueue } = await import('./processor');
    const { defaultModelsDir } = await import('../paths');
    const core = openCore(path.join(tmp.path, 'full'));
    const sources = await Promise.all(['r001-bdv-light.png', 'r002-stacked-light.jpg'].map(async (n) => {
      const copy = path.join(tmp.path, `full-${n}`);
      await copyFile(path.join(FIXTURES, n), copy);
      return copy;
    }));
    await takeIn(core, sources, { profile: 'balanced', label: 'test' });
    // The database may not grow by a page: as on a full disk, saving a reading fails.
    stopGrowth(core.db);
    const failed: string[] = [];
    await processQueue(core, { profile: 'balanced', workers: 1, modelsDir: defaultModelsDir(), rulesFile: null, onProgress: (e) => e.state === 'failed' && failed.push(e.error!.code) });
    // At least the first reading cannot be saved; none stays stuck, and the queue ended.
    expect(failed.length).toBeGreaterThanOrEqual(1);
    expect(new Set(failed)).toEqual(new Set(['STORE_FAILED']));
    const rows = receiptOutlines(core.db);
    expect(rows.every((r) => r.state === 'done' || (r.state === 'failed' && r.error_code === 'STORE_FAILED'))).toBe(true);
    expect(rows.find((r) => r.state === 'failed')!.error_message).toMatch(/SQLITE_FULL/);
    core.close();
  });
});

describe('a database that cannot grow at intake', () => {
  it('refuses each file it cannot record (STORE_FAILED) and goes on to the last', async () => {
    const sharp = (await import('sharp')).default;
    const core = openCore(path.join(tmp.path, 'full-intake'));
    // 300 different small PNGs (each its own receipt), written to disk as a drop would be.
    const sources = await Promise.all(Array.from({ length: 300 }, async (_, i) => {
      const file = path.join(tmp.path, `distinct-${i}.png`);
      await sharp({ create: { width: 8, height: 8, channels: 3, background: { r: i % 256, g: Math.floor(i / 256), b: 7 } } }).png().toFile(file);
      return file;
    }));
    // The database may not grow beyond its size now: as on a full disk, inserts start failing.
    stopGrowth(core.db);
    const { items } = await takeIn(core, sources, { profile: 'balanced', label: 'test' });
    expect(items).toHaveLength(300);
    const refused = items.filter((i) => i.error);
    expect(refused.length).toBeGreaterThan(0);
    expect(refused.every((i) => i.error!.code === 'STORE_FAILED' && /SQLITE_FULL/.test(i.error!.message) && i.sha256 === undefined)).toBe(true);
    core.close();
  });
});
