/**
 * Rows that tests and benchmarks write or read directly: states the app reaches only by reading
 * images (readings with a given time, settled receipts), counts the app never needs, and
 * conditions it must survive (a database that cannot grow, an altered schema). Never imported by
 * the app itself.
 */
import Database from 'better-sqlite3';
import type { Db } from './open';

/** A minimal reading of a receipt, finished at `finishedAt` after `totalMs`; returns its id. */
export function addReading(db: Db, r: { receiptId: number; finishedAt: string; totalMs: number; profile?: string }): number {
  const sql = "INSERT INTO ocr_runs (receipt_id, profile, models, rules_revision, finished_at, timings, text, lines) VALUES (?, ?, '[]', 'r', ?, ?, '', '[]')";
  return Number(db.prepare(sql).run(r.receiptId, r.profile ?? 'balanced', r.finishedAt, JSON.stringify({ total: r.totalMs })).lastInsertRowid);
}

/** Sets a receipt's outcome as the queue would. */
export const settleAs = (db: Db, id: number, s: { state: 'done' | 'failed'; settledAt: string; duplicateOf?: number | null }) =>
  db.prepare('UPDATE receipts SET state = ?, settled_at = ?, duplicate_of = ? WHERE id = ?').run(s.state, s.settledAt, s.duplicateOf ?? null, id);

/** Readings per receipt, by sha256, in the order taken in. */
export const readingsPerReceipt = (db: Db) =>
  db.prepare('SELECT r.sha256, count(o.id) AS runs FROM receipts r LEFT JOIN ocr_runs o ON o.receipt_id = r.id GROUP BY r.id ORDER BY r.id').all() as { sha256: string; runs: number }[];

/** Readings made with a profile. */
export const readingsWithProfile = (db: Db, profile: string) => db.prepare('SELECT count(*) FROM ocr_runs WHERE profile = ?').pluck().get(profile) as number;

/** The sweeps recorded, oldest first. */
export const sweepRecords = (db: Db) =>
  db.prepare('SELECT at, as_of, receipts, runs, fields, corrections, images FROM sweeps ORDER BY id').all() as { at: string; as_of: string; receipts: number; runs: number; fields: number; corrections: number; images: number }[];

/** From now on the database cannot grow by a single page, as on a full disk. */
export function stopGrowth(db: Db): void {
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.pragma(`max_page_count = ${db.pragma('page_count', { simple: true }) as number}`);
}

/** Alters an index's stored definition in a closed database file, which only `integrity_check` notices. */
export function alterIndexDefinition(file: string): void {
  const db = new Database(file);
  try {
    db.unsafeMode(true);
    db.pragma('writable_schema = ON');
    db.prepare("UPDATE sqlite_master SET sql = 'CREATE INDEX receipts_received ON receipts (original_name)' WHERE name = 'receipts_received'").run();
  } finally {
    db.close();
  }
}

/** A correction in the audit trail alone, as one made before the receipt's fields were read again. */
export const addCorrectionRecord = (db: Db, receiptId: number, c: { field: string; from: string; to: string; at: string }) =>
  db.prepare('INSERT INTO corrections (receipt_id, field, old_value, new_value, at) VALUES (?, ?, ?, ?, ?)').run(receiptId, c.field, c.from, c.to, c.at);

/** The file's size in MiB, from its pages. */
export const databaseMiB = (db: Db) => (db.prepare('SELECT page_count * page_size FROM pragma_page_count(), pragma_page_size()').pluck().get() as number) / 2 ** 20;

/**
 * Writers for a large synthetic history (the history benchmark): statements prepared once, run
 * in the caller's transaction (`db.transaction`'s, through `inOneTransaction`).
 */
export function historyWriter(db: Db) {
  const reading = db.prepare("INSERT INTO ocr_runs (receipt_id, profile, models, rules_revision, finished_at, timings, text, lines) VALUES (?, 'balanced', '[]', 'r', ?, ?, '', '[]')");
  const field = db.prepare('INSERT INTO fields (receipt_id, run_id, name, value, raw, confidence, box, source) VALUES (?, ?, ?, ?, ?, 0.95, ?, ?)');
  const settled = db.prepare('UPDATE receipts SET state = ?, review = ?, dedupe_key = ?, duplicate_of = ?, settled_at = ? WHERE id = ?');
  return {
    reading: (receiptId: number, at: string, totalMs: number) => Number(reading.run(receiptId, at, JSON.stringify({ total: totalMs })).lastInsertRowid),
    field: (f: { receiptId: number; runId: number; name: string; value: string; box: string; source: string }) => field.run(f.receiptId, f.runId, f.name, f.value, f.value, f.box, f.source),
    settled: (s: { id: number; state: 'done' | 'failed'; review: string; dedupeKey: string; duplicateOf: number | null; at: string }) => settled.run(s.state, s.review, s.dedupeKey, s.duplicateOf, s.at, s.id),
    inOneTransaction: (write: () => void) => db.transaction(write)(),
    optimize: () => db.pragma('optimize'),
  };
}
