import { describe, expect, it } from 'vitest';
import type { Quad } from '../../../../../src-shared/ocr/types';
import { orientCrops } from './orient';
import { cropRegions, type RunModel } from './recognize';

describe('orientCrops', () => {
  it('turns only the lines the classifier is sure are upside down', async () => {
    const image = { data: new Uint8Array(100 * 50 * 3).fill(200), width: 100, height: 50 };
    const q = (y: number): Quad => [{ x: 0, y }, { x: 80, y }, { x: 80, y: y + 10 }, { x: 0, y: y + 10 }];
    const spec = { height: 10, normalisation: { mean: [0.5, 0.5, 0.5] as [number, number, number], std: [0.5, 0.5, 0.5] as [number, number, number], order: 'BGR' as const }, classes: { characters: [''], blankIndex: 0 }, maxWidth: 100 };
    const crops = cropRegions(image, [0, 15, 30].map((y) => ({ quad: q(y), score: 1 })), spec);
    const seen: number[][] = [];
    // Probabilities of "rotated": sure, unsure, sure-not.
    const run: RunModel = async (t) => {
      seen.push(t.dims);
      return { data: Float32Array.from([0.02, 0.98, 0.3, 0.7, 0.99, 0.01]), dims: [3, 2] };
    };
    const out = await orientCrops(image, crops, run, { height: 10, width: 40, normalisation: spec.normalisation, threshold: 0.9, batchSize: 8 });
    expect(seen).toEqual([[3, 3, 10, 40]]);
    expect(out[0]!.geometry.origin).toEqual({ x: 80, y: 10 });
    expect(out[1]).toBe(crops[1]);
    expect(out[2]).toBe(crops[2]);
  });
});
