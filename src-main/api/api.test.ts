/**
 * The contract's handlers over a real data folder and a real worker, called through the same
 * dispatch gate every transport uses.
 */
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventChannel } from '../../src-shared/ipc/contract';
import type { Result } from '../../src-shared/ipc/result';
import { defaultModelsDir } from '../paths';
import { FIXTURES } from '../test-support/datasets';
import { useTempDir } from '../test-support/temp-dir';
import { dispatch } from './dispatch';
import { onQueueDrained, type DrainReport } from './queue-drain';
import { createHandlers, type Handlers } from './handlers';
import { AppService } from './service';

const tmp = useTempDir();
let service: AppService;
let handlers: Handlers;
const events: { channel: EventChannel; payload: unknown }[] = [];
const drained: DrainReport[] = [];
const call = async <T>(channel: string, payload: unknown): Promise<T> => {
  const r = (await dispatch(handlers, channel, payload)) as Result<T>;
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
};
const file = async (name: string) => ({ name, base64: (await readFile(path.join(FIXTURES, name))).toString('base64') });

beforeAll(() => {
  service = new AppService({ dataDir: path.join(tmp.path, 'data'), modelsDir: defaultModelsDir(), workers: 1 });
  service.on((channel, payload) => events.push({ channel, payload }));
  onQueueDrained(service, (r) => drained.push(r));
  handlers = createHandlers(service);
});
afterAll(async () => {
  await service.close();
});

