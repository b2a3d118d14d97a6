/**
 * The history in the order people read it: the newest batch first, and within a batch its files
 * in natural order ("whatsapp_23" before "whatsapp_229"), or the whole history by name. Receipts
 * get `name_order`, the key of src-shared/receipt/name-order.ts (built so that descending is
 * natural A to Z), and the history's indexes end with it, so every order the list asks for is
 * still one walk down an index, however deep the page.
 */
import { nameOrder } from '../../../src-shared/receipt/name-order';
import type { Db } from '../open';

const INDEXES = `
DROP INDEX receipts_received;
DROP INDEX receipts_state_review_received;
DROP INDEX receipts_review_received;
DROP INDEX receipts_state_review_queue;
DROP INDEX receipts_review_queue;
DROP INDEX receipts_duplicates;
CREATE INDEX receipts_received ON receipts (received_at, name_order);
CREATE INDEX receipts_state_review_received ON receipts (state, review, received_at, name_order);
CREATE INDEX receipts_review_received ON receipts (review, received_at, name_order);
CREATE INDEX receipts_state_review_queue ON receipts (state, review, warned, received_at, name_order);
CREATE INDEX receipts_review_queue ON receipts (review, warned, received_at, name_order);
CREATE INDEX receipts_duplicates ON receipts (received_at, name_order) WHERE duplicate_of IS NOT NULL;
CREATE INDEX receipts_name_order ON receipts (name_order);
`;

export function migration0009(db: Db): void {
  db.exec("ALTER TABLE receipts ADD COLUMN name_order TEXT NOT NULL DEFAULT ''");
  const set = db.prepare('UPDATE receipts SET name_order = ? WHERE id = ?');
  // Read whole first: better-sqlite3 cannot write while a statement is still reading.
  for (const r of db.prepare('SELECT id, original_name FROM receipts').all() as { id: number; original_name: string }[]) set.run(nameOrder(r.original_name), r.id);
  db.exec(INDEXES);
}
