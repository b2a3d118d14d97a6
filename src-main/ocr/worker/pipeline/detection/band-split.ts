/**
 * A band pass too large for one detector run is cut into pieces one above the other, at rows
 * that cross no text. onnxruntime's arena keeps the memory of the largest input a worker has
 * run, so one pass over a desktop page's band of 576 x 2,080 detector pixels (1.2 million) held
 * a worker at 440 MiB for the rest of its day. A cut row and its neighbours have at most a
 * frame's few steps within the band's width (a line of text has two for every stroke), so no
 * line is split, and each piece is read at the band's scale.
 */
import { FLAT_RANGE } from './blank-rows';
import type { BandPlan, GreyPage } from './text-bands';

/** Steps between neighbouring grey pixels a background row may have: a frame's two sides. */
const MAX_FRAME_STEPS = 4;

/** Detector pixels of one band pass. */
export const bandPassPixels = (plan: BandPlan) => (plan.x1 - plan.x0) * (plan.y1 - plan.y0) * plan.scale * plan.scale;

/**
 * The band as pieces of at most about `maxPx` detector pixels each, cut at background rows
 * near even divisions; the band whole when it is small enough or has no background row to cut
 * at. Pieces share their cut row, so together they cover the band exactly.
 */
export function splitBand(plan: BandPlan, grey: GreyPage, maxPx: number): BandPlan[] {
  const count = Math.ceil(bandPassPixels(plan) / maxPx);
  if (count <= 1) return [plan];
  const s = grey.scale;
  const gx0 = Math.max(0, Math.floor(plan.x0 * s));
  const gx1 = Math.min(grey.width, Math.ceil(plan.x1 * s));
  const height = (plan.y1 - plan.y0) / count;
  const pieces: BandPlan[] = [];
  let top = plan.y0;
  for (let k = 1; k < count; k++) {
    const cut = backgroundRowNear(grey, gx0, gx1, (plan.y0 + k * height) * s, (height / 2) * s);
    // A cut must leave a piece of some height on each side: the detector reads 32-pixel steps.
    const y = cut === null ? null : cut / s;
    if (y === null || (y - top) * plan.scale < 32 || (plan.y1 - y) * plan.scale < 32) continue;
    pieces.push({ ...plan, y0: top, y1: y });
    top = y;
  }
  pieces.push({ ...plan, y0: top, y1: plan.y1 });
  return pieces;
}

/** The grey row nearest `centre` (within `reach`) whose pixels in [gx0, gx1) are background. */
function backgroundRowNear(grey: GreyPage, gx0: number, gx1: number, centre: number, reach: number): number | null {
  const c = Math.round(centre);
  for (let d = 0; d <= reach; d++) {
    for (const y of [c - d, c + d]) {
      if (y > 0 && y < grey.height - 1 && isBackground(grey, y, gx0, gx1)) return y;
    }
  }
  return null;
}

/**
 * Whether row `y` and its neighbours cross no text in [gx0, gx1): at most a frame's or a rule's
 * few edges (a line of text has a pair for every stroke).
 */
function isBackground(grey: GreyPage, y: number, gx0: number, gx1: number): boolean {
  return strongSteps(grey, y - 1, gx0, gx1) <= MAX_FRAME_STEPS && strongSteps(grey, y, gx0, gx1) <= MAX_FRAME_STEPS && strongSteps(grey, y + 1, gx0, gx1) <= MAX_FRAME_STEPS;
}

/**
 * Steps along row `y` larger than a background row's whole spread may be (blank-rows.ts): the
 * same measure of "not background" as the page passes use, counted instead of tested once.
 */
function strongSteps(grey: GreyPage, y: number, gx0: number, gx1: number): number {
  const row = y * grey.width;
  let steps = 0;
  for (let x = gx0; x + 1 < gx1; x++) {
    const d = grey.data[row + x + 1]! - grey.data[row + x]!;
    if (d > FLAT_RANGE || d < -FLAT_RANGE) steps++;
  }
  return steps;
}
