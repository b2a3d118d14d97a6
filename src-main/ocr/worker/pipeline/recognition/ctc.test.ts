import { describe, expect, it } from 'vitest';
import { ctcGreedyDecode, type CtcClasses } from './ctc';

// Classes: 0 blank, 1 'a', 2 'b', 3 ' ', 4 '字'
const classes: CtcClasses = { characters: ['', 'a', 'b', ' ', '字'], blankIndex: 0 };

/** Frames as [class, probability]; the rest of each frame's mass goes to the blank. */
function frames(seq: [number, number][]): Float32Array {
  const out = new Float32Array(seq.length * 5);
  seq.forEach(([c, p], t) => {
    out[t * 5] = 1 - p;
    out[t * 5 + c] = c === 0 ? 1 : p;
  });
  return out;
}

describe('ctcGreedyDecode', () => {
  it('collapses repeats, drops blanks and keeps the frames of each character', () => {
    const probs = frames([[1, 0.9], [1, 0.8], [0, 1], [1, 0.7], [2, 0.6], [2, 0.9]]);
    const line = ctcGreedyDecode(probs, 0, 6, 5, classes);
    expect(line.text).toBe('aab');
    expect(line.chars.map((c) => [c.firstFrame, c.lastFrame])).toEqual([[0, 1], [3, 3], [4, 5]]);
    // Confidence: mean of each character's first frame.
    expect(line.confidence).toBeCloseTo((0.9 + 0.7 + 0.6) / 3, 5);
  });

  it('reads only the frames that belong to the crop', () => {
    const probs = frames([[1, 0.9], [2, 0.9], [1, 0.9]]);
    expect(ctcGreedyDecode(probs, 0, 2, 5, classes).text).toBe('ab');
    expect(ctcGreedyDecode(probs, 5, 2, 5, classes).text).toBe('ba');
  });

  it('never emits a class outside the allowed set', () => {
    const probs = frames([[4, 0.7], [1, 0.9]]);
    // Frame 0: '字' 0.7, then 'b' 0.2 ahead of the blank's 0.1.
    probs[0] = 0.1;
    probs[2] = 0.2;
    const allowed = Uint8Array.from([1, 1, 1, 1, 0]);
    const line = ctcGreedyDecode(probs, 0, 2, 5, { ...classes, allowed });
    expect(line.text).toBe('ba');
    expect(line.chars[0]!.probability).toBeCloseTo(0.2, 5);
  });

  it('gives an empty line zero confidence', () => {
    expect(ctcGreedyDecode(frames([[0, 1], [0, 1]]), 0, 2, 5, classes)).toMatchObject({ text: '', confidence: 0 });
  });
});
