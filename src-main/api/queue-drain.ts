/**
 * "The batch is done": the queue had work and now has none left. The Electron shell turns this
 * into a native notification, so an operator who dropped 300 receipts can go on with something
 * else; counted from the service's events, so it knows nothing of windows.
 */
import { stateCounts } from '../db/receipts';
import type { AppService } from './service';

export interface DrainReport {
  done: number;
  failed: number;
}

export function onQueueDrained(service: AppService, listener: (report: DrainReport) => void): () => void {
  let report: DrainReport = { done: 0, failed: 0 };
  return service.on((channel) => {
    if (channel === 'job:done') report.done++;
    else if (channel === 'job:failed') report.failed++;
    else return;
    const counts = stateCounts(service.core.db);
    if (counts.queued + counts.processing > 0) return;
    const finished = report;
    report = { done: 0, failed: 0 };
    listener(finished);
  });
}
