/**
 * The watched folder, looked at on a timer: new images that stopped changing are taken in, and
 * the ones read are moved out (core/watch-folder.ts does the work). One look at a time; a folder
 * that is not there is a problem the settings show, not an error.
 */
import { stat } from 'node:fs/promises';
import type { ProfileName } from '../../src-shared/ocr/profiles';
import type { Core } from './data-folder';
import { WatchedFolder } from './watch-folder';

export interface WatchSchedulerOptions {
  /** How often the folder is looked at (default 2 s). */
  everyMs?: number;
  /** The profile new receipts are read with. */
  profile: () => ProfileName;
  /** Something was taken in: the queue should run. */
  onTaken: () => void;
}

export class WatchScheduler {
  private watcher: { folder: WatchedFolder; timer: NodeJS.Timeout; busy: boolean } | null = null;
  private generation = 0;
  private stopped = false;
  /** Why the folder the settings name is not watched (moved, removed), or null. */
  problem: string | null = null;

  constructor(private readonly core: Core, private readonly opts: WatchSchedulerOptions) {}

  /** Watches `inbox` from now on (null: nothing), instead of whatever was watched before. */
  async follow(inbox: string | null): Promise<void> {
    this.clear();
    this.problem = null;
    const generation = ++this.generation;
    if (!inbox || this.stopped) return;
    const s = await stat(inbox).catch(() => null);
    // Stopped, or the setting changed again, while the folder was looked at.
    if (generation !== this.generation || this.stopped) return;
    if (!s?.isDirectory()) {
      this.problem = `${inbox} is not a folder (it may have been moved or removed)`;
      this.core.log.write({ event: 'watch-problem', inbox, message: this.problem });
      return;
    }
    const watcher = { folder: new WatchedFolder(this.core, inbox, this.opts.profile()), busy: false, timer: setInterval(() => void look(), this.opts.everyMs ?? 2_000) };
    watcher.timer.unref();
    this.watcher = watcher;
    // One look at a time: scan takes in what stopped changing, settle moves what was read.
    const look = async () => {
      if (watcher.busy || this.stopped) return;
      watcher.busy = true;
      try {
        if ((await watcher.folder.scan()) > 0) this.opts.onTaken();
        await watcher.folder.settle();
      } catch (e) {
        this.core.log.write({ event: 'watch-error', inbox, message: (e as Error).message });
      } finally {
        watcher.busy = false;
      }
    };
  }

  stop(): void {
    this.stopped = true;
    this.clear();
  }

  private clear(): void {
    if (this.watcher) clearInterval(this.watcher.timer);
    this.watcher = null;
  }
}
