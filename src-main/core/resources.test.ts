import { describe, expect, it } from 'vitest';
import { ResourceHistory } from './resources';

const MB = 1024 * 1024;
const at = (hm: string, s = 0) => Date.parse(`2026-11-23T${hm}:${String(s).padStart(2, '0')}.000Z`);

describe('the processes’ CPU and memory, by the minute', () => {
  it('averages CPU and keeps the highest memory per bucket, with the restarts; nothing where nothing was sampled', () => {
    const h = new ResourceHistory();
    h.record({ at: at('10:00', 5), mainCpuPct: 10, mainRssBytes: 100 * MB, workersCpuPct: 150, workersRssBytes: 300 * MB });
    h.record({ at: at('10:00', 10), mainCpuPct: 20, mainRssBytes: 120 * MB, workersCpuPct: 50, workersRssBytes: 200 * MB });
    h.record({ at: at('10:01', 0), mainCpuPct: 30, mainRssBytes: 110 * MB, workersCpuPct: 0, workersRssBytes: 0 });
    h.restart(at('10:01', 30));
    h.restart(at('10:03', 0));

    expect(h.buckets(at('10:00'), 1, 4)).toEqual([
      { restarts: 0, mainCpuPct: 15, mainRssMb: 120, workersCpuPct: 100, workersRssMb: 300 },
      { restarts: 1, mainCpuPct: 30, mainRssMb: 110, workersCpuPct: 0, workersRssMb: 0 },
      { restarts: 0, mainCpuPct: null, mainRssMb: null, workersCpuPct: null, workersRssMb: null },
      { restarts: 1, mainCpuPct: null, mainRssMb: null, workersCpuPct: null, workersRssMb: null },
    ]);
    // A 5-minute bucket: the average of all its samples.
    expect(h.buckets(at('10:00'), 5, 1)).toEqual([{ restarts: 2, mainCpuPct: 20, mainRssMb: 120, workersCpuPct: 200 / 3, workersRssMb: 300 }]);
  });

  it('keeps one day: older minutes are dropped as new ones arrive', () => {
    const h = new ResourceHistory();
    h.record({ at: at('10:00'), mainCpuPct: 1, mainRssBytes: MB, workersCpuPct: 0, workersRssBytes: 0 });
    h.record({ at: at('10:00') + 24 * 3_600_000, mainCpuPct: 2, mainRssBytes: MB, workersCpuPct: 0, workersRssBytes: 0 });
    expect(h.buckets(at('10:00'), 1, 1)[0]!.mainCpuPct).toBeNull();
    expect(h.buckets(at('10:00') + 24 * 3_600_000, 1, 1)[0]!.mainCpuPct).toBe(2);
  });
});
