/**
 * Taking receipts in. For each file, first its bytes go into the content store, then the
 * receipt and its place in the batch are recorded in one transaction: from then on it cannot be
 * lost, whatever happens to the process. The same bytes taken in again are the same receipt: it
 * is not queued again (its result is reused) unless the operator asks for a re-run, or drops a
 * receipt that was cancelled or failed again (`readUnsettledAgain`: dropping it again is asking).
 */
import path from 'node:path';
import { whatsappMetadata } from '../../src-shared/extract/whatsapp';
import type { ProfileName } from '../../src-shared/ocr/profiles';
import { batchCreatedAt, createBatch, recordArrival } from '../db/batches';
import { OcrFailure } from '../image/image-file';
import { retentionHours } from '../db/settings';
import type { Core } from './data-folder';

/** A file by its path, or bytes that arrived in memory (a drop in the window) with their name. */
export type IntakeSource = string | { name: string; bytes: Buffer };

export interface IntakeItem {
  /** The path, or the dropped file's name. */
  source: string;
  /** Set when the file could be read and stored. */
  receiptId?: number;
  sha256?: string;
  /** The same image was already taken in: its receipt (and result) is reused. */
  reused?: boolean;
  /** It was cancelled or had failed, and is queued to be read again. */
  readAgain?: boolean;
  /** Why the file could not be taken in (it does not exist, is empty, too large...). */
  error?: { code: string; message: string };
}

export interface IntakeResult {
  batchId: number;
  items: IntakeItem[];
}

export async function takeIn(core: Core, sources: readonly IntakeSource[], opts: { profile: ProfileName; label: string; readUnsettledAgain?: boolean; batchId?: number }): Promise<IntakeResult> {
  const { db, store, now } = core;
  // A slice of a drop sent in pieces joins the batch its send began (db/sending.ts).
  const batchId = opts.batchId ?? createBatch(db, { at: now(), label: opts.label, profile: opts.profile });
  const keepMs = retentionHours(db) * 3_600_000;
  // One time for the whole batch (a drop sent in slices included): the history lists the newest
  // batch first and, within it, the files in natural order (db/migrations/0009-name-order.ts).
  const receivedAt = new Date(batchCreatedAt(db, batchId) ?? now().toISOString());
  const items: IntakeItem[] = [];
  for (const from of sources) {
    const source = typeof from === 'string' ? from : from.name;
    let stored;
    try {
      // Bytes in memory go straight into the store: read and hashed once, here.
      stored = typeof from === 'string' ? await store.put(from) : await store.putBytes(from.bytes, from.name);
    } catch (e) {
      const code = e instanceof OcrFailure ? e.code : 'INTERNAL';
      items.push({ source, error: { code, message: (e as Error).message } });
      core.log.write({ event: 'intake-refused', source, code, message: (e as Error).message });
      continue;
    }
    const name = path.basename(source);
    const record = recordIntake(() =>
      recordArrival(db, {
        batchId,
        receipt: {
          sha256: stored.sha256,
          originalName: name,
          ext: stored.ext,
          sizeBytes: stored.sizeBytes,
          receivedAt: receivedAt.toISOString(),
          expiresAt: new Date(receivedAt.getTime() + keepMs).toISOString(),
          metadata: JSON.stringify(whatsappMetadata(name)),
        },
        sourcePath: typeof from === 'string' ? path.resolve(from) : from.name,
        readUnsettledAgain: opts.readUnsettledAgain === true,
      }),
    );
    if ('error' in record) {
      core.log.write({ event: 'intake-refused', source, ...record.error });
      items.push({ source, error: record.error });
    } else items.push({ source, sha256: stored.sha256, ...record });
  }
  return { batchId, items };
}

/** The receipt's rows, or why they could not be written (a full disk): that file alone fails. */
function recordIntake<T extends object>(write: () => T): T | { error: { code: 'STORE_FAILED'; message: string } } {
  try {
    return write();
  } catch (e) {
    return { error: { code: 'STORE_FAILED', message: `Could not record the receipt: ${(e as { code?: string }).code ?? (e as Error).message}` } };
  }
}
