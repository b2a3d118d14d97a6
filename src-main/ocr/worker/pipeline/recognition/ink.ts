/**
 * Where the ink is in a text-line patch. Receipts come in light and dark themes, so the
 * background is whichever side of the Otsu threshold holds most pixels.
 */

export interface InkProfile {
  /** Ink pixels per column. */
  columns: Uint16Array;
  /** First and last row holding ink (-1 when the patch is blank). */
  top: number;
  bottom: number;
  /** Whether pixel (x, y) is ink. */
  mask: Uint8Array;
  width: number;
  height: number;
}

export function otsuThreshold(grey: Uint8Array): number {
  const hist = new Float64Array(256);
  for (let i = 0; i < grey.length; i++) hist[grey[i]!]!++;
  let sumAll = 0;
  for (let t = 0; t < 256; t++) sumAll += t * hist[t]!;
  let wB = 0, sumB = 0, best = 0, bestVar = -1;
  for (let t = 0; t < 256; t++) {
    wB += hist[t]!;
    if (wB === 0) continue;
    const wF = grey.length - wB;
    if (wF === 0) break;
    sumB += t * hist[t]!;
    const mB = sumB / wB, mF = (sumAll - sumB) / wF;
    const between = wB * wF * (mB - mF) * (mB - mF);
    if (between > bestVar) {
      bestVar = between;
      best = t;
    }
  }
  return best;
}

/**
 * Ink profile of a grey patch. A patch with too little contrast (min..max under `minContrast`)
 * has no ink: Otsu would otherwise split noise into fake strokes.
 */
export function inkProfile(grey: Uint8Array, width: number, height: number, minContrast = 40): InkProfile {
  const mask = new Uint8Array(width * height);
  const columns = new Uint16Array(width);
  let lo = 255, hi = 0;
  for (let i = 0; i < grey.length; i++) {
    if (grey[i]! < lo) lo = grey[i]!;
    if (grey[i]! > hi) hi = grey[i]!;
  }
  if (hi - lo < minContrast) return { columns, top: -1, bottom: -1, mask, width, height };
  const t = otsuThreshold(grey);
  let dark = 0;
  for (let i = 0; i < grey.length; i++) if (grey[i]! <= t) dark++;
  const inkIsDark = dark <= grey.length - dark;
  let top = -1, bottom = -1;
  for (let y = 0; y < height; y++) {
    let rowInk = 0;
    for (let x = 0; x < width; x++) {
      const i = y * width + x;
      const isInk = inkIsDark ? grey[i]! <= t : grey[i]! > t;
      if (isInk) {
        mask[i] = 1;
        columns[x]!++;
        rowInk++;
      }
    }
    if (rowInk > 0) {
      if (top < 0) top = y;
      bottom = y;
    }
  }
  return { columns, top, bottom, mask, width, height };
}

/** The longest run of ink-free columns in [from, to): its start and length (length 0 if none). */
export function widestGap(columns: Uint16Array, from: number, to: number): { start: number; length: number } {
  let best = { start: from, length: 0 };
  let runStart = -1;
  const end = Math.min(to, columns.length);
  for (let x = Math.max(0, from); x <= end; x++) {
    const empty = x < end && columns[x] === 0;
    if (empty && runStart < 0) runStart = x;
    if (!empty && runStart >= 0) {
      if (x - runStart > best.length) best = { start: runStart, length: x - runStart };
      runStart = -1;
    }
  }
  return best;
}

/** First and last ink column in [from, to), or null when there is none. */
export function inkExtent(columns: Uint16Array, from: number, to: number): [number, number] | null {
  let first = -1, last = -1;
  for (let x = Math.max(0, from); x < Math.min(to, columns.length); x++) {
    if (columns[x]! > 0) {
      if (first < 0) first = x;
      last = x;
    }
  }
  return first < 0 ? null : [first, last];
}

/** First and last ink row within columns [from, to], or null. */
export function inkRows(p: InkProfile, from: number, to: number): [number, number] | null {
  let top = -1, bottom = -1;
  for (let y = 0; y < p.height; y++) {
    for (let x = Math.max(0, from); x <= Math.min(to, p.width - 1); x++) {
      if (p.mask[y * p.width + x]) {
        if (top < 0) top = y;
        bottom = y;
        break;
      }
    }
  }
  return top < 0 ? null : [top, bottom];
}
