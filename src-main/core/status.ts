/** What the data folder holds, for `receipt-ocr status` and the dashboard. */
import { RECEIPT_STATES, stateCounts, type ReceiptState } from '../db/receipts';
import { allFieldValues, receiptOutlines } from '../db/receipt-views';
import type { Db } from '../db/open';
import { reconciliationsBySha, type ReceiptReconciliation } from '../db/statements';

export interface StatusReport {
  counts: Record<ReceiptState, number>;
  /** Receipts flagged as a possible second copy of a payment already taken in. */
  duplicates: number;
  receipts: { sha256: string; file: string; state: ReceiptState; fields: Record<string, string>; duplicate_of: string | null; error: { code: string; message: string } | null; expires_at: string;
    /** What the bank statements kept show of its payment; null while none decides it. */
    reconciliation: ReceiptReconciliation | null;
  }[];
}

export function statusReport(db: Db): StatusReport {
  const rows = receiptOutlines(db);
  // The operator's value wins over the one read.
  const fields = allFieldValues(db);
  const counts = stateCounts(db);
  const reconciliations = reconciliationsBySha(db);
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
      reconciliation: reconciliations.get(r.sha256) ?? null,
    })),
  };
}
