/**
 * After an unclean shutdown the app runs SQLite's full integrity check in a worker thread
 * (issue 40, item 4): damage that the quick check at open cannot see (an index that no longer
 * matches its table) is reported to the window at once, and the next start refuses the database
 * until it is repaired.
 */
import { existsSync, readFileSync } from 'node:fs';
import { copyFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { dispatch } from '../api/dispatch';
import { createHandlers } from '../api/handlers';
import { AppService } from '../api/service';
import { alterIndexDefinition } from '../db/fixtures';
import { DamagedDatabaseError } from '../db/open';
import { repairDatabase } from '../db/repair';
import { defaultModelsDir } from '../paths';
import { FIXTURES } from '../test-support/datasets';
import { useTempDir } from '../test-support/temp-dir';
import { openCore } from './data-folder';
import { takeIn } from './intake';

const tmp = useTempDir();
const services: AppService[] = [];
afterEach(async () => {
  await Promise.all(services.splice(0).map((s) => s.close()));
});

const start = (dataDir: string) => {
  const service = new AppService({ dataDir, modelsDir: defaultModelsDir(), rulesFile: null, workers: 1 });
  services.push(service);
  return service;
};

/** A folder whose last process died with the database open, its received_at index now lying. */
async function crashedWithDamagedIndex(name: string, damage: boolean) {
  const dataDir = path.join(tmp.path, name);
  const core = openCore(dataDir, undefined, { lockHeld: true });
  const image = path.join(tmp.path, `${name}.png`);
  await copyFile(path.join(FIXTURES, 'r001-bdv-light.png'), image);
  await takeIn(core, [image], { profile: 'balanced', label: 'test' });
  // The process dies: the database is never closed through the core, its open marker stays.
  core.db.close();
  if (damage) {
    alterIndexDefinition(path.join(dataDir, 'recibo.db'));
  }
  return dataDir;
}

describe('the integrity check after an unclean shutdown', () => {
  it('finds an index that lies, tells the window, and the next start refuses the database until repair', async () => {
    const dataDir = await crashedWithDamagedIndex('damaged', true);
    const service = start(dataDir);
    expect(service.core.uncleanShutdown).toBe(true);
    const reported = await new Promise<string>((resolve) => service.on((channel, payload) => channel === 'database:damaged' && resolve((payload as { reason: string }).reason)));
    expect(reported).toMatch(/missing from index receipts_received/);
    expect(await dispatch(createHandlers(service), 'app:health', {})).toEqual({ ok: true, value: { databaseProblem: reported } });
    await service.close();
    services.length = 0;

    expect(() => openCore(dataDir)).toThrow(DamagedDatabaseError);
    expect(() => openCore(dataDir)).toThrow(/integrity check failed: .*receipts_received/);
    expect(repairDatabase(dataDir, new Date())).toMatchObject({ status: 'restored', backup: { receipts: 0 }, imagesNotInHistory: 1 });
    const core = openCore(dataDir, undefined, { lockHeld: true });
    expect(core.uncleanShutdown).toBe(false);
    core.close();
  });

  it('a reader beside the lock holder (status) neither sets nor clears the open marker', () => {
    const dataDir = path.join(tmp.path, 'beside');
    const holder = openCore(dataDir, undefined, { lockHeld: true });
    const marker = path.join(dataDir, 'recibo.db.open');
    expect(existsSync(marker)).toBe(true);
    const status = openCore(dataDir);
    expect(status.uncleanShutdown).toBe(false);
    status.close();
    expect(existsSync(marker)).toBe(true);
    holder.close();
    expect(existsSync(marker)).toBe(false);
  });

  it('a healthy database after a crash passes the check and says nothing', async () => {
    const dataDir = await crashedWithDamagedIndex('healthy', false);
    const service = start(dataDir);
    expect(service.core.uncleanShutdown).toBe(true);
    // The check's end is logged; wait for it, then nothing was reported.
    const log = path.join(dataDir, 'logs', 'recibo.log');
    await expect.poll(() => readFileSync(log, 'utf8'), { timeout: 10_000 }).toMatch(/"event":"integrity-check-done","ok":true/);
    expect(service.databaseProblem).toBeNull();
  });
});
