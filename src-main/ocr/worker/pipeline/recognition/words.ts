/**
 * Splits a recognised line into words with their extents in the line's patch.
 * Spaces the recogniser emitted split words first; where it ran two words together, a gap of
 * ink-free columns splits them too (the recogniser's frames tell where each character sits,
 * the ink tells where the gap between them is). A gap must be wide for the text's height and
 * for this line's own letter spacing; between two digits only a very wide one counts, because
 * a "1" stands between wide margins in most fonts and references must never be cut in two.
 */
import type { CtcChar, CtcLine } from './ctc';
import { inkExtent, inkRows, widestGap, type InkProfile } from './ink';

export interface PatchWord {
  text: string;
  confidence: number;
  /** Extent in patch pixels, inclusive start, exclusive end. */
  x0: number;
  x1: number;
  y0: number;
  y1: number;
}

export interface WordSplitOptions {
  /** A gap at least this many text heights wide may separate two words. */
  gapRatio: number;
  /** ...and at least this many times the line's median gap between letters. */
  medianGapFactor: number;
  /** Between two digits, a gap must be this many text heights wide. */
  digitGapRatio: number;
}

export const WORD_SPLIT_DEFAULTS: WordSplitOptions = { gapRatio: 0.3, medianGapFactor: 2, digitGapRatio: 0.9 };

const DIGIT = /[0-9]/;
const NUMBER_MARK = /[.,]/;
/** Both sides belong to a number: digits, or a digit beside its decimal or thousands mark. */
const inNumber = (a: string, b: string) => (DIGIT.test(a) && (DIGIT.test(b) || NUMBER_MARK.test(b))) || (NUMBER_MARK.test(a) && DIGIT.test(b));

/** Centre of a character in patch pixels; `stride` is patch pixels per recogniser frame. */
const centre = (c: CtcChar, stride: number) => ((c.firstFrame + c.lastFrame + 1) / 2) * stride;

/** Columns of background between two characters' centres. */
const gapBetween = (ink: InkProfile, stride: number, a: CtcChar, b: CtcChar) => widestGap(ink.columns, Math.floor(centre(a, stride)), Math.ceil(centre(b, stride))).length;

// Module-level callbacks, not arrows in the call: V8 optimises a function created per call
// afresh each time it gets hot (docs/ocr-engine.md, "Code V8 optimises once").
const ascending = (a: number, b: number) => a - b;
const isLetter = (c: CtcChar) => c.char.trim() !== '';
const charOf = (c: CtcChar) => c.char;
const addProbability = (sum: number, c: CtcChar) => sum + c.probability;

export function splitWords(line: CtcLine, stride: number, ink: InkProfile, options: WordSplitOptions = WORD_SPLIT_DEFAULTS): PatchWord[] {
  const textHeight = ink.top >= 0 ? ink.bottom - ink.top + 1 : ink.height / 2;
  const letters = line.chars.filter(isLetter);
  const gaps: number[] = [];
  for (let i = 1; i < letters.length; i++) gaps.push(gapBetween(ink, stride, letters[i - 1]!, letters[i]!));
  gaps.sort(ascending);
  // Lower median: with few letters, the upper one may be the very word gap being looked for.
  const medianGap = gaps.length > 0 ? gaps[(gaps.length - 1) >> 1]! : 0;
  const minGap = Math.max(2, options.gapRatio * textHeight, options.medianGapFactor * medianGap);
  const minDigitGap = Math.max(minGap, options.digitGapRatio * textHeight);

  // Groups of characters, split where the recogniser read a space or the ink shows a gap.
  const groups: CtcChar[][] = [];
  let current: CtcChar[] = [];
  for (const c of line.chars) {
    if (c.char.trim() === '') {
      if (current.length > 0) groups.push(current);
      current = [];
      continue;
    }
    const prev = current[current.length - 1];
    if (prev) {
      const needed = inNumber(prev.char, c.char) ? minDigitGap : minGap;
      if (gapBetween(ink, stride, prev, c) >= needed) {
        groups.push(current);
        current = [];
      }
    }
    current.push(c);
  }
  if (current.length > 0) groups.push(current);

  // Boundaries between neighbouring groups sit in the middle of the widest gap between them.
  const cuts: number[] = [];
  for (let i = 0; i + 1 < groups.length; i++) {
    const a = centre(groups[i]![groups[i]!.length - 1]!, stride);
    const b = centre(groups[i + 1]![0]!, stride);
    const gap = widestGap(ink.columns, Math.floor(a), Math.ceil(b));
    cuts.push(gap.length > 0 ? gap.start + gap.length / 2 : (a + b) / 2);
  }

  return groups.map((chars, i) => {
    const left = i === 0 ? 0 : Math.round(cuts[i - 1]!);
    const right = i === groups.length - 1 ? ink.width : Math.round(cuts[i]!);
    const extent = inkExtent(ink.columns, left, right);
    const x0 = extent ? extent[0] : Math.max(0, centre(chars[0]!, stride) - stride / 2);
    const x1 = extent ? extent[1] + 1 : Math.min(ink.width, centre(chars[chars.length - 1]!, stride) + stride / 2);
    const rows = inkRows(ink, Math.floor(x0), Math.ceil(x1) - 1);
    return {
      text: chars.map(charOf).join(''),
      confidence: chars.reduce(addProbability, 0) / chars.length,
      x0,
      x1,
      y0: rows ? rows[0] : 0,
      y1: rows ? rows[1] + 1 : ink.height,
    };
  });
}
