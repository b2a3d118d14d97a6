/**
 * The receipts an export writes (core/export.ts): each with its last reading, its fields in the
 * app's order and the receipt it may duplicate, filtered as the window or the CLI asks.
 */
import { FIELD_NAMES } from '../../src-shared/receipt/fields';
import type { Line } from '../../src-shared/ocr/types';
import type { Db } from './open';
import type { ReceiptState } from './receipts';
import { matchingIds, type SearchQuery } from './search';
import { reconciliationsBySha, type ReceiptReconciliation } from './statements';

export interface ExportFilter {
  states?: readonly ReceiptState[];
  review?: readonly ('pending' | 'approved' | 'flagged')[];
  /** Only these receipts (a selection in the window). */
  sha256?: readonly string[];
  /** Those the history's search and filters show. */
  query?: SearchQuery;
}

export interface FieldRow {
  name: string;
  value: string;
  raw: string;
  confidence: number;
  box: string;
  currency: string | null;
  bank_name: string | null;
  corrected: string | null;
}

export interface ExportReceipt {
  sha256: string;
  file: string;
  state: ReceiptState;
  review: string;
  receivedAt: string;
  expiresAt: string;
  duplicateOf: string | null;
  error: { code: string; message: string } | null;
  metadata: Record<string, unknown>;
  run: { profile: string; finishedAt: string; totalMs: number; models: string; text: string; lines: Line[] } | null;
  fields: FieldRow[];
  /** What the bank statements kept show of its payment; null while none decides it. */
  reconciliation: ReceiptReconciliation | null;
}

export function exportRows(db: Db, filter: ExportFilter = {}): ExportReceipt[] {
  const where: string[] = [];
  const args: (string | number)[] = [];
  const within = (column: string, values: readonly string[] | undefined) => {
    if (!values) return;
    where.push(values.length === 0 ? '0' : `${column} IN (${values.map(() => '?').join(', ')})`);
    args.push(...values);
  };
  within('r.state', filter.states);
  within('r.review', filter.review);
  within('r.sha256', filter.sha256);
  if (filter.query) {
    const matching = matchingIds(filter.query);
    where.push(`r.id IN (${matching.sql})`);
    args.push(...matching.args);
  }
  const receipts = db
    .prepare(
      `SELECT r.id, r.sha256, r.original_name, r.state, r.review, r.received_at, r.expires_at, r.error_code, r.error_message, r.metadata, d.sha256 AS duplicate_sha,
              o.profile, o.finished_at, o.timings, o.models, o.text, o.lines
       FROM receipts r
       LEFT JOIN receipts d ON d.id = r.duplicate_of
       LEFT JOIN ocr_runs o ON o.id = (SELECT max(id) FROM ocr_runs WHERE receipt_id = r.id)
       ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY r.id`,
    )
    .all(...args) as Record<string, string | number | null>[];
  const reconciliations = reconciliationsBySha(db);
  const fieldsOf = db.prepare('SELECT name, value, raw, confidence, box, currency, bank_name, corrected FROM fields WHERE receipt_id = ?');
  return receipts.map((r) => ({
    sha256: String(r.sha256),
    file: String(r.original_name),
    state: r.state as ReceiptState,
    review: String(r.review),
    receivedAt: String(r.received_at),
    expiresAt: String(r.expires_at),
    duplicateOf: r.duplicate_sha === null ? null : String(r.duplicate_sha),
    error: r.error_code === null ? null : { code: String(r.error_code), message: String(r.error_message ?? '') },
    metadata: JSON.parse(String(r.metadata)) as Record<string, unknown>,
    run:
      r.profile === null
        ? null
        : {
            profile: String(r.profile),
            finishedAt: String(r.finished_at),
            totalMs: (JSON.parse(String(r.timings)) as { total?: number }).total ?? 0,
            models: (JSON.parse(String(r.models)) as { id: string }[]).map((m) => m.id).join('+'),
            text: String(r.text),
            lines: JSON.parse(String(r.lines)) as Line[],
          },
    fields: (fieldsOf.all(r.id) as FieldRow[]).sort((a, b) => fieldOrder(a.name) - fieldOrder(b.name)),
    reconciliation: reconciliations.get(String(r.sha256)) ?? null,
  }));
}

const fieldOrder = (name: string) => (FIELD_NAMES as readonly string[]).indexOf(name);
