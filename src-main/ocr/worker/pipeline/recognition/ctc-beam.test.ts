import { describe, expect, it } from 'vitest';
import { CharLanguageModel } from './char-lm';
import { ctcGreedyDecode, type CtcClasses } from './ctc';
import { alignedLine, ctcBeamDecode, type LanguageModelDecoder } from './ctc-beam';

// Classes: 0 blank, 1 'a', 2 'b', 3 'c'; a model that knows nothing (every class unseen), so the frames alone decide.
const classes: CtcClasses = { characters: ['', 'a', 'b', 'c'], blankIndex: 0 };
const EOS = '\u0003';
const knowsNothing = new CharLanguageModel({
  format: 'recibo-char-lm', version: 2, order: 2, alphabet: `abc${EOS}`, bos: '\u0002', eos: EOS, digit: '0', floor: 0, unseen: Math.log(0.25),
  ngrams: { keys: new Float64Array(), values: new Float32Array() }, backoff: { keys: new Float64Array(), values: new Float32Array() },
});
const decoder = (minProbability = 0.001): LanguageModelDecoder => ({ model: knowsNothing, options: { weight: 1, charBonus: Math.log(4), beamWidth: 8, minProbability } });

/** Frames as [class, probability] pairs; the rest of each frame's mass goes to the blank. */
function frames(seq: [number, number][][]): Float32Array {
  const out = new Float32Array(seq.length * 4);
  seq.forEach((frame, t) => {
    out[t * 4] = 1 - frame.reduce((s, [, p]) => s + p, 0);
    for (const [c, p] of frame) out[t * 4 + c] = p;
  });
  return out;
}
const beam = (probs: Float32Array, d = decoder()) => ctcBeamDecode(probs, 0, probs.length / 4, 4, classes, d);

describe('CTC prefix beam search', () => {
  it('reads the most likely text, not the most likely frames', () => {
    // 'a' at 0.4 in two frames: greedily nothing, but 'a' holds 0.64 of the mass.
    const probs = frames([[[1, 0.4]], [[1, 0.4]]]);
    expect(ctcGreedyDecode(probs, 0, 2, 4, classes).text).toBe('');
    expect(beam(probs).text).toBe('a');
  });

  it('collapses a run into one character, and needs a blank between two', () => {
    expect(beam(frames([[[1, 0.9]], [[1, 0.9]]])).text).toBe('a');
    expect(beam(frames([[[1, 0.9]], [], [[1, 0.9]]])).text).toBe('aa');
    // Two readings in each frame: 'ab' (0.55 x 0.55) over 'a' and 'b' (0.55 x 0.45 each) and 'ba'.
    expect(beam(frames([[[1, 0.55], [2, 0.45]], [[2, 0.55], [1, 0.45]]])).text).toBe('ab');
  });

  it('returns the greedy line itself when the text is the same', () => {
    const probs = frames([[[1, 0.9]], [[1, 0.8]], [], [[2, 0.7]], [[3, 0.6]]]);
    expect(beam(probs)).toEqual(ctcGreedyDecode(probs, 0, 5, 4, classes));
  });

  it('never tries a class below its least probability, nor one outside the allowed set', () => {
    const probs = frames([[[1, 0.4]], [[1, 0.4]]]);
    expect(beam(probs, decoder(0.5)).text).toBe('');
    const allowed = Uint8Array.from([1, 0, 1, 1]);
    expect(ctcBeamDecode(probs, 0, 2, 4, { ...classes, allowed }, decoder()).text).toBe('');
  });

  it('reads only the frames of its own line in a batch', () => {
    const probs = frames([[[1, 0.9]], [[2, 0.9]], [[3, 0.9]]]);
    expect(ctcBeamDecode(probs, 4, 2, 4, classes, decoder()).text).toBe('bc');
  });
});

describe('CTC alignment of a chosen text', () => {
  it('spans each character over the frames of its run, with its highest probability there', () => {
    const aligned = alignedLine(frames([[[1, 0.8]], [[1, 0.9]], [], [[2, 0.7]]]), 0, 4, 4, classes, [1, 2]);
    expect(aligned.chars.map((c) => [c.char, c.firstFrame, c.lastFrame])).toEqual([['a', 0, 1], ['b', 3, 3]]);
    expect(aligned.text).toBe('ab');
    expect(aligned.confidence).toBeCloseTo((0.9 + 0.7) / 2, 5);
  });

  it('puts a blank between two of the same character', () => {
    const aligned = alignedLine(frames([[[1, 0.9]], [[1, 0.5]], [[1, 0.9]]]), 0, 3, 4, classes, [1, 1]);
    expect(aligned.chars.map((c) => [c.firstFrame, c.lastFrame])).toEqual([[0, 0], [2, 2]]);
  });

  it('aligns an empty text to no characters', () => {
    expect(alignedLine(frames([[], []]), 0, 2, 4, classes, [])).toMatchObject({ text: '', confidence: 0, chars: [], frames: 2 });
  });
});
