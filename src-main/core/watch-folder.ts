/**
 * The watched folder (the legacy `inbox`): files that appear in it are taken in by the same
 * path as dropped ones. A file is taken only once its size and time have stopped changing (it is
 * not still being copied). Its source is touched only after its result is stored: moved to
 * `processed/`, or to `failed/` beside a `<name>.reason.txt`. After a crash, a file still in the
 * inbox is taken in again, recognised by its hash, and moved without being read twice. Only
 * files named as images are looked at: the folder may be one the operator also keeps notes,
 * spreadsheets or PDFs in, and those are never taken or moved.
 */
import { mkdir, readFile, readdir, rename, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { ProfileName } from '../../src-shared/ocr/profiles';
import { sha256Hex } from '../image/image-file';
import { takenInFrom } from '../db/batches';
import { receiptBySha } from '../db/receipts';
import type { Core } from './data-folder';
import { hasImageName } from './inputs';
import { takeIn } from './intake';

export interface WatchPass {
  taken: number;
  moved: { processed: number; failed: number };
}

export class WatchedFolder {
  /** Size and time of each file at the last look: a file is stable when they repeat. */
  private readonly seen = new Map<string, string>();
  private readonly hashes = new Map<string, { signature: string; sha256: string }>();

  constructor(
    private readonly core: Core,
    readonly inbox: string,
    private readonly profile: ProfileName,
  ) {}

  /** Takes in the files that have stopped changing since the last look. */
  async scan(): Promise<number> {
    await mkdir(this.inbox, { recursive: true });
    const stable: string[] = [];
    for (const file of await this.files()) {
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

  /**
   * Moves the files whose bytes have a settled receipt; the rest wait for the queue. Looked up by
   * hash, not by name: a new file arriving under an old name is never moved before it is read.
   * Only what is in the inbox now is looked at, so the work does not grow with the history.
   */
  async settle(): Promise<WatchPass['moved']> {
    const moved = { processed: 0, failed: 0 };
    for (const file of await this.files()) {
      const sha256 = await this.hashOf(file);
      const row = sha256 ? receiptBySha(this.core.db, sha256) : undefined;
      if (!row || (row.state !== 'done' && row.state !== 'failed')) continue;
      // Taken in from this very file (not only known from elsewhere): its intake is recorded.
      if (!takenInFrom(this.core.db, row.id, path.resolve(file))) continue;
      const to = row.state === 'done' ? 'processed' : 'failed';
      if (await this.move(file, to, row.state === 'failed' ? `${row.error_code}: ${row.error_message}` : null)) moved[to]++;
    }
    return moved;
  }

  /** Images in the inbox itself (not its sub-folders), without hidden or half-written ones. */
  private async files(): Promise<string[]> {
    const entries = await readdir(this.inbox, { withFileTypes: true }).catch(() => []);
    return entries.filter((e) => e.isFile() && !e.name.startsWith('.') && hasImageName(e.name)).map((e) => path.join(this.inbox, e.name));
  }

  /** sha256 of a file, remembered while its size and time stay the same. */
  private async hashOf(file: string): Promise<string | null> {
    const s = await stat(file).catch(() => null);
    if (!s) return null;
    const signature = `${s.size}:${s.mtimeMs}`;
    const known = this.hashes.get(file);
    if (known?.signature === signature) return known.sha256;
    const sha256 = await readFile(file).then(sha256Hex, () => null);
    if (sha256) this.hashes.set(file, { signature, sha256 });
    return sha256;
  }

  private async move(source: string, to: 'processed' | 'failed', reason: string | null): Promise<boolean> {
    if (!(await stat(source).catch(() => null))) return false;
    const dir = path.join(this.inbox, to);
    await mkdir(dir, { recursive: true });
    const target = await freeName(dir, path.basename(source));
    if (reason) await writeFile(`${target}.reason.txt`, `${reason}\n`);
    await rename(source, target);
    this.seen.delete(source);
    this.hashes.delete(source);
    this.core.log.write({ event: 'source-moved', source, to: target, ...(reason ? { reason } : {}) });
    return true;
  }
}

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
