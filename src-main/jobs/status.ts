/** What the data folder holds, for `receipt-ocr status` and the dashboard. */
import { RECEIPT_STATES, stateCounts, type ReceiptState } from '../db/receipts';
import type { Db } from '../db/open';

export interface StatusReport {
  counts: Record<ReceiptState, number>;
  /** Receipts flagged as a possible second copy of a payment already taken in. */
  duplicates: number;
  receipts: { sha256: string; file: string; state: ReceiptState; fields: Record<string, string>; duplicate_of: string | null; error: { code: string; message: string } | null; expires_at: string }[];
}

export function statusReport(db: Db): StatusReport {
  const rows = db
    .prepare(
      `SELECT r.id, r.sha256, r.original_name, r.state, r.error_code, r.error_message, r.expires_at, d.sha256 AS duplicate_sha
       FROM receipts r LEFT JOIN receipts d ON d.id = r.duplicate_of ORDER BY r.id`,
    )
    .all() as { id: number; sha256: string; original_name: string; state: ReceiptState; error_code: string | null; error_message: string | null; expires_at: string; duplicate_sha: string | null }[];
  const fields = new Map<number, Record<string, string>>();
  // The operator's value wins over the one read.
  for (const f of db.prepare('SELECT receipt_id, name, coalesce(corrected, value) AS value FROM fields ORDER BY receipt_id, name').all() as { receipt_id: number; name: string; value: string }[]) {
    const of = fields.get(f.receipt_id) ?? {};
    of[f.name] = f.value;
    fields.set(f.receipt_id, of);
  }
  const counts = stateCounts(db);
  return {
    counts: Object.fromEntries(RECEIPT_STATES.map((s) => [s, counts[s]])) as Record<ReceiptState, number>,
    duplicates: rows.filter((r) => r.duplicate_sha !== null).length,
    receipts: rows.map((r) => ({
      sha256: r.sha256,
      file: r.original_name,
      state: r.state,
      fields: fields.get(r.id) ?? {},
      duplicate_of: r.duplicate_sha,
      error: r.error_code ? { code: r.error_code, message: r.error_message ?? '' } : null,
      expires_at: r.expires_at,
    })),
  };
}
