import { describe, expect, it } from 'vitest';
import { openDatabase } from '../db/open';
import { addBatchItem, createBatch } from '../db/batches';
import { addReading, settleAs } from '../db/fixtures';
import { insertReceipt, markFailed } from '../db/receipts';
import { bucketMinutesFor, metrics, metricsSeries } from './metrics';

describe('dashboard metrics', () => {
  it('come from stored timings, settlements and intake inside the window only', () => {
    const db = openDatabase(':memory:').db;
    const now = new Date('2026-11-23T12:00:00Z');
    const batch = createBatch(db, { at: new Date('2026-11-23T11:30:00.000Z'), label: 'b', profile: 'balanced' });
    for (let i = 1; i <= 100; i++) {
      const id = insertReceipt(db, { sha256: String(i).padStart(64, '0'), originalName: 'x', ext: 'png', sizeBytes: 1, receivedAt: 't', expiresAt: 't', metadata: '{}' });
      addBatchItem(db, { batchId: batch, receiptId: id, sourcePath: 'x', reused: i <= 10 });
      // Readings of 1..100 ms in the window; one old reading outside it.
      const at = i === 100 ? '2026-11-23T09:00:00.000Z' : '2026-11-23T11:45:00.000Z';
      addReading(db, { receiptId: id, finishedAt: at, totalMs: i });
      if (i <= 5) markFailed(db, id, 'CORRUPT_IMAGE', 'x', new Date('2026-11-23T11:50:00Z'));
      else settleAs(db, id, { state: 'done', settledAt: at });
    }
    const m = metrics(db, now, 60);
    expect(m.readings).toBe(99);
    expect(m.latencyMs).toEqual({ p50: 50, p95: 95, p99: 99 });
    expect(m.receiptsPerMinute).toBeCloseTo(99 / 60);
    expect(m.errorRate).toBeCloseTo(5 / 99);
    expect(m.cacheHitRate).toBeCloseTo(0.1);
    expect(metrics(db, new Date('2026-11-25T00:00:00Z'))).toMatchObject({ readings: 0, latencyMs: null, errorRate: null, cacheHitRate: null });
  });

  it('give the same figures per bucket for the charts, on round minutes, the last bucket holding now', () => {
    const db = openDatabase(':memory:').db;
    const now = new Date('2026-11-23T12:00:30Z');
    const add = (n: number, settledAt: string, state: 'done' | 'failed', ms: number | null, duplicateOf: number | null = null) => {
      const id = insertReceipt(db, { sha256: String(n).padStart(64, '0'), originalName: 'x', ext: 'png', sizeBytes: 1, receivedAt: 't', expiresAt: 't', metadata: '{}' });
      settleAs(db, id, { state, settledAt, duplicateOf });
      if (ms !== null) addReading(db, { receiptId: id, finishedAt: settledAt, totalMs: ms });
      return id;
    };
    const first = add(1, '2026-11-23T11:58:10.000Z', 'done', 100);
    add(2, '2026-11-23T11:58:50.000Z', 'done', 300, first);
    add(3, '2026-11-23T12:00:05.000Z', 'failed', null);
    add(4, '2026-11-23T12:00:20.000Z', 'done', 200);
    // Outside the 5-minute window: not counted.
    add(5, '2026-11-23T11:50:00.000Z', 'done', 999);

    const series = metricsSeries(db, now, 5, 1);
    expect(series.map((b) => b.at)).toEqual(['11:56', '11:57', '11:58', '11:59', '12:00'].map((hm) => `2026-11-23T${hm}:00.000Z`));
    expect(series.map((b) => [b.receipts, b.errors, b.duplicates, b.latencyP50, b.latencyP95])).toEqual([
      [0, 0, 0, null, null],
      [0, 0, 0, null, null],
      [2, 0, 1, 100, 300],
      [0, 0, 0, null, null],
      [2, 1, 0, 200, 200],
    ]);
    expect(metrics(db, now, 5)).toMatchObject({ readings: 3, errorRate: 1 / 4, duplicateRate: 1 / 3 });
    // About 60 to 100 points whatever the window.
    expect([60, 360, 1440, 10080].map(bucketMinutesFor)).toEqual([1, 5, 15, 240]);
  });
});
