import { describe, expect, it } from 'vitest';
import type { ImageRecord } from '../../src-shared/receipt/record';
import { openDatabase, type Db } from './open';
import { claimNext, insertReceipt, receiptById } from './receipts';
import { saveResult } from './results';
import { correctField, correctionsOf, setPinned, setReview } from './review';
import { addBatchItem, batchProgress, cancelBatch, createBatch, pauseBatch, resumeBatch } from './batches';

let made = 0;
function batchOf(db: Db, n: number, label = 'b'): { batch: number; ids: number[] } {
  const batch = createBatch(db, { at: new Date(0), label, profile: 'balanced' });
  const ids = Array.from({ length: n }, () => {
    const id = insertReceipt(db, { sha256: String(++made).padStart(64, '0'), originalName: 'x.png', ext: 'png', sizeBytes: 1, receivedAt: 't', expiresAt: 't', metadata: '{}' });
    addBatchItem(db, { batchId: batch, receiptId: id, sourcePath: 'x', reused: false });
    return id;
  });
  return { batch, ids };
}

describe('batches', () => {
  it('pause keeps receipts queued, resume releases them, cancel sets aside only what waits, as cancelled (not an error)', () => {
    const db = openDatabase(':memory:').db;
    const { batch, ids } = batchOf(db, 3);
    expect(claimNext(db)?.id).toBe(ids[0]);
    expect(pauseBatch(db, batch)).toBe(true);
    expect(claimNext(db)).toBeUndefined();
    expect(resumeBatch(db, batch)).toBe(true);
    expect(claimNext(db)?.id).toBe(ids[1]);
    expect(cancelBatch(db, batch)).toBe(1);
    expect(receiptById(db, ids[2]!)).toMatchObject({ state: 'cancelled', error_code: null, settled_at: null });
    expect(batchProgress(db, batch)).toMatchObject({ state: 'cancelled', total: 3, processing: 2, failed: 0, cancelled: 1, queued: 0 });
    expect(cancelBatch(db, batch)).toBe(0);
  });

  it('cancel leaves a receipt another running batch also holds', () => {
    const db = openDatabase(':memory:').db;
    const first = batchOf(db, 1, 'x');
    const second = createBatch(db, { at: new Date(0), label: 'y', profile: 'balanced' });
    addBatchItem(db, { batchId: second, receiptId: first.ids[0]!, sourcePath: 'x', reused: false });
    expect(cancelBatch(db, first.batch)).toBe(0);
    expect(receiptById(db, first.ids[0]!)?.state).toBe('queued');
  });
});

describe('review', () => {
  it('keeps every correction as an audit trail, and review and pin as set', () => {
    const db = openDatabase(':memory:').db;
    const { ids } = batchOf(db, 1);
    const id = ids[0]!;
    expect(() => correctField(db, id, 'monto', '2.00', new Date())).toThrow(/has not been read yet/);
    const field = { value: '1.00', raw: '1,00', confidence: 0.9, box: [0, 0, 1, 1] as [number, number, number, number], source: { via: 'inline' as const }, currency: 'VES' as const };
    const record: ImageRecord = { file: 'x', sha256: 'x', status: 'ok', fields: { monto: field }, metadata: {}, lines: [], text: '' };
    saveResult(db, id, record, { profile: 'balanced', models: [], rulesRevision: 'r', finishedAt: 't' });
    correctField(db, id, 'monto', '2.00', new Date('2026-11-23T10:00:00Z'));
    correctField(db, id, 'monto', '2.00', new Date('2026-11-23T10:01:00Z'));
    correctField(db, id, 'referencia', '555', new Date('2026-11-23T10:02:00Z'));
    correctField(db, id, 'monto', null, new Date('2026-11-23T10:03:00Z'));
    expect(correctionsOf(db, id)).toEqual([
      { field: 'monto', old_value: '1.00', new_value: '2.00', at: '2026-11-23T10:00:00.000Z' },
      { field: 'referencia', old_value: null, new_value: '555', at: '2026-11-23T10:02:00.000Z' },
      { field: 'monto', old_value: '2.00', new_value: '1.00', at: '2026-11-23T10:03:00.000Z' },
    ]);
    expect(db.prepare("SELECT corrected FROM fields WHERE receipt_id = ? AND name = 'referencia'").get(id)).toEqual({ corrected: '555' });
    // Typed back to what the OCR read: no correction (not «Corregido», not in corrected_fields).
    correctField(db, id, 'monto', '3.00', new Date('2026-11-23T10:04:00Z'));
    correctField(db, id, 'monto', '1.00', new Date('2026-11-23T10:05:00Z'));
    expect(db.prepare("SELECT corrected FROM fields WHERE receipt_id = ? AND name = 'monto'").get(id)).toEqual({ corrected: null });
    expect(correctionsOf(db, id).slice(-1)).toEqual([{ field: 'monto', old_value: '3.00', new_value: '1.00', at: '2026-11-23T10:05:00.000Z' }]);
    expect(setReview(db, id, 'flagged')).toBe(true);
    expect(setPinned(db, id, true)).toBe(true);
    expect(receiptById(db, id)).toMatchObject({ review: 'flagged', pinned: 1 });
  });
});
