import { describe, expect, it } from 'vitest';
import type { Quad } from '../../../../../src-shared/ocr/types';
import type { Tensor } from '../image';
import { batchTensor, cropRegions, cropToSegment, planBatches, recognizeCrops, turnCrop, type RecognizerSpec, type RunModel } from './recognize';

const spec: RecognizerSpec = {
  height: 8,
  normalisation: { mean: [0.5, 0.5, 0.5], std: [0.5, 0.5, 0.5], order: 'RGB' },
  classes: { characters: ['', 'a', 'b'], blankIndex: 0 },
  maxWidth: 64,
};

const quad = (x: number, y: number, w: number, h: number): Quad => [{ x, y }, { x: x + w, y }, { x: x + w, y: y + h }, { x, y: y + h }];
const white = (w: number, h: number) => ({ data: new Uint8Array(w * h * 3).fill(255), width: w, height: h });

/**
 * A stand-in recogniser: one frame per 4 pixels; every frame reads 'a' for crops whose first
 * pixel is dark and 'b' otherwise, so each batch item's answer shows which crop it was.
 */
const fakeRecogniser = (calls: number[][]): RunModel => async (t: Tensor) => {
  const [b, , h, w] = t.dims as [number, number, number, number];
  calls.push([b, w]);
  const frames = w / 4;
  const data = new Float32Array(b * frames * 3);
  for (let i = 0; i < b; i++) {
    const dark = t.data[i * 3 * h * w]! < 0;
    for (let f = 0; f < frames; f++) data[(i * frames + f) * 3 + (dark ? 1 : 2)] = 1;
  }
  return { data, dims: [b, frames, 3] };
};

describe('planBatches', () => {
  it('groups similar widths and respects the pixel budget', () => {
    const widths = [100, 30, 110, 32, 400, 105];
    expect(planBatches(widths, 10, { maxWidthRatio: 1.25, maxBatchPixels: 10 * 400 })).toEqual([[1, 3], [0, 5, 2], [4]]);
    expect(planBatches(widths, 10, { maxWidthRatio: 1.25, maxBatchPixels: 10 * 220 })).toEqual([[1, 3], [0, 5], [2], [4]]);
  });
});

describe('batchTensor', () => {
  it('right-pads narrower patches with normalised zero', () => {
    const t = batchTensor([white(2, 1), { data: Uint8Array.from([0, 0, 0, 0, 0, 0, 0, 0, 0]), width: 3, height: 1 }], 3, 1, spec.normalisation);
    expect(t.dims).toEqual([2, 3, 1, 3]);
    expect(Array.from(t.data.subarray(0, 3))).toEqual([1, 1, 0]);
    expect(Array.from(t.data.subarray(9, 12))).toEqual([-1, -1, -1]);
  });

  it('keeps each row of a taller patch in its own row of the plane, channel by channel', () => {
    // 2 x 2 pixels, red rising 0, 51, 102, 153 in reading order; blue the reverse; green 255.
    const patch = { data: Uint8Array.from([0, 255, 153, 51, 255, 102, 102, 255, 51, 153, 255, 0]), width: 2, height: 2 };
    const t = batchTensor([patch], 3, 2, { mean: [0, 0, 0], std: [1, 1, 1], order: 'RGB' });
    const plane = (c: number) => Array.from(t.data.subarray(c * 6, c * 6 + 6), (v) => Math.round(v * 255));
    expect(plane(0)).toEqual([0, 51, 0, 102, 153, 0]);
    expect(plane(1)).toEqual([255, 255, 0, 255, 255, 0]);
    expect(plane(2)).toEqual([153, 102, 0, 51, 0, 0]);
  });
});

describe('recognizeCrops', () => {
  it('returns results in crop order whichever lane read them', async () => {
    const image = white(200, 40);
    for (let y = 20; y < 28; y++) image.data.fill(0, (y * 200 + 100) * 3, (y * 200 + 108) * 3);
    const crops = cropRegions(image, [{ quad: quad(0, 0, 40, 8), score: 1 }, { quad: quad(100, 20, 60, 8), score: 1 }, { quad: quad(10, 30, 20, 8), score: 1 }], spec);
    expect(crops.map((c) => c.patch.width)).toEqual([40, 60, 20]);
    const laneA: number[][] = [];
    const laneB: number[][] = [];
    const reads = await recognizeCrops(crops, [{ run: fakeRecogniser(laneA), depth: 1 }, { run: fakeRecogniser(laneB), depth: 2 }], spec, { maxWidthRatio: 1.01, maxBatchPixels: 1e6 });
    expect(reads.map((r) => r.line.text)).toEqual(['b', 'a', 'b']);
    expect(reads.map((r) => r.stride)).toEqual([4, 4, 4]);
    expect(laneA.length + laneB.length).toBe(3);
    expect(laneA.length).toBeGreaterThan(0);
    expect(laneB.length).toBeGreaterThan(0);
  });
});

describe('recognizeCrops when a job is cancelled', () => {
  it('stops every lane and settles them all before it rejects', async () => {
    const image = white(400, 80);
    const crops = cropRegions(image, Array.from({ length: 8 }, (_, i) => ({ quad: quad(0, i * 10, 20 + i * 20, 8), score: 1 })), spec);
    const calls: number[][] = [];
    let running = 0;
    let maxRunning = 0;
    const slow: RunModel = async (t) => {
      running++;
      maxRunning = Math.max(maxRunning, running);
      await new Promise((r) => setTimeout(r, 5));
      running--;
      return fakeRecogniser(calls)(t);
    };
    const cancelled = recognizeCrops(crops, [{ run: slow, depth: 1 }, { run: slow, depth: 2 }], spec, { maxWidthRatio: 1.01, maxBatchPixels: 1e6 }, (done) => {
      if (done >= 2) throw new Error('cancelled');
    });
    await expect(cancelled).rejects.toThrow('cancelled');
    expect(running).toBe(0);
    const afterwards = calls.length;
    await new Promise((r) => setTimeout(r, 30));
    expect(calls.length).toBe(afterwards);
    expect(afterwards).toBeLessThan(8);
    expect(maxRunning).toBe(3);
  });
});

describe('crop geometry back to the page', () => {
  it('maps word extents in the patch to page pixels, also for a turned crop', () => {
    const image = white(100, 20);
    for (let y = 4; y < 12; y++) image.data.fill(0, (y * 100 + 20) * 3, (y * 100 + 30) * 3);
    const [crop] = cropRegions(image, [{ quad: quad(10, 2, 40, 12), score: 1 }], { ...spec, height: 12 });
    const read = { line: { text: 'a', confidence: 0.9, frames: 10, chars: [{ char: 'a', firstFrame: 3, lastFrame: 3, probability: 0.9 }] }, stride: 4 };
    const seg = cropToSegment(crop!, read);
    expect(seg.words[0]!.box).toEqual([20, 4, 30, 12]);
    const turned = turnCrop(crop!);
    expect(turned.geometry.origin).toEqual({ x: 50, y: 14 });
    expect(turned.patch.data[0]).toBe(crop!.patch.data[crop!.patch.data.length - 3]);
  });
});
