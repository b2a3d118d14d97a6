/**
 * The dashboard's figures over a sliding window, from what is stored: reading latency
 * (p50/p95/p99 of file-to-fields time), receipts per minute, error rate (failed among settled)
 * and cache hit rate (files taken in whose bytes were already known, so nothing was read).
 */
import type { Db } from '../db/open';

export interface Metrics {
  windowMinutes: number;
  readings: number;
  latencyMs: { p50: number; p95: number; p99: number } | null;
  receiptsPerMinute: number;
  errorRate: number | null;
  cacheHitRate: number | null;
}

/** Nearest-rank percentile of sorted values. */
const percentile = (sorted: readonly number[], p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;

export function metrics(db: Db, now: Date, windowMinutes = 60): Metrics {
  const since = new Date(now.getTime() - windowMinutes * 60_000).toISOString();
  const totals = (db.prepare("SELECT json_extract(timings, '$.total') AS ms FROM ocr_runs WHERE finished_at >= ? ORDER BY ms").all(since) as { ms: number | null }[])
    .map((r) => r.ms)
    .filter((ms): ms is number => typeof ms === 'number');
  const settled = db.prepare("SELECT count(*) AS n, sum(state = 'failed') AS failed FROM receipts WHERE settled_at >= ?").get(since) as { n: number; failed: number | null };
  const intake = db.prepare('SELECT count(*) AS n, sum(i.reused) AS reused FROM batch_items i JOIN batches b ON b.id = i.batch_id WHERE b.created_at >= ?').get(since) as { n: number; reused: number | null };
  return {
    windowMinutes,
    readings: totals.length,
    latencyMs: totals.length ? { p50: percentile(totals, 50), p95: percentile(totals, 95), p99: percentile(totals, 99) } : null,
    receiptsPerMinute: settled.n / windowMinutes,
    errorRate: settled.n ? (settled.failed ?? 0) / settled.n : null,
    cacheHitRate: intake.n ? (intake.reused ?? 0) / intake.n : null,
  };
}
