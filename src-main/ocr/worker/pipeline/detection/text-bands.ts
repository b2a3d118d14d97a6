/**
 * Where a page needs a closer look. A whole-page detector pass at a size set by the longest side
 * reads a tall capture or a desktop page at a fraction of its width, and its small text becomes
 * nothing. This module finds the parts of the page whose text that pass missed or saw too small
 * (text-like ink outside the boxes it found, and boxes under the profile's minimum height) and
 * plans a detector pass over each such band at the scale its text needs. The cost follows the
 * text on the page: blank space and text already read well are not looked at again.
 */
import type { TextRegion } from './dbnet-postprocess';

export interface GreyPage {
  data: Uint8Array;
  width: number;
  height: number;
  /** Grey pixels per original pixel. */
  scale: number;
}

export interface Band {
  /** Rectangle in original-image pixels. */
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  /** Estimated text height in original pixels. */
  textHeight: number;
}

export interface BandPlan extends Band {
  /** Detector pixels per original pixel. */
  scale: number;
}

/** Luma steps this strong are stroke edges; text rows have many of them along a row. */
const EDGE_STEP = 48;
const MIN_EDGES_PER_ROW = 6;
const MIN_LINE_ASPECT = 3;
const MIN_TEXT_PX = 7;
/**
 * Boxes under this share of the minimum height are too small for the detector to have boxed
 * their lines well; above it, the recogniser reads them from the full-size image anyway.
 */
const SMALL_SHARE = 0.6;

const boxOf = (r: TextRegion) => {
  const xs = r.quad.map((p) => p.x);
  const ys = r.quad.map((p) => p.y);
  return { x0: Math.min(...xs), y0: Math.min(...ys), x1: Math.max(...xs), y1: Math.max(...ys) };
};
const regionHeight = (r: TextRegion) => Math.hypot(r.quad[3].x - r.quad[0].x, r.quad[3].y - r.quad[0].y);

/**
 * Bands of text the pass that found `regions` (at `detScale` detector pixels per original pixel)
 * did not read at `minTextPx` or more. Boxes read well mask their ink; everything else with the
 * rhythm of text counts.
 */
export function bandsNeedingDetail(grey: GreyPage, regions: readonly TextRegion[], detScale: number, minTextPx: number): { bands: Band[]; inkLines: number; fused: Set<TextRegion> } {
  const s = grey.scale;
  const large = regions.filter((r) => regionHeight(r) * detScale >= minTextPx * SMALL_SHARE);
  // A pass at a small scale can run several lines into one tall box (a table's rows): the box
  // is not a line read well, and its ink is looked at again like the rest.
  const fused = new Set(large.filter((r) => inkLinesIn(grey, boxOf(r)) > 1));
  const good = large.filter((r) => !fused.has(r)).map(boxOf);
  // Small boxes that are lines of words: not specks (under 6 px) nor dots and icons (not wide).
  const small = regions.filter((r) => {
    const h = regionHeight(r);
    const b = boxOf(r);
    return h * detScale < minTextPx * SMALL_SHARE && h >= MIN_TEXT_PX && b.x1 - b.x0 >= MIN_LINE_ASPECT * h;
  });
  const { rowEdges, allEdges, rowX0, rowX1 } = edgeRows(grey, coverMask(grey, good));
  const inkLines = countInkLines(allEdges);
  const runs = textRuns(rowEdges, rowX0, rowX1, s);
  const pieces = [
    ...runs.map((r) => ({ x0: r.x0 / s, x1: (r.x1 + 1) / s, y0: r.y0 / s, y1: (r.y1 + 1) / s, h: (r.y1 - r.y0 + 1) / s })),
    ...small.map((r) => ({ ...boxOf(r), h: regionHeight(r) })),
  ].sort((a, b) => a.y0 - b.y0);
  return { bands: mergeIntoBands(pieces, grey.width / s, grey.height / s), inkLines, fused };
}

/*
 * The pixel scans below are functions of their own: V8 optimises one small hot loop once, where
 * the whole of bandsNeedingDetail was optimised and thrown away again and again (24 times over
 * the 72 rendered receipts; docs/ocr-engine.md, "Code V8 optimises once").
 */

