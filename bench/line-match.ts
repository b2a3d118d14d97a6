/**
 * SROIE's pages read through the pipeline, measured line by line with the spaces aside.
 *
 * Word F1 mixes two things: where a reader breaks its words, and which characters it reads. The
 * pipeline splits words again at ink gaps, so a reader that drops spaces is partly forgiven and one
 * that misreads letters is not. This measure keeps only the second: every ground-truth box goes to
 * the detected line that holds most of it, and each line's text is compared, spaces removed, with
 * its boxes' texts joined left to right. Pure, for the benchmark and its tests.
 */
import { distance as levenshtein } from 'fastest-levenshtein';
import type { Box } from '../src-shared/ocr/types';
import { unspaced } from './metrics';

export interface TextBox {
  box: Box;
  text: string;
}

const area = (b: Box) => Math.max(0, b[2] - b[0]) * Math.max(0, b[3] - b[1]);
const overlap = (a: Box, b: Box): number =>
  Math.max(0, Math.min(a[2], b[2]) - Math.max(a[0], b[0])) * Math.max(0, Math.min(a[3], b[3]) - Math.max(a[1], b[1]));

/** A truth box belongs to a line when more than this share of its area lies inside the line's box. */
const MIN_SHARE_INSIDE = 0.5;

/**
 * Character edits over the truth's characters, spaces aside, `foldCase` comparing capitals. A truth
 * box no line holds costs all its characters (the detector missed it); a line holding no truth box
 * is left out (SROIE leaves some print unlabelled, and word precision already counts such reads).
 */
export function unspacedEditsByLine(truth: readonly TextBox[], lines: readonly TextBox[], foldCase: boolean): { edits: number; chars: number } {
  const fold = (t: string) => unspaced(foldCase ? t.toUpperCase() : t);
  // Each line's truth boxes, their texts already folded, for joining left to right below.
  const held = lines.map(() => [] as { x: number; text: string }[]);
  let edits = 0;
  let chars = 0;
  for (const t of truth) {
    const text = fold(t.text);
    chars += text.length;
    const shares = lines.map((l) => overlap(l.box, t.box) / Math.max(1, area(t.box)));
    const best = shares.indexOf(Math.max(...shares, 0));
    if (best < 0 || shares[best]! <= MIN_SHARE_INSIDE) edits += text.length;
    else held[best]!.push({ x: t.box[0], text });
  }
  lines.forEach((line, i) => {
    const boxes = held[i]!;
    if (boxes.length === 0) return;
    const expected = boxes.sort((a, b) => a.x - b.x).map((b) => b.text).join('');
    edits += levenshtein(expected, fold(line.text));
  });
  return { edits, chars };
}
