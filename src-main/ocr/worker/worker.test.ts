/**
 * The OCR worker as the app and the CLI use it: a forked process speaking the typed protocol.
 */
import { copyFile, mkdir, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultModelsDir, defaultRulesFile } from '../../paths';
import { FIXTURES } from '../../test-support/datasets';
import { useTempDir } from '../../test-support/temp-dir';
import type { WorkerRequest } from '../protocol';
import { OcrWorkerClient, WorkerStartError } from '../parent/worker-client';
import { forkWorker } from '../parent/worker-process';

const tmp = useTempDir();
const receipt = path.join(FIXTURES, 'r001-bdv-light.png');
// Two inference threads take the cores a pool would: the worker runs V8 on its own thread too.
const start = (modelsDir = defaultModelsDir()) => OcrWorkerClient.start(forkWorker({ coresTaken: true }), { modelsDir, intraOpThreads: 2, warmProfiles: ['balanced'], rulesFile: null });

describe('OCR worker', () => {
  let client: OcrWorkerClient;
  beforeAll(async () => {
    client = await start();
  });
  afterAll(async () => {
    await client.dispose();
  });

  it('is ready with the models it loaded', () => {
    expect(client.ready.pid).toBe(client.pid);
    // The balanced profile's: Recibo's detector, Recibo's recogniser and its language model.
    expect(client.ready.models.map((m) => m.id).sort()).toEqual(['recibo-det', 'recibo-rec-es', 'recibo-rec-es language model']);
    expect(client.ready.rules).toEqual({ file: defaultRulesFile(), revision: expect.any(String), problems: [] });
  });

  it('extracts fields, and reads metadata from the name the receipt arrived with', async () => {
    const record = await client.run(receipt, 'balanced', undefined, { name: '20250711-A--123456@lid_Juan_14-30.png' }).result;
    expect(record.fields.referencia?.value).toMatch(/^\d{6,}$/);
    expect(record.fields.monto?.currency).toBe('VES');
    expect(record.dedupe_key).toContain(record.fields.referencia!.value);
    expect(record.metadata).toMatchObject({ numerosorteo: 'A', nombre: 'Juan', validation: { valid: true } });
    // Without a name, the file's own name ("r001-bdv-light.png") is not the convention.
    expect((await client.run(receipt, 'balanced').result).metadata).toEqual({});
  });

  it('takes a stored image\'s hash and metadata as given: the image is read, not hashed again', async () => {
    // Not the file's real hash: a worker that hashed the bytes would report the real one.
    const given = 'ab'.repeat(32);
    const record = await client.run(receipt, 'balanced', undefined, { name: '20250711-A--123456@lid_Juan_14-30.png', stored: { sha256: given } }).result;
    expect(record.status).toBe('ok');
    expect(record.sha256).toBe(given);
    // Intake recorded the name's metadata with the receipt; the worker does not compute it again.
    expect(record.metadata).toEqual({});
    expect(record.fields.referencia?.value).toMatch(/^\d{6,}$/);
  });

  it('reports progress through the stages, then the result', async () => {
    const stages: string[] = [];
    const record = await client.run(receipt, 'balanced', (stage, done, total) => {
      stages.push(stage);
      expect(done).toBeLessThanOrEqual(total);
    }).result;
    expect(record.status).toBe('ok');
    expect(record.lines!.length).toBeGreaterThan(5);
    expect([...new Set(stages)]).toEqual(['decode', 'detect', 'recognize', 'layout', 'extract']);
  });

  it('cancels a running job and a queued one, and keeps working', async () => {
    const running = client.run(receipt, 'balanced');
    const queued = client.run(receipt, 'balanced');
    client.cancel(running.jobId);
    client.cancel(queued.jobId);
    expect((await running.result).error?.code).toBe('CANCELLED');
    expect((await queued.result).error?.code).toBe('CANCELLED');
    expect((await client.run(receipt, 'balanced').result).status).toBe('ok');
  });

  it('answers a malformed request with an error instead of dying', async () => {
    // Bypasses the typed client on purpose: the worker validates what it receives.
    const proc = forkWorker();
    const reply = new Promise((resolve) => proc.onMessage(resolve));
    proc.send({ type: 'run', jobId: 'x', file: '', profile: 'turbo' } as unknown as WorkerRequest);
    expect(await reply).toEqual(expect.objectContaining({ type: 'error', jobId: 'x', error: expect.objectContaining({ code: 'BAD_REQUEST' }) }));
    // Still alive and listening: a stats request is answered.
    const stats = new Promise((resolve) => proc.onMessage(resolve));
    proc.send({ type: 'stats' });
    expect(await stats).toEqual(expect.objectContaining({ type: 'stats' }));
    proc.kill();
  });

  it('survives a bad file: the next one reads', async () => {
    const corrupt = path.join(tmp.path, 'corrupt.png');
    await writeFile(corrupt, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]));
    const bad = await client.run(corrupt, 'balanced').result;
    expect(bad).toMatchObject({ status: 'error', error: { code: 'CORRUPT_IMAGE' } });
    expect((await client.run(receipt, 'balanced').result).status).toBe('ok');
  });
});

describe('OCR worker start-up and crashes', () => {
  it('refuses to start on an altered model file, naming it', async () => {
    const dir = path.join(tmp.path, 'models');
    await mkdir(dir, { recursive: true });
    for (const f of await readdir(defaultModelsDir())) await copyFile(path.join(defaultModelsDir(), f), path.join(dir, f));
    // The balanced profile's recogniser file: the int8 copy.
    await writeFile(path.join(dir, 'recibo-rec-es.int8.onnx'), 'not the model');
    await expect(start(dir)).rejects.toThrow(WorkerStartError);
    await expect(start(dir)).rejects.toThrow(/recibo-rec-es\.int8\.onnx does not match models\/manifest\.json/);
  });

  it('settles the job in flight when the worker is killed', async () => {
    const client = await start();
    const job = client.run(receipt, 'balanced');
    client.kill();
    expect(await job.result).toMatchObject({ status: 'error', error: { code: 'WORKER_CRASHED' } });
    expect(client.alive).toBe(false);
    expect((await client.run(receipt, 'balanced').result).error?.code).toBe('WORKER_CRASHED');
  });
});
