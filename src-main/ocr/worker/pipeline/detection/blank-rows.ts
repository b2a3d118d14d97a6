/**
 * Background rows left out of a whole-page detector pass. A receipt screenshot is a third blank
 * (margins, the space between sections, a plain header band); the detector would spend a third
 * of its time finding nothing there. Long runs of rows without ink are cut down to a margin on
 * each side, the rest of the page is stacked up and detected at the scale the whole page would
 * have had, and the boxes are moved back to where their rows came from. The detector sees its
 * text with the same size and the same background around it.
 */
import type { Quad } from '../../../../../src-shared/ocr/types';
import type { TextRegion } from './dbnet-postprocess';
import type { GreyPage } from './text-bands';

/** A row is background when its grey pixels all lie within this many levels of each other. */
export const FLAT_RANGE = 10;
/** Below this share of rows to cut, the page is detected whole: stacking would buy little. */
const MIN_CUT_SHARE = 0.12;

/** Rows of the page kept, in original-image rows, with the row each starts at in the stack. */
export interface RowSegment {
  from: number;
  to: number;
  /** First row of this segment in the stacked page. */
  at: number;
}

/** Which rows of the grey copy are background: every pixel within FLAT_RANGE of the others. */
export function flatRows(grey: GreyPage): Uint8Array {
  const flat = new Uint8Array(grey.height);
  for (let y = 0; y < grey.height; y++) {
    let lo = 255;
    let hi = 0;
    const row = y * grey.width;
    for (let x = 0; x < grey.width; x++) {
      const v = grey.data[row + x]!;
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
    flat[y] = hi - lo <= FLAT_RANGE ? 1 : 0;
  }
  return flat;
}

/**
 * The rows to detect, in original rows. Each run of background rows keeps, next to the ink on
 * either side, `marginRows` or as many rows as that ink is tall, whichever is more (the detector
 * boxes large print, a big amount's comma included, only with its own height of background
 * around it); the page's edges keep none. Null when too little would be cut.
 */
export function keptRows(flat: Uint8Array, greyScale: number, imageHeight: number, marginRows: number): RowSegment[] | null {
  const toImage = (greyRow: number) => Math.min(imageHeight, Math.round(greyRow / greyScale));
  /** Rows of ink from `y` on (or back from it, `step` -1) until background, in original rows. */
  const inkRun = (y: number, step: 1 | -1) => {
    let n = 0;
    for (let i = y; i >= 0 && i < flat.length && !flat[i]; i += step) n++;
    return n / greyScale;
  };
  const segments: RowSegment[] = [];
  let from = 0;
  let at = 0;
  let cut = 0;
  for (let y = 0; y < flat.length; ) {
    if (!flat[y]) {
      y++;
      continue;
    }
    let end = y;
    while (end < flat.length && flat[end]) end++;
    const cutFrom = y === 0 ? 0 : toImage(y) + Math.ceil(Math.max(marginRows, inkRun(y - 1, -1)));
    const cutTo = end === flat.length ? imageHeight : toImage(end) - Math.ceil(Math.max(marginRows, inkRun(end, 1)));
    if (cutTo > cutFrom) {
      if (cutFrom > from) segments.push({ from, to: cutFrom, at });
      at += Math.max(0, cutFrom - from);
      cut += cutTo - cutFrom;
      from = cutTo;
    }
    y = end;
  }
  if (from < imageHeight) segments.push({ from, to: imageHeight, at });
  return cut >= MIN_CUT_SHARE * imageHeight && segments.length > 0 ? segments : null;
}

/** Rows of the stacked page. */
export const stackedHeight = (segments: readonly RowSegment[]) => segments.reduce((h, s) => h + s.to - s.from, 0);

/** The kept rows of an interleaved image (`channels` bytes a pixel) one under the other. */
export function stackRows(data: Uint8Array, width: number, channels: number, segments: readonly RowSegment[]): Uint8Array {
  const rowBytes = width * channels;
  const out = new Uint8Array(stackedHeight(segments) * rowBytes);
  for (const s of segments) out.set(data.subarray(s.from * rowBytes, s.to * rowBytes), s.at * rowBytes);
  return out;
}

/** A box found on the stacked page moved back onto the page, by the segment its centre is in. */
export function unstackRegion(region: TextRegion, segments: readonly RowSegment[]): TextRegion {
  const centre = region.quad.reduce((sum, p) => sum + p.y, 0) / 4;
  let segment = segments[0]!;
  for (const s of segments) if (centre >= s.at) segment = s;
  const shift = segment.from - segment.at;
  return { ...region, quad: region.quad.map((p) => ({ x: p.x, y: p.y + shift })) as Quad };
}
