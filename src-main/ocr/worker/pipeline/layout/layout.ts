/**
 * Reading order: recognised segments grouped into the visual rows a person sees, top to bottom,
 * left to right. A label at the left edge and its value at the right edge share a row as long
 * as they overlap vertically by half of the smaller one's height, even when their fonts differ.
 */
import type { Box, Line, Word } from '../../../../../src-shared/ocr/types';
import { unionBoxes } from '../detection/geometry';

export interface Segment {
  words: Word[];
  box: Box;
}

const height = (b: Box) => b[3] - b[1];
const centreY = (b: Box) => (b[1] + b[3]) / 2;
const verticalOverlap = (a: Box, b: Box) => Math.min(a[3], b[3]) - Math.max(a[1], b[1]);

interface Row {
  segments: Segment[];
  box: Box;
  /** Height of the row's first (reference) segment: a tall neighbour must not widen the row. */
  coreTop: number;
  coreBottom: number;
}

export function groupRows(segments: readonly Segment[], minOverlap = 0.5): Line[] {
  const sorted = segments.filter((s) => s.words.length > 0).sort((a, b) => centreY(a.box) - centreY(b.box) || a.box[0] - b.box[0]);
  const rows: Row[] = [];
  for (const seg of sorted) {
    let best: Row | null = null;
    let bestOverlap = 0;
    // Only the most recent rows can still be open: segments arrive sorted by their centre.
    for (let i = rows.length - 1; i >= Math.max(0, rows.length - 4); i--) {
      const row = rows[i]!;
      const core: Box = [row.box[0], row.coreTop, row.box[2], row.coreBottom];
      const overlap = verticalOverlap(seg.box, core) / Math.max(1, Math.min(height(seg.box), height(core)));
      const cy = centreY(seg.box);
      const centred = cy >= row.coreTop && cy <= row.coreBottom;
      if (overlap >= minOverlap && centred && overlap > bestOverlap) {
        best = row;
        bestOverlap = overlap;
      }
    }
    if (best) {
      best.segments.push(seg);
      best.box = unionBoxes([best.box, seg.box]);
    } else {
      rows.push({ segments: [seg], box: seg.box, coreTop: seg.box[1], coreBottom: seg.box[3] });
    }
  }
  return rows.map(toLine);
}

function toLine(row: Row): Line {
  const words = row.segments.flatMap((s) => s.words).sort((a, b) => a.box[0] - b.box[0]);
  const chars = words.reduce((n, w) => n + w.text.length, 0);
  const confidence = chars === 0 ? 0 : words.reduce((s, w) => s + w.confidence * w.text.length, 0) / chars;
  return { text: words.map((w) => w.text).join(' '), confidence, box: unionBoxes(words.map((w) => w.box)), words };
}

/** One visual row per line of text. */
export const pageText = (lines: readonly Line[]) => lines.map((l) => l.text).join('\n');
