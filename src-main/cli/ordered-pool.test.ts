import { describe, expect, it } from 'vitest';
import { extractPool, readInOrder } from './ordered-pool';

describe('readInOrder', () => {
  it('hands results on in the items\' order however the workers finish, each item read once', async () => {
    const items = [50, 5, 30, 1, 20, 2, 9];
    const readBy: number[] = [];
    const out: [number, number][] = [];
    // Slot 0's worker is slow and slot 1's fast: results arrive out of order.
    const workerFor = async (slot: number) => ({
      run: async (ms: number) => {
        readBy.push(ms);
        await new Promise((r) => setTimeout(r, slot === 0 ? ms : 1));
        return ms * 10;
      },
    });
    await readInOrder(items, 2, workerFor, async (result, index) => {
      out.push([index, result]);
    });
    expect(out).toEqual(items.map((v, i) => [i, v * 10]));
    expect(readBy.sort((a, b) => a - b)).toEqual([...items].sort((a, b) => a - b));
  });

  it('asks for a worker again for every item, so a crashed one can be replaced', async () => {
    const asked: number[] = [];
    await readInOrder([1, 2, 3], 1, async (slot) => (asked.push(slot), { run: async (x: number) => x }), async () => {});
    expect(asked).toEqual([0, 0, 0]);
  });
});

describe('extractPool', () => {
  it('runs a one-thread worker per core unless told otherwise, never more workers than files', () => {
    expect(extractPool({ workers: null, threads: null }, 100, 4)).toEqual({ workers: 4, threads: 1 });
    expect(extractPool({ workers: null, threads: 2 }, 100, 4)).toEqual({ workers: 2, threads: 2 });
    expect(extractPool({ workers: 1, threads: null }, 100, 4)).toEqual({ workers: 1, threads: 4 });
    expect(extractPool({ workers: null, threads: null }, 1, 4)).toEqual({ workers: 1, threads: 4 });
  });
});
