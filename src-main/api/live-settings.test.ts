/**
 * The settings that change the running core (watched folder, profile, pool), and the
 * dashboard's figures, over a real data folder, real workers and real files.
 */
import { existsSync, readFileSync } from 'node:fs';
import { copyFile, mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Res } from '../../src-shared/ipc/contract';
import type { Result } from '../../src-shared/ipc/result';
import { readingsWithProfile } from '../db/fixtures';
import { stateCounts } from '../db/receipts';
import { defaultModelsDir } from '../paths';
import { FIXTURES } from '../test-support/datasets';
import { useTempDir } from '../test-support/temp-dir';
import { dispatch } from './dispatch';
import { createHandlers } from './handlers';
import { AppService } from './service';

const tmp = useTempDir();
const open: AppService[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()));
});

/**
 * `picks`: the folders the operator chooses in the system's picker, in turn (null: closes it).
 * Electron's dialog cannot open here; the core's side of it is what is tested.
 */
function start(dataDir = path.join(tmp.path, 'data'), picks?: (string | null)[]) {
  const pickFolder = picks ? async () => picks.shift() ?? null : undefined;
  const service = new AppService({ dataDir, modelsDir: defaultModelsDir(), rulesFile: null, workers: 1, watchEveryMs: 100, sampleEveryMs: 150, ...(pickFolder ? { pickFolder } : {}) });
  open.push(service);
  const handlers = createHandlers(service);
  const call = (channel: string, payload: unknown) => dispatch(handlers, channel, payload) as Promise<Result<unknown>>;
  const value = async <T>(channel: string, payload: unknown) => {
    const r = await call(channel, payload);
    if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
    return r.value as T;
  };
  return { service, call, value };
}

async function until(check: () => boolean, ms = 30_000) {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`Not true within ${ms} ms: ${check.toString()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('settings that change the running core', () => {
  it('watches the folder the operator picked: an image put there is read, then moved to processed/', async () => {
    const inbox = path.join(tmp.path, 'inbox');
    const dataDir = path.join(tmp.path, 'data');
    const { service, call, value } = start(dataDir, [null, path.join(tmp.path, 'missing'), dataDir, inbox]);
    await mkdir(inbox);
    // The window cannot name a folder, only stop watching.
    for (const watchFolder of ['inbox', inbox, '/etc']) expect(await call('settings:set', { watchFolder })).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    // The picker closed: nothing changes. Then refused with the reason: a folder that is not there, the data folder.
    expect(await value('settings:pickWatchFolder', {})).toMatchObject({ picked: false, settings: { watchFolder: null, canPickFolder: true } });
    expect(await call('settings:pickWatchFolder', {})).toMatchObject({ ok: false, error: { code: 'WATCH_NOT_FOLDER', message: expect.stringMatching(/not a folder/) } });
    expect(await call('settings:pickWatchFolder', {})).toMatchObject({ ok: false, error: { code: 'WATCH_IN_DATA', message: expect.stringMatching(/data folder/) } });

    expect(await value('settings:pickWatchFolder', {})).toMatchObject({ picked: true, settings: { watchFolder: inbox, watchProblem: null } });
    await copyFile(path.join(FIXTURES, 'r001-bdv-light.png'), path.join(inbox, 'pago.png'));
    await until(() => existsSync(path.join(inbox, 'processed', 'pago.png')));
    const list = await value<Res<'receipts:list'>>('receipts:list', {});
    expect(list.receipts.map((r) => [r.file, r.state, r.values.referencia])).toEqual([['pago.png', 'done', '406884463']]);

    // Kept in the data folder: the next start watches it again, and says so when it is gone.
    await service.close();
    open.length = 0;
    const again = start(dataDir);
    expect(await again.value<Res<'settings:get'>>('settings:get', {})).toMatchObject({ watchFolder: inbox, canPickFolder: false });
    // A host without a picker (the browser host) says so.
    expect(await again.call('settings:pickWatchFolder', {})).toMatchObject({ ok: false, error: { code: 'NO_FOLDER_PICKER' } });
    expect(await again.value('settings:set', { watchFolder: null })).toMatchObject({ watchFolder: null });
  });

  it('a new profile or pool size restarts the readers between receipts, and nothing is lost', async () => {
    const { service, value } = start();
    const files = await Promise.all(['r001-bdv-light.png', 'r002-stacked-light.jpg', 'r003-beside-light.jpg', 'r007-bdv-dark.jpg'].map(async (name) => ({ name, base64: (await readFile(path.join(FIXTURES, name))).toString('base64') })));
    await value('intake:add', { files });
    const changed = await value<Res<'settings:get'>>('settings:set', { profile: 'fast', workers: 2, threadsPerWorker: 1 });
    expect(changed).toMatchObject({ profile: 'fast', workers: 2, threadsPerWorker: 1, effective: { workers: 2, threadsPerWorker: 1 } });
    // "Automatic" threads follow the workers in force: the cores split between the two.
    expect(changed.automatic.threadsPerWorker).toBe(Math.max(1, Math.floor(changed.cores / 2)));
    await until(() => stateCounts(service.core.db).done === 4, 60_000);
    await service.idle();
    const log = readFileSync(path.join(service.opts.dataDir, 'logs', 'recibo.log'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { event: string; profile?: string; workers?: number });
    expect(log.filter((l) => l.event === 'pool-restart')).toMatchObject([{ profile: 'fast', workers: 2 }]);
    // The readings after the restart were made with the new profile.
    expect(readingsWithProfile(service.core.db, 'fast')).toBeGreaterThan(0);

    // The dashboard: the four readings in the last hour's buckets, and the processes sampled.
    await until(() => service.resources.buckets(Date.now() - 60_000, 1, 2).some((b) => b.mainCpuPct !== null));
    const m = await value<Res<'metrics:get'>>('metrics:get', { windowMinutes: 60 });
    expect(m).toMatchObject({ windowMinutes: 60, bucketMinutes: 1, readings: 4, errorRate: 0, duplicateRate: 0, workerRestarts: 0 });
    expect(m.series).toHaveLength(60);
    expect(m.series.reduce((n, b) => n + b.receipts, 0)).toBe(4);
    expect(m.series.filter((b) => b.latencyP50 !== null).every((b) => b.latencyP50! > 0 && b.latencyP95! >= b.latencyP50!)).toBe(true);
    const sampled = m.series.filter((b) => b.mainRssMb !== null);
    expect(sampled.length).toBeGreaterThan(0);
    // The readers were sampled while they read: their memory holds the models (tens of MB at least).
    expect(Math.max(...sampled.map((b) => b.workersRssMb ?? 0))).toBeGreaterThan(50);
  });
});
