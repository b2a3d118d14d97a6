/**
 * The app's service over one data folder, as the window uses it: intake of dropped files and of
 * the watched folder (core/watch-scheduler.ts), a queue worked in the background as soon as there
 * is work (core/queue-runner.ts, with a warm worker pool), retention swept every hour, the
 * processes' CPU and memory sampled for the dashboard, and events for the window
 * (core/event-bus.ts). Transport-neutral: Electron's IPC and the WebSocket host both sit on top.
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { ProfileName } from '../../src-shared/ocr/profiles';
import { lockDataFolder } from '../db/folder-lock';
import { openCore, type Core } from '../core/data-folder';
import { backupDaily, checkAfterUncleanShutdown } from '../core/database-health';
import { takeInBytes } from '../core/dropped-bytes';
import { EventBus } from '../core/event-bus';
import { expandInputs } from '../core/inputs';
import { takeIn, type IntakeResult } from '../core/intake';
import { effectivePool } from '../core/processor';
import { QueueRunner } from '../core/queue-runner';
import { reconcileHistory, reconcileOnChange } from '../core/reconciliation';
import { hasStatements } from '../db/statements';
import { ResourceHistory, sampleResources } from '../core/resources';
import { sweep } from '../core/retention';
import { readSettings, writeSettings, type Settings } from '../core/settings';
import { WatchScheduler } from '../core/watch-scheduler';
import { WorkerPool } from '../core/worker-pool';
import type { OcrWorkerClient } from '../ocr/parent/worker-client';
import type { LaunchWorker } from '../ocr/parent/worker-process';
import { defaultModelsDir, rulesFileIn } from '../paths';

/** A setting refused, with a code the window words in its language. */
export class SettingError extends Error {
  constructor(readonly code: 'WATCH_NOT_FOLDER' | 'WATCH_IN_DATA' | 'INVALID_SETTING' | 'NO_FOLDER_PICKER', message: string) {
    super(message);
  }
}

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
  /** How long the OCR workers stay loaded without work (default core/worker-pool.ts's 15 min). */
  poolIdleMs?: number;
  /** How long after a receipt changes it is decided again against the statements (default 500 ms). */
  reconcileDelayMs?: number;
}

export class AppService {
  readonly core: Core;
  readonly resources = new ResourceHistory();
  /** A failed integrity check since the start (the window shows it until a repair). */
  databaseProblem: string | null = null;
  private readonly bus = new EventBus();
  private readonly release: () => void;
  private readonly workers = new Set<OcrWorkerClient>();
  private readonly pool: WorkerPool;
  private readonly queue: QueueRunner;
  private readonly watch: WatchScheduler;
  private readonly sweeper: NodeJS.Timeout;
  private readonly stopSampling: () => void;
  private closing = false;
  /** Receipts decided against the bank statements again when they change (core/reconciliation.ts). */
  private readonly reconciler: ReturnType<typeof reconcileOnChange>;

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
      if (problem && !this.closing) this.emit('database:damaged', { reason: (this.databaseProblem = problem) });
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
    this.queue = new QueueRunner(this.core, {
      modelsDir: opts.modelsDir ?? defaultModelsDir(),
      pool: this.pool,
      bus: this.bus,
      pass: () => ({ ...this.settings(), rulesFile: this.rulesFile }),
    });
    this.watch = new WatchScheduler(this.core, { profile: () => this.profile, onTaken: () => this.kick(), ...(opts.watchEveryMs ? { everyMs: opts.watchEveryMs } : {}) });
    this.reconciler = reconcileOnChange(this.core, opts.reconcileDelayMs);
    this.bus.on((channel) => channel === 'receipt:updated' && this.reconciler.changed());
    this.sweeper = setInterval(() => void this.sweep(new Date()), opts.sweepEveryMs ?? 3_600_000);
    this.sweeper.unref();
    this.stopSampling = sampleResources(this.resources, () => this.workers, opts.sampleEveryMs);
    void this.watch.follow(this.settings().watchFolder);
    // Whatever an earlier run left queued is read now.
    this.kick();
  }

  /** The operator's settings, over the start-up defaults. */
  settings(): Settings & { effective: { workers: number; threadsPerWorker: number }; automatic: { workers: number; threadsPerWorker: number }; watchProblem: string | null; canPickFolder: boolean } {
    const s = readSettings(this.core.db, { ...(this.opts.profile ? { profile: this.opts.profile } : {}), ...(this.opts.workers ? { workers: this.opts.workers } : {}) });
    const effective = effectivePool({ workers: s.workers ?? undefined, threadsPerWorker: s.threadsPerWorker ?? undefined });
    // What each "automatic" choice resolves to: workers from the cores, threads from the workers in force.
    const automatic = { workers: effectivePool({}).workers, threadsPerWorker: effectivePool({ workers: effective.workers }).threadsPerWorker };
    return { ...s, effective, automatic, watchProblem: this.watch?.problem ?? null, canPickFolder: this.opts.pickFolder !== undefined };
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
    if (before.watchFolder !== after.watchFolder) await this.watch.follow(after.watchFolder);
    // Every receipt is decided again with the new window for credits.
    if (before.creditDays !== after.creditDays && hasStatements(this.core.db)) {
      reconcileHistory(this.core);
      this.emit('statements:changed', {});
    }
    if (before.profile !== after.profile || before.workers !== after.workers || before.threadsPerWorker !== after.threadsPerWorker) {
      this.core.log.write({ event: 'pool-restart', profile: after.profile, ...after.effective });
      this.queue.restart();
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

  /** The operator's rules file in this data folder (or the one given), null for the defaults. */
  get rulesFile(): string | null {
    return this.opts.rulesFile === undefined ? rulesFileIn(this.opts.dataDir) : this.opts.rulesFile;
  }

  get profile(): ProfileName {
    return this.settings().profile;
  }

  on: EventBus['on'] = (listener) => this.bus.on(listener);
  emit: EventBus['emit'] = (channel, payload) => this.bus.emit(channel, payload);

  /** Files dropped in the window, as bytes (core/dropped-bytes.ts). */
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
    this.queue.kick();
  }

  /** Resolves when the queue has nothing left (tests, shutdown). */
  idle(): Promise<void> {
    return this.queue.idle();
  }

  async sweep(asOf: Date): Promise<void> {
    backupDaily(this.core);
    const report = await sweep(this.core, asOf);
    if (report.receipts > 0 || report.images > 0) this.emit('retention:swept', { receipts: report.receipts, images: report.images });
  }

  async close(): Promise<void> {
    this.closing = true;
    clearInterval(this.sweeper);
    this.stopSampling();
    this.watch.stop();
    this.reconciler.stop();
    await this.queue.stop();
    await this.pool.dispose();
    this.release();
    this.core.close();
  }
}
