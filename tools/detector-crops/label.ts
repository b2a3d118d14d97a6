/**
 * What a detector box says, from the words the page printed: the label of a training crop cut
 * where the app's detector put its box. Pure: boxes in, text (or a reason to drop the box) out.
 *
 * A box is labelled only when it is unambiguous: every word it touches lies mostly inside it,
 * and they sit on one row. A box that cuts a word, or spans two rows, teaches the recogniser
 * nothing it can be sure of, so it is dropped; a box that touches no word at all is an icon or
 * a rule, which the recogniser must learn to read as nothing.
 */
import type { Quad } from '../../src-shared/ocr/types';
import type { WordBox } from '../receipt-generator/compose';

export type RegionLabel = { text: string } | { dropped: 'cut word' | 'two rows' };

/** Share of a word's area a box must hold for the word to count as inside it. */
const INSIDE = 0.6;
/** Less than this is a graze (the box's margin touching a neighbour), not a cut. */
const GRAZE = 0.15;
/** Between words of different text nodes, a gap wider than this share of their height is a space. */
const SPACE_GAP = 0.12;

interface Rect {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

function bounds(quad: Quad): Rect {
  const xs = quad.map((p) => p.x);
  const ys = quad.map((p) => p.y);
  return { x0: Math.min(...xs), y0: Math.min(...ys), x1: Math.max(...xs), y1: Math.max(...ys) };
}

function sharedArea(a: Rect, b: Rect): number {
  return Math.max(0, Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0)) * Math.max(0, Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0));
}

const area = (r: Rect) => Math.max(1e-6, (r.x1 - r.x0) * (r.y1 - r.y0));

export function labelRegion(quad: Quad, words: readonly WordBox[]): RegionLabel {
  const box = bounds(quad);
  const inside: WordBox[] = [];
  for (const w of words) {
    const share = sharedArea(box, w) / area(w);
    if (share >= INSIDE) inside.push(w);
    else if (share > GRAZE) return { dropped: 'cut word' };
  }
  if (inside.length === 0) return { text: '' };
  const centres = inside.map((w) => (w.y0 + w.y1) / 2);
  const height = Math.min(...inside.map((w) => w.y1 - w.y0));
  if (Math.max(...centres) - Math.min(...centres) > height / 2) return { dropped: 'two rows' };
  inside.sort((a, b) => a.x0 - b.x0);
  let text = inside[0]!.text;
  for (let k = 1; k < inside.length; k++) {
    const [before, word] = [inside[k - 1]!, inside[k]!];
    const space = word.node === before.node ? word.spaceBefore : word.x0 - before.x1 > SPACE_GAP * (word.y1 - word.y0);
    text += (space ? ' ' : '') + word.text;
  }
  return { text };
}
