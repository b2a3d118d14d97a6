import { describe, expect, it } from 'vitest';
import type { MetricsBucket } from '../../src-shared/ipc/contract';
import { bucketTimes, formatNumber, formatPercent, isolated, lastResources, perMinute, type Metrics } from './dashboard-data';

const bucket = (at: string, over: Partial<MetricsBucket> = {}): MetricsBucket => ({
  at, receipts: 0, errors: 0, duplicates: 0, latencyP50: null, latencyP95: null, restarts: 0, mainCpuPct: null, mainRssMb: null, workersCpuPct: null, workersRssMb: null, ...over,
});

describe('the dashboard’s figures', () => {
  const series = [
    bucket('2026-11-23T10:00:00.000Z', { receipts: 30, mainCpuPct: 5, mainRssMb: 120, workersCpuPct: 180, workersRssMb: 400 }),
    bucket('2026-11-23T10:05:00.000Z', { receipts: 10, mainCpuPct: 3, mainRssMb: 125, workersCpuPct: null, workersRssMb: null }),
    bucket('2026-11-23T10:10:00.000Z'),
  ];
  const metrics = { bucketMinutes: 5, series } as Metrics;

  it('put the buckets on uPlot’s time axis and count receipts per minute whatever the bucket size', () => {
    expect(bucketTimes(series)).toEqual([1795428000, 1795428300, 1795428600]);
    expect(perMinute(metrics, (b) => b.receipts)).toEqual([6, 2, 0]);
  });

  it('take CPU and memory from the last sampled bucket, the readers added when they were alive', () => {
    expect(lastResources(series)).toEqual({ cpuPct: 3, memoryMb: 125 });
    expect(lastResources(series.slice(0, 1))).toEqual({ cpuPct: 185, memoryMb: 520 });
    expect(lastResources([bucket('2026-11-23T10:00:00.000Z')])).toBeNull();
  });

  it('write rates and numbers as each language does, and a dash for what is unknown', () => {
    expect(formatPercent(0.25, 'es-VE')).toMatch(/^25\s?%$/);
    expect(formatPercent(0.034, 'en-US')).toBe('3.4%');
    expect(formatPercent(null, 'es-VE')).toBe('—');
    expect(formatNumber(1234.5, 'es-VE', 1, 'ms')).toBe('1.234,5 ms');
    expect(formatNumber(1234.5, 'en-US', 0)).toBe('1,235');
  });

  it('mark the values a line cannot show (no neighbour) to be drawn as dots', () => {
    expect(isolated([null, 3, null, 4, 5, null, 0])).toEqual([1, 6]);
    expect(isolated([1])).toEqual([0]);
  });
});
