/**
 * The dashboard (Ctrl+2): how the reading goes over the last hour, 6 hours or day. Tiles with
 * the window's figures, then charts per bucket: receipts per minute, p50/p95 latency, errors /
 * duplicates / worker restarts, CPU and memory. Refreshed every 5 s while shown.
 */
import { useCallback, useEffect, useState } from 'react';
import type { MetricsBucket } from '../../src-shared/ipc/contract';
import { errorText, useLocale, useT, type Messages } from '../i18n';
import type { Client } from '../ipc/client';
import { StatementsPanel } from './StatementsPanel';
import { bucketTimes, formatNumber, formatPercent, lastResources, perMinute, type ChartLine, type Metrics } from './dashboard-data';
import { TimeChart } from './TimeChart';

const WINDOWS = [60, 360, 1440] as const;
const REFRESH_MS = 5_000;
/** Line colours that read on both themes. */
const COLOURS = { blue: '#3b82f6', orange: '#f59f00', red: '#e03131', purple: '#9c36b5', teal: '#0ca678' };

/** The five charts: each a title and its lines over the buckets. */
function chartsOf(d: Messages['dashboard'], m: Metrics): { id: string; title: string; lines: ChartLine[] }[] {
  const line = (label: string, color: string, pick: (b: MetricsBucket) => number | null): ChartLine => ({ label, color, values: m.series.map(pick) });
  return [
    { id: 'throughput', title: d.chartThroughput, lines: [{ label: d.receipts, color: COLOURS.blue, values: perMinute(m, (b) => b.receipts) }] },
    { id: 'latency', title: d.chartLatency, lines: [line(d.p50, COLOURS.blue, (b) => b.latencyP50), line(d.p95, COLOURS.orange, (b) => b.latencyP95)] },
    {
      id: 'incidents',
      title: d.chartIncidents,
      lines: [line(d.errors, COLOURS.red, (b) => b.errors), line(d.duplicates, COLOURS.purple, (b) => b.duplicates), line(d.restartsSeries, COLOURS.orange, (b) => b.restarts)],
    },
    { id: 'cpu', title: d.chartCpu, lines: [line(d.core, COLOURS.teal, (b) => b.mainCpuPct), line(d.readers, COLOURS.blue, (b) => b.workersCpuPct)] },
    { id: 'memory', title: d.chartMemory, lines: [line(d.core, COLOURS.teal, (b) => b.mainRssMb), line(d.readers, COLOURS.blue, (b) => b.workersRssMb)] },
  ];
}

function Tile({ label, value, detail, testId }: { label: string; value: string; detail?: string; testId: string }) {
  return (
    <div className="tile" data-testid={testId}>
      <span className="tile-label">{label}</span>
      <strong className="tile-value">{value}</strong>
      {detail ? <small>{detail}</small> : null}
    </div>
  );
}

export function Dashboard({ client }: { client: Client }) {
  const t = useT();
  const locale = useLocale();
  const [windowMinutes, setWindowMinutes] = useState<(typeof WINDOWS)[number]>(60);
  const [metrics, setMetrics] = useState<Metrics | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const load = useCallback(async () => {
    const r = await client.invoke('metrics:get', { windowMinutes });
    if (r.ok) {
      setMetrics(r.value);
      setProblem(null);
    } else setProblem(errorText(t, r.error));
  }, [client, windowMinutes]);

  useEffect(() => {
    void load();
    const timer = setInterval(() => void load(), REFRESH_MS);
    return () => clearInterval(timer);
  }, [load]);

  const d = t.dashboard;
  const resources = metrics ? lastResources(metrics.series) : null;
  const times = metrics ? bucketTimes(metrics.series) : [];
  return (
    <main className="dashboard" aria-labelledby="dashboard-title" data-testid="dashboard">
      <header>
        <h2 id="dashboard-title">{d.title}</h2>
        <label>
          {d.window}{' '}
          <select value={windowMinutes} onChange={(e) => setWindowMinutes(Number(e.currentTarget.value) as (typeof WINDOWS)[number])}>
            {WINDOWS.map((w) => (
              <option key={w} value={w}>
                {d.windows[w]}
              </option>
            ))}
          </select>
        </label>
      </header>
      {problem ? <p className="banner" role="alert">{d.loadFailed(problem)}</p> : null}
      {metrics ? (
        <>
          <div className="tiles">
            <Tile testId="tile-rate" label={d.perMinute} value={formatNumber(metrics.receiptsPerMinute, locale, 1)} detail={d.readings(metrics.readings)} />
            <Tile testId="tile-latency" label={d.latency} value={metrics.latencyMs ? formatNumber(metrics.latencyMs.p50, locale, 0, 'ms') : d.none} detail={metrics.latencyMs ? `p95 ${formatNumber(metrics.latencyMs.p95, locale, 0, 'ms')}` : undefined} />
            <Tile testId="tile-errors" label={d.errorRate} value={formatPercent(metrics.errorRate, locale)} />
            <Tile testId="tile-duplicates" label={d.duplicateRate} value={formatPercent(metrics.duplicateRate, locale)} />
            <Tile testId="tile-restarts" label={d.restarts} value={String(metrics.workerRestarts)} />
            <Tile testId="tile-cpu" label={d.cpu} value={resources ? formatNumber(resources.cpuPct, locale, 0, '%') : d.none} />
            <Tile testId="tile-memory" label={d.memory} value={resources ? formatNumber(resources.memoryMb, locale, 0, 'MB') : d.none} />
          </div>
          <div className="charts">
            {chartsOf(d, metrics).map((c) => (
              <TimeChart key={c.id} testId={`chart-${c.id}`} title={c.title} times={times} lines={c.lines} />
            ))}
          </div>
          <p className="note">{d.sampledNote}</p>
        </>
      ) : null}
      <StatementsPanel client={client} />
    </main>
  );
}
