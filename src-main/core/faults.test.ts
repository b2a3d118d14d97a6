/**
 * What must survive: a worker killed in the middle of a batch, and the whole ingest process
 * killed at random points and run again. Every receipt ends done, none read twice.
 */
import { spawn } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readingsPerReceipt } from '../db/fixtures';
import { receiptOutlines } from '../db/receipt-views';
import { receiptById } from '../db/receipts';
import { openCore } from './data-folder';
import { takeIn } from './intake';
import { processQueue, type ProgressEvent } from './processor';
import { statusReport } from './status';
import { forkWorker } from '../ocr/parent/worker-process';
import { appRoot, defaultModelsDir } from '../paths';
import { FIXTURES } from '../test-support/datasets';
import { useTempDir } from '../test-support/temp-dir';

const tmp = useTempDir();
const fifty = readdirSync(FIXTURES).filter((f) => /\.(png|jpe?g)$/.test(f)).sort().slice(0, 50).map((f) => path.join(FIXTURES, f));

/** One reading stored per receipt: nothing read twice. */
const runsPerReceipt = (dataDir: string) => {
  const core = openCore(dataDir);
  try {
    return readingsPerReceipt(core.db);
  } finally {
    core.db.close();
  }
};

describe('faults during a batch of 50', () => {
  it('a worker killed (SIGKILL) mid-batch: all 50 end done, none twice, the crash retried and logged', async () => {
    const dataDir = path.join(tmp.path, 'worker-kill');
    const core = openCore(dataDir);
    const intake = await takeIn(core, fifty, { profile: 'fast', label: 'fault test' });
    expect(intake.items.filter((i) => i.receiptId)).toHaveLength(50);
    const events: ProgressEvent[] = [];
    let killed = 0;
    await processQueue(core, {
      profile: 'fast',
      workers: 1,
      modelsDir: defaultModelsDir(),
      rulesFile: null,
      backoffMs: 50,
      onProgress: (e) => {
        events.push(e);
        // Kill the worker under the 10th and the 30th receipt, once they are handed to it (the
        // next turn of the event loop, after the send): a fixed delay could land between two
        // receipts on a fast machine.
        const started = events.filter((x) => x.state === 'processing').length;
        if (e.state === 'processing' && (started === 10 || started === 30) && e.workerPid) {
          killed++;
          setImmediate(() => process.kill(e.workerPid!, 'SIGKILL'));
        }
      },
    });
    expect(killed).toBe(2);
    const report = statusReport(core.db);
    expect(report.counts).toEqual({ queued: 0, processing: 0, done: 50, failed: 0, cancelled: 0 });
    expect(events.filter((e) => e.state === 'queued' && e.error?.code === 'WORKER_CRASHED')).toHaveLength(2);
    core.db.close();
    expect(runsPerReceipt(dataDir).every((r) => r.runs === 1)).toBe(true);
    // One log line per receipt read (with its timings), and each crash and restart.
    const log = readFileSync(path.join(dataDir, 'logs', 'recibo.log'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { event: string; timings?: { total: number } });
    expect(log.filter((l) => l.event === 'receipt-done')).toHaveLength(50);
    expect(log.find((l) => l.event === 'receipt-done')?.timings?.total).toBeGreaterThan(0);
    expect(log.filter((l) => l.event === 'worker-crash')).toHaveLength(2);
    expect(log.filter((l) => l.event === 'worker-restart')).toHaveLength(2);
  }, 180_000);

  it('a reading past its time limit kills the worker; after three tries the receipt fails with the reason, the next one is read', async () => {
    const core = openCore(path.join(tmp.path, 'timeout'));
    await takeIn(core, fifty.slice(0, 1), { profile: 'fast', label: 'slow' });
    // 1 ms: every reading is "stuck".
    await processQueue(core, { profile: 'fast', workers: 1, modelsDir: defaultModelsDir(), rulesFile: null, timeoutMs: 1, backoffMs: 10 });
    expect(statusReport(core.db).receipts).toEqual([expect.objectContaining({ state: 'failed', error: { code: 'WORKER_CRASHED', message: expect.stringMatching(/took longer than/) } })]);
    expect(receiptOutlines(core.db).map((r) => receiptById(core.db, r.id)?.attempts)).toEqual([3]);
    await takeIn(core, fifty.slice(1, 2), { profile: 'fast', label: 'normal' });
    await processQueue(core, { profile: 'fast', workers: 1, modelsDir: defaultModelsDir(), rulesFile: null });
    expect(statusReport(core.db).counts).toEqual({ queued: 0, processing: 0, done: 1, failed: 1, cancelled: 0 });
    core.db.close();
  }, 60_000);

  it('a worker killed while it loads its models is started again; the batch ends done', async () => {
    const dataDir = path.join(tmp.path, 'start-kill');
    const core = openCore(dataDir);
    await takeIn(core, fifty.slice(0, 3), { profile: 'fast', label: 'start kill' });
    let launches = 0;
    const launch = () => {
      const proc = forkWorker();
      if (++launches === 1) proc.kill(); // SIGKILL before it is ready
      return proc;
    };
    await processQueue(core, { profile: 'fast', workers: 1, modelsDir: defaultModelsDir(), rulesFile: null, backoffMs: 10, launch });
    expect(launches).toBe(2);
    expect(statusReport(core.db).counts).toEqual({ queued: 0, processing: 0, done: 3, failed: 0, cancelled: 0 });
    core.db.close();
    const log = readFileSync(path.join(dataDir, 'logs', 'recibo.log'), 'utf8');
    expect(log).toMatch(/"event":"worker-start-failed".*exited during start-up/);
    expect(log.match(/"event":"worker-ready"/g)).toHaveLength(1);
  }, 60_000);

  it('a worker that can never start fails each receipt with the reason, and the queue still ends', async () => {
    const core = openCore(path.join(tmp.path, 'no-models'));
    await takeIn(core, fifty.slice(0, 2), { profile: 'fast', label: 'no models' });
    const events: ProgressEvent[] = [];
    let launches = 0;
    const launch = () => (launches++, forkWorker());
    // No models in this folder: the worker says so at start-up, every time.
    await processQueue(core, { profile: 'fast', workers: 1, modelsDir: path.join(tmp.path, 'empty-models'), rulesFile: null, backoffMs: 10, launch, onProgress: (e) => events.push(e) });
    // Three starts for the first receipt; once given up, one for the next.
    expect(launches).toBe(4);
    const report = statusReport(core.db);
    expect(report.counts).toEqual({ queued: 0, processing: 0, done: 0, failed: 2, cancelled: 0 });
    expect(report.receipts.map((r) => r.error?.code)).toEqual(['WORKER_START', 'WORKER_START']);
    expect(report.receipts[0]!.error?.message).toMatch(/model/i);
    expect(events.filter((e) => e.state === 'failed')).toHaveLength(2);
    core.db.close();
  }, 60_000);

  it('the ingest process killed at random points ten times, then run again: all 50 done, none twice', async () => {
    const dataDir = path.join(tmp.path, 'process-kill');
    let stderr = '';
    const ingest = (killAfterMs: number | null) =>
      new Promise<number | null>((resolve) => {
        const child = spawn(process.execPath, [path.join(appRoot(), 'bin', 'receipt-ocr.js'), 'ingest', '--data-dir', dataDir, '--profile', 'fast', ...fifty], {
          stdio: ['ignore', 'ignore', 'pipe'],
          env: { ...process.env, RECIBO_DATA_DIR: path.join(tmp.path, 'no-user-rules') },
        });
        // The orphaned worker inherits this stream: what it says when its parent is gone shows here.
        child.stderr!.on('data', (d: Buffer) => (stderr += d));
        // SIGKILL on the whole process: its worker is orphaned and dies on its own when IPC closes.
        const timer = killAfterMs === null ? null : setTimeout(() => child.kill('SIGKILL'), killAfterMs);
        child.on('close', (code) => {
          if (timer) clearTimeout(timer);
          resolve(code);
        });
      });
    // Deterministic "random" points: reproducible failures, spread from intake to mid-batch.
    let seed = 7;
    const random = () => ((seed = (seed * 48271) % 2147483647) / 2147483647);
    for (let i = 0; i < 10; i++) await ingest(200 + Math.floor(random() * 2500));
    expect(await ingest(null)).toBe(0);
    const core = openCore(dataDir);
    const report = statusReport(core.db);
    core.db.close();
    expect(report.counts).toEqual({ queued: 0, processing: 0, done: 50, failed: 0, cancelled: 0 });
    expect(new Set(report.receipts.map((r) => r.sha256)).size).toBe(50);
    expect(runsPerReceipt(dataDir).every((r) => r.runs === 1)).toBe(true);
    // Each restart came at once (the lock died with its holder) and no orphan printed a stack.
    expect(stderr).not.toMatch(/Another Recibo process|EPIPE|Unhandled 'error'/);
  }, 300_000);
});
