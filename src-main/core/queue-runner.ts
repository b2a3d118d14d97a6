/**
 * The app's queue, worked in the background: a pass over the queue starts as soon as there is
 * work (kick), one pass at a time, with the warm pool's workers; the receipts' progress becomes
 * events on the bus. A change of profile or pool size ends the pass in hand (its readings
 * finish) and the next pass reads with the new pool.
 */
import type { ProfileName } from '../../src-shared/ocr/profiles';
import type { Core } from './data-folder';
import type { EventBus } from './event-bus';
import { processQueue } from './processor';
import type { WorkerPool } from './worker-pool';

export interface QueueRunnerOptions {
  modelsDir: string;
  /** Read at each pass: the settings in force then. */
  pass: () => { profile: ProfileName; workers: number | null; threadsPerWorker: number | null; rulesFile: string | null };
  pool: WorkerPool;
  bus: EventBus;
}

export class QueueRunner {
  private running: Promise<void> | null = null;
  private again = false;
  private readonly stopping = new AbortController();
  /** Ends the current pass (its readings finish) so that the next starts with new settings. */
  private pass = new AbortController();

  constructor(private readonly core: Core, private readonly opts: QueueRunnerOptions) {}

  /** Starts reading the queue, or asks the running pass to look again when it ends. */
  kick(): void {
    if (this.stopping.signal.aborted) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.passes()
      .catch((e: Error) => this.core.log.write({ event: 'queue-error', message: e.message }))
      .finally(() => {
        this.running = null;
      });
  }

  /** Ends the pass in hand and starts another with the settings now in force. */
  restart(): void {
    this.pass.abort();
    this.kick();
  }

  /** Resolves when the queue has nothing left (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  /** No new pass; the one in hand finishes its readings. */
  async stop(): Promise<void> {
    this.stopping.abort();
    await this.idle();
  }

  private async passes(): Promise<void> {
    const { bus } = this.opts;
    do {
      this.again = false;
      if (this.pass.signal.aborted) this.pass = new AbortController();
      const { profile, workers, threadsPerWorker, rulesFile } = this.opts.pass();
      await processQueue(this.core, {
        profile,
        modelsDir: this.opts.modelsDir,
        rulesFile,
        signal: AbortSignal.any([this.stopping.signal, this.pass.signal]),
        ...(workers ? { workers } : {}),
        ...(threadsPerWorker ? { threadsPerWorker } : {}),
        pool: this.opts.pool,
        onProgress: (e) => {
          bus.emit('job:progress', { sha256: e.sha256, state: e.state, attempt: e.attempt, ...(e.error ? { error: e.error } : {}) });
          if (e.state === 'done') {
            bus.emit('job:done', { sha256: e.sha256, totalMs: e.totalMs ?? 0 });
            bus.emit('receipt:updated', { sha256: e.sha256 });
            if (e.duplicateOf) bus.emit('duplicate:found', { sha256: e.sha256, duplicateOf: e.duplicateOf });
          }
          if (e.state === 'failed') {
            bus.emit('job:failed', { sha256: e.sha256, error: e.error ?? { code: 'INTERNAL', message: 'Failed' } });
            bus.emit('receipt:updated', { sha256: e.sha256 });
          }
        },
      });
    } while (this.again && !this.stopping.signal.aborted);
  }
}
