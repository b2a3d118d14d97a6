/**
 * The core as the window uses it, one per data folder: intake of dropped files and of the
 * watched folder, a queue worked in the background as soon as there is work, retention swept
 * every hour, the processes' CPU and memory sampled for the dashboard, and events for the
 * window. Transport-neutral: Electron's IPC and the WebSocket host both sit on top of it.
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { EventChannel, EventPayload } from '../../src-shared/ipc/contract';
import type { ProfileName } from '../../src-shared/ocr/profiles';
import { openCore, type Core } from '../jobs/core';
import { takeInBytes } from '../jobs/dropped-bytes';
import { takeIn, type IntakeResult } from '../jobs/intake';
import { expandInputs } from '../jobs/inputs';
import { lockDataFolder } from '../db/folder-lock';
import { effectivePool, processQueue } from '../jobs/processor';
import { ResourceHistory, sampleResources } from '../jobs/resources';
import { backupDaily, checkAfterUncleanShutdown } from '../jobs/database-health';
import { sweep } from '../jobs/retention';
import { readSettings, writeSettings, type Settings } from '../jobs/settings';
import { WatchedFolder } from '../jobs/watch-folder';
import { WorkerPool } from '../jobs/worker-pool';
import type { OcrWorkerClient } from '../ocr/worker-client';
import type { LaunchWorker } from '../ocr/worker-process';
import { defaultModelsDir, rulesFileIn } from '../paths';

/** A setting refused, with a code the window words in its language. */
export class SettingError extends Error {
  constructor(readonly code: 'WATCH_NOT_FOLDER' | 'WATCH_IN_DATA' | 'INVALID_SETTING' | 'NO_FOLDER_PICKER', message: string) {
    super(message);
  }
}

export type EventListener = <E extends EventChannel>(channel: E, payload: EventPayload<E>) => void;

export interface ServiceOptions {
  dataDir: string;
  /** Start-up defaults (the command line): the operator's saved settings win over them. */
  profile?: ProfileName;
  modelsDir?: string;
  /** The operator's rules file; null for the defaults. */
  rulesFile?: string | null;
  sweepEveryMs?: number;
  workers?: number;
  /** How often the watched folder is looked at (default 2 s) and the processes sampled (5 s). */
  watchEveryMs?: number;
  sampleEveryMs?: number;
  /** Starts an OCR worker process (Electron: a utility process); default a forked Node process. */
  launch?: LaunchWorker;
  /** The system's folder picker (Electron's dialog): the folder the operator chose, or null. */
  pickFolder?: () => Promise<string | null>;
  /** How long the OCR workers stay loaded without work (default jobs/worker-pool.ts's 15 min). */
  poolIdleMs?: number;
}

export class CoreService {
  readonly core: Core;
  private readonly listeners = new Set<EventListener>();
  private readonly release: () => void;
  private running: Promise<void> | null = null;
  private again = false;
  private readonly sweeper: NodeJS.Timeout;
  private readonly stopping = new AbortController();
  /** Ends the current pass over the queue (its readings finish) so the next starts a new pool. */
  private pass = new AbortController();
  private readonly workers = new Set<OcrWorkerClient>();
  /** Kept between passes: a drop after a quiet spell finds the models loaded. */
  private readonly pool: WorkerPool;
  readonly resources = new ResourceHistory();
  private readonly stopSampling: () => void;
  private watcher: { folder: WatchedFolder; timer: NodeJS.Timeout; busy: boolean } | null = null;
  private watchProblem: string | null = null;
  private watchGeneration = 0;
  /** A failed integrity check since the start (the window shows it until a repair). */
  databaseProblem: string | null = null;

