/**
 * The OCR workers a queue pass reads with, kept warm between passes: starting a worker loads
 * and warms its models (about a quarter of a second a worker, more on a busy machine), which a
 * drop after a quiet spell should not pay again. The workers stay while passes keep the same
 * shape (profile, pool size, threads, rules), and go after `idleMs` without a receipt read
 * (passes that find nothing to read, as the CLI's watch makes every few seconds, do not count),
 * when the shape changes, or on dispose.
 */
import { takesEveryCore } from '../ocr/parent/worker-process';
import type { WorkerInit } from '../ocr/parent/worker-client';
import { SupervisedWorker, type SupervisorOptions } from './supervised-worker';

/** What every worker of the pool is told, besides its shape: the supervisor's options. */
export type PoolWorkerOptions = Omit<SupervisorOptions, 'init' | 'slot' | 'launchWith'>;

export interface PoolShape {
  init: WorkerInit;
  workers: number;
}

/** Long enough to cover an operator's pause between piles; the models' memory is the price. */
export const DEFAULT_IDLE_MS = 15 * 60_000;

export class WorkerPool {
  private current: { key: string; workers: SupervisedWorker[] } | null = null;
  private idleTimer: NodeJS.Timeout | null = null;
  private passes = 0;
  /** When the workers last read a receipt (or were made). */
  private lastUsed = 0;

  constructor(private readonly opts: PoolWorkerOptions & { idleMs?: number }) {}

  /** The workers for a pass of this shape: the warm ones when the shape is unchanged. */
  async acquire(shape: PoolShape): Promise<SupervisedWorker[]> {
    this.passes++;
    const key = JSON.stringify(shape);
    if (this.current?.key === key) return this.current.workers;
    await this.retire();
    this.lastUsed = Date.now();
    const coresTaken = takesEveryCore(shape.workers, shape.init.intraOpThreads);
    const workers = Array.from({ length: shape.workers }, (_, slot) => new SupervisedWorker({ ...this.opts, init: shape.init, slot, launchWith: { coresTaken } }));
    this.current = { key, workers };
    return workers;
  }

  /** A receipt was read: the idle time starts again. */
  touch(): void {
    this.lastUsed = Date.now();
  }

  /** A pass ended: the workers stay for the next one until the idle time runs out. */
  release(): void {
    this.passes = Math.max(0, this.passes - 1);
    if (this.passes === 0 && this.current && !this.idleTimer) this.scheduleIdleCheck();
  }

  private scheduleIdleCheck(): void {
    const idleMs = this.opts.idleMs ?? DEFAULT_IDLE_MS;
    this.idleTimer = setTimeout(() => {
      this.idleTimer = null;
      // A pass under way schedules the next check when it ends (release).
      if (!this.current || this.passes > 0) return;
      if (Date.now() - this.lastUsed >= idleMs) {
        this.opts.log.write({ event: 'pool-idle', idleMs });
        void this.retire();
      } else this.scheduleIdleCheck();
    }, Math.max(0, this.lastUsed + idleMs - Date.now()));
    // An idle pool never keeps the process alive on its own.
    this.idleTimer.unref();
  }

  /** Whether workers are kept (started or ready to start with their shape). */
  get warm(): boolean {
    return this.current !== null;
  }

  async dispose(): Promise<void> {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
    await this.retire();
  }

  private async retire(): Promise<void> {
    const old = this.current;
    this.current = null;
    if (old) await Promise.all(old.workers.map((w) => w.dispose()));
  }
}
