/**
 * The dashboard's figures over a sliding window, from what is stored: reading latency
 * (p50/p95/p99 of file-to-fields time), receipts per minute, error rate (failed among settled),
 * duplicate rate (read receipts flagged as a payment seen before) and cache hit rate (files
 * taken in whose bytes were already known, so nothing was read); and the same over time, in
 * buckets, for the charts.
 */
import { intakeCounts, readingTimes, settledReceipts } from '../db/activity';
import type { Db } from '../db/open';

export interface Metrics {
  windowMinutes: number;
  readings: number;
  latencyMs: { p50: number; p95: number; p99: number } | null;
  receiptsPerMinute: number;
  errorRate: number | null;
  duplicateRate: number | null;
  cacheHitRate: number | null;
}

/** One bucket of the series: what settled in it, and the latency of the readings that ended in it. */
export interface MetricsBucket {
  /** The bucket's start. */
  at: string;
  receipts: number;
  errors: number;
  duplicates: number;
  latencyP50: number | null;
  latencyP95: number | null;
}

/** Bucket size for a window: about 60 to 100 points, on round minutes. */
export const bucketMinutesFor = (windowMinutes: number) => [1, 5, 15, 60, 240].find((b) => windowMinutes / b <= 100) ?? 1440;

/** Nearest-rank percentile of sorted values. */
const percentile = (sorted: readonly number[], p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;

export function metrics(db: Db, now: Date, windowMinutes = 60): Metrics {
  const since = new Date(now.getTime() - windowMinutes * 60_000).toISOString();
  const totals = readingTimes(db, since)
    .map((r) => r.ms)
    .filter((ms): ms is number => typeof ms === 'number')
    .sort((a, b) => a - b);
  const settled = settledReceipts(db, since);
  const failed = settled.filter((r) => r.failed).length;
  const read = settled.length - failed;
  const duplicates = settled.filter((r) => !r.failed && r.duplicate).length;
  const intake = intakeCounts(db, since);
  return {
    windowMinutes,
    readings: totals.length,
    latencyMs: totals.length ? { p50: percentile(totals, 50), p95: percentile(totals, 95), p99: percentile(totals, 99) } : null,
    receiptsPerMinute: settled.length / windowMinutes,
    errorRate: settled.length ? failed / settled.length : null,
    duplicateRate: read > 0 ? duplicates / read : null,
    cacheHitRate: intake.files ? intake.reused / intake.files : null,
  };
}

/**
 * The window as `ceil(window / bucketMinutes)` buckets on round minutes, the last one holding
 * `now`: receipts settled, failed and flagged duplicate, and the readings' p50/p95.
 */
export function metricsSeries(db: Db, now: Date, windowMinutes: number, bucketMinutes = bucketMinutesFor(windowMinutes)): MetricsBucket[] {
  const bucketMs = bucketMinutes * 60_000;
  const count = Math.ceil(windowMinutes / bucketMinutes);
  const first = (Math.floor(now.getTime() / bucketMs) - count + 1) * bucketMs;
  const since = new Date(first).toISOString();
  const index = (iso: string) => Math.floor((Date.parse(iso) - first) / bucketMs);
  const buckets = Array.from({ length: count }, (_, i) => ({ at: new Date(first + i * bucketMs).toISOString(), receipts: 0, errors: 0, duplicates: 0, totals: [] as number[] }));
  for (const r of settledReceipts(db, since)) {
    const b = buckets[index(r.at)];
    if (!b) continue;
    b.receipts++;
    if (r.failed) b.errors++;
    else if (r.duplicate) b.duplicates++;
  }
  for (const r of readingTimes(db, since)) if (typeof r.ms === 'number') buckets[index(r.at)]?.totals.push(r.ms);
  return buckets.map(({ totals, ...b }) => {
    totals.sort((a, c) => a - c);
    return { ...b, latencyP50: totals.length ? percentile(totals, 50) : null, latencyP95: totals.length ? percentile(totals, 95) : null };
  });
}
