/**
 * Greedy CTC decoding: the most likely class per frame, repeats collapsed, blanks dropped.
 * Each character keeps the frames it was read from, so words can be located in the crop.
 */

export interface CtcChar {
  char: string;
  /** First and last frame (inclusive) of the run that produced this character. */
  firstFrame: number;
  lastFrame: number;
  probability: number;
}

export interface CtcLine {
  text: string;
  /** Mean probability of the emitted characters; 0 for an empty line. */
  confidence: number;
  chars: CtcChar[];
  /** Frames that cover the crop (padding excluded). */
  frames: number;
}

export interface CtcClasses {
  /** Class index -> character; the blank's entry is ignored. */
  characters: readonly string[];
  blankIndex: number;
  /**
   * Classes the decoder may emit (1) or must never emit (0), indexed like `characters`.
   * A recogniser trained on a larger script reads icons and noise as its other glyphs.
   */
  allowed?: Uint8Array;
}

/**
 * Decodes one sequence of `frames` x `classCount` probabilities starting at `offset`
 * (row-major, as the recogniser's [batch, time, class] output is laid out).
 */
export function ctcGreedyDecode(probs: Float32Array, offset: number, frames: number, classCount: number, classes: CtcClasses): CtcLine {
  const candidates = candidateClasses(classes, classCount);
  const chars: CtcChar[] = [];
  let previous = -1;
  for (let t = 0; t < frames; t++) {
    const row = offset + t * classCount;
    let best = classes.blankIndex;
    let bestP = probs[row + best]!;
    for (let k = 0; k < candidates.length; k++) {
      const c = candidates[k]!;
      const p = probs[row + c]!;
      if (p > bestP) {
        bestP = p;
        best = c;
      }
    }
    if (best === previous && best !== classes.blankIndex) {
      chars[chars.length - 1]!.lastFrame = t;
    } else if (best !== classes.blankIndex) {
      chars.push({ char: classes.characters[best] ?? '', firstFrame: t, lastFrame: t, probability: bestP });
    }
    previous = best;
  }
  return lineOf(chars, frames);
}

/**
 * A decoded line from its characters: their text, and the mean of their probabilities. Plain
 * loops: the arrays `map` makes of an empty and a full line have different shapes, and the
 * decoders optimised for one were thrown away at the other, tens of times a batch (a compile of
 * the beam search costs 20 to 50 ms; docs/ocr-engine.md, "Code V8 optimises once").
 */
export function lineOf(chars: CtcChar[], frames: number): CtcLine {
  let text = '';
  let sum = 0;
  for (let i = 0; i < chars.length; i++) {
    text += chars[i]!.char;
    sum += chars[i]!.probability;
  }
  return { text, confidence: chars.length === 0 ? 0 : sum / chars.length, chars, frames };
}

/**
 * The classes worth comparing in each frame, worked out once per class table. With an allowed
 * set (a few hundred of PP-OCR's 6,625 classes) decoding a page takes about 2 ms instead of 6.
 */
const candidateCache = new WeakMap<CtcClasses, Int32Array>();
export function candidateClasses(classes: CtcClasses, classCount: number): Int32Array {
  let list = candidateCache.get(classes);
  if (!list) {
    const picked: number[] = [];
    for (let c = 0; c < classCount; c++) if (c !== classes.blankIndex && (classes.allowed === undefined || classes.allowed[c] === 1)) picked.push(c);
    list = Int32Array.from(picked);
    candidateCache.set(classes, list);
  }
  return list;
}
