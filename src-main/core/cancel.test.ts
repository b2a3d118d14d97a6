/**
 * Cancel means "not now" (issue 40, item 6): a cancelled batch's unread receipts are
 * `cancelled`, not errors; they do not count in the error rate; each can be read again on
 * request; and dropping the same file again reads it, a failed one too. Through the service, a
 * real worker and real images.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES } from '../test-support/datasets';
import { useApiCore } from '../test-support/api-core';

const api = useApiCore();
const { call } = api;
const NAMES = ['r001-bdv-light.png', 'r002-stacked-light.jpg', 'r003-beside-light.jpg', 'r007-bdv-dark.jpg'];

describe('cancel', () => {
  it('sets the unread aside as cancelled; R reads one again; dropping them again reads the rest', async () => {
    // Paused at once: the receipt the worker already took is read, the others wait.
    const files = await Promise.all(NAMES.map(async (name) => ({ name, base64: (await readFile(path.join(FIXTURES, name))).toString('base64') })));
    const added = await call<{ batchId: number; items: { sha256: string }[] }>('intake:add', { files });
    await call('batches:control', { batchId: added.batchId, action: 'pause' });
    await api.service.idle();
    await call('batches:control', { batchId: added.batchId, action: 'cancel' });
    const status = (await call<{ batches: { done: number; cancelled: number; failed: number }[] }>('batches:status', { batchIds: [added.batchId] })).batches[0]!;
    expect(status.cancelled).toBeGreaterThanOrEqual(2);
    expect(status).toMatchObject({ done: 4 - status.cancelled, failed: 0 });
    const list = await call<{ receipts: { sha256: string; state: string; error: unknown }[]; counts: Record<string, number> }>('receipts:list', { state: 'cancelled' });
    expect(list.receipts.map((r) => [r.state, r.error])).toEqual(list.receipts.map(() => ['cancelled', null]));
    expect(list.counts).toMatchObject({ cancelled: status.cancelled, failed: 0 });
    // Not errors: the dashboard's error rate has nothing failed to count.
    expect((await call<{ errorRate: number | null }>('metrics:get', {})).errorRate ?? 0).toBe(0);

    // One read again on request (the window's R).
    const one = list.receipts[0]!.sha256;
    await call('receipts:rerun', { sha256: one });
    await api.service.idle();
    expect((await call<{ state: string }>('receipts:get', { sha256: one })).state).toBe('done');

    // The same files dropped again: the cancelled are read, those already read are reused.
    const cancelled = new Set(list.receipts.slice(1).map((r) => r.sha256));
    const again = await call<{ items: { sha256: string; reused?: boolean }[] }>('intake:add', { files });
    expect(again.items.map((i) => i.reused)).toEqual(again.items.map((i) => !cancelled.has(i.sha256)));
    await api.service.idle();
    const after = await call<{ counts: Record<string, number> }>('receipts:list', {});
    expect(after.counts).toMatchObject({ done: 4, cancelled: 0, failed: 0 });
  });

  it('a failed file dropped again (by path) is read again', async () => {
    const cut = path.join(api.tmp.path, 'cut.png');
    await writeFile(cut, (await readFile(path.join(FIXTURES, 'r001-bdv-light.png'))).subarray(0, 2000));
    // intake:paths is the preload's channel: the handlers serve it, the window's gate refuses it.
    const first = await call<{ items: { sha256: string }[] }>('intake:paths', { paths: [cut] });
    await api.service.idle();
    const sha = first.items[0]!.sha256;
    expect(await call('receipts:get', { sha256: sha })).toMatchObject({ state: 'failed', error: { code: 'CORRUPT_IMAGE' } });
    const again = await call<{ items: { reused?: boolean }[] }>('intake:paths', { paths: [cut] });
    expect(again.items[0]!.reused).toBe(false);
    await api.service.idle();
    expect(await call('receipts:get', { sha256: sha })).toMatchObject({ state: 'failed', error: { code: 'CORRUPT_IMAGE' } });
  });
});
