/**
 * The core as the window uses it, one per data folder: intake of dropped files, a queue worked
 * in the background as soon as there is work, retention swept every hour, and events for the
 * window. Transport-neutral: Electron's IPC and the WebSocket host both sit on top of it.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { EventChannel, EventPayload } from '../../src-shared/ipc/contract';
import type { ProfileName } from '../../src-shared/ocr/profiles';
import { openCore, type Core } from '../jobs/core';
import { takeIn, type IntakeResult } from '../jobs/intake';
import { expandInputs } from '../jobs/inputs';
import { lockDataFolder } from '../jobs/lock';
import { processQueue } from '../jobs/processor';
import { sweep } from '../jobs/retention';
import type { WorkerProcess } from '../ocr/worker-process';
import { defaultModelsDir } from '../paths';

export type EventListener = <E extends EventChannel>(channel: E, payload: EventPayload<E>) => void;

export interface ServiceOptions {
  dataDir: string;
  profile?: ProfileName;
  modelsDir?: string;
  /** The operator's rules file; null for the defaults. */
  rulesFile?: string | null;
  sweepEveryMs?: number;
  workers?: number;
  /** Starts an OCR worker process (Electron: a utility process); default a forked Node process. */
  launch?: () => WorkerProcess;
}

export class CoreService {
  readonly core: Core;
  private readonly listeners = new Set<EventListener>();
  private readonly release: () => void;
  private running: Promise<void> | null = null;
  private again = false;
  private readonly sweeper: NodeJS.Timeout;
  private readonly stopping = new AbortController();

  constructor(readonly opts: ServiceOptions) {
    this.core = openCore(opts.dataDir);
    try {
      this.release = lockDataFolder(opts.dataDir);
    } catch (e) {
      this.core.db.close();
      throw e;
    }
    this.sweeper = setInterval(() => void this.sweep(new Date()), opts.sweepEveryMs ?? 3_600_000);
    this.sweeper.unref();
    // Whatever an earlier run left queued is read now.
    this.kick();
  }

  /** The operator's rules file in this data folder (or the one given), null for the defaults. */
  get rulesFile(): string | null {
    return this.opts.rulesFile === undefined ? path.join(this.opts.dataDir, 'extraction-rules.json') : this.opts.rulesFile;
  }

  get profile(): ProfileName {
    return this.opts.profile ?? 'balanced';
  }

  on(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit<E extends EventChannel>(channel: E, payload: EventPayload<E>): void {
    for (const l of this.listeners) l(channel, payload);
  }

  /** Files dropped in the window, as bytes: written to a private folder, taken in, then removed. */
  async intake(files: readonly { name: string; bytes: Buffer }[], profile: ProfileName = this.profile): Promise<IntakeResult> {
    const incoming = path.join(this.opts.dataDir, 'incoming');
    await mkdir(incoming, { recursive: true });
    const dir = await mkdtemp(path.join(incoming, 'drop-'));
    try {
      const paths: string[] = [];
      for (const [i, f] of files.entries()) {
        // The name is kept for the WhatsApp metadata; the folder is ours, so no path from outside is used.
        const file = path.join(dir, String(i), path.basename(f.name));
        await mkdir(path.dirname(file), { recursive: true });
        await writeFile(file, f.bytes);
        paths.push(file);
      }
      const result = await takeIn(this.core, paths, { profile, label: `dropped ${files.length} file(s)` });
      this.kick();
      return result;
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }

  /**
   * Files dropped from the operator's file manager, by path (Electron resolves them with
   * webUtils.getPathForFile): read where they are, no copy through the window. Folders expand to
   * the images inside them.
   */
  async intakePaths(paths: readonly string[], profile: ProfileName = this.profile): Promise<IntakeResult> {
    const sources = await expandInputs(paths);
    const result = await takeIn(this.core, sources, { profile, label: `dropped ${sources.length} file(s)` });
    this.kick();
    return result;
  }

  /** Starts reading the queue, or asks the running pass to look again when it ends. */
  kick(): void {
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = (async () => {
      do {
        this.again = false;
        await processQueue(this.core, {
          profile: this.profile,
          modelsDir: this.opts.modelsDir ?? defaultModelsDir(),
          rulesFile: this.rulesFile,
          signal: this.stopping.signal,
          ...(this.opts.workers ? { workers: this.opts.workers } : {}),
          ...(this.opts.launch ? { launch: this.opts.launch } : {}),
          onWorkerCrash: (reason) => this.emit('worker:restarted', { reason }),
          onProgress: (e) => {
            this.emit('job:progress', { sha256: e.sha256, state: e.state, attempt: e.attempt, ...(e.error ? { error: e.error } : {}) });
            if (e.state === 'done') {
              this.emit('job:done', { sha256: e.sha256, totalMs: e.totalMs ?? 0 });
              this.emit('receipt:updated', { sha256: e.sha256 });
              const dup = this.core.db.prepare('SELECT d.sha256 FROM receipts r JOIN receipts d ON d.id = r.duplicate_of WHERE r.sha256 = ?').get(e.sha256) as { sha256: string } | undefined;
              if (dup) this.emit('duplicate:found', { sha256: e.sha256, duplicateOf: dup.sha256 });
            }
            if (e.state === 'failed') {
              this.emit('job:failed', { sha256: e.sha256, error: e.error ?? { code: 'INTERNAL', message: 'Failed' } });
              this.emit('receipt:updated', { sha256: e.sha256 });
            }
          },
        });
      } while (this.again && !this.stopping.signal.aborted);
    })()
      .catch((e: Error) => this.core.log.write({ event: 'queue-error', message: e.message }))
      .finally(() => {
        this.running = null;
      });
  }

  /** Resolves when the queue has nothing left (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  async sweep(asOf: Date): Promise<void> {
    const report = await sweep(this.core, asOf);
    if (report.receipts > 0 || report.images > 0) this.emit('retention:swept', { receipts: report.receipts, images: report.images });
  }

  async close(): Promise<void> {
    clearInterval(this.sweeper);
    this.stopping.abort();
    await this.idle();
    this.release();
    this.core.db.close();
  }
}
