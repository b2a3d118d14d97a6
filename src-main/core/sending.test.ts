/**
 * A drop sent in slices (issue 40, item 6): announced, ticked off as slices arrive; cut short,
 * it says how many files arrived and which did not; the missing ones sent later complete it.
 * Real images through the handlers and a real data folder.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { interruptedSends, QUIET_MS } from '../db/sending';
import { FIXTURES } from '../test-support/datasets';
import { useApiCore } from '../test-support/api-core';

const api = useApiCore();
const { call } = api;
const NAMES = ['r001-bdv-light.png', 'r002-stacked-light.jpg', 'r003-beside-light.jpg', 'r007-bdv-dark.jpg'];

describe('a drop sent in slices', () => {
  it('cut short after the first slice: says 2 of 4 arrived and names the rest; the rest sent later completes it', async () => {
    const files = await Promise.all(NAMES.map(async (name) => ({ name, base64: (await readFile(path.join(FIXTURES, name))).toString('base64') })));
    const announced = files.map((f) => ({ name: f.name, size: Buffer.from(f.base64, 'base64').length }));
    const { batchId } = await call<{ batchId: number }>('intake:begin', { files: announced });
    await call('intake:add', { files: files.slice(0, 2), batchId });
    // The window closes here. While slices may still come, the send is not called interrupted.
    expect(interruptedSends(api.service.core.db, new Date())).toEqual([]);
    const later = new Date(Date.now() + QUIET_MS + 1000);
    const [cut] = interruptedSends(api.service.core.db, later);
    expect(cut).toMatchObject({ batchId, expected: 4, arrived: 2 });
    expect(cut!.files.filter((f) => !f.arrived).map((f) => f.name)).toEqual(NAMES.slice(2));
    await api.service.idle();
    expect((await call<{ batches: { total: number; done: number }[] }>('batches:status', { batchIds: [batchId] })).batches[0]).toMatchObject({ total: 2, done: 2 });

    // The same drop again: the window sends only what is missing, into the same batch, and ends it.
    await call('intake:add', { files: files.slice(2), batchId });
    await call('intake:end', { batchId });
    expect(interruptedSends(api.service.core.db, later)).toEqual([]);
    await api.service.idle();
    expect((await call<{ batches: { total: number; done: number }[] }>('batches:status', { batchIds: [batchId] })).batches[0]).toMatchObject({ total: 4, done: 4 });
    // A closed send takes no more slices.
    const refused = await api.dispatch('intake:add', { files: files.slice(0, 1), batchId });
    expect(refused).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('set aside by the operator: no longer said', async () => {
    const { batchId } = await call<{ batchId: number }>('intake:begin', { files: [{ name: 'lost.png', size: 10 }] });
    expect(interruptedSends(api.service.core.db, new Date(Date.now() + QUIET_MS + 1000)).map((s) => s.batchId)).toEqual([batchId]);
    await call('intake:end', { batchId });
    expect(interruptedSends(api.service.core.db, new Date(Date.now() + QUIET_MS + 1000))).toEqual([]);
  });
});
