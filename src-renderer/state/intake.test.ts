import { describe, expect, it } from 'vitest';
import { runProgress, secondsLeft } from './intake-slice';
import { chunkFiles, pastedName } from './read-files';

const batch = (over: Partial<{ total: number; done: number; failed: number; cancelled: number; queued: number; processing: number }>) => ({ total: 10, done: 0, failed: 0, cancelled: 0, queued: 10, processing: 0, ...over });

describe('the batch progress', () => {
  it('adds up the batches of a run', () => {
    expect(runProgress({ batches: [batch({ done: 4, failed: 1, queued: 5 }), batch({ total: 5, done: 5, queued: 0 })] })).toEqual({ total: 15, settled: 10, failed: 1, cancelled: 0, finished: false });
    expect(runProgress({ batches: [batch({ done: 9, failed: 1, queued: 0 })] }).finished).toBe(true);
    // A cancelled run is over: nothing more will happen to its receipts.
    expect(runProgress({ batches: [batch({ done: 3, cancelled: 7, queued: 0 })] })).toMatchObject({ settled: 10, cancelled: 7, finished: true });
    expect(runProgress({ batches: [] }).finished).toBe(false);
  });

  it('estimates the time left from the pace since the first receipt settled, not from the warm-up', () => {
    const first = { at: 10_000, count: 1 };
    expect(secondsLeft({ firstSettled: null }, 0, 100, 20_000)).toBeNull();
    expect(secondsLeft({ firstSettled: first }, 1, 100, 20_000)).toBeNull();
    // 10 more in 5 s = 2/s; 89 left → 45 s.
    expect(secondsLeft({ firstSettled: first }, 11, 100, 15_000)).toBe(45);
  });
});

describe('files in', () => {
  it('names a pasted image by when it was pasted', () => {
    const at = new Date(2026, 10, 23, 9, 5, 7);
    expect(pastedName(new File([], 'image.png', { type: 'image/png' }), at, 0)).toBe('pegado-20261123-090507.png');
    expect(pastedName(new File([], 'x', { type: 'image/jpeg' }), at, 1)).toBe('pegado-20261123-090507-2.jpg');
  });

  it('groups files into bounded requests, in order', () => {
    const files = Array.from({ length: 120 }, (_, i) => ({ size: i === 3 ? 30 * 1024 * 1024 : 1000, i }));
    const chunks = chunkFiles(files);
    expect(chunks.map((c) => c.length)).toEqual([3, 1, 50, 50, 16]);
    expect(chunks.flat().map((f) => f.i)).toEqual(files.map((f) => f.i));
  });
});
