/** What leaves the history: exports (JSON, CSV) and the dashboard's figures. */
import { exportRows } from '../../db/export-rows';
import { csvExport, legacyJson } from '../../core/export';
import { bucketMinutesFor, metrics, metricsSeries } from '../../core/metrics';
import type { AppService } from '../service';
import type { HandlersOf } from './types';

export function reportHandlers(service: AppService): HandlersOf<'export:run' | 'metrics:get'> {
  const { db } = service.core;
  return {
    'export:run': async (req) => {
      const rows = exportRows(db, { ...(req.sha256 ? { sha256: req.sha256 } : {}), ...(req.states ? { states: req.states } : {}), ...(req.query ? { query: req.query } : {}) });
      const stamp = new Date().toISOString().slice(0, 16).replace(/[:T]/g, '-');
      return req.format === 'json'
        ? { fileName: `recibo-${stamp}.json`, mime: 'application/json', text: legacyJson(rows, new Date()) }
        : { fileName: `recibo-${stamp}.csv`, mime: 'text/csv', text: csvExport(rows, req.delimiter ?? ',') };
    },
    'metrics:get': async (req) => {
      const now = new Date();
      const windowMinutes = req.windowMinutes ?? 60;
      const bucketMinutes = bucketMinutesFor(windowMinutes);
      const stored = metricsSeries(db, now, windowMinutes, bucketMinutes);
      const resources = service.resources.buckets(Date.parse(stored[0]!.at), bucketMinutes, stored.length);
      const series = stored.map((b, i) => ({ ...b, ...resources[i]! }));
      return { ...metrics(db, now, windowMinutes), bucketMinutes, workerRestarts: series.reduce((n, b) => n + b.restarts, 0), series };
    },
  };
}
