/**
 * Files dropped in the window as bytes (a browser, a pasted image): written to a private folder
 * of the data folder, taken in like any other file, then removed. A file that cannot be written
 * (a full disk) is refused alone, in its place in the answer; the others go on.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { ProfileName } from '../../src-shared/ocr/profiles';
import { markArrived } from '../db/sending';
import type { Core } from './core';
import { takeIn, type IntakeItem, type IntakeResult } from './intake';

/** `batchId`: a slice of a send begun with db/sending.ts's beginSend; its files are ticked off. */
export async function takeInBytes(core: Core, files: readonly { name: string; bytes: Buffer }[], profile: ProfileName, batchId?: number): Promise<IntakeResult> {
  const incoming = path.join(core.dataDir, 'incoming');
  await mkdir(incoming, { recursive: true, mode: 0o700 });
  const dir = await mkdtemp(path.join(incoming, 'drop-'));
  try {
    const paths: string[] = [];
    const unwritten = new Map<number, IntakeItem>();
    for (const [i, f] of files.entries()) {
      // The name is kept for the WhatsApp metadata; the folder is ours, so no path from outside is used.
      const file = path.join(dir, String(i), path.basename(f.name));
      try {
        await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
        await writeFile(file, f.bytes, { mode: 0o600 });
        paths.push(file);
      } catch (e) {
        await rm(file, { force: true }).catch(() => undefined);
        unwritten.set(i, { source: file, error: { code: 'STORE_FAILED', message: `Could not store ${path.basename(f.name)}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}` } });
      }
    }
    const result = await takeIn(core, paths, { profile, label: `dropped ${files.length} file(s)`, readUnsettledAgain: true, ...(batchId !== undefined ? { batchId } : {}) });
    if (batchId !== undefined) markArrived(core.db, batchId, files.map((f) => ({ name: f.name, size: f.bytes.length })), core.now());
    const taken = result.items[Symbol.iterator]();
    return { ...result, items: files.map((_, i) => unwritten.get(i) ?? taken.next().value!) };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