describe('the API over a real core', () => {
  it('takes dropped files in, reads them in the background, and says so with events', async () => {
    const added = await call<{ items: { sha256?: string; reused?: boolean; error?: { code: string } }[] }>('intake:add', {
      files: [await file('r001-bdv-light.png'), await file('r001-bdv-light.png'), { name: 'empty.png', base64: '' }],
    });
    expect(added.items.map((i) => [i.reused, i.error?.code])).toEqual([[false, undefined], [true, undefined], [undefined, 'EMPTY_FILE']]);
    await service.idle();
    // The window's progress bar: the batch, its one receipt read.
    const { batchId } = added as unknown as { batchId: number };
    expect((await call<{ batches: unknown[] }>('batches:status', { batchIds: [batchId, 999] })).batches).toEqual([{ id: batchId, state: 'running', total: 1, queued: 0, processing: 0, done: 1, failed: 0, cancelled: 0, reused: 0 }]);
    const sha = added.items[0]!.sha256!;
    expect(events.filter((e) => e.channel === 'job:done').map((e) => (e.payload as { sha256: string }).sha256)).toEqual([sha]);
    // One receipt read (the second was the same bytes, the third refused at intake): one notice.
    expect(drained).toEqual([{ done: 1, failed: 0 }]);
    const list = await call<{ receipts: { sha256: string; state: string; values: Record<string, string> }[]; counts: Record<string, number> }>('receipts:list', {});
    expect(list.counts).toEqual({ queued: 0, processing: 0, done: 1, failed: 0, cancelled: 0 });
    expect(list.receipts[0]).toMatchObject({ sha256: sha, state: 'done', values: { referencia: '406884463' } });
  });

  it('gives a receipt with its words and boxes, keeps a correction, and exports it', async () => {
    const [{ sha256 }] = (await call<{ receipts: { sha256: string }[] }>('receipts:list', {})).receipts as [{ sha256: string }];
    const detail = await call<{ lines: { words: unknown[] }[]; fields: Record<string, { box: number[] }> }>('receipts:get', { sha256 });
    expect(detail.lines.flatMap((l) => l.words).length).toBeGreaterThan(10);
    expect(detail.fields.monto!.box).toHaveLength(4);
    // Typed the Venezuelan way, stored canonical; text that is not an amount is refused with the reason.
    expect(await dispatch(handlers, 'receipts:correct', { sha256, field: 'monto', value: 'cinco mil' })).toMatchObject({ ok: false, error: { code: 'INVALID_VALUE' } });
    const corrected = await call<{ corrected: Record<string, string>; values: Record<string, string>; corrections: unknown[] }>('receipts:correct', { sha256, field: 'monto', value: '5.524,41' });
    expect(corrected).toMatchObject({ corrected: { monto: '5524.41' }, values: { monto: '5524.41' }, corrections: [{ field: 'monto', oldValue: '5524.40', newValue: '5524.41' }] });
    expect(events.some((e) => e.channel === 'receipt:updated')).toBe(true);
    const csv = await call<{ fileName: string; text: string }>('export:run', { format: 'csv', delimiter: ';' });
    expect(csv.fileName).toMatch(/^recibo-.*\.csv$/);
    const rows = parse(csv.text.replace(/^\uFEFF/, ''), { columns: true, delimiter: ';' }) as Record<string, string>[];
    expect(rows[0]).toMatchObject({ monto: '5524.41', corrected_fields: 'monto' });
    // What the history's filter shows: found by the corrected amount, and not by a name it lacks.
    const byQuery = async (query: Record<string, string>) => (await call<{ text: string }>('export:run', { format: 'json', query })).text;
    expect(JSON.parse(await byQuery({ text: '5.524,41' })).resultados).toHaveLength(1);
    expect(JSON.parse(await byQuery({ text: 'nadie así' })).resultados).toHaveLength(0);
    const list = await call<{ total: number; receipts: unknown[] }>('receipts:list', { text: '5524.41', limit: 1 });
    expect([list.total, list.receipts.length]).toEqual([1, 1]);
  });

  it('gives the rules to edit, refuses invalid ones with the reason, and keeps valid ones', async () => {
    const shipped = await call<{ text: string; custom: boolean; problems: unknown[] }>('rules:get', {});
    expect([shipped.custom, shipped.problems]).toEqual([false, []]);
    expect(await dispatch(handlers, 'rules:set', { text: '{"version": 1,' })).toMatchObject({ ok: false, error: { code: 'INVALID_RULES', message: expect.stringContaining('not valid JSON') } });
    const misspelt = JSON.stringify({ ...JSON.parse(shipped.text), fieldz: {} });
    expect(await dispatch(handlers, 'rules:set', { text: misspelt })).toMatchObject({ ok: false, error: { code: 'INVALID_RULES', message: expect.stringContaining('$.fieldz') } });
    const edited = JSON.stringify({ ...JSON.parse(shipped.text), revision: 'operator-1' }, null, 2);
    await call('rules:set', { text: edited });
    expect(await call('rules:get', {})).toEqual({ text: edited, custom: true, problems: [] });
  });

  it('takes dropped paths in where they are, a folder as the images inside it, and refuses a relative path', async () => {
    const folder = path.join(tmp.path, 'dropped-folder');
    await mkdir(path.join(folder, 'sub'), { recursive: true });
    await copyFile(path.join(FIXTURES, 'r002-stacked-light.jpg'), path.join(folder, 'sub', 'r002.jpg'));
    await writeFile(path.join(folder, 'notes.txt'), 'not a receipt');
    const added = await call<{ items: { name: string; sha256?: string; reused?: boolean; error?: { code: string } }[] }>('intake:paths', {
      paths: [folder, path.join(FIXTURES, 'r001-bdv-light.png'), path.join(tmp.path, 'missing.png')],
    });
    // The note inside the folder is named as refused, not dropped silently.
    expect(added.items.map((i) => [i.name, i.reused, i.error?.code])).toEqual([['r002.jpg', false, undefined], ['r001-bdv-light.png', true, undefined], ['missing.png', undefined, 'NOT_FOUND'], ['notes.txt', undefined, 'UNSUPPORTED_FORMAT']]);
    await service.idle();
    expect((await call<{ state: string }>('receipts:get', { sha256: added.items[0]!.sha256! })).state).toBe('done');
    expect(await dispatch(handlers, 'intake:paths', { paths: ['../etc/passwd'] })).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
  });

  it('refuses an unknown channel, a bad payload and an unknown receipt, as data', async () => {
    expect(await dispatch(handlers, 'fs:read', { path: '/etc/passwd' })).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
    expect(await dispatch(handlers, 'receipts:get', { sha256: '../../etc/passwd' })).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    expect(await dispatch(handlers, 'receipts:correct', { sha256: 'a'.repeat(64), field: 'monto', value: '1', extra: true })).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    expect(await dispatch(handlers, 'receipts:get', { sha256: 'a'.repeat(64) })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await dispatch(handlers, 'settings:set', { retentionHours: -1 })).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    expect(await call('settings:set', { retentionHours: 48 })).toMatchObject({ retentionHours: 48, profile: 'balanced', watchFolder: null });
  });
});
