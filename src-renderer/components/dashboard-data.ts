/**
 * The dashboard's figures as the charts and tiles want them: pure functions of `metrics:get`'s
 * answer, so they are tested without a canvas.
 */
import type { MetricsBucket, Res } from '../../src-shared/ipc/contract';

export type Metrics = Res<'metrics:get'>;

export interface ChartLine {
  label: string;
  /** A CSS colour; the canvas cannot read the stylesheet's variables by itself. */
  color: string;
  values: (number | null)[];
}

/** The x axis: each bucket's start, in seconds (uPlot's time scale). */
export const bucketTimes = (series: readonly MetricsBucket[]) => series.map((b) => Date.parse(b.at) / 1000);

/** Receipts per minute in each bucket (a bucket may span several minutes). */
export const perMinute = (m: Metrics, pick: (b: MetricsBucket) => number) => m.series.map((b) => pick(b) / m.bucketMinutes);

/** CPU and memory as last sampled: the core's process and the readers together. */
export function lastResources(series: readonly MetricsBucket[]): { cpuPct: number; memoryMb: number } | null {
  for (let i = series.length - 1; i >= 0; i--) {
    const b = series[i]!;
    if (b.mainCpuPct !== null && b.mainRssMb !== null) return { cpuPct: b.mainCpuPct + (b.workersCpuPct ?? 0), memoryMb: b.mainRssMb + (b.workersRssMb ?? 0) };
  }
  return null;
}

export const formatPercent = (rate: number | null, locale: string) =>
  rate === null ? '—' : new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: rate < 0.1 && rate > 0 ? 1 : 0 }).format(rate);

export const formatNumber = (n: number | null, locale: string, digits = 0, unit = '') =>
  n === null ? '—' : `${new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(n)}${unit ? ` ${unit}` : ''}`;

/** Indices of the values whose neighbours are both missing: a line cannot show them, a dot can. */
export const isolated = (values: readonly (number | null | undefined)[]) =>
  values.flatMap((v, i) => (v !== null && v !== undefined && (values[i - 1] ?? null) === null && (values[i + 1] ?? null) === null ? [i] : []));
