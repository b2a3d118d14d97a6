/**
 * What the dashboard's figures are computed from (core/metrics.ts): readings, settled receipts
 * and intake, each since a time.
 */
import type { Db } from './open';

/** File-to-fields time of each reading that ended at or after `sinceIso`, as stored (null when not recorded). */
export const readingTimes = (db: Db, sinceIso: string) =>
  db.prepare("SELECT finished_at AS at, json_extract(timings, '$.total') AS ms FROM ocr_runs WHERE finished_at >= ?").all(sinceIso) as { at: string; ms: number | null }[];

/** Receipts settled at or after `sinceIso`: when, whether they failed, whether they may repeat a payment. */
export const settledReceipts = (db: Db, sinceIso: string) =>
  (db.prepare("SELECT settled_at AS at, state = 'failed' AS failed, duplicate_of IS NOT NULL AS duplicate FROM receipts WHERE settled_at >= ?").all(sinceIso) as { at: string; failed: number; duplicate: number }[]).map(
    (r) => ({ at: r.at, failed: r.failed === 1, duplicate: r.duplicate === 1 }),
  );

/** Files taken in by batches begun at or after `sinceIso`, and how many of them were already known. */
export const intakeCounts = (db: Db, sinceIso: string) => {
  const row = db.prepare('SELECT count(*) AS n, coalesce(sum(i.reused), 0) AS reused FROM batch_items i JOIN batches b ON b.id = i.batch_id WHERE b.created_at >= ?').get(sinceIso) as { n: number; reused: number };
  return { files: row.n, reused: row.reused };
};
