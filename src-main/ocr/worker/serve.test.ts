/**
 * The worker protocol end to end without a process: the parent's client against the worker's
 * message loop over an in-memory pair, with the real models.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultModelsDir } from '../../paths';
import { FIXTURES } from '../../test-support/datasets';
import { memoryWorker } from '../../test-support/memory-worker';
import { OcrWorkerClient } from '../parent/worker-client';

let pair: ReturnType<typeof memoryWorker>;
let client: OcrWorkerClient;
const receipt = path.join(FIXTURES, 'r001-bdv-light.png');

beforeAll(async () => {
  pair = memoryWorker();
  client = await OcrWorkerClient.start(pair, { modelsDir: defaultModelsDir(), intraOpThreads: 1, warmProfiles: ['balanced'], rulesFile: null });
});
afterAll(() => client.dispose());

describe('the worker protocol over an in-memory pair', () => {
  it('starts with init and ready, then reads a job with its progress', async () => {
    expect(pair.requests[0]).toMatchObject({ type: 'init', warmProfiles: ['balanced'] });
    expect(client.ready.models.map((m) => m.id)).toContain('recibo-det');
    const stages: string[] = [];
    const record = await client.run(receipt, 'balanced', (stage) => stages.push(stage)).result;
    expect(record.status).toBe('ok');
    expect(record.fields.referencia?.value).toMatch(/^\d{6,}$/);
    expect(stages[0]).toBe('decode');
    expect(stages).toContain('extract');
  });

  it('answers a malformed request with BAD_REQUEST and goes on serving', async () => {
    const replies: unknown[] = [];
    pair.onMessage((m) => replies.push(m));
    pair.send({ type: 'run', jobId: 'x', file: '', profile: 'balanced' });
    await new Promise((r) => setTimeout(r, 20));
    expect(replies).toContainEqual({ type: 'error', jobId: 'x', error: { code: 'BAD_REQUEST', message: expect.stringMatching(/file/) } });
    expect((await client.run(path.join(FIXTURES, 'missing.png'), 'balanced').result).error?.code).toBe('NOT_FOUND');
  });

  it('reports its stats and jobs done', async () => {
    expect((await client.stats()).jobsDone).toBe(2);
  });
});
