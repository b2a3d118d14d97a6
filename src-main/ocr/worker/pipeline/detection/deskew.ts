/**
 * Photographs of a phone screen are tilted: a label's value on the right of the row sits a line
 * higher or lower than the label, and rows pair the wrong things. The detector's boxes are
 * rotated rectangles, so their median angle is the page's tilt; the page is turned upright
 * before it is read, and every box read on the upright page is put back on the original image.
 */
import type { Box, Line, Point } from '../../../../../src-shared/ocr/types';
import type { TextRegion } from './dbnet-postprocess';
import { quadBounds } from './geometry';

/** Under this (degrees), turning the page costs more than the tilt does. */
export const DESKEW_MIN_DEGREES = 1.2;
/** Over this, the boxes disagree too much to be one page's tilt (a page upside down, art). */
const DESKEW_MAX_DEGREES = 15;
/** Only boxes this much wider than tall say which way their line runs. */
const MIN_ASPECT = 3;
const MIN_LINES = 4;

/**
 * The page's tilt in degrees, clockwise positive (image y points down), from the long boxes;
 * 0 when there are too few of them or they disagree.
 */
export function skewDegrees(regions: readonly TextRegion[]): number {
  const angles: number[] = [];
  for (const { quad: q } of regions) {
    const w = Math.hypot(q[1].x - q[0].x, q[1].y - q[0].y);
    const h = Math.hypot(q[3].x - q[0].x, q[3].y - q[0].y);
    if (w < MIN_ASPECT * h) continue;
    angles.push((Math.atan2(q[1].y - q[0].y, q[1].x - q[0].x) * 180) / Math.PI);
  }
  if (angles.length < MIN_LINES) return 0;
  angles.sort((a, b) => a - b);
  const median = angles[angles.length >> 1]!;
  // Most boxes must agree with the median, or there is no one tilt.
  const agreeing = angles.filter((a) => Math.abs(a - median) < 2).length;
  if (agreeing < angles.length / 2 || Math.abs(median) > DESKEW_MAX_DEGREES) return 0;
  return Math.round(median * 100) / 100;
}

/**
 * Where a point of the page turned by `degrees` (clockwise, about its centre, on a canvas grown
 * to hold it: libvips' rotate) lies on the original page.
 */
export function unrotatePoint(p: Point, degrees: number, original: { width: number; height: number }, turned: { width: number; height: number }): Point {
  const t = (degrees * Math.PI) / 180;
  const dx = p.x - turned.width / 2;
  const dy = p.y - turned.height / 2;
  return { x: original.width / 2 + dx * Math.cos(t) + dy * Math.sin(t), y: original.height / 2 - dx * Math.sin(t) + dy * Math.cos(t) };
}

/** A box of the turned page as the axis-aligned box that covers it on the original. */
export function unrotateBox(b: Box, degrees: number, original: { width: number; height: number }, turned: { width: number; height: number }): Box {
  const corners: Point[] = [
    { x: b[0], y: b[1] },
    { x: b[2], y: b[1] },
    { x: b[2], y: b[3] },
    { x: b[0], y: b[3] },
  ];
  return quadBounds(corners.map((c) => unrotatePoint(c, degrees, original, turned)));
}

export function unrotateLine(l: Line, degrees: number, original: { width: number; height: number }, turned: { width: number; height: number }): Line {
  const back = (b: Box) => unrotateBox(b, degrees, original, turned);
  return { ...l, box: back(l.box), words: l.words.map((w) => ({ ...w, box: back(w.box) })) };
}
