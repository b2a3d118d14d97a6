import { describe, expect, it } from 'vitest';
import { inkExtent, inkProfile, inkRows, otsuThreshold, widestGap } from './ink';

/** A grey patch: background value, with ink boxes [x0, y0, x1, y1). */
function patch(width: number, height: number, bg: number, ink: number, boxes: [number, number, number, number][]): Uint8Array {
  const g = new Uint8Array(width * height).fill(bg);
  for (const [x0, y0, x1, y1] of boxes) for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) g[y * width + x] = ink;
  return g;
}

describe('ink', () => {
  it('thresholds between the two modes', () => {
    const t = otsuThreshold(patch(10, 10, 230, 20, [[0, 0, 3, 10]]));
    expect(t).toBeGreaterThanOrEqual(20);
    expect(t).toBeLessThan(230);
  });

  it('finds ink on light and on dark themes alike', () => {
    for (const [bg, fg] of [[240, 30], [25, 220]] as const) {
      const p = inkProfile(patch(20, 10, bg, fg, [[2, 3, 5, 8], [12, 2, 15, 9]]), 20, 10);
      expect(Array.from(p.columns.subarray(0, 6))).toEqual([0, 0, 5, 5, 5, 0]);
      expect([p.top, p.bottom]).toEqual([2, 8]);
    }
  });

  it('sees no ink in a flat patch', () => {
    const p = inkProfile(patch(10, 10, 128, 140, [[2, 2, 4, 4]]), 10, 10);
    expect(p.top).toBe(-1);
    expect(p.columns.every((c) => c === 0)).toBe(true);
  });

  it('measures gaps and extents', () => {
    const p = inkProfile(patch(30, 10, 255, 0, [[2, 2, 6, 8], [9, 4, 10, 6], [20, 1, 25, 9]]), 30, 10);
    expect(widestGap(p.columns, 0, 30)).toEqual({ start: 10, length: 10 });
    expect(inkExtent(p.columns, 7, 19)).toEqual([9, 9]);
    expect(inkExtent(p.columns, 11, 19)).toBeNull();
    expect(inkRows(p, 7, 12)).toEqual([4, 5]);
  });
});