/** Well-read boxes as a mask of the grey page, so the edge scan is one pass over its pixels. */
function coverMask(grey: GreyPage, good: readonly { x0: number; y0: number; x1: number; y1: number }[]): Uint8Array {
  const s = grey.scale;
  const covered = new Uint8Array(grey.width * grey.height);
  for (const b of good) {
    const [x0, x1] = [Math.max(0, Math.floor(b.x0 * s) - 2), Math.min(grey.width, Math.ceil(b.x1 * s) + 2)];
    for (let y = Math.max(0, Math.floor(b.y0 * s) - 2); y < Math.min(grey.height, Math.ceil(b.y1 * s) + 2); y++) covered.fill(1, y * grey.width + x0, y * grey.width + x1);
  }
  return covered;
}

/**
 * Per grey row: how many stroke edges lie outside well-read boxes, and where (first and last
 * column); and all of a row's edges, masked or not, to count the page's lines of text.
 */
function edgeRows(grey: GreyPage, covered: Uint8Array) {
  const rowEdges = new Uint32Array(grey.height);
  const allEdges = new Uint32Array(grey.height);
  const rowX0 = new Float64Array(grey.height).fill(Infinity);
  const rowX1 = new Float64Array(grey.height).fill(-Infinity);
  const data = grey.data;
  for (let y = 0; y < grey.height; y++) {
    const row = y * grey.width;
    let edges = 0;
    let all = 0;
    let first = Infinity;
    let last = -Infinity;
    for (let x = 0; x + 1 < grey.width; x++) {
      const step = data[row + x + 1]! - data[row + x]!;
      if (step < EDGE_STEP && step > -EDGE_STEP) continue;
      all++;
      if (covered[row + x]) continue;
      edges++;
      if (x < first) first = x;
      last = x;
    }
    rowEdges[y] = edges;
    allEdges[y] = all;
    rowX0[y] = first;
    rowX1[y] = last;
  }
  return { rowEdges, allEdges, rowX0, rowX1 };
}

/** Runs of three or more rows with the edges of text: the page's lines of text. */
function countInkLines(allEdges: Uint32Array): number {
  let inkLines = 0;
  for (let y = 0, run = 0; y <= allEdges.length; y++) {
    if (y < allEdges.length && allEdges[y]! >= MIN_EDGES_PER_ROW) run++;
    else {
      if (run >= 3) inkLines++;
      run = 0;
    }
  }
  return inkLines;
}

/** Runs of text rows outside well-read boxes: each is roughly one line of text, its height the text's. */
function textRuns(rowEdges: Uint32Array, rowX0: Float64Array, rowX1: Float64Array, s: number) {
  const height = rowEdges.length;
  const runs: { y0: number; y1: number; x0: number; x1: number }[] = [];
  for (let y = 0; y < height; y++) {
    if (rowEdges[y]! < MIN_EDGES_PER_ROW) continue;
    const run = { y0: y, y1: y, x0: rowX0[y]!, x1: rowX1[y]! };
    while (y + 1 < height && rowEdges[y + 1]! >= MIN_EDGES_PER_ROW) {
      y++;
      run.y1 = y;
      run.x0 = Math.min(run.x0, rowX0[y]!);
      run.x1 = Math.max(run.x1, rowX1[y]!);
    }
    // A run of one or two grey rows is a rule, a border or noise, and a run hardly wider than
    // tall is an icon or a logo: neither is a line of text.
    // Text under MIN_TEXT_PX of the image's own pixels is no one's to read.
    const rows = run.y1 - run.y0 + 1;
    if (rows >= 3 && rows / s >= MIN_TEXT_PX && run.x1 - run.x0 >= MIN_LINE_ASPECT * rows) runs.push(run);
  }
  return runs;
}

/** Lines of ink inside a box: runs of grey rows with the edges of text, blank rows between. */
function inkLinesIn(grey: GreyPage, b: { x0: number; y0: number; x1: number; y1: number }): number {
  const s = grey.scale;
  const [x0, x1] = [Math.max(0, Math.floor(b.x0 * s)), Math.min(grey.width - 1, Math.ceil(b.x1 * s))];
  let lines = 0;
  let run = 0;
  for (let y = Math.max(0, Math.floor(b.y0 * s)); y <= Math.min(grey.height, Math.ceil(b.y1 * s)); y++) {
    let edges = 0;
    if (y < grey.height) {
      const row = y * grey.width;
      for (let x = x0; x < x1; x++) {
        const step = grey.data[row + x + 1]! - grey.data[row + x]!;
        if (step >= EDGE_STEP || step <= -EDGE_STEP) edges++;
      }
    }
    if (edges >= MIN_EDGES_PER_ROW) run++;
    else {
      // Runs too short to be a line of MIN_TEXT_PX text are accents, dots or a rule's ends.
      if (run >= 3 && run / s >= MIN_TEXT_PX) lines++;
      run = 0;
    }
  }
  return lines;
}

