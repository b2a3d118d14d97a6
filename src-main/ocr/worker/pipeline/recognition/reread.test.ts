import { describe, expect, it } from 'vitest';
import type { Quad } from '../../../../../src-shared/ocr/types';
import type { CtcLine } from './ctc';
import { cropGeometry, type RgbImage, type Tensor } from '../image';
import { cropRegions, turnCrop, type RecognizedCrop, type RecognizerSpec, type RunModel } from './recognize';
import { keepSurer, REREAD_TRIM, rereadUncertain, tightenedGeometry, uncertainLines } from './reread';

const spec: RecognizerSpec = {
  height: 16,
  normalisation: { mean: [0.5, 0.5, 0.5], std: [0.5, 0.5, 0.5], order: 'RGB' },
  classes: { characters: ['', 'a'], blankIndex: 0 },
  maxWidth: 256,
};

const quad = (x: number, y: number, w: number, h: number): Quad => [{ x, y }, { x: x + w, y }, { x: x + w, y: y + h }, { x, y: y + h }];

const line = (text: string, confidence: number): CtcLine => ({
  text,
  confidence,
  chars: [...text].map((char, i) => ({ char, firstFrame: i, lastFrame: i, probability: confidence })),
  frames: text.length,
});
const read = (text: string, confidence: number): RecognizedCrop => ({ line: line(text, confidence), stride: 4 });

describe('tightenedGeometry', () => {
  it('takes the share off above and below an upright box', () => {
    const g = tightenedGeometry(cropGeometry(quad(10, 100, 200, 40)), 0.15);
    expect(g.origin).toEqual({ x: 10, y: 106 });
    expect(g.height).toBeCloseTo(28);
    expect(g.width).toBe(200);
  });

  it('tightens a turned box around the same band of the page', () => {
    const image: RgbImage = { data: new Uint8Array(300 * 200 * 3), width: 300, height: 200 };
    const [crop] = cropRegions(image, [{ quad: quad(10, 100, 200, 40), score: 1 }], spec);
    const upright = tightenedGeometry(crop!.geometry, 0.25);
    const turned = tightenedGeometry(turnCrop(crop!).geometry, 0.25);
    // The turned box starts at the far corner of the band and runs back across it.
    expect(turned.origin.x).toBeCloseTo(upright.origin.x + upright.width);
    expect(turned.origin.y).toBeCloseTo(upright.origin.y + upright.height);
    expect(turned.height).toBeCloseTo(upright.height);
  });
});

describe('uncertainLines', () => {
  it('names the lines read with less confidence than the bar, not the empty ones', () => {
    expect(uncertainLines([read('ab', 0.99), read('cd', 0.7), read('', 0), read('e', 0.979)], 0.98)).toEqual([1, 3]);
  });
});

describe('keepSurer', () => {
  it('keeps a second reading only where the recogniser is surer of it', () => {
    const crop = (n: number) => ({ geometry: cropGeometry(quad(0, n, 10, 10)), patch: { data: new Uint8Array(3), width: 1, height: 1 } });
    const first = { crops: [crop(0), crop(1), crop(2)], reads: [read('a', 0.9), read('b', 0.6), read('c', 0.8)] };
    const kept = keepSurer(first, [1, 2], { crops: [crop(11), crop(12)], reads: [read('B', 0.95), read('C', 0.8)] });
    expect(kept.reads.map((r) => r.line.text)).toEqual(['a', 'B', 'c']);
    expect(kept.crops.map((c) => c.geometry.origin.y)).toEqual([0, 11, 2]);
    // The first reading is left as it was.
    expect(first.reads[1]!.line.text).toBe('b');
  });
});

/**
 * A page with a text line at rows 40-59 and its neighbours' ink up to row 35 and from row 64.
 * The stand-in recogniser is as sure of a patch as its top and bottom rows are free of ink,
 * as a real one reading the edges of other lines as letters is not.
 */
function pageWithNeighbours(): RgbImage {
  const width = 120, height = 100;
  const data = new Uint8Array(width * height * 3).fill(255);
  const ink = (y0: number, y1: number) => data.fill(0, y0 * width * 3, y1 * width * 3);
  ink(30, 36);
  ink(44, 56);
  ink(64, 70);
  return { data, width, height };
}

const edgeShy: RunModel = async (t: Tensor) => {
  const [b, , h, w] = t.dims as [number, number, number, number];
  const frames = w / 4;
  const data = new Float32Array(b * frames * 2);
  for (let i = 0; i < b; i++) {
    const plane = t.data.subarray(i * 3 * h * w, i * 3 * h * w + h * w);
    const inkShare = (row: number) => plane.subarray(row * w, (row + 1) * w).filter((v) => v < 0).length / w;
    const sure = 1 - (inkShare(0) + inkShare(h - 1)) / 4;
    data[i * frames * 2 + 1] = sure;
    data[i * frames * 2] = 1 - sure;
    for (let f = 1; f < frames; f++) data[(i * frames + f) * 2] = 1;
  }
  return { data, dims: [b, frames, 2] };
};

describe('rereadUncertain', () => {
  it('reads a loose box again from a tighter one and keeps that reading', async () => {
    const image = pageWithNeighbours();
    const crops = cropRegions(image, [{ quad: quad(0, 34, 120, 32), score: 1 }], spec);
    const first = { crops, reads: [read('a', 0.5)] };
    const lanes = [{ run: edgeShy, depth: 1 }];
    const kept = await rereadUncertain(image, first, lanes, spec, 0.98, () => {});
    expect(kept.reads[0]!.line.confidence).toBe(1);
    expect(kept.crops[0]!.geometry.origin.y).toBeCloseTo(34 + 32 * REREAD_TRIM);
    // Lines the recogniser is sure of are not read again.
    const sure = { crops, reads: [read('a', 0.99)] };
    expect(await rereadUncertain(image, sure, lanes, spec, 0.98, () => {})).toBe(sure);
  });

  it('stops when the job is cancelled', async () => {
    const image = pageWithNeighbours();
    const crops = cropRegions(image, [{ quad: quad(0, 34, 120, 32), score: 1 }], spec);
    const cancel = () => {
      throw new Error('cancelled');
    };
    await expect(rereadUncertain(image, { crops, reads: [read('a', 0.5)] }, [{ run: edgeShy, depth: 1 }], spec, 0.98, cancel)).rejects.toThrow('cancelled');
  });
});