  constructor(readonly opts: ServiceOptions) {
    // The lock first: the database is opened, checked and migrated by its holder only.
    this.release = lockDataFolder(opts.dataDir);
    try {
      this.core = openCore(opts.dataDir, undefined, { lockHeld: true });
    } catch (e) {
      this.release();
      throw e;
    }
    void checkAfterUncleanShutdown(this.core).then((problem) => {
      if (problem && !this.stopping.signal.aborted) this.emit('database:damaged', { reason: (this.databaseProblem = problem) });
    });
    this.pool = new WorkerPool({
      log: this.core.log,
      ...(opts.poolIdleMs !== undefined ? { idleMs: opts.poolIdleMs } : {}),
      ...(opts.launch ? { launch: opts.launch } : {}),
      onStarted: (client) => {
        this.workers.add(client);
        client.onExit(() => this.workers.delete(client));
      },
      onCrash: (reason) => {
        this.resources.restart(Date.now());
        this.emit('worker:restarted', { reason });
      },
    });
    this.sweeper = setInterval(() => void this.sweep(new Date()), opts.sweepEveryMs ?? 3_600_000);
    this.sweeper.unref();
    this.stopSampling = sampleResources(this.resources, () => this.workers, opts.sampleEveryMs);
    void this.watchSetting();
    // Whatever an earlier run left queued is read now.
    this.kick();
  }

  /** The operator's settings, over the start-up defaults. */
  settings(): Settings & { effective: { workers: number; threadsPerWorker: number }; automatic: { workers: number; threadsPerWorker: number }; watchProblem: string | null; canPickFolder: boolean } {
    const s = readSettings(this.core.db, { ...(this.opts.profile ? { profile: this.opts.profile } : {}), ...(this.opts.workers ? { workers: this.opts.workers } : {}) });
    const effective = effectivePool({ workers: s.workers ?? undefined, threadsPerWorker: s.threadsPerWorker ?? undefined });
    // What each "automatic" choice resolves to: workers from the cores, threads from the workers in force.
    const automatic = { workers: effectivePool({}).workers, threadsPerWorker: effectivePool({ workers: effective.workers }).threadsPerWorker };
    return { ...s, effective, automatic, watchProblem: this.watchProblem, canPickFolder: this.opts.pickFolder !== undefined };
  }

  /**
   * Saves a change of settings and applies it: a new profile or pool size ends the current pass
   * (the readings in hand finish) and the queue goes on with a new pool; a new watched folder
   * is watched from now on.
   */
  async changeSettings(change: Partial<Settings>): Promise<void> {
    // A folder arrives here only from the host: the picker, or the command line.
    if (change.watchFolder) {
      const s = await stat(change.watchFolder).catch(() => null);
      if (!s?.isDirectory()) throw new SettingError('WATCH_NOT_FOLDER', `${change.watchFolder} is not a folder on this computer`);
      const inside = path.relative(path.resolve(this.opts.dataDir), path.resolve(change.watchFolder));
      if (!inside.startsWith('..') && !path.isAbsolute(inside)) throw new SettingError('WATCH_IN_DATA', 'The watched folder cannot be the data folder or inside it');
    }
    const before = this.settings();
    try {
      writeSettings(this.core.db, change);
    } catch (e) {
      throw new SettingError('INVALID_SETTING', (e as Error).message);
    }
    const after = this.settings();
    if (before.watchFolder !== after.watchFolder) await this.watchSetting();
    if (before.profile !== after.profile || before.workers !== after.workers || before.threadsPerWorker !== after.threadsPerWorker) {
      this.core.log.write({ event: 'pool-restart', profile: after.profile, ...after.effective });
      this.pass.abort();
      this.kick();
    }
  }

  /** Shows the host's folder picker and watches what the operator chose; false if they closed it. */
  async pickWatchFolder(): Promise<boolean> {
    if (!this.opts.pickFolder) throw new SettingError('NO_FOLDER_PICKER', 'This window cannot show a folder picker: start the browser host with --watch-folder DIR, or use the desktop app');
    const folder = await this.opts.pickFolder();
    if (folder === null) return false;
    await this.changeSettings({ watchFolder: folder });
    return true;
  }

