/**
 * Retention's queries: the receipts past their time leave with everything read from them, and
 * the `sweeps` table keeps what went as counts, never contents (core/retention.ts runs the sweep).
 */
import type { Db } from './open';

export interface SweptCounts {
  receipts: number;
  runs: number;
  fields: number;
  corrections: number;
}

const EXPIRED = 'SELECT id FROM receipts WHERE pinned = 0 AND expires_at <= ?';

/**
 * Deletes, in one transaction, the receipts not pinned whose `expires_at` is at or before
 * `asOfIso`; cascades take their runs, fields, corrections and batch items. Returns what went and
 * the images the caller must now remove.
 */
export function deleteExpired(db: Db, asOfIso: string): { counts: SweptCounts; images: { sha256: string; ext: string }[] } {
  const count = (table: string) => db.prepare(`SELECT count(*) FROM ${table} WHERE receipt_id IN (${EXPIRED})`).pluck().get(asOfIso) as number;
  return db.transaction(() => {
    const images = db.prepare(`SELECT sha256, ext FROM receipts WHERE id IN (${EXPIRED})`).all(asOfIso) as { sha256: string; ext: string }[];
    const counts: SweptCounts = { receipts: images.length, runs: count('ocr_runs'), fields: count('fields'), corrections: count('corrections') };
    db.prepare(`DELETE FROM receipts WHERE id IN (${EXPIRED})`).run(asOfIso);
    return { counts, images };
  })();
}

export const recordSweep = (db: Db, s: SweptCounts & { at: string; asOf: string; images: number }) =>
  db.prepare('INSERT INTO sweeps (at, as_of, receipts, runs, fields, corrections, images) VALUES (?, ?, ?, ?, ?, ?, ?)').run(s.at, s.asOf, s.receipts, s.runs, s.fields, s.corrections, s.images);

/** The image hashes some receipt still refers to. */
export const referencedImages = (db: Db): Set<string> => new Set(db.prepare('SELECT sha256 FROM receipts').pluck().all() as string[]);
