/**
 * Receipts and their queue state. Queries are plain functions of (db, args): the jobs and the
 * API call them inside their own transactions where several must land together.
 */
import { nameOrder } from '../../src-shared/receipt/name-order';
import type { Db } from './open';

/** `cancelled`: the operator stopped its batch before it was read ("not now"; dropping it again reads it). */
export type ReceiptState = 'queued' | 'processing' | 'done' | 'failed' | 'cancelled';
export const RECEIPT_STATES: readonly ReceiptState[] = ['queued', 'processing', 'done', 'failed', 'cancelled'];

export interface ReceiptRow {
  id: number;
  sha256: string;
  original_name: string;
  ext: string;
  size_bytes: number;
  width: number | null;
  height: number | null;
  received_at: string;
  state: ReceiptState;
  attempts: number;
  error_code: string | null;
  error_message: string | null;
  metadata: string;
  dedupe_key: string | null;
  duplicate_of: number | null;
  review: 'pending' | 'approved' | 'flagged';
  expires_at: string;
  pinned: number;
  settled_at: string | null;
  /** JSON array of the last reading's warnings ('[]' when none). */
  warnings: string;
  /** 1 when `warnings` holds any (derived by the store). */
  warned: number;
}

export interface NewReceipt {
  sha256: string;
  originalName: string;
  ext: string;
  sizeBytes: number;
  receivedAt: string;
  expiresAt: string;
  metadata: string;
}

export const receiptBySha = (db: Db, sha256: string) => db.prepare('SELECT * FROM receipts WHERE sha256 = ?').get(sha256) as ReceiptRow | undefined;
export const receiptById = (db: Db, id: number) => db.prepare('SELECT * FROM receipts WHERE id = ?').get(id) as ReceiptRow | undefined;

export function insertReceipt(db: Db, r: NewReceipt): number {
  const info = db
    .prepare('INSERT INTO receipts (sha256, original_name, ext, size_bytes, received_at, expires_at, metadata, name_order) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
    .run(r.sha256, r.originalName, r.ext, r.sizeBytes, r.receivedAt, r.expiresAt, r.metadata, nameOrder(r.originalName));
  return Number(info.lastInsertRowid);
}

/**
 * Takes the oldest queued receipt for processing, unless a paused batch holds it and no running
 * one does (a paused batch keeps its receipts queued). A cancelled batch holds nothing: a
 * receipt of it queued again on the operator's request is read.
 */
export function claimNext(db: Db): ReceiptRow | undefined {
  return db
    .prepare(
      `UPDATE receipts SET state = 'processing', attempts = attempts + 1
       WHERE id = (
         SELECT r.id FROM receipts r
         WHERE r.state = 'queued'
           AND (NOT EXISTS (SELECT 1 FROM batch_items i JOIN batches b ON b.id = i.batch_id WHERE i.receipt_id = r.id AND b.state = 'paused')
                OR EXISTS (SELECT 1 FROM batch_items i JOIN batches b ON b.id = i.batch_id WHERE i.receipt_id = r.id AND b.state = 'running'))
         ORDER BY r.id LIMIT 1)
       RETURNING *`,
    )
    .get() as ReceiptRow | undefined;
}

/** After a crash or a restart: what was being processed goes back to the queue. */
export const requeueInterrupted = (db: Db): number => db.prepare("UPDATE receipts SET state = 'queued' WHERE state = 'processing'").run().changes;

/** Back to the queue for another try (the worker died under it). */
export const requeue = (db: Db, id: number) => db.prepare("UPDATE receipts SET state = 'queued' WHERE id = ?").run(id);

export const markFailed = (db: Db, id: number, code: string, message: string, at: Date = new Date()) =>
  db.prepare("UPDATE receipts SET state = 'failed', error_code = ?, error_message = ?, settled_at = ? WHERE id = ?").run(code, message, at.toISOString(), id);

/** The operator asks for a new reading: the receipt is queued again, its previous result kept until the new one lands. */
export const queueRerun = (db: Db, id: number) =>
  db.prepare("UPDATE receipts SET state = 'queued', attempts = 0, error_code = NULL, error_message = NULL WHERE id = ? AND state IN ('done', 'failed', 'cancelled')").run(id).changes > 0;

export function stateCounts(db: Db): Record<ReceiptState, number> {
  const counts: Record<ReceiptState, number> = { queued: 0, processing: 0, done: 0, failed: 0, cancelled: 0 };
  for (const row of db.prepare('SELECT state, count(*) AS n FROM receipts GROUP BY state').all() as { state: ReceiptState; n: number }[]) counts[row.state] = row.n;
  return counts;
}
