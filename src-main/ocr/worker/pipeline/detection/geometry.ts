/**
 * Plane geometry for text boxes: convex hull, minimum-area rectangle, corner ordering.
 * Pure functions over plain points, so the detector's post-processing is testable without models.
 */
import type { Box, Point, Quad } from '../../../../../src-shared/ocr/types';

export { unionBoxes } from '../../../../../src-shared/ocr/boxes';

const cross = (o: Point, a: Point, b: Point): number => (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x);

/**
 * Module-level, not an arrow in the call: V8 optimises a function created per call afresh each
 * time it gets hot (docs/ocr-engine.md, "Code V8 optimises once").
 */
const byXThenY = (a: Point, b: Point): number => a.x - b.x || a.y - b.y;

/** Andrew's monotone chain; returns the hull counter-clockwise without repeating the first point. */
export function convexHull(points: readonly Point[]): Point[] {
  if (points.length < 3) return [...points];
  const sorted = [...points].sort(byXThenY);
  const lower: Point[] = [];
  for (const p of sorted) {
    while (lower.length >= 2 && cross(lower[lower.length - 2]!, lower[lower.length - 1]!, p) <= 0) lower.pop();
    lower.push(p);
  }
  const upper: Point[] = [];
  for (let i = sorted.length - 1; i >= 0; i--) {
    const p = sorted[i]!;
    while (upper.length >= 2 && cross(upper[upper.length - 2]!, upper[upper.length - 1]!, p) <= 0) upper.pop();
    upper.push(p);
  }
  upper.pop();
  lower.pop();
  return lower.concat(upper);
}

export interface RotatedRect {
  center: Point;
  /** Side along the text direction. */
  width: number;
  height: number;
  /** Angle of the width side in radians, in (-pi/4, pi/4]: text is assumed upright, not vertical. */
  angle: number;
}

/**
 * Minimum-area enclosing rectangle by rotating calipers over the hull edges.
 * Among equal areas the most axis-aligned one wins, so upright text gets an upright box.
 */
export function minAreaRect(points: readonly Point[]): RotatedRect {
  const hull = convexHull(points);
  if (hull.length === 0) return { center: { x: 0, y: 0 }, width: 0, height: 0, angle: 0 };
  let best: RotatedRect | null = null;
  let bestArea = Infinity;
  const angles = hull.length < 2 ? [0] : hull.map((p, i) => {
    const q = hull[(i + 1) % hull.length]!;
    return Math.atan2(q.y - p.y, q.x - p.x);
  });
  for (const raw of angles) {
    const angle = foldAngle(raw);
    const cos = Math.cos(angle);
    const sin = Math.sin(angle);
    let minU = Infinity, maxU = -Infinity, minV = Infinity, maxV = -Infinity;
    for (const p of hull) {
      const u = p.x * cos + p.y * sin;
      const v = -p.x * sin + p.y * cos;
      if (u < minU) minU = u;
      if (u > maxU) maxU = u;
      if (v < minV) minV = v;
      if (v > maxV) maxV = v;
    }
    const area = (maxU - minU) * (maxV - minV);
    const better = area < bestArea - 1e-9 || (Math.abs(area - bestArea) <= 1e-9 && best !== null && Math.abs(angle) < Math.abs(best.angle));
    if (best === null || better) {
      bestArea = area;
      const cu = (minU + maxU) / 2;
      const cv = (minV + maxV) / 2;
      best = { center: { x: cu * cos - cv * sin, y: cu * sin + cv * cos }, width: maxU - minU, height: maxV - minV, angle };
    }
  }
  return best!;
}

/** Folds a direction into (-pi/4, pi/4]: a rectangle is the same under 90 degree turns. */
function foldAngle(a: number): number {
  const quarter = Math.PI / 2;
  let r = a % quarter;
  if (r > quarter / 2) r -= quarter;
  if (r <= -quarter / 2) r += quarter;
  return r;
}

/** Corners of a rotated rectangle: top-left, top-right, bottom-right, bottom-left. */
export function rectCorners(r: RotatedRect): Quad {
  const cos = Math.cos(r.angle), sin = Math.sin(r.angle);
  const hw = r.width / 2, hh = r.height / 2;
  const at = (u: number, v: number): Point => ({ x: r.center.x + u * cos - v * sin, y: r.center.y + u * sin + v * cos });
  return [at(-hw, -hh), at(hw, -hh), at(hw, hh), at(-hw, hh)];
}

/**
 * DB "unclip": the detector predicts a shrunk text kernel; grow it back by
 * d = area * ratio / perimeter on every side. For a rectangle the minimum-area rectangle of
 * the round-joined offset polygon (what PaddleOCR computes with Clipper) is exactly the
 * rectangle grown by d, so no polygon offsetting is needed here.
 */
export function unclipRect(r: RotatedRect, ratio: number): RotatedRect {
  const area = r.width * r.height;
  const perimeter = 2 * (r.width + r.height);
  if (perimeter === 0) return r;
  const d = (area * ratio) / perimeter;
  return { ...r, width: r.width + 2 * d, height: r.height + 2 * d };
}

export function quadBounds(q: readonly Point[]): Box {
  let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
  for (const p of q) {
    if (p.x < x0) x0 = p.x;
    if (p.y < y0) y0 = p.y;
    if (p.x > x1) x1 = p.x;
    if (p.y > y1) y1 = p.y;
  }
  return [x0, y0, x1, y1];
}

/** Whole pixels, clamped to the image: what the CLI prints. */
export function roundBox(b: Box, width: number, height: number): Box {
  const clamp = (v: number, max: number) => Math.min(Math.max(Math.round(v), 0), max);
  return [clamp(b[0], width), clamp(b[1], height), clamp(b[2], width), clamp(b[3], height)];
}