  /** Starts (or stops, or moves) the watch of the folder the settings name. */
  private async watchSetting(): Promise<void> {
    if (this.watcher) clearInterval(this.watcher.timer);
    this.watcher = null;
    this.watchProblem = null;
    const inbox = this.settings().watchFolder;
    const generation = ++this.watchGeneration;
    if (!inbox || this.stopping.signal.aborted) return;
    const s = await stat(inbox).catch(() => null);
    // Closed, or the setting changed again, while the folder was looked at.
    if (generation !== this.watchGeneration || this.stopping.signal.aborted) return;
    if (!s?.isDirectory()) {
      this.watchProblem = `${inbox} is not a folder (it may have been moved or removed)`;
      this.core.log.write({ event: 'watch-problem', inbox, message: this.watchProblem });
      return;
    }
    const watcher = { folder: new WatchedFolder(this.core, inbox, this.profile), busy: false, timer: setInterval(() => void look(), this.opts.watchEveryMs ?? 2_000) };
    watcher.timer.unref();
    this.watcher = watcher;
    // One look at a time: scan takes in what stopped changing, settle moves what was read.
    const look = async () => {
      if (watcher.busy || this.stopping.signal.aborted) return;
      watcher.busy = true;
      try {
        if ((await watcher.folder.scan()) > 0) this.kick();
        await watcher.folder.settle();
      } catch (e) {
        this.core.log.write({ event: 'watch-error', inbox, message: (e as Error).message });
      } finally {
        watcher.busy = false;
      }
    };
  }

  /** The operator's rules file in this data folder (or the one given), null for the defaults. */
  get rulesFile(): string | null {
    return this.opts.rulesFile === undefined ? rulesFileIn(this.opts.dataDir) : this.opts.rulesFile;
  }

  get profile(): ProfileName {
    return this.settings().profile;
  }

  on(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit<E extends EventChannel>(channel: E, payload: EventPayload<E>): void {
    for (const l of this.listeners) l(channel, payload);
  }

  /** Files dropped in the window, as bytes (jobs/dropped-bytes.ts). */
  async intake(files: readonly { name: string; bytes: Buffer }[], profile: ProfileName = this.profile, batchId?: number): Promise<IntakeResult> {
    const result = await takeInBytes(this.core, files, profile, batchId);
    this.kick();
    return result;
  }

  /**
   * Files dropped from the operator's file manager, by path (Electron resolves them with
   * webUtils.getPathForFile): read where they are, no copy through the window. Folders expand to
   * the images inside them.
   */
  async intakePaths(paths: readonly string[], profile: ProfileName = this.profile): Promise<IntakeResult> {
    const { files: sources, skipped } = await expandInputs(paths);
    const result = await takeIn(this.core, sources, { profile, label: `dropped ${sources.length} file(s)`, readUnsettledAgain: true });
    // What a dropped folder held besides images is said, as the same file dropped alone would be.
    for (const source of skipped) result.items.push({ source, error: { code: 'UNSUPPORTED_FORMAT', message: `${path.basename(source)} is not an image; it was left where it is` } });
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
        if (this.pass.signal.aborted) this.pass = new AbortController();
        const { profile, workers, threadsPerWorker } = this.settings();
        await processQueue(this.core, {
          profile,
          modelsDir: this.opts.modelsDir ?? defaultModelsDir(),
          rulesFile: this.rulesFile,
          signal: AbortSignal.any([this.stopping.signal, this.pass.signal]),
          ...(workers ? { workers } : {}),
          ...(threadsPerWorker ? { threadsPerWorker } : {}),
          pool: this.pool,
          onProgress: (e) => {
            this.emit('job:progress', { sha256: e.sha256, state: e.state, attempt: e.attempt, ...(e.error ? { error: e.error } : {}) });
            if (e.state === 'done') {
              this.emit('job:done', { sha256: e.sha256, totalMs: e.totalMs ?? 0 });
              this.emit('receipt:updated', { sha256: e.sha256 });
              if (e.duplicateOf) this.emit('duplicate:found', { sha256: e.sha256, duplicateOf: e.duplicateOf });
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
    backupDaily(this.core);
    const report = await sweep(this.core, asOf);
    if (report.receipts > 0 || report.images > 0) this.emit('retention:swept', { receipts: report.receipts, images: report.images });
  }

  async close(): Promise<void> {
    clearInterval(this.sweeper);
    this.stopSampling();
    if (this.watcher) clearInterval(this.watcher.timer);
    this.stopping.abort();
    await this.idle();
    await this.pool.dispose();
    this.release();
    this.core.close();
  }
}
