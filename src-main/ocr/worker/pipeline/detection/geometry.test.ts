import { describe, expect, it } from 'vitest';
import { convexHull, minAreaRect, quadBounds, rectCorners, roundBox, unclipRect, unionBoxes } from './geometry';

const rectPoints = (cx: number, cy: number, w: number, h: number, angle: number) =>
  rectCorners({ center: { x: cx, y: cy }, width: w, height: h, angle });

describe('convexHull', () => {
  it('drops interior and collinear points', () => {
    const hull = convexHull([
      { x: 0, y: 0 }, { x: 2, y: 0 }, { x: 4, y: 0 }, { x: 4, y: 3 }, { x: 0, y: 3 }, { x: 2, y: 1 }, { x: 1, y: 2 },
    ]);
    expect(hull).toHaveLength(4);
    expect(hull).toEqual(expect.arrayContaining([{ x: 0, y: 0 }, { x: 4, y: 0 }, { x: 4, y: 3 }, { x: 0, y: 3 }]));
  });
});

describe('minAreaRect', () => {
  it('finds an axis-aligned rectangle with angle 0', () => {
    const r = minAreaRect([{ x: 10, y: 20 }, { x: 110, y: 20 }, { x: 110, y: 50 }, { x: 10, y: 50 }, { x: 60, y: 35 }]);
    expect(r.angle).toBe(0);
    expect(r.width).toBeCloseTo(100);
    expect(r.height).toBeCloseTo(30);
    expect(r.center).toEqual({ x: 60, y: 35 });
  });

  it('recovers a rotated rectangle, its long side as the width', () => {
    const angle = (12 * Math.PI) / 180;
    const r = minAreaRect(rectPoints(200, 100, 160, 24, angle));
    expect(r.angle).toBeCloseTo(angle, 6);
    expect(r.width).toBeCloseTo(160, 6);
    expect(r.height).toBeCloseTo(24, 6);
  });

  it('keeps text upright: a rectangle turned past 45 degrees is read as the other side', () => {
    const r = minAreaRect(rectPoints(0, 0, 40, 100, (80 * Math.PI) / 180));
    expect(Math.abs(r.angle)).toBeLessThanOrEqual(Math.PI / 4);
    expect(r.width * r.height).toBeCloseTo(4000, 6);
  });
});

describe('rectCorners', () => {
  it('orders corners top-left, top-right, bottom-right, bottom-left', () => {
    const [tl, tr, br, bl] = rectPoints(50, 50, 20, 10, 0);
    expect(tl).toEqual({ x: 40, y: 45 });
    expect(tr).toEqual({ x: 60, y: 45 });
    expect(br).toEqual({ x: 60, y: 55 });
    expect(bl).toEqual({ x: 40, y: 55 });
  });
});

describe('unclipRect', () => {
  it('grows every side by area x ratio / perimeter', () => {
    const r = unclipRect({ center: { x: 0, y: 0 }, width: 100, height: 20, angle: 0 }, 1.5);
    const d = (100 * 20 * 1.5) / 240;
    expect(r.width).toBeCloseTo(100 + 2 * d);
    expect(r.height).toBeCloseTo(20 + 2 * d);
  });
});

describe('boxes', () => {
  it('bounds quads, unions boxes and rounds into the image', () => {
    expect(quadBounds(rectPoints(10, 10, 4, 2, 0))).toEqual([8, 9, 12, 11]);
    expect(unionBoxes([[0, 5, 10, 8], [4, 1, 20, 6]])).toEqual([0, 1, 20, 8]);
    expect(roundBox([-3.2, 4.6, 101.4, 55.5], 100, 50)).toEqual([0, 5, 100, 50]);
  });
});
