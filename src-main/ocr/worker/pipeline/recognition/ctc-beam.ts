/**
 * CTC prefix beam search with a character language model: the line read as the text that the
 * recogniser's frames and the model of receipt text together find most likely, instead of the
 * most likely class of each frame on its own. Each hypothesis scores
 *   ln P_ctc(text | frames) + weight * ln P_lm(text) + charBonus * length(text),
 * the bonus paying back what the model's probabilities cost each character, so that the search
 * does not prefer shorter readings. Where the best text is the greedy one, the greedy line is
 * returned as it is; otherwise the text is aligned to the frames again (CTC Viterbi) so every
 * character keeps the frames it was read from, as the word boxes need.
 */
import { candidateClasses, ctcGreedyDecode, lineOf, type CtcChar, type CtcClasses, type CtcLine } from './ctc';
import type { CharLanguageModel } from './char-lm';

interface BeamOptions {
  /** The language model's weight against the recogniser's log-probabilities. */
  weight: number;
  /** Added to a hypothesis's score for each character it writes. */
  charBonus: number;
  /** Hypotheses kept after each frame. */
  beamWidth: number;
  /** A class less likely than this in a frame is not tried there (the blank always is). */
  minProbability: number;
}

export interface LanguageModelDecoder {
  model: CharLanguageModel;
  options: BeamOptions;
}

/** The classes a hypothesis wrote, newest first, shared between the hypotheses that extend it. */
interface Written {
  cls: number;
  previous: Written | null;
}

interface Hypothesis {
  text: string;
  written: Written | null;
  /** The language model's context after `text`. */
  context: string;
  /** ln P of the frames so far, with the path ending in a blank / in the last character. */
  blank: number;
  nonBlank: number;
  /** The language model's and the bonus's share of the score, fixed once the text is. */
  lm: number;
}

const NEG = -Infinity;

/**
 * Every hypothesis is made here, its fields always in the same order: objects of one shape keep
 * the search's code monomorphic (spread copies and literals in other orders gave V8 several
 * shapes, and the search was deoptimised and compiled again, about 50 ms each time).
 */
function hypothesis(text: string, written: Written | null, context: string, blank: number, nonBlank: number, lm: number): Hypothesis {
  return { text, written, context, blank, nonBlank, lm };
}

function logAdd(a: number, b: number): number {
  if (a === NEG) return b;
  if (b === NEG) return a;
  return a > b ? a + Math.log1p(Math.exp(b - a)) : b + Math.log1p(Math.exp(a - b));
}

const score = (h: Hypothesis) => logAdd(h.blank, h.nonBlank) + h.lm;
/**
 * Module-level, not an arrow in the call: V8 optimises a function created per call afresh each
 * time it gets hot (docs/ocr-engine.md, "Code V8 optimises once").
 */
const byScoreDescending = (a: Hypothesis, b: Hypothesis) => score(b) - score(a);

/** Adds a frame's paths to a hypothesis already in `next`, or returns false when `text` is new there. */
function merge(next: Map<string, Hypothesis>, text: string, blank: number, nonBlank: number): boolean {
  const known = next.get(text);
  if (!known) return false;
  known.blank = logAdd(known.blank, blank);
  known.nonBlank = logAdd(known.nonBlank, nonBlank);
  return true;
}

/**
 * Decodes one sequence of `frames` x `classCount` probabilities starting at `offset` (laid out as
 * ctcGreedyDecode reads them).
 */
