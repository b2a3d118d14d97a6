/**
 * Differentiable-Binarisation (DB) post-processing: the detector's text-probability map becomes
 * rotated text boxes in original-image pixels. Follows PaddleOCR's DBPostProcess ("quad" mode):
 * binarise, connected regions, minimum-area rectangle, mean-probability score, unclip, rescale.
 */
import type { Point, Quad } from '../../../../../src-shared/ocr/types';
import { minAreaRect, rectCorners, unclipRect, type RotatedRect } from './geometry';

export interface ProbabilityMap {
  data: Float32Array;
  width: number;
  height: number;
}

export interface DbOptions {
  threshold: number;
  boxThreshold: number;
  unclipRatio: number;
  /** Boxes whose short side is under this many map pixels are noise. */
  minSize: number;
  maxCandidates: number;
}

export const DB_DEFAULTS: DbOptions = { threshold: 0.3, boxThreshold: 0.6, unclipRatio: 1.5, minSize: 3, maxCandidates: 1000 };

export interface TextRegion {
  quad: Quad;
  /** Mean text probability inside the box, 0..1. */
  score: number;
}

/**
 * Connected regions of the binarised map (8-connectivity). Each region is reduced to the
 * leftmost and rightmost pixel centre of every row it spans: enough for its convex hull.
 */
export function findRegions(map: ProbabilityMap, threshold: number, maxRegions: number): Point[][] {
  const { data, width, height } = map;
  const seen = new Uint8Array(width * height);
  const stack = new Int32Array(width * height);
  // Each row's leftmost and rightmost pixel of the region being filled, reset after it.
  const rowMin = new Int32Array(height).fill(width);
  const rowMax = new Int32Array(height).fill(-1);
  const regions: Point[][] = [];
  for (let start = 0; start < data.length && regions.length < maxRegions; start++) {
    if (seen[start] !== 0 || data[start]! <= threshold) continue;
    let top = 0;
    let yMin = height;
    let yMax = -1;
    stack[top++] = start;
    seen[start] = 1;
    while (top > 0) {
      const idx = stack[--top]!;
      const y = (idx / width) | 0;
      const x = idx - y * width;
      if (x < rowMin[y]!) rowMin[y] = x;
      if (x > rowMax[y]!) rowMax[y] = x;
      if (y < yMin) yMin = y;
      if (y > yMax) yMax = y;
      for (let dy = -1; dy <= 1; dy++) {
        const ny = y + dy;
        if (ny < 0 || ny >= height) continue;
        for (let dx = -1; dx <= 1; dx++) {
          const nx = x + dx;
          if (nx < 0 || nx >= width) continue;
          const n = ny * width + nx;
          if (seen[n] === 0 && data[n]! > threshold) {
            seen[n] = 1;
            stack[top++] = n;
          }
        }
      }
    }
    const points: Point[] = [];
    for (let y = yMin; y <= yMax; y++) {
      const x0 = rowMin[y]!;
      const x1 = rowMax[y]!;
      // An 8-connected region spans every row between its first and last.
      points.push({ x: x0, y });
      if (x1 !== x0) points.push({ x: x1, y });
      rowMin[y] = width;
      rowMax[y] = -1;
    }
    regions.push(points);
  }
  return regions;
}

/** Mean probability over the map pixels whose centres fall inside the rectangle. */
export function boxScore(map: ProbabilityMap, rect: RotatedRect): number {
  const corners = rectCorners(rect);
  const xs = corners.map((p) => p.x);
  const ys = corners.map((p) => p.y);
  const x0 = Math.max(0, Math.floor(Math.min(...xs)));
  const x1 = Math.min(map.width - 1, Math.ceil(Math.max(...xs)));
  const y0 = Math.max(0, Math.floor(Math.min(...ys)));
  const y1 = Math.min(map.height - 1, Math.ceil(Math.max(...ys)));
  const cos = Math.cos(rect.angle), sin = Math.sin(rect.angle);
  // Half a pixel of slack so that boxes one pixel thick still contain their own pixels.
  const hw = rect.width / 2 + 0.5, hh = rect.height / 2 + 0.5;
  let sum = 0;
  let count = 0;
  for (let y = y0; y <= y1; y++) {
    for (let x = x0; x <= x1; x++) {
      const dx = x - rect.center.x, dy = y - rect.center.y;
      const u = dx * cos + dy * sin;
      const v = -dx * sin + dy * cos;
      if (Math.abs(u) <= hw && Math.abs(v) <= hh) {
        sum += map.data[y * map.width + x]!;
        count++;
      }
    }
  }
  return count === 0 ? 0 : sum / count;
}

/**
 * Text boxes in original-image pixels. `scaleX`/`scaleY` map detector-input pixels back to the
 * original image (original size / detector input size).
 */
export function dbPostprocess(map: ProbabilityMap, scaleX: number, scaleY: number, options: DbOptions = DB_DEFAULTS): TextRegion[] {
  const out: TextRegion[] = [];
  for (const points of findRegions(map, options.threshold, options.maxCandidates)) {
    const rect = minAreaRect(points);
    if (Math.min(rect.width, rect.height) < options.minSize) continue;
    const score = boxScore(map, rect);
    if (score < options.boxThreshold) continue;
    // Region extents are between pixel centres; a pixel covers half a pixel either side.
    const grown = unclipRect({ ...rect, width: rect.width + 1, height: rect.height + 1 }, options.unclipRatio);
    if (Math.min(grown.width, grown.height) < options.minSize + 2) continue;
    const quad = rectCorners(grown).map((p) => ({
      x: (p.x + 0.5) * scaleX,
      y: (p.y + 0.5) * scaleY,
    })) as Quad;
    out.push({ quad, score });
  }
  return out;
}
