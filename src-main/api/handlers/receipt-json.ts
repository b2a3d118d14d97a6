/**
 * A stored receipt as the window sees it: the list's summary (values with corrections applied,
 * its warnings) and the review's detail (fields with their boxes and sources, the last reading's
 * lines, the audit trail, the receipt it may duplicate).
 */
import * as z from 'zod';
import type { FieldSourceSchema, Fields } from '../../../src-shared/extract/types';
import type { ReceiptDetail, ReceiptSummary } from '../../../src-shared/ipc/contract';
import type { FieldName } from '../../../src-shared/receipt/fields';
import { ReadWarningSchema, type ReadWarning } from '../../../src-shared/receipt/warnings';
import type { Db } from '../../db/open';
import { fieldValues, lastReadingLines, receiptNameById, storedFields } from '../../db/receipt-views';
import { receiptBySha, type ReceiptRow } from '../../db/receipts';
import { correctionsOf } from '../../db/review';
import { verdictsOf } from '../../db/statements';
import { ApiError } from '../api-error';

/** The receipt with these bytes, or NOT_FOUND (it may have expired). */
export function receiptOrThrow(db: Db, sha256: string): ReceiptRow {
  const row = receiptBySha(db, sha256);
  if (!row) throw new ApiError('NOT_FOUND', `No receipt ${sha256.slice(0, 12)}… in this data folder (it may have expired)`);
  return row;
}

/** A stored warnings column, read defensively: a row written before the column existed is '[]'. */
function storedWarnings(json: string | undefined): ReadWarning[] {
  const parsed = z.array(ReadWarningSchema).safeParse(JSON.parse(json ?? '[]'));
  return parsed.success ? parsed.data : [];
}

/** `values`: the receipt's field values when already read for a page of the list. */
export function receiptSummary(db: Db, r: ReceiptRow, duplicateSha: string | null, values = fieldValues(db, [r.id]).get(r.id)!, payment = verdictsOf(db, [r.id]).get(r.id) ?? null): ReceiptSummary {
  return {
    sha256: r.sha256,
    file: r.original_name,
    state: r.state,
    review: r.review,
    receivedAt: r.received_at,
    expiresAt: r.expires_at,
    pinned: r.pinned === 1,
    duplicateOf: duplicateSha,
    error: r.error_code ? { code: r.error_code, message: r.error_message ?? '' } : null,
    values,
    warnings: storedWarnings(r.warnings),
    payment,
  };
}

export function receiptDetail(db: Db, r: ReceiptRow): ReceiptDetail {
  const fields: Fields = {};
  const corrected: Record<string, string> = {};
  for (const f of storedFields(db, r.id)) {
    if (f.corrected !== null) corrected[f.name] = f.corrected;
    const source = JSON.parse(f.source) as { via: string };
    // A field the operator added has no reading behind it: only its corrected value.
    if (source.via === 'operator') continue;
    fields[f.name as FieldName] = {
      value: f.value, raw: f.raw, confidence: f.confidence, box: JSON.parse(f.box) as [number, number, number, number], source: source as z.infer<typeof FieldSourceSchema>,
      ...(f.currency ? { currency: f.currency as 'VES' | 'USD' } : {}), ...(f.bank_name ? { name: f.bank_name } : {}), ...(f.note ? { note: f.note } : {}),
    };
  }
  const lines = lastReadingLines(db, r.id);
  const first = r.duplicate_of === null ? undefined : receiptNameById(db, r.duplicate_of);
  return {
    ...receiptSummary(db, r, first?.sha256 ?? null),
    duplicateOfFile: first?.original_name ?? null,
    width: r.width,
    height: r.height,
    metadata: JSON.parse(r.metadata) as ReceiptDetail['metadata'],
    fields,
    corrected,
    lines: lines ? (JSON.parse(lines) as ReceiptDetail['lines']) : [],
    corrections: correctionsOf(db, r.id).map((c) => ({ field: c.field, oldValue: c.old_value, newValue: c.new_value, at: c.at })),
  };
}
