/**
 * A second reading of the lines the recogniser was unsure of, from their box tightened toward the
 * text's centre line; the reading the recogniser is surer of is kept. On scanned paper the
 * detector's box around small print often takes in the edges of the lines above and below, which
 * the recogniser reads as letters; the tighter box leaves them out, and where it cuts the line's
 * own ink the recogniser is less sure and the first reading stays. A recogniser's manifest entry
 * turns it on (`rereadBelow`): with recibo-rec-es it read 1.5 points more of SROIE's words (79.8%
 * against 78.3%) and lost no field of the rendered receipts; PP-OCRv4's confidence picked cut
 * readings of amounts (docs/benchmarks.md, "A second reading").
 */
import type { CropGeometry, RgbImage } from '../image';
import { cropAt, recognizeCrops, type Crop, type Lane, type RecognizedCrop, type RecognizerSpec } from './recognize';

/**
 * Share of the box's height taken off above and below. 0.12 to 0.15 read SROIE best; at 0.18 a
 * cut comma's tail started to read as a period in the rendered receipts' amounts.
 */
export const REREAD_TRIM = 0.15;

/** The box with `share` of its height taken off on either side, whichever way it is turned. */
export function tightenedGeometry(g: CropGeometry, share: number): CropGeometry {
  const inset = g.height * share;
  return {
    ...g,
    origin: { x: g.origin.x + g.across.x * inset, y: g.origin.y + g.across.y * inset },
    height: g.height - 2 * inset,
  };
}

/** The lines worth a second reading: read, but with less mean confidence than `below`. */
export function uncertainLines(reads: readonly RecognizedCrop[], below: number): number[] {
  return reads.flatMap((r, i) => (r.line.chars.length > 0 && r.line.confidence < below ? [i] : []));
}

export interface Reading {
  crops: Crop[];
  reads: RecognizedCrop[];
}

/** `first` with the second readings (of the lines at `indices`) kept where they are surer. */
export function keepSurer(first: Reading, indices: readonly number[], second: Reading): Reading {
  const crops = first.crops.slice();
  const reads = first.reads.slice();
  indices.forEach((line, k) => {
    if (second.reads[k]!.line.confidence > reads[line]!.line.confidence) {
      crops[line] = second.crops[k]!;
      reads[line] = second.reads[k]!;
    }
  });
  return { crops, reads };
}

/**
 * Reads the uncertain lines of `first` again from tightened boxes. `checkpoint` runs between
 * batches and throws to stop (a cancelled job).
 */
export async function rereadUncertain(image: RgbImage, first: Reading, lanes: readonly Lane[], spec: RecognizerSpec, below: number, checkpoint: () => void): Promise<Reading> {
  const indices = uncertainLines(first.reads, below);
  if (indices.length === 0) return first;
  const crops = indices.map((i) => cropAt(image, tightenedGeometry(first.crops[i]!.geometry, REREAD_TRIM), spec));
  const reads = await recognizeCrops(crops, lanes, spec, undefined, checkpoint);
  return keepSurer(first, indices, { crops, reads });
}
