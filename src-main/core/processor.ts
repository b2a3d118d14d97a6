/**
 * Works the queue: each worker of the pool takes the oldest queued receipt, reads it, and the
 * result lands in one transaction. A reading the worker died under (a crash, a timeout) is
 * tried twice more, then failed with the reason; a reading that failed on the image itself
 * (corrupt, unsupported) is failed at once: trying again would fail again. A worker that cannot
 * start after several tries fails the receipt it was meant for (WORKER_START), with the reason.
 * No other receipt is affected by one receipt's failure.
 */
import os from 'node:os';
import type { RuleProblem } from '../../src-shared/extract/rules';
import type { ProfileName } from '../../src-shared/ocr/profiles';
import { claimNext, markFailed, requeue, requeueInterrupted, type ReceiptRow } from '../db/receipts';
import { saveResult, type SavedResult } from '../db/results';
import { WorkerStartError, type OcrWorkerClient, type WorkerInit } from '../ocr/parent/worker-client';
import type { LaunchWorker } from '../ocr/parent/worker-process';
import type { Core } from './data-folder';
import type { SupervisedWorker } from './supervised-worker';
import { WorkerPool } from './worker-pool';

/** Attempts at one receipt when the worker dies under it. */
const MAX_ATTEMPTS = 3;

export interface ProgressEvent {
  receiptId: number;
  sha256: string;
  state: 'processing' | 'done' | 'failed' | 'queued';
  attempt: number;
  error?: { code: string; message: string };
  totalMs?: number;
  /** Done: the sha256 of the receipt it may repeat (the first taken in with its payment key). */
  duplicateOf?: string | null;
  /** The worker process reading it (processing events). */
  workerPid?: number;
}

export interface ProcessorOptions {
  profile: ProfileName;
  /** Worker processes; default one per core, each inference on one thread. */
  workers?: number;
  /** Intra-op threads per worker; default the cores split between the workers. */
  threadsPerWorker?: number;
  modelsDir: string;
  rulesFile: string | null;
  timeoutMs?: number;
  backoffMs?: number;
  onProgress?: (e: ProgressEvent) => void;
  /** A worker died (crash or time limit); it is restarted for the next receipt. */
  onWorkerCrash?: (reason: string) => void;
  /** Each worker process started, once ready. */
  onWorkerStarted?: (client: OcrWorkerClient) => void;
  /** Each time a worker starts: the problems of the operator's rules file, if any. */
  onReady?: (ruleProblems: readonly RuleProblem[]) => void;
  /** Stop taking new receipts (the ones in flight finish). */
  signal?: AbortSignal;
  /** Starts a worker process (default: a forked Node process; Electron passes a utility process). */
  launch?: LaunchWorker;
  /**
   * Workers kept warm between passes (the app's, core/worker-pool.ts): the pass borrows them and
   * leaves them for the next. Such a pool was made with its own worker options (timeoutMs,
   * backoffMs, launch and the worker callbacks above are then not used). Without one, the pass
   * starts its workers and stops them when it ends (the CLI).
   */
  pool?: WorkerPool;
}

// One single-threaded worker per core: on 2 cores, ingesting the 72 fixtures takes 0.76 of the
// wall time of one two-thread worker (whole process, three interleaved runs, 2026-12-04).
const defaultWorkerCount = (cores = os.availableParallelism()) => Math.max(1, cores);

/** The pool the options give on this machine: what "automatic" (unset) resolves to. */
export function effectivePool(opts: { workers?: number | undefined; threadsPerWorker?: number | undefined }, cores = os.availableParallelism()) {
  const workers = opts.workers ?? defaultWorkerCount(cores);
  return { workers, threadsPerWorker: opts.threadsPerWorker ?? Math.max(1, Math.floor(cores / workers)) };
}

