/**
 * The watched folder (the legacy `inbox`): files that appear in it are taken in by the same
 * path as dropped ones. A file is taken only once its size and time have stopped changing (it is
 * not still being copied). Its source is touched only after its result is stored: moved to
 * `processed/`, or to `failed/` beside a `<name>.reason.txt`. After a crash, a file still in the
 * inbox is taken in again, recognised by its hash, and moved without being read twice.
 */
import { mkdir, readFile, readdir, rename, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { ProfileName } from '../../src-shared/ocr/profiles';
import { sha256Hex } from '../ocr/model-files';
import type { Core } from './core';
import { takeIn } from './intake';

export interface WatchPass {
  taken: number;
  moved: { processed: number; failed: number };
}

export class WatchedFolder {
  /** Size and time of each file at the last look: a file is stable when they repeat. */
  private readonly seen = new Map<string, string>();

  constructor(
    private readonly core: Core,
    readonly inbox: string,
    private readonly profile: ProfileName,
  ) {}

  /** Takes in the files that have stopped changing since the last look. */
  async scan(): Promise<number> {
    await mkdir(this.inbox, { recursive: true });
    const stable: string[] = [];
    for (const e of await readdir(this.inbox, { withFileTypes: true })) {
      if (!e.isFile() || e.name.startsWith('.') || e.name.endsWith('.partial')) continue;
      const file = path.join(this.inbox, e.name);
      const s = await stat(file).catch(() => null);
      if (!s) continue;
      const signature = `${s.size}:${s.mtimeMs}`;
      if (this.seen.get(file) === signature) stable.push(file);
      this.seen.set(file, signature);
    }
    if (stable.length === 0) return 0;
    const { items } = await takeIn(this.core, stable, { profile: this.profile, label: `watched ${this.inbox}` });
    // Files that could not even be stored (empty, too large) have nothing to wait for.
    for (const item of items) if (item.error) await this.move(item.source, 'failed', `${item.error.code}: ${item.error.message}`);
    return items.filter((i) => !i.error).length;
  }

  /** Moves the sources whose receipts are settled; the rest wait for the queue. */
  async settle(): Promise<WatchPass['moved']> {
    const moved = { processed: 0, failed: 0 };
    const rows = this.core.db
      .prepare(
        `SELECT DISTINCT i.source_path, r.sha256, r.state, r.error_code, r.error_message
         FROM batch_items i JOIN receipts r ON r.id = i.receipt_id
         WHERE r.state IN ('done', 'failed') AND i.source_path LIKE ? ESCAPE '\\'`,
      )
      .all(`${path.resolve(this.inbox).replace(/[\\%_]/g, (c) => `\\${c}`)}${path.sep}%`) as { source_path: string; sha256: string; state: string; error_code: string | null; error_message: string | null }[];
    for (const row of rows) {
      if (path.dirname(row.source_path) !== path.resolve(this.inbox)) continue;
      // A new file may have arrived under an old name: only the bytes that were read are moved.
      if ((await sha256Of(row.source_path)) !== row.sha256) continue;
      const to = row.state === 'done' ? 'processed' : 'failed';
      if (await this.move(row.source_path, to, row.state === 'failed' ? `${row.error_code}: ${row.error_message}` : null)) moved[to]++;
    }
    return moved;
  }

  private async move(source: string, to: 'processed' | 'failed', reason: string | null): Promise<boolean> {
    if (!(await stat(source).catch(() => null))) return false;
    const dir = path.join(this.inbox, to);
    await mkdir(dir, { recursive: true });
    const target = await freeName(dir, path.basename(source));
    if (reason) await writeFile(`${target}.reason.txt`, `${reason}\n`);
    await rename(source, target);
    this.seen.delete(source);
    this.core.log.write({ event: 'source-moved', source, to: target, ...(reason ? { reason } : {}) });
    return true;
  }
}

const sha256Of = (file: string) => readFile(file).then(sha256Hex, () => null);

/** `name`, or `name (2)`, `name (3)`... where a file of that name is already there. */
async function freeName(dir: string, name: string): Promise<string> {
  const ext = path.extname(name);
  const stem = name.slice(0, name.length - ext.length);
  for (let i = 1; ; i++) {
    const candidate = path.join(dir, i === 1 ? name : `${stem} (${i})${ext}`);
    if (!(await stat(candidate).catch(() => null))) return candidate;
  }
}

/** Watches until the signal: look, take in, read the queue, move what is settled, wait. */
export async function watchLoop(folder: WatchedFolder, work: () => Promise<unknown>, opts: { intervalMs: number; signal: AbortSignal }): Promise<void> {
  while (!opts.signal.aborted) {
    await folder.scan();
    // Also what an earlier run left queued: work() returns at once when there is nothing.
    await work();
    await folder.settle();
    await new Promise<void>((resolve) => {
      const stop = () => {
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(() => {
        opts.signal.removeEventListener('abort', stop);
        resolve();
      }, opts.intervalMs);
      opts.signal.addEventListener('abort', stop, { once: true });
    });
  }
}
