import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_IDLE_MS, WorkerPool } from './worker-pool';

const log = { write: vi.fn() };
const shape = (profile: 'balanced' | 'fast' = 'balanced') => ({ init: { modelsDir: 'm', intraOpThreads: 1, warmProfiles: [profile], rulesFile: null }, workers: 2 });

afterEach(() => {
  vi.useRealTimers();
  log.write.mockClear();
});

describe('the warm worker pool', () => {
  it('lends the same workers to the next pass after ten quiet minutes, and lets them go at its idle time', async () => {
    vi.useFakeTimers();
    const pool = new WorkerPool({ log });
    const first = await pool.acquire(shape());
    expect(first).toHaveLength(2);
    pool.release();
    vi.advanceTimersByTime(10 * 60_000);
    expect(pool.warm).toBe(true);
    expect(await pool.acquire(shape())).toBe(first);
    // That pass read a receipt: the idle time counts from then.
    pool.touch();
    pool.release();
    vi.advanceTimersByTime(DEFAULT_IDLE_MS - 1_000);
    expect(pool.warm).toBe(true);
    vi.advanceTimersByTime(1_000);
    expect(pool.warm).toBe(false);
    expect(log.write).toHaveBeenCalledWith({ event: 'pool-idle', idleMs: DEFAULT_IDLE_MS });
    expect(await pool.acquire(shape())).not.toBe(first);
    await pool.dispose();
  });

  it('keeps its workers while a pass holds them, and starts new ones for a new shape', async () => {
    vi.useFakeTimers();
    const pool = new WorkerPool({ log, idleMs: 1_000 });
    const a = await pool.acquire(shape());
    const b = await pool.acquire(shape());
    pool.release();
    vi.advanceTimersByTime(5_000);
    // One pass still holds them: no idle time runs.
    expect(pool.warm).toBe(true);
    expect(b).toBe(a);
    pool.release();
    const other = await pool.acquire(shape('fast'));
    expect(other).not.toBe(a);
    await pool.dispose();
    expect(pool.warm).toBe(false);
  });

  it('lets the workers go when the passes that come find nothing to read (a watch looking every 2 s)', async () => {
    vi.useFakeTimers();
    const pool = new WorkerPool({ log, idleMs: 60_000 });
    await pool.acquire(shape());
    pool.release();
    for (let t = 2_000; t < 60_000; t += 2_000) {
      vi.advanceTimersByTime(2_000);
      await pool.acquire(shape());
      pool.release();
    }
    expect(pool.warm).toBe(true);
    vi.advanceTimersByTime(2_000);
    expect(pool.warm).toBe(false);
    await pool.dispose();
  });
});
