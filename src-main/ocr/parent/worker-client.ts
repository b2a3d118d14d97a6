/**
 * Parent side of the OCR worker: starts it, waits for `ready`, maps jobs to promises and
 * progress callbacks. A worker that dies settles every job in flight with a WORKER_CRASHED
 * record (nothing is left hanging); restarting it is the caller's decision.
 */
import type { ProfileName } from '../../../src-shared/ocr/profiles';
import type { ImageRecord } from '../../../src-shared/receipt/record';
import type { OcrStage } from '../../../src-shared/ocr/types';
import { assertNever, WorkerMessageSchema, type WorkerMessage, type WorkerStats } from '../protocol';
import type { WorkerProcess } from './worker-process';
import type { JobSource } from '../worker/run-job';

export interface WorkerInit {
  modelsDir: string;
  intraOpThreads: number;
  warmProfiles: ProfileName[];
  /** The operator's rules file (replaces the defaults when valid), or null. */
  rulesFile: string | null;
}

export type ProgressHandler = (stage: OcrStage, done: number, total: number) => void;

interface PendingJob {
  file: string;
  resolve: (r: ImageRecord) => void;
  onProgress: ProgressHandler | undefined;
}

export class WorkerStartError extends Error {
  override name = 'WorkerStartError';
}

export class OcrWorkerClient {
  private readonly jobs = new Map<string, PendingJob>();
  private statsWaiters: ((s: WorkerStats) => void)[] = [];
  private nextId = 1;
  private exitInfo: string | null = null;
  private readonly exitListeners: ((reason: string) => void)[] = [];

  private constructor(
    private readonly proc: WorkerProcess,
    readonly ready: Extract<WorkerMessage, { type: 'ready' }>,
  ) {
    proc.onMessage((raw) => this.receive(raw));
    proc.onExit((code, signal) => this.exited(code, signal));
  }

  /** Spawns nothing itself: takes a started process, sends init and waits for ready. */
  static start(proc: WorkerProcess, init: WorkerInit, timeoutMs = 30_000): Promise<OcrWorkerClient> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        proc.kill();
        reject(new WorkerStartError(`The OCR worker did not become ready within ${timeoutMs} ms`));
      }, timeoutMs);
      let settled = false;
      const settle = (fn: () => void) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        fn();
      };
      proc.onMessage((raw) => {
        const msg = WorkerMessageSchema.safeParse(raw);
        if (!msg.success) return;
        if (msg.data.type === 'ready') {
          const ready = msg.data;
          settle(() => resolve(new OcrWorkerClient(proc, ready)));
        } else if (msg.data.type === 'error' && msg.data.jobId === null) {
          const message = msg.data.error.message;
          settle(() => {
            proc.kill();
            reject(new WorkerStartError(message));
          });
        }
      });
      proc.onExit((code, signal) => settle(() => reject(new WorkerStartError(`The OCR worker exited during start-up (${describeExit(code, signal)})`))));
      proc.send({ type: 'init', ...init });
    });
  }

  get pid(): number | undefined {
    return this.proc.pid;
  }

  get alive(): boolean {
    return this.exitInfo === null;
  }

  /** Reads one image. Never rejects: failures come back as error records. */
  run(file: string, profile: ProfileName, onProgress?: ProgressHandler, source: JobSource = {}): { jobId: string; result: Promise<ImageRecord> } {
    const jobId = `job-${this.nextId++}`;
    const result = new Promise<ImageRecord>((resolve) => {
      if (this.exitInfo) {
        resolve(crashRecord(file, this.exitInfo));
        return;
      }
      this.jobs.set(jobId, { file, resolve, onProgress });
      this.proc.send({ type: 'run', jobId, file, profile, ...source });
    });
    return { jobId, result };
  }

  cancel(jobId: string): void {
    this.proc.send({ type: 'cancel', jobId });
  }

  stats(): Promise<WorkerStats> {
    return new Promise((resolve, reject) => {
      if (this.exitInfo) {
        reject(new Error(`The OCR worker has exited (${this.exitInfo})`));
        return;
      }
      this.statsWaiters.push(resolve);
      this.proc.send({ type: 'stats' });
    });
  }

  onExit(listener: (reason: string) => void): void {
    this.exitListeners.push(listener);
  }

  /** Asks the worker to finish and exit; kills it if it has not gone after `graceMs`. */
  async dispose(graceMs = 3_000): Promise<void> {
    if (this.exitInfo) return;
    const gone = new Promise<void>((resolve) => this.exitListeners.push(() => resolve()));
    this.proc.send({ type: 'shutdown' });
    const timer = setTimeout(() => this.proc.kill(), graceMs);
    await gone;
    clearTimeout(timer);
  }

  /** Stops the worker at once (a stuck inference cannot be interrupted any other way). */
  kill(): void {
    this.proc.kill();
  }

  private receive(raw: unknown): void {
    const parsed = WorkerMessageSchema.safeParse(raw);
    if (!parsed.success) return;
    const msg = parsed.data;
    switch (msg.type) {
      case 'ready':
        return;
      case 'progress':
        this.jobs.get(msg.jobId)?.onProgress?.(msg.stage, msg.done, msg.total);
        return;
      case 'result': {
        const job = this.jobs.get(msg.jobId);
        this.jobs.delete(msg.jobId);
        job?.resolve(msg.record);
        return;
      }
      case 'error': {
        const job = msg.jobId ? this.jobs.get(msg.jobId) : undefined;
        if (job && msg.jobId) {
          this.jobs.delete(msg.jobId);
          job.resolve({ file: job.file, sha256: null, status: 'error', error: { code: 'INTERNAL', message: msg.error.message }, fields: {}, metadata: {} });
        }
        return;
      }
      case 'stats':
        this.statsWaiters.shift()?.(msg.stats);
        return;
      default:
        assertNever(msg);
    }
  }

  private exited(code: number | null, signal: string | null): void {
    this.exitInfo = describeExit(code, signal);
    for (const job of this.jobs.values()) job.resolve(crashRecord(job.file, this.exitInfo));
    this.jobs.clear();
    this.statsWaiters = [];
    for (const l of this.exitListeners) l(this.exitInfo);
  }
}

const describeExit = (code: number | null, signal: string | null) => (signal ? `killed by ${signal}` : `exit code ${code}`);

const crashRecord = (file: string, why: string): ImageRecord => ({
  file,
  sha256: null,
  status: 'error',
  error: { code: 'WORKER_CRASHED', message: `The OCR worker stopped (${why}) while reading this file` },
  fields: {},
  metadata: {},
});