/** Lines closer than a few of their own heights become one band, padded so no stroke is cut. */
function mergeIntoBands(pieces: readonly { x0: number; x1: number; y0: number; y1: number; h: number }[], width: number, height: number): Band[] {
  const bands: (Band & { heights: number[] })[] = [];
  for (const p of pieces) {
    const last = bands[bands.length - 1];
    if (last && p.y0 - last.y1 < 3 * Math.max(p.h, median(last.heights))) {
      last.y1 = Math.max(last.y1, p.y1);
      last.x0 = Math.min(last.x0, p.x0);
      last.x1 = Math.max(last.x1, p.x1);
      last.heights.push(p.h);
    } else bands.push({ x0: p.x0, y0: p.y0, x1: p.x1, y1: p.y1, textHeight: 0, heights: [p.h] });
  }
  return bands.map(({ heights, ...b }) => {
    const h = median(heights);
    const pad = Math.max(4, h);
    return { x0: Math.max(0, b.x0 - pad), y0: Math.max(0, b.y0 - pad), x1: Math.min(width, b.x1 + pad), y1: Math.min(height, b.y1 + pad), textHeight: h };
  });
}

const median = (v: readonly number[]) => [...v].sort((a, b) => a - b)[v.length >> 1] ?? 0;

/**
 * The scale of each band's pass: its text brought to `targetTextPx`, never below the scale the
 * page was already read at, and all bands together within `budgetPx` detector pixels (the
 * profile's ceiling on work per page). Bands no larger than the page pass are dropped.
 */
export function planBands(bands: readonly Band[], pageScale: number, targetTextPx: number, budgetPx: number): BandPlan[] {
  const wanted = bands.map((b) => ({ ...b, scale: Math.min(2, targetTextPx / Math.max(1, b.textHeight)) })).filter((b) => b.scale > pageScale * 1.15);
  const area = wanted.reduce((sum, b) => sum + (b.x1 - b.x0) * (b.y1 - b.y0) * b.scale * b.scale, 0);
  const shrink = area > budgetPx ? Math.sqrt(budgetPx / area) : 1;
  return wanted.map((b) => ({ ...b, scale: Math.max(pageScale * 1.15, b.scale * shrink) }));
}

/**
 * Page boxes and band boxes together: a band's boxes replace the page's small boxes inside it
 * and its boxes of several lines run together (`fused`), and a band box over a box the page pass read well is the same text twice (the page's stays).
 */
export function mergeRegions(
  page: readonly TextRegion[],
  pageScale: number,
  minTextPx: number,
  bands: readonly { plan: BandPlan; found: readonly TextRegion[] }[],
  fused: ReadonlySet<TextRegion> = new Set(),
): TextRegion[] {
  const inside = (r: TextRegion, b: Band) => {
    const c = centre(r);
    return c.x >= b.x0 && c.x <= b.x1 && c.y >= b.y0 && c.y <= b.y1;
  };
  const kept = page.filter((r) => (regionHeight(r) * pageScale >= minTextPx && !fused.has(r)) || !bands.some((b) => inside(r, b.plan)));
  const keptBoxes = kept.map(boxOf);
  const added = bands.flatMap((b) => b.found).filter((r) => {
    const c = centre(r);
    return !keptBoxes.some((k) => c.x >= k.x0 && c.x <= k.x1 && c.y >= k.y0 && c.y <= k.y1);
  });
  return [...kept, ...added].sort((a, b) => a.quad[0].y - b.quad[0].y || a.quad[0].x - b.quad[0].x);
}

const centre = (r: TextRegion) => ({ x: r.quad.reduce((s, p) => s + p.x, 0) / 4, y: r.quad.reduce((s, p) => s + p.y, 0) / 4 });
