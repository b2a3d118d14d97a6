/**
 * One OCR worker kept alive: started on first use, restarted with backoff after a crash, and
 * killed when a reading runs past its time limit (onnxruntime cannot abort an inference, so
 * a stuck reading is ended by ending the process). Each crash and restart is logged.
 */
import type { RuleProblem } from '../../src-shared/extract/rules';
import type { ProfileName } from '../../src-shared/ocr/profiles';
import type { ImageRecord } from '../../src-shared/receipt/record';
import { OcrWorkerClient, WorkerStartError, type WorkerInit } from '../ocr/parent/worker-client';
import { forkWorker, type LaunchWorker, type WorkerLaunch } from '../ocr/parent/worker-process';
import type { Logger } from './log';
import type { JobSource } from '../ocr/worker/run-job';

export interface SupervisorOptions {
  init: WorkerInit;
  /** A reading taking longer than this is killed (default 60 s). */
  timeoutMs?: number;
  /** First restart delay; doubled after each crash in a row, up to maxBackoffMs. */
  backoffMs?: number;
  maxBackoffMs?: number;
  log: Logger;
  /** Called each time a worker is ready, with the problems of the operator's rules, if any. */
  onReady?: (ruleProblems: readonly RuleProblem[]) => void;
  /** The worker died (crash or time limit). */
  onCrash?: (reason: string) => void;
  /** Each process started (the dashboard samples its CPU and memory). */
  onStarted?: (client: OcrWorkerClient) => void;
  /** Index of this worker in its pool, for the log. */
  slot?: number;
  /** Starts a worker process: forked here, a utility process in Electron. */
  launch?: LaunchWorker;
  /** What the pool tells each start of this worker. */
  launchWith?: WorkerLaunch;
}

/** Starts tried in a row before a reading is failed for want of a worker. */
const START_ATTEMPTS = 3;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export class SupervisedWorker {
  private client: OcrWorkerClient | null = null;
  private crashesInARow = 0;
  /** The last call ran out of start attempts. */
  private gaveUp = false;
  private disposed = false;

  constructor(private readonly opts: SupervisorOptions) {}

  /**
   * The worker in use, started (or restarted after a pause) when needed. A start that fails (the
   * process died while loading its models, or said it cannot load them) is tried again with the
   * same backoff as a crash; after START_ATTEMPTS in a row the WorkerStartError is thrown. Once it
   * has given up, the next call tries once, at once: a worker that cannot start (models missing)
   * then costs each waiting receipt one start, not three starts and their backoff.
   */
  async worker(): Promise<OcrWorkerClient> {
    if (this.client?.alive) return this.client;
    const attempts = this.gaveUp ? 1 : START_ATTEMPTS;
    for (let attempt = 1; ; attempt++) {
      if (!this.gaveUp && (this.client || this.crashesInARow > 0)) {
        const delay = Math.min(this.opts.maxBackoffMs ?? 5000, (this.opts.backoffMs ?? 250) * 2 ** Math.max(0, this.crashesInARow - 1));
        this.opts.log.write({ event: 'worker-restart', slot: this.opts.slot ?? 0, afterMs: delay, crashesInARow: this.crashesInARow });
        await sleep(delay);
      }
      const started = Date.now();
      try {
        this.client = await OcrWorkerClient.start((this.opts.launch ?? forkWorker)(this.opts.launchWith ?? {}), this.opts.init);
        this.opts.log.write({ event: 'worker-ready', slot: this.opts.slot ?? 0, pid: this.client.pid, startMs: Date.now() - started });
        this.gaveUp = false;
        break;
      } catch (e) {
        if (!(e instanceof WorkerStartError)) throw e;
        this.crashesInARow++;
        this.opts.log.write({ event: 'worker-start-failed', slot: this.opts.slot ?? 0, attempt, reason: e.message });
        if (attempt >= attempts) {
          this.gaveUp = true;
          throw e;
        }
      }
    }
    const client = this.client;
    this.opts.onStarted?.(client);
    this.opts.onReady?.(client.ready.rules.problems);
    client.onExit((reason) => {
      if (this.disposed) return;
      this.opts.log.write({ event: 'worker-crash', slot: this.opts.slot ?? 0, pid: client.pid, reason });
      this.opts.onCrash?.(reason);
    });
    return client;
  }

  /** Reads one image; a crash or a timeout comes back as a WORKER_CRASHED record. */
  async run(file: string, profile: ProfileName, source: JobSource): Promise<{ record: ImageRecord; worker: OcrWorkerClient }> {
    const worker = await this.worker();
    const job = worker.run(file, profile, undefined, source);
    const timeoutMs = this.opts.timeoutMs ?? 60_000;
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), timeoutMs)));
    const outcome = await Promise.race([job.result, timedOut]);
    clearTimeout(timer);
    if (outcome === 'timeout') {
      this.opts.log.write({ event: 'worker-timeout', slot: this.opts.slot ?? 0, file, timeoutMs });
      worker.kill();
      const record = await job.result;
      this.crashesInARow++;
      return { record: { ...record, error: { code: 'WORKER_CRASHED', message: `The reading took longer than ${timeoutMs / 1000} s and was stopped` } }, worker };
    }
    this.crashesInARow = outcome.error?.code === 'WORKER_CRASHED' ? this.crashesInARow + 1 : 0;
    return { record: outcome, worker };
  }

  async dispose(): Promise<void> {
    this.disposed = true;
    await this.client?.dispose();
  }
}
