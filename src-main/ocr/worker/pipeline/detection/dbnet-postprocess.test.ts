import { describe, expect, it } from 'vitest';
import { boxScore, dbPostprocess, DB_DEFAULTS, findRegions, type ProbabilityMap } from './dbnet-postprocess';
import { quadBounds } from './geometry';

/** A map with rectangles of given probability painted on zero. */
function map(width: number, height: number, rects: [number, number, number, number, number][]): ProbabilityMap {
  const data = new Float32Array(width * height);
  for (const [x0, y0, x1, y1, p] of rects) for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) data[y * width + x] = p;
  return { data, width, height };
}

describe('findRegions', () => {
  it('separates blobs and keeps row extremes only', () => {
    const regions = findRegions(map(40, 20, [[2, 2, 12, 6, 0.9], [20, 10, 35, 14, 0.9]]), 0.3, 100);
    expect(regions).toHaveLength(2);
    expect(regions[0]).toHaveLength(8); // 4 rows x (left, right)
    expect(Math.min(...regions[1]!.map((p) => p.x))).toBe(20);
    expect(Math.max(...regions[1]!.map((p) => p.x))).toBe(34);
  });

  it('joins diagonal neighbours (8-connectivity) and stops at the candidate limit', () => {
    const m = map(10, 10, [[1, 1, 2, 2, 0.9], [2, 2, 3, 3, 0.9], [6, 6, 8, 8, 0.9]]);
    expect(findRegions(m, 0.3, 100)).toHaveLength(2);
    expect(findRegions(m, 0.3, 1)).toHaveLength(1);
  });
});

describe('boxScore', () => {
  it('is the mean probability inside the box', () => {
    const m = map(20, 10, [[0, 0, 10, 10, 0.8], [10, 0, 20, 10, 0.4]]);
    expect(boxScore(m, { center: { x: 9.5, y: 4.5 }, width: 19, height: 9, angle: 0 })).toBeCloseTo(0.6);
  });
});

describe('dbPostprocess', () => {
  it('returns unclipped boxes scaled to the original image', () => {
    const m = map(64, 32, [[10, 10, 50, 16, 0.95]]);
    const [region, ...rest] = dbPostprocess(m, 2, 3, { ...DB_DEFAULTS, unclipRatio: 1.5 });
    expect(rest).toHaveLength(0);
    const [x0, y0, x1, y1] = quadBounds(region!.quad);
    // The kernel spans x 10..50, y 10..16 in map pixels; unclip grows it by 40*6*1.5/92 = 3.9.
    const d = (40 * 6 * 1.5) / 92;
    expect(x0).toBeCloseTo((10 - d) * 2, 5);
    expect(x1).toBeCloseTo((50 + d) * 2, 5);
    expect(y0).toBeCloseTo((10 - d) * 3, 5);
    expect(y1).toBeCloseTo((16 + d) * 3, 5);
    expect(region!.score).toBeCloseTo(0.95, 5);
  });

  it('drops faint regions and specks', () => {
    const m = map(64, 32, [[5, 5, 40, 12, 0.45], [50, 20, 52, 22, 0.99]]);
    expect(dbPostprocess(m, 1, 1, DB_DEFAULTS)).toHaveLength(0);
  });
});
