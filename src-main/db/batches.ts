/**
 * Batch controls. Pausing keeps a batch's receipts queued (the queue skips them); resuming lets
 * them be taken again; cancelling makes the receipts still waiting `cancelled` (not an error:
 * "not now"; read again on request or when dropped again) unless another running batch also
 * holds them. Receipts being read finish either way.
 */
import type { Db } from './open';
import { insertReceipt, queueRerun, receiptBySha, type NewReceipt } from './receipts';

/** A new batch; returns its id. */
export const createBatch = (db: Db, b: { at: Date; label: string; profile: string }) =>
  Number(db.prepare('INSERT INTO batches (created_at, label, profile) VALUES (?, ?, ?)').run(b.at.toISOString(), b.label, b.profile).lastInsertRowid);

/** When a batch began: the time all its receipts are received at. */
export const batchCreatedAt = (db: Db, id: number) => db.prepare('SELECT created_at FROM batches WHERE id = ?').pluck().get(id) as string | undefined;

/** A receipt's place in a batch, with the path it came from (once per batch and receipt). */
export const addBatchItem = (db: Db, i: { batchId: number; receiptId: number; sourcePath: string; reused: boolean }) =>
  db.prepare('INSERT OR IGNORE INTO batch_items (batch_id, receipt_id, source_path, reused) VALUES (?, ?, ?, ?)').run(i.batchId, i.receiptId, i.sourcePath, i.reused ? 1 : 0);

/** Whether the receipt was taken in from this very path (not only known from elsewhere). */
export const takenInFrom = (db: Db, receiptId: number, sourcePath: string) =>
  db.prepare('SELECT 1 FROM batch_items WHERE receipt_id = ? AND source_path = ?').get(receiptId, sourcePath) !== undefined;

/**
 * A file taken in by a batch, in one transaction: its receipt (new, or the one its bytes already
 * have) and its batch item. A known receipt that was cancelled or failed is queued again when
 * `readUnsettledAgain`; otherwise the item is `reused` (nothing new to read).
 */
export function recordArrival(db: Db, a: { batchId: number; receipt: NewReceipt; sourcePath: string; readUnsettledAgain: boolean }): { receiptId: number; reused: boolean; readAgain?: true } {
  return db.transaction(() => {
    const known = receiptBySha(db, a.receipt.sha256);
    const receiptId = known?.id ?? insertReceipt(db, a.receipt);
    const readAgain = known !== undefined && a.readUnsettledAgain && (known.state === 'cancelled' || known.state === 'failed') && queueRerun(db, known.id);
    const reused = known !== undefined && !readAgain;
    addBatchItem(db, { batchId: a.batchId, receiptId, sourcePath: a.sourcePath, reused });
    return { receiptId, reused, ...(readAgain ? { readAgain: true as const } : {}) };
  })();
}

export interface BatchProgress {
  id: number;
  label: string;
  state: 'running' | 'paused' | 'cancelled';
  total: number;
  queued: number;
  processing: number;
  done: number;
  failed: number;
  cancelled: number;
  reused: number;
}

export const pauseBatch = (db: Db, id: number) => db.prepare("UPDATE batches SET state = 'paused' WHERE id = ? AND state = 'running'").run(id).changes > 0;
export const resumeBatch = (db: Db, id: number) => db.prepare("UPDATE batches SET state = 'running' WHERE id = ? AND state = 'paused'").run(id).changes > 0;

export function cancelBatch(db: Db, id: number): number {
  return db.transaction(() => {
    if (db.prepare("UPDATE batches SET state = 'cancelled' WHERE id = ? AND state <> 'cancelled'").run(id).changes === 0) return 0;
    return db
      .prepare(
        `UPDATE receipts SET state = 'cancelled'
         WHERE state = 'queued'
           AND id IN (SELECT receipt_id FROM batch_items WHERE batch_id = ?)
           AND NOT EXISTS (SELECT 1 FROM batch_items i JOIN batches b ON b.id = i.batch_id WHERE i.receipt_id = receipts.id AND b.state = 'running')`,
      )
      .run(id).changes;
  })();
}

export function batchProgress(db: Db, id: number): BatchProgress | undefined {
  return db
    .prepare(
      `SELECT b.id, b.label, b.state, count(i.receipt_id) AS total,
              sum(r.state = 'queued') AS queued, sum(r.state = 'processing') AS processing,
              sum(r.state = 'done') AS done, sum(r.state = 'failed') AS failed, sum(r.state = 'cancelled') AS cancelled, sum(i.reused) AS reused
       FROM batches b LEFT JOIN batch_items i ON i.batch_id = b.id LEFT JOIN receipts r ON r.id = i.receipt_id
       WHERE b.id = ? GROUP BY b.id`,
    )
    .get(id) as BatchProgress | undefined;
}
