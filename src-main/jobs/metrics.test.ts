import { describe, expect, it } from 'vitest';
import { openDatabase } from '../db/open';
import { insertReceipt, markFailed } from '../db/receipts';
import { metrics } from './metrics';

describe('dashboard metrics', () => {
  it('come from stored timings, settlements and intake inside the window only', () => {
    const db = openDatabase(':memory:').db;
    const now = new Date('2026-11-23T12:00:00Z');
    const batch = Number(db.prepare("INSERT INTO batches (created_at, label, profile) VALUES ('2026-11-23T11:30:00.000Z', 'b', 'balanced')").run().lastInsertRowid);
    for (let i = 1; i <= 100; i++) {
      const id = insertReceipt(db, { sha256: String(i).padStart(64, '0'), originalName: 'x', ext: 'png', sizeBytes: 1, receivedAt: 't', expiresAt: 't', metadata: '{}' });
      db.prepare('INSERT INTO batch_items (batch_id, receipt_id, source_path, reused) VALUES (?, ?, ?, ?)').run(batch, id, 'x', i <= 10 ? 1 : 0);
      // Readings of 1..100 ms in the window; one old reading outside it.
      const at = i === 100 ? '2026-11-23T09:00:00.000Z' : '2026-11-23T11:45:00.000Z';
      db.prepare("INSERT INTO ocr_runs (receipt_id, profile, models, rules_revision, finished_at, timings, text, lines) VALUES (?, 'balanced', '[]', 'r', ?, ?, '', '[]')").run(id, at, JSON.stringify({ total: i }));
      if (i <= 5) markFailed(db, id, 'CORRUPT_IMAGE', 'x', new Date('2026-11-23T11:50:00Z'));
      else db.prepare("UPDATE receipts SET state = 'done', settled_at = ? WHERE id = ?").run(at, id);
    }
    const m = metrics(db, now, 60);
    expect(m.readings).toBe(99);
    expect(m.latencyMs).toEqual({ p50: 50, p95: 95, p99: 99 });
    expect(m.receiptsPerMinute).toBeCloseTo(99 / 60);
    expect(m.errorRate).toBeCloseTo(5 / 99);
    expect(m.cacheHitRate).toBeCloseTo(0.1);
    expect(metrics(db, new Date('2026-11-25T00:00:00Z'))).toMatchObject({ readings: 0, latencyMs: null, errorRate: null, cacheHitRate: null });
  });
});
