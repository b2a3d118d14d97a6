import { describe, expect, it } from 'vitest';
import type { Quad } from '../../../../../src-shared/ocr/types';
import { rotateRgb } from '../../decode';
import { skewDegrees, unrotatePoint } from './deskew';

const line = (x: number, y: number, w: number, h: number, degrees: number): { quad: Quad; score: number } => {
  const t = (degrees * Math.PI) / 180;
  const along = { x: Math.cos(t), y: Math.sin(t) };
  const down = { x: -Math.sin(t), y: Math.cos(t) };
  const p = (a: number, b: number) => ({ x: x + along.x * a + down.x * b, y: y + along.y * a + down.y * b });
  return { quad: [p(0, 0), p(w, 0), p(w, h), p(0, h)], score: 0.9 };
};

describe('the page tilt', () => {
  it('is the median angle of the long boxes', () => {
    const regions = [4.8, 5.1, 5, 5.3, 4.9].map((a, i) => line(20, 40 * i, 300, 20, a));
    expect(skewDegrees(regions)).toBeCloseTo(5, 1);
    expect(skewDegrees(regions.map((_, i) => line(20, 40 * i, 300, 20, -5 + (i % 2) * 0.2)))).toBeLessThan(-4.7);
  });

  it('is 0 for too few lines, short boxes or boxes that disagree', () => {
    expect(skewDegrees([line(0, 0, 300, 20, 6), line(0, 40, 300, 20, 6)])).toBe(0);
    expect(skewDegrees([0, 1, 2, 3, 4].map((i) => line(0, 40 * i, 30, 20, 6)))).toBe(0);
    expect(skewDegrees([-10, -5, 0, 5, 10, 14].map((a, i) => line(0, 40 * i, 300, 20, a)))).toBe(0);
  });
});

describe('turning the page and back', () => {
  it('maps a point of the turned image back onto the original', async () => {
    const [width, height] = [200, 120];
    const data = new Uint8Array(width * height * 3).fill(255);
    for (let y = 30; y < 34; y++) for (let x = 150; x < 154; x++) data.fill(0, (y * width + x) * 3, (y * width + x) * 3 + 3);
    const degrees = -7;
    const turned = await rotateRgb({ data, width, height }, degrees, { r: 255, g: 255, b: 255 });
    let [sx, sy, n] = [0, 0, 0];
    for (let y = 0; y < turned.height; y++) {
      for (let x = 0; x < turned.width; x++) {
        if (turned.data[(y * turned.width + x) * 3]! < 100) [sx, sy, n] = [sx + x, sy + y, n + 1];
      }
    }
    const back = unrotatePoint({ x: sx / n + 0.5, y: sy / n + 0.5 }, degrees, { width, height }, turned);
    expect(back.x).toBeCloseTo(152, 0);
    expect(back.y).toBeCloseTo(32, 0);
  });
});
