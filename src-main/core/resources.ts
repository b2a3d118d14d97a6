/**
 * What the processes cost while the app runs, for the dashboard: CPU and memory of the core's
 * process and of the OCR workers, sampled every few seconds, and the workers' restarts. Kept in
 * memory by the minute for a day (they describe this run of the app, not the stored receipts,
 * so they are not written to the database). CPU is in percent of one core, as `top` shows it.
 */
import type { OcrWorkerClient } from '../ocr/parent/worker-client';

export interface ResourceSample {
  at: number;
  mainCpuPct: number;
  mainRssBytes: number;
  /** Summed over the workers alive at that moment (none: 0). */
  workersCpuPct: number;
  workersRssBytes: number;
}

/** One bucket of the dashboard's series; null where nothing was sampled in it. */
export interface ResourceBucket {
  restarts: number;
  mainCpuPct: number | null;
  mainRssMb: number | null;
  workersCpuPct: number | null;
  workersRssMb: number | null;
}

interface Minute {
  samples: number;
  mainCpu: number;
  workersCpu: number;
  mainRssMax: number;
  workersRssMax: number;
  restarts: number;
}

const MINUTE = 60_000;
const KEPT_MINUTES = 24 * 60;
const MB = 1024 * 1024;

export class ResourceHistory {
  private readonly minutes = new Map<number, Minute>();

  record(s: ResourceSample): void {
    const m = this.minute(s.at);
    m.samples++;
    m.mainCpu += s.mainCpuPct;
    m.workersCpu += s.workersCpuPct;
    m.mainRssMax = Math.max(m.mainRssMax, s.mainRssBytes);
    m.workersRssMax = Math.max(m.workersRssMax, s.workersRssBytes);
  }

  restart(at: number): void {
    this.minute(at).restarts++;
  }

  /** `count` buckets of `bucketMinutes` from `from`: CPU averaged, memory at its highest. */
  buckets(from: number, bucketMinutes: number, count: number): ResourceBucket[] {
    const first = Math.floor(from / MINUTE);
    return Array.from({ length: count }, (_, b) => {
      let samples = 0, mainCpu = 0, workersCpu = 0, mainRss = 0, workersRss = 0, restarts = 0;
      for (let k = 0; k < bucketMinutes; k++) {
        const m = this.minutes.get(first + b * bucketMinutes + k);
        if (!m) continue;
        samples += m.samples;
        mainCpu += m.mainCpu;
        workersCpu += m.workersCpu;
        mainRss = Math.max(mainRss, m.mainRssMax);
        workersRss = Math.max(workersRss, m.workersRssMax);
        restarts += m.restarts;
      }
      return samples === 0
        ? { restarts, mainCpuPct: null, mainRssMb: null, workersCpuPct: null, workersRssMb: null }
        : { restarts, mainCpuPct: mainCpu / samples, mainRssMb: mainRss / MB, workersCpuPct: workersCpu / samples, workersRssMb: workersRss / MB };
    });
  }

  private minute(at: number): Minute {
    const key = Math.floor(at / MINUTE);
    let m = this.minutes.get(key);
    if (!m) {
      m = { samples: 0, mainCpu: 0, workersCpu: 0, mainRssMax: 0, workersRssMax: 0, restarts: 0 };
      this.minutes.set(key, m);
      // Maps iterate in insertion order and minutes arrive in order: the oldest go first.
      for (const old of this.minutes.keys()) {
        if (old > key - KEPT_MINUTES) break;
        this.minutes.delete(old);
      }
    }
    return m;
  }
}

const within = <T>(promise: Promise<T>, ms: number): Promise<T | null> =>
  Promise.race([promise.catch(() => null), new Promise<null>((resolve) => setTimeout(() => resolve(null), ms).unref())]);

/**
 * Samples this process and the live workers every `everyMs` into `history`; returns the stop.
 * A worker busy in a long synchronous step answers late: that sample goes without it.
 */
export function sampleResources(history: ResourceHistory, workers: () => Iterable<OcrWorkerClient>, everyMs = 5_000, now: () => number = Date.now): () => void {
  let lastAt = now();
  let lastMain = process.cpuUsage();
  const lastWorker = new Map<number, number>();
  const timer = setInterval(() => {
    void (async () => {
      const at = now();
      const elapsedMicros = Math.max(1, (at - lastAt) * 1000);
      const main = process.cpuUsage(lastMain);
      lastMain = process.cpuUsage();
      const clients = [...workers()].filter((c) => c.alive && c.pid !== undefined);
      const stats = await Promise.all(clients.map(async (c) => ({ pid: c.pid!, stats: await within(c.stats(), Math.min(2_000, everyMs)) })));
      let workersCpuPct = 0, workersRssBytes = 0;
      for (const { pid, stats: s } of stats) {
        if (!s) continue;
        // A worker first seen in this interval counts from its start, at most the interval.
        const before = lastWorker.get(pid) ?? Math.max(0, s.cpuMicros - elapsedMicros);
        workersCpuPct += ((s.cpuMicros - before) / elapsedMicros) * 100;
        workersRssBytes += s.rssBytes;
        lastWorker.set(pid, s.cpuMicros);
      }
      for (const pid of lastWorker.keys()) if (!clients.some((c) => c.pid === pid)) lastWorker.delete(pid);
      history.record({ at, mainCpuPct: ((main.user + main.system) / elapsedMicros) * 100, mainRssBytes: process.memoryUsage.rss(), workersCpuPct, workersRssBytes });
      lastAt = at;
    })();
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
