/**
 * What the operator does to a receipt: correct a field (kept as an audit trail: old value, new
 * value, when), set its review status, pin it against retention. Each is one transaction.
 */
import type { FieldName } from '../../src-shared/receipt/fields';
import type { Db } from './open';

export type ReviewStatus = 'pending' | 'approved' | 'flagged';

/**
 * Sets the operator's value of a field (null takes the correction back to the value read). A
 * field the reading did not find can be added: it has no box and no reading of its own.
 */
export function correctField(db: Db, receiptId: number, field: FieldName, value: string | null, at: Date): void {
  db.transaction(() => {
    const current = db.prepare('SELECT value, corrected FROM fields WHERE receipt_id = ? AND name = ?').get(receiptId, field) as { value: string; corrected: string | null } | undefined;
    const before = current ? (current.corrected ?? current.value) : null;
    if (before === (value ?? current?.value ?? null)) return;
    // Typed back to what the OCR read: no correction any more (the audit trail keeps both steps).
    if (current) db.prepare('UPDATE fields SET corrected = ? WHERE receipt_id = ? AND name = ?').run(value === current.value ? null : value, receiptId, field);
    else {
      if (value === null) return;
      const run = db.prepare('SELECT max(id) AS id FROM ocr_runs WHERE receipt_id = ?').get(receiptId) as { id: number | null };
      if (run.id === null) throw new Error(`Receipt ${receiptId} has not been read yet: there is nothing to correct`);
      db.prepare("INSERT INTO fields (receipt_id, run_id, name, value, raw, confidence, box, source, corrected) VALUES (?, ?, ?, '', '', 0, '[0,0,0,0]', '{\"via\":\"operator\"}', ?)").run(receiptId, run.id, field, value);
    }
    db.prepare('INSERT INTO corrections (receipt_id, field, old_value, new_value, at) VALUES (?, ?, ?, ?, ?)').run(receiptId, field, before, value ?? current?.value ?? null, at.toISOString());
  })();
}

export const setReview = (db: Db, receiptId: number, status: ReviewStatus) => db.prepare('UPDATE receipts SET review = ? WHERE id = ?').run(status, receiptId).changes > 0;

export const setPinned = (db: Db, receiptId: number, pinned: boolean) => db.prepare('UPDATE receipts SET pinned = ? WHERE id = ?').run(pinned ? 1 : 0, receiptId).changes > 0;

export const correctionsOf = (db: Db, receiptId: number) =>
  db.prepare('SELECT field, old_value, new_value, at FROM corrections WHERE receipt_id = ? ORDER BY id').all(receiptId) as { field: string; old_value: string | null; new_value: string | null; at: string }[];