export function ctcBeamDecode(probs: Float32Array, offset: number, frames: number, classCount: number, classes: CtcClasses, decoder: LanguageModelDecoder): CtcLine {
  const { model, options } = decoder;
  const candidates = candidateClasses(classes, classCount);
  const blankIndex = classes.blankIndex;
  let beams: Hypothesis[] = [hypothesis('', null, model.start, 0, NEG, 0)];
  const tried: number[] = [];
  for (let t = 0; t < frames; t++) {
    const row = offset + t * classCount;
    tried.length = 0;
    for (let k = 0; k < candidates.length; k++) if (probs[row + candidates[k]!]! >= options.minProbability) tried.push(candidates[k]!);
    const blank = Math.log(probs[row + blankIndex]!);
    if (tried.length === 0) {
      // No class but the blank is tried here: every hypothesis ends in it, and their order stays.
      for (const h of beams) {
        h.blank = logAdd(h.blank, h.nonBlank) + blank;
        h.nonBlank = NEG;
      }
      continue;
    }
    const next = new Map<string, Hypothesis>();
    for (const h of beams) {
      const total = logAdd(h.blank, h.nonBlank);
      // The same text again, ending in a blank; the hypothesis itself carries it on when new.
      if (!merge(next, h.text, total + blank, NEG)) next.set(h.text, hypothesis(h.text, h.written, h.context, total + blank, NEG, h.lm));
      const last = h.written?.cls;
      for (const cls of tried) {
        const p = Math.log(probs[row + cls]!);
        // The same class again continues the last character, unless a blank came between.
        if (cls === last && !merge(next, h.text, NEG, h.nonBlank + p)) next.set(h.text, hypothesis(h.text, h.written, h.context, NEG, h.nonBlank + p, h.lm));
        const from = cls === last ? h.blank : total;
        if (from === NEG) continue;
        const ch = classes.characters[cls] ?? '';
        const text = h.text + ch;
        // The language model is asked once per new text.
        if (!merge(next, text, NEG, from + p)) {
          const lm = h.lm + options.weight * model.logProbability(h.context, ch) + options.charBonus;
          next.set(text, hypothesis(text, { cls, previous: h.written }, model.next(h.context, ch), NEG, from + p, lm));
        }
      }
    }
    beams = [...next.values()].sort(byScoreDescending).slice(0, options.beamWidth);
  }
  // The best hypothesis once the text ends (the first of equals). One loop from the first, not
  // the first apart: a loop that most short lines never entered was optimised without feedback.
  let best = beams[0]!;
  let bestEnded = NEG;
  for (let i = 0; i < beams.length; i++) {
    const ended = score(beams[i]!) + options.weight * model.logProbability(beams[i]!.context, undefined);
    if (i === 0 || ended > bestEnded) {
      best = beams[i]!;
      bestEnded = ended;
    }
  }
  const greedy = ctcGreedyDecode(probs, offset, frames, classCount, classes);
  if (best.text === greedy.text) return greedy;
  const written: number[] = [];
  for (let w = best.written; w; w = w.previous) written.unshift(w.cls);
  return alignedLine(probs, offset, frames, classCount, classes, written);
}

/**
 * The line `written` (class indices) aligned to the frames by CTC's most likely path: each
 * character's first and last frame, and its class's highest probability over them.
 */
export function alignedLine(probs: Float32Array, offset: number, frames: number, classCount: number, classes: CtcClasses, written: readonly number[]): CtcLine {
  // States: 2i is the blank before character i, 2i + 1 character i; 2L the blank after the last.
  const states = 2 * written.length + 1;
  const label = (s: number) => (s % 2 === 0 ? classes.blankIndex : written[(s - 1) / 2]!);
  const from = new Int32Array(frames * states);
  let dp = new Float64Array(states).fill(NEG);
  dp[0] = Math.log(probs[offset + label(0)]!);
  if (states > 1) dp[1] = Math.log(probs[offset + label(1)]!);
  for (let t = 1; t < frames; t++) {
    const row = offset + t * classCount;
    const now = new Float64Array(states).fill(NEG);
    for (let s = 0; s < states; s++) {
      let best = s;
      if (s >= 1 && dp[s - 1]! > dp[best]!) best = s - 1;
      // A character may follow the one before it straight away unless it is the same class.
      if (s % 2 === 1 && s >= 3 && label(s) !== label(s - 2) && dp[s - 2]! > dp[best]!) best = s - 2;
      if (dp[best] === NEG) continue;
      now[s] = dp[best]! + Math.log(probs[row + label(s)]!);
      from[t * states + s] = best;
    }
    dp = now;
  }
  let s = states > 1 && dp[states - 2]! > dp[states - 1]! ? states - 2 : states - 1;
  const chars: CtcChar[] = [];
  for (const cls of written) chars.push({ char: classes.characters[cls] ?? '', firstFrame: frames, lastFrame: -1, probability: 0 });
  for (let t = frames - 1; t >= 0; t--) {
    if (s % 2 === 1) {
      const c = chars[(s - 1) / 2]!;
      c.firstFrame = Math.min(c.firstFrame, t);
      c.lastFrame = Math.max(c.lastFrame, t);
      c.probability = Math.max(c.probability, probs[offset + t * classCount + label(s)]!);
    }
    if (t > 0) s = from[t * states + s]!;
  }
  return lineOf(chars, frames);
}