/** Processes until the queue is empty (or the signal stops it). Returns how many were read. */
export async function processQueue(core: Core, opts: ProcessorOptions): Promise<number> {
  const { db, store, log } = core;
  const requeued = requeueInterrupted(db);
  if (requeued > 0) log.write({ event: 'queue-resumed', requeued });
  const { workers: count, threadsPerWorker } = effectivePool(opts);
  const init: WorkerInit = {
    modelsDir: opts.modelsDir,
    intraOpThreads: threadsPerWorker,
    warmProfiles: [opts.profile],
    rulesFile: opts.rulesFile,
  };
  const owner =
    opts.pool ??
    new WorkerPool({
      log,
      ...(opts.onReady ? { onReady: opts.onReady } : {}),
      ...(opts.onWorkerCrash ? { onCrash: opts.onWorkerCrash } : {}),
      ...(opts.onWorkerStarted ? { onStarted: opts.onWorkerStarted } : {}),
      ...(opts.timeoutMs ? { timeoutMs: opts.timeoutMs } : {}),
      ...(opts.backoffMs ? { backoffMs: opts.backoffMs } : {}),
      ...(opts.launch ? { launch: opts.launch } : {}),
    });
  const pool = await owner.acquire({ init, workers: count });
  let processed = 0;

  const one = async (worker: SupervisedWorker, receipt: ReceiptRow) => {
    const emit = (e: Omit<ProgressEvent, 'receiptId' | 'sha256' | 'attempt'>) => opts.onProgress?.({ receiptId: receipt.id, sha256: receipt.sha256, attempt: receipt.attempts, ...e });
    let pid: number | undefined;
    try {
      pid = (await worker.worker()).pid;
    } catch (e) {
      if (!(e instanceof WorkerStartError)) throw e;
      // No worker after several starts: this receipt fails with the reason (it can be read
      // again later) instead of the whole queue stopping with receipts stuck mid-reading.
      const error = { code: 'WORKER_START', message: e.message };
      markFailed(db, receipt.id, error.code, error.message, core.now());
      log.write({ event: 'receipt-failed', receipt: receipt.sha256, attempt: receipt.attempts, ...error });
      emit({ state: 'failed', error });
      return;
    }
    emit({ state: 'processing', ...(pid ? { workerPid: pid } : {}) });
    // Intake hashed the bytes and recorded the name's metadata: the worker only reads the image.
    const { record, worker: client } = await worker.run(store.pathOf(receipt.sha256, receipt.ext), opts.profile, { name: receipt.original_name, stored: { sha256: receipt.sha256 } });
    if (record.status === 'ok') {
      let saved: SavedResult;
      try {
        saved = saveResult(db, receipt.id, record, {
          profile: opts.profile,
          models: client.ready.models.map((m) => ({ id: m.id, sha256: m.sha256 })),
          rulesRevision: client.ready.rules.revision,
          finishedAt: core.now().toISOString(),
        });
      } catch (e) {
        // A full disk (SQLITE_FULL) or another write error stops this receipt, not the queue.
        const error = { code: 'STORE_FAILED', message: `The result could not be saved: ${(e as { code?: string }).code ?? (e as Error).message}` };
        try {
          markFailed(db, receipt.id, error.code, error.message, core.now());
        } catch {
          // Not even that could be written: left processing, it is taken back at the next start.
        }
        log.write({ event: 'receipt-failed', receipt: receipt.sha256, attempt: receipt.attempts, ...error });
        emit({ state: 'failed', error });
        return;
      }
      log.write({ event: 'receipt-done', receipt: receipt.sha256, attempt: receipt.attempts, timings: record.timings_ms, fields: Object.keys(record.fields).length });
      emit({ state: 'done', totalMs: record.timings_ms?.total ?? 0, duplicateOf: saved.duplicateOf });
      return;
    }
    const error = record.error ?? { code: 'INTERNAL', message: 'No result' };
    if (error.code === 'WORKER_CRASHED' && receipt.attempts < MAX_ATTEMPTS) {
      requeue(db, receipt.id);
      log.write({ event: 'receipt-retry', receipt: receipt.sha256, attempt: receipt.attempts, reason: error.message });
      emit({ state: 'queued', error });
      return;
    }
    markFailed(db, receipt.id, error.code, error.message, core.now());
    log.write({ event: 'receipt-failed', receipt: receipt.sha256, attempt: receipt.attempts, code: error.code, message: error.message });
    emit({ state: 'failed', error });
  };

  const loop = async (worker: SupervisedWorker) => {
    while (!opts.signal?.aborted) {
      const receipt = claimNext(db);
      if (!receipt) return;
      await one(worker, receipt);
      owner.touch();
      processed++;
    }
  };
  try {
    await Promise.all(pool.map(loop));
  } finally {
    if (opts.pool) opts.pool.release();
    else await owner.dispose();
  }
  return processed;
}
