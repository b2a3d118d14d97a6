/**
 * What the window shows of receipts, read from the store: field values with corrections applied
 * (for a page of the list in one query), one receipt's stored fields and last reading's lines,
 * and the receipt a possible duplicate repeats.
 */
import type { Db } from './open';
import type { ReceiptState } from './receipts';

export interface StoredField {
  name: string;
  value: string;
  raw: string;
  confidence: number;
  /** JSON of the box and of the source, as saveResult wrote them. */
  box: string;
  source: string;
  currency: string | null;
  bank_name: string | null;
  note: string | null;
  corrected: string | null;
}

/** Field values with the operator's corrections applied, per receipt id. */
export function fieldValues(db: Db, ids: readonly number[]): Map<number, Record<string, string>> {
  const out = new Map<number, Record<string, string>>(ids.map((id) => [id, {}]));
  if (ids.length === 0) return out;
  const rows = db.prepare(`SELECT receipt_id, name, coalesce(corrected, value) AS v FROM fields WHERE receipt_id IN (${ids.map(() => '?').join(', ')})`).all(...ids) as { receipt_id: number; name: string; v: string }[];
  for (const f of rows) out.get(f.receipt_id)![f.name] = f.v;
  return out;
}

/** Field values with corrections applied, for every receipt that has fields. */
export function allFieldValues(db: Db): Map<number, Record<string, string>> {
  const out = new Map<number, Record<string, string>>();
  for (const f of db.prepare('SELECT receipt_id, name, coalesce(corrected, value) AS v FROM fields ORDER BY receipt_id, name').all() as { receipt_id: number; name: string; v: string }[]) {
    const of = out.get(f.receipt_id) ?? {};
    of[f.name] = f.v;
    out.set(f.receipt_id, of);
  }
  return out;
}

export interface ReceiptOutline {
  id: number;
  sha256: string;
  original_name: string;
  state: ReceiptState;
  error_code: string | null;
  error_message: string | null;
  expires_at: string;
  /** The sha256 of the receipt this one may duplicate. */
  duplicate_sha: string | null;
}

/** Every receipt in the order taken in, for `receipt-ocr status`. */
export const receiptOutlines = (db: Db) =>
  db
    .prepare(
      `SELECT r.id, r.sha256, r.original_name, r.state, r.error_code, r.error_message, r.expires_at, d.sha256 AS duplicate_sha
       FROM receipts r LEFT JOIN receipts d ON d.id = r.duplicate_of ORDER BY r.id`,
    )
    .all() as ReceiptOutline[];

export const storedFields = (db: Db, receiptId: number) => db.prepare('SELECT * FROM fields WHERE receipt_id = ?').all(receiptId) as StoredField[];

/** The lines of the receipt's last reading, as JSON, or undefined when it was never read. */
export const lastReadingLines = (db: Db, receiptId: number) =>
  (db.prepare('SELECT lines FROM ocr_runs WHERE receipt_id = ? ORDER BY id DESC LIMIT 1').get(receiptId) as { lines: string } | undefined)?.lines;

export const receiptNameById = (db: Db, id: number) => db.prepare('SELECT sha256, original_name FROM receipts WHERE id = ?').get(id) as { sha256: string; original_name: string } | undefined;
